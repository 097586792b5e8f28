using FastMaker.Engine.Pipeline;

namespace FastMaker.Engine.Journal;

/// <summary>One frame read back from a capture; <see cref="Frame"/> is valid until the next read.</summary>
public readonly struct CaptureRecord
{
    /// <summary>Creates a record.</summary>
    public CaptureRecord(long receiveMs, InboundChannel channel, short connectionId, ReadOnlyMemory<byte> frame, long offset)
    {
        ReceiveMs = receiveMs;
        Channel = channel;
        ConnectionId = connectionId;
        Frame = frame;
        Offset = offset;
    }

    /// <summary>Receive time, unix ms.</summary>
    public long ReceiveMs { get; }

    /// <summary>Market or user (a WebSocket frame), or Control (the frame is a <see cref="ControlRecordCodec"/> body).</summary>
    public InboundChannel Channel { get; }

    /// <summary>The connection (shard) id.</summary>
    public short ConnectionId { get; }

    /// <summary>The frame bytes as received.</summary>
    public ReadOnlyMemory<byte> Frame { get; }

    /// <summary>Byte offset of the record in the file.</summary>
    public long Offset { get; }
}
