using System.Buffers.Binary;

namespace FastMaker.Polymarket.WebSockets;

/// <summary>
/// The 16-byte header the receive loop writes in front of every receive chunk in the Pipe:
/// length and flags (int32), session (int32), receive timestamp (int64), little-endian.
/// A WebSocket message is one or more chunks, the last flagged end-of-message; a chunk flagged
/// discard tells the reader to drop the unfinished message before it (the socket died mid-message).
/// The header lives in the same Pipe memory as the payload that follows it, so nothing is copied.
/// </summary>
internal static class WsFrameHeader
{
    public const int Size = 16;
    public const int MaxChunkLength = (1 << 28) - 1;
    private const int LengthMask = MaxChunkLength;
    private const int EndOfMessageFlag = 1 << 31;
    private const int BinaryFlag = 1 << 30;
    private const int DiscardFlag = 1 << 29;

    public static void Write(Span<byte> destination, int length, bool endOfMessage, bool binary, bool discard, int session, long timestamp)
    {
        int word = length & LengthMask;
        if (endOfMessage) word |= EndOfMessageFlag;
        if (binary) word |= BinaryFlag;
        if (discard) word |= DiscardFlag;
        BinaryPrimitives.WriteInt32LittleEndian(destination, word);
        BinaryPrimitives.WriteInt32LittleEndian(destination.Slice(4), session);
        BinaryPrimitives.WriteInt64LittleEndian(destination.Slice(8), timestamp);
    }

    public static int Length(int word) => word & LengthMask;

    public static bool IsEndOfMessage(int word) => (word & EndOfMessageFlag) != 0;

    public static bool IsBinary(int word) => (word & BinaryFlag) != 0;

    public static bool IsDiscard(int word) => (word & DiscardFlag) != 0;
}
