namespace FastMaker.Engine.Pipeline;

/// <summary>A timer that fired. Timers are events so the engine never reads a clock itself.</summary>
public struct TimerTick
{
    /// <summary>Which timer.</summary>
    public TimerKind Kind;

    /// <summary>The time it was due, unix milliseconds.</summary>
    public long DueMs;
}

/// <summary>The engine's periodic duties.</summary>
public enum TimerKind : byte
{
    /// <summary>Re-evaluate market states, staleness and quotes (default every 250 ms).</summary>
    Housekeeping,

    /// <summary>Send the venue heartbeat (every 5 s).</summary>
    VenueHeartbeat,

    /// <summary>Reconcile orders and positions with the venue.</summary>
    Reconcile,

    /// <summary>Refresh market metadata (default every 10 minutes).</summary>
    MetadataRefresh,
}
