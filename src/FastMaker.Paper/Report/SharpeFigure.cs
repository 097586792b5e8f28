namespace FastMaker.Paper.Report;

/// <summary>
/// Sharpe ratio of one provenance's PnL per period (mean / sample standard deviation of the change in marked-to-mid
/// PnL over each whole UTC hour or day; not annualized), with a seeded bootstrap 95% CI.
/// </summary>
public sealed class SharpeFigure
{
    /// <summary>"hour" or "day".</summary>
    public required string Period { get; init; }

    /// <summary>Independent observations: whole periods with PnL valued at both ends.</summary>
    public required int Observations { get; init; }

    /// <summary>Periods skipped because a held token had no mark within max_mark_age_ms at a boundary.</summary>
    public required int PeriodsUnvalued { get; init; }

    /// <summary>"OK", "NOT_ENOUGH_DATA" (fewer than min_observations) or "UNDEFINED" (zero variance).</summary>
    public required string Status { get; init; }

    /// <summary>The minimum observations in force.</summary>
    public required int MinObservations { get; init; }

    /// <summary>Mean PnL per period, collateral (null unless OK).</summary>
    public double? MeanPnl { get; init; }

    /// <summary>Sample standard deviation of PnL per period (null unless OK).</summary>
    public double? StdevPnl { get; init; }

    /// <summary>The Sharpe ratio (null unless OK).</summary>
    public double? Sharpe { get; init; }

    /// <summary>Lower end of the bootstrap 95% CI (null unless OK).</summary>
    public double? CiLow { get; init; }

    /// <summary>Upper end of the bootstrap 95% CI (null unless OK).</summary>
    public double? CiHigh { get; init; }
}
