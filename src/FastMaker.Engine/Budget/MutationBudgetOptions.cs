namespace FastMaker.Engine.Budget;

/// <summary>
/// Settings of the <see cref="MutationBudget"/>. Times are engine-clock milliseconds. Two documented profiles:
/// <see cref="Conservative"/> (the audit's numbers: 30 s per-market cooldown, 60 mutations a minute) and
/// <see cref="Production"/> (1 s cooldown, 1200 a minute: half the venue's standard-tier order rate of 40/s).
/// The reject-storm and circuit-breaker numbers (5 rejects, pauses of 5, 10, 20 min..., 50 rejects a minute) are the
/// same in both.
/// </summary>
public sealed record MutationBudgetOptions
{
    /// <summary>The audit's profile: a market mutates at most every 30 s, 60 mutations a minute in total.</summary>
    public static MutationBudgetOptions Conservative { get; } = new();

    /// <summary>A tighter profile for a quoting maker: 1 s per-market cooldown, 1200 mutations a minute in total.</summary>
    public static MutationBudgetOptions Production { get; } = new() { MaxMutationsPerMinute = 1200, MarketCooldownMs = 1_000 };

    /// <summary>New orders (places and replaces) allowed in any 60 s window, across all markets. Default 60.</summary>
    public int MaxMutationsPerMinute { get; init; } = 60;

    /// <summary>Minimum interval between two mutations of one market. Default 30 s.</summary>
    public long MarketCooldownMs { get; init; } = 30_000;

    /// <summary>Venue rejects of one market that start a storm pause. Default 5.</summary>
    public int RejectsBeforePause { get; init; } = 5;

    /// <summary>The first storm pause; each further storm doubles it. Default 5 min.</summary>
    public long FirstPauseMs { get; init; } = 5 * 60_000;

    /// <summary>The longest storm pause. Default 160 min (six doublings).</summary>
    public long MaxPauseMs { get; init; } = 160 * 60_000;

    /// <summary>A market with no reject for this long (counted from its last reject or pause end) starts again at the first pause. Default 60 min.</summary>
    public long CleanPeriodMs { get; init; } = 60 * 60_000;

    /// <summary>Venue rejects within 60 s, across all markets, that trip the global circuit breaker. Default 50.</summary>
    public int CircuitBreakerRejectsPerMinute { get; init; } = 50;

    /// <summary>How long the tripped circuit breaker stops all new orders. Default 10 min.</summary>
    public long CircuitBreakerPauseMs { get; init; } = 10 * 60_000;

    /// <summary>The first global backoff after a 429 without a retry hint, and after a 425; doubles while they repeat. Default 1 s.</summary>
    public long FirstVenueBackoffMs { get; init; } = 1_000;

    /// <summary>The longest backoff we choose ourselves (a venue retry hint is always honoured in full). Default 30 s.</summary>
    public long MaxVenueBackoffMs { get; init; } = 30_000;

    /// <summary>After a matching-engine restart (425) only post-only orders are accepted for this long. Default 2 min.</summary>
    public long PostOnlyWindowMs { get; init; } = 120_000;

    /// <summary>After a cancel-only or trading-disabled reply, new orders stop for this long before one probe is allowed. Default 30 s.</summary>
    public long VenueModeProbeMs { get; init; } = 30_000;

    /// <summary>When the rate-limit headers report this many tokens or fewer, mutations are spread until the bucket's reset. Default 10.</summary>
    public long SlowDownRemaining { get; init; } = 10;

    /// <summary>Throws when a value is out of range (at start-up).</summary>
    public void Validate()
    {
        if (MaxMutationsPerMinute < 1) throw new ArgumentOutOfRangeException(nameof(MaxMutationsPerMinute), MaxMutationsPerMinute, "MaxMutationsPerMinute must be at least 1.");
        if (MarketCooldownMs < 0) throw new ArgumentOutOfRangeException(nameof(MarketCooldownMs), MarketCooldownMs, "MarketCooldownMs must not be negative.");
        if (RejectsBeforePause < 1) throw new ArgumentOutOfRangeException(nameof(RejectsBeforePause), RejectsBeforePause, "RejectsBeforePause must be at least 1.");
        if (FirstPauseMs < 1 || MaxPauseMs < FirstPauseMs) throw new ArgumentOutOfRangeException(nameof(FirstPauseMs), FirstPauseMs, "FirstPauseMs must be positive and at most MaxPauseMs.");
        if (CleanPeriodMs < 1) throw new ArgumentOutOfRangeException(nameof(CleanPeriodMs), CleanPeriodMs, "CleanPeriodMs must be positive.");
        if (CircuitBreakerRejectsPerMinute < 1) throw new ArgumentOutOfRangeException(nameof(CircuitBreakerRejectsPerMinute), CircuitBreakerRejectsPerMinute, "CircuitBreakerRejectsPerMinute must be at least 1.");
        if (CircuitBreakerPauseMs < 1) throw new ArgumentOutOfRangeException(nameof(CircuitBreakerPauseMs), CircuitBreakerPauseMs, "CircuitBreakerPauseMs must be positive.");
        if (FirstVenueBackoffMs < 1 || MaxVenueBackoffMs < FirstVenueBackoffMs) throw new ArgumentOutOfRangeException(nameof(FirstVenueBackoffMs), FirstVenueBackoffMs, "FirstVenueBackoffMs must be positive and at most MaxVenueBackoffMs.");
        if (PostOnlyWindowMs < 0) throw new ArgumentOutOfRangeException(nameof(PostOnlyWindowMs), PostOnlyWindowMs, "PostOnlyWindowMs must not be negative.");
        if (VenueModeProbeMs < 1) throw new ArgumentOutOfRangeException(nameof(VenueModeProbeMs), VenueModeProbeMs, "VenueModeProbeMs must be positive.");
        if (SlowDownRemaining < 0) throw new ArgumentOutOfRangeException(nameof(SlowDownRemaining), SlowDownRemaining, "SlowDownRemaining must not be negative.");
    }
}
