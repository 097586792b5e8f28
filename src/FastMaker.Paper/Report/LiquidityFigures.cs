namespace FastMaker.Paper.Report;

/// <summary>The figures of one (real or simulated) x (maker, taker or unclassified) group of fills; never a mix.</summary>
public sealed class LiquidityFigures
{
    /// <summary>"maker", "taker" or "unknown" (not classified).</summary>
    public required string Liquidity { get; init; }

    /// <summary>Fills in the group (failed trades excluded).</summary>
    public required int Fills { get; init; }

    /// <summary>Shares filled.</summary>
    public required double Shares { get; init; }

    /// <summary>Fills per classification source ("origin", "trade_order_ids", ...), so the evidence is visible.</summary>
    public required SortedDictionary<string, int> ClassificationSources { get; init; }

    /// <summary>Fills with a mark at fill time (within max_mark_age_ms before it).</summary>
    public required int FillsWithMid { get; init; }

    /// <summary>Realized spread: size-weighted side x (mid at fill - price), collateral per share.</summary>
    public double? RealizedSpreadPerShare { get; init; }

    /// <summary>Markouts at each horizon.</summary>
    public required List<MarkoutFigure> Markouts { get; init; }

    /// <summary>Fees paid, collateral (negative for a rebate).</summary>
    public required double FeesPaid { get; init; }

    /// <summary>Fees per share filled.</summary>
    public double? FeesPerShare { get; init; }

    /// <summary>This group's part of the spread capture (null when a fill has no mid).</summary>
    public double? SpreadCapture { get; init; }

    /// <summary>This group's part of the inventory PnL (null when a fill or its token has no mid).</summary>
    public double? InventoryPnl { get; init; }
}
