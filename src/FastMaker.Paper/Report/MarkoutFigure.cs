namespace FastMaker.Paper.Report;

/// <summary>
/// Markout at one horizon for one group of fills: side x (mid at fill time + horizon - fill price), side +1 for a buy
/// and -1 for a sell, in collateral per share; positive means the fill earned.
/// </summary>
public sealed class MarkoutFigure
{
    /// <summary>The horizon in ms.</summary>
    public required long HorizonMs { get; init; }

    /// <summary>Fills with a mark at the horizon.</summary>
    public required int Fills { get; init; }

    /// <summary>Fills without one (the data ends before the horizon, or no mark within max_mark_age_ms).</summary>
    public required int FillsMissing { get; init; }

    /// <summary>Size-weighted mean per share; null when no fill has a mark.</summary>
    public double? PerShare { get; init; }

    /// <summary>Plain mean over fills; null when no fill has a mark.</summary>
    public double? MeanPerFill { get; init; }

    /// <summary>Bootstrap 95% CI of <see cref="PerShare"/> (fills resampled); null below min_observations.</summary>
    public double? CiLow { get; init; }

    /// <summary>Upper end of the CI.</summary>
    public double? CiHigh { get; init; }
}
