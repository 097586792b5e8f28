using System.Buffers;

namespace FastMaker.Polymarket.WebSockets;

/// <summary>A reusable sequence segment that chains the chunks of a message received in several parts.</summary>
internal sealed class FrameSegment : ReadOnlySequenceSegment<byte>
{
    public void Reset(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
        Next = null;
    }

    public void Link(FrameSegment next) => Next = next;
}
