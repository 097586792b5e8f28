using System.Runtime.InteropServices;

namespace FastMaker.Engine.Pipeline;

/// <summary>
/// One slot of the inbound ring: every input of the engine, in one total order. Preallocated and reused;
/// the ingress thread (the single writer) fills it, the engine thread reads it.
/// </summary>
/// <remarks>
/// Hot events carry only unmanaged data in <see cref="Payload"/>. Rare events (new markets, metadata, REST replies,
/// operator commands) carry an object in <see cref="Cold"/>; the ingress clears it when the slot is reused.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct InboundEvent
{
    /// <summary>Which member of <see cref="Payload"/> is valid.</summary>
    public InboundKind Kind;

    /// <summary>Which socket or source this came from.</summary>
    public InboundChannel Channel;

    /// <summary>The connection (shard) the frame arrived on, for per-connection liveness.</summary>
    public short ConnectionId;

    /// <summary>Dense index of the token (asset) this event is about, or -1 (unknown token or not token-scoped).</summary>
    public int TokenIndex;

    /// <summary>Receive time, unix milliseconds: the engine's only clock (replays reproduce it exactly).</summary>
    public long ReceiveMs;

    /// <summary>Ordinal of the frame this event came from, so events of one frame can be grouped.</summary>
    public long FrameSequence;

    /// <summary>The unmanaged payload of hot events.</summary>
    public InboundPayload Payload;

    /// <summary>The object of a cold event, or null.</summary>
    public object? Cold;
}
