using FastMaker.Engine.Pipeline;

namespace FastMaker.Engine.Replay;

/// <summary>One recorded frame to replay: receive time (unix ms), channel, connection and the frame bytes.</summary>
public readonly record struct ReplayFrame(long ReceiveMs, InboundChannel Channel, short ConnectionId, ReadOnlyMemory<byte> Frame);
