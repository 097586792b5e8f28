namespace FastMaker.Venue.Matching;

/// <summary>Matching engine configuration.</summary>
public sealed class EngineOptions
{
    /// <summary>Seed of the engine's own randomness (which trades fail settlement, transaction hashes).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>A GTD order must expire at least this far in the future, on top of <see cref="GtdSecurityThreshold"/>.</summary>
    public TimeSpan GtdMinimumLifetime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>GTD orders are removed this long before their stated expiration (the reference's one-minute threshold).</summary>
    public TimeSpan GtdSecurityThreshold { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Delay from MATCHED to MINED (or to RETRYING for a failing trade).</summary>
    public TimeSpan MinedDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Delay from MINED to CONFIRMED (or from RETRYING to FAILED).</summary>
    public TimeSpan ConfirmedDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Fraction of trades whose settlement fails (0..1), drawn from <see cref="Seed"/>.</summary>
    public double SettlementFailureRate { get; init; }

    /// <summary>When true (the reference's behaviour), a 0.01 market switches to 0.001 beyond 0.96/0.04 and back inside.</summary>
    public bool AutomaticTickSizeChanges { get; init; } = true;

    /// <summary>Terminal orders kept for <c>GetOrder</c> and duplicate detection.</summary>
    public int OrderHistoryLimit { get; init; } = 200_000;

    /// <summary>Trades kept for <c>Trades</c> queries.</summary>
    public int TradeHistoryLimit { get; init; } = 200_000;
}
