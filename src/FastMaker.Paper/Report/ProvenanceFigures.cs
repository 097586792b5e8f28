using System.Text.Json.Serialization;

namespace FastMaker.Paper.Report;

/// <summary>Everything about one provenance: real (the venue filled us) or simulated (the paper model did).</summary>
public sealed class ProvenanceFigures
{
    /// <summary>"real" or "simulated".</summary>
    public required string Provenance { get; init; }

    /// <summary>Fills counted (every non-failed fill of this provenance).</summary>
    public required int Fills { get; init; }

    /// <summary>Fills of failed trades, excluded everywhere (the venue rolled them back).</summary>
    public required int FailedFillsExcluded { get; init; }

    /// <summary>Per maker / taker / unknown; figures are never pooled across these groups.</summary>
    public required List<LiquidityFigures> ByLiquidity { get; init; }

    /// <summary>The PnL split; null when a fill or a held token has no mid (see the missing list).</summary>
    public PnlSplit? Pnl { get; init; }

    /// <summary>Estimated liquidity rewards.</summary>
    public required RewardEstimate Rewards { get; init; }

    /// <summary>Sharpe per UTC hour.</summary>
    public required SharpeFigure SharpeHourly { get; init; }

    /// <summary>Sharpe per UTC day.</summary>
    public required SharpeFigure SharpeDaily { get; init; }

    /// <summary>Series for the plots (not part of the JSON).</summary>
    [JsonIgnore]
    public ReportSeries Series { get; init; } = new();
}
