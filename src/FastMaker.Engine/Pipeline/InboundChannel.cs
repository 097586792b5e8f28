namespace FastMaker.Engine.Pipeline;

/// <summary>Where an inbound event came from.</summary>
public enum InboundChannel : byte
{
    /// <summary>The market WebSocket channel.</summary>
    Market,

    /// <summary>The user WebSocket channel.</summary>
    User,

    /// <summary>Timers, REST replies, metadata refreshes and operator commands.</summary>
    Control,
}
