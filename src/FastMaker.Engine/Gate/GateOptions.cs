namespace FastMaker.Engine.Gate;

/// <summary>Settings of the <see cref="ExecutionGate"/> that are not the mutation budget's.</summary>
public sealed record GateOptions
{
    /// <summary>
    /// A GTD expiration must be at least this far ahead of the engine clock. The venue refuses expirations less than
    /// 3 minutes ahead and expires GTD orders one minute early (PROTOCOL.md 1.4). Default 180 s.
    /// </summary>
    public long MinGtdLeadSeconds { get; init; } = 180;

    /// <summary>A GTD expiration further ahead than this is a bug (a ms value sent as seconds, say). Default 30 days.</summary>
    public long MaxGtdHorizonSeconds { get; init; } = 30L * 24 * 3600;

    /// <summary>
    /// The clock of the mutation budget (cooldowns, storm pauses, circuit breaker); null (default) uses the engine clock.
    /// Tests set a clock they can move forward to prove minute-long pauses without waiting for them.
    /// </summary>
    public TimeProvider? BudgetClock { get; init; }

    /// <summary>Throws when a value is out of range (at start-up).</summary>
    public void Validate()
    {
        if (MinGtdLeadSeconds < 0) throw new ArgumentOutOfRangeException(nameof(MinGtdLeadSeconds), MinGtdLeadSeconds, "MinGtdLeadSeconds must not be negative.");
        if (MaxGtdHorizonSeconds <= MinGtdLeadSeconds) throw new ArgumentOutOfRangeException(nameof(MaxGtdHorizonSeconds), MaxGtdHorizonSeconds, "MaxGtdHorizonSeconds must exceed MinGtdLeadSeconds.");
    }
}
