namespace FastMaker.Paper.Report;

/// <summary>
/// PnL of one provenance (real or simulated), marked to the last mid of each token, split so that
/// total = spread_capture + inventory_pnl - fees + rewards exactly:
/// spread capture = Σ side x (mid at fill - price) x size; inventory PnL = Σ side x size x (last mid - mid at fill);
/// which together equal cash flow + position x last mid.
/// </summary>
public sealed class PnlSplit
{
    /// <summary>The identity the components satisfy.</summary>
    public string Identity { get; init; } = "total = spread_capture + inventory_pnl - fees + rewards";

    /// <summary>Σ side x (mid at fill - price) x size, collateral.</summary>
    public required double SpreadCapture { get; init; }

    /// <summary>Σ side x size x (last mid of the token - mid at fill), collateral.</summary>
    public required double InventoryPnl { get; init; }

    /// <summary>Fees paid (a cost; negative for a net rebate), collateral.</summary>
    public required double Fees { get; init; }

    /// <summary>Estimated liquidity rewards, collateral (0 when <see cref="RewardsIncluded"/> is false).</summary>
    public required double Rewards { get; init; }

    /// <summary>False when the store has no reward samples for this provenance: the total then excludes rewards.</summary>
    public required bool RewardsIncluded { get; init; }

    /// <summary>spread_capture + inventory_pnl - fees + rewards.</summary>
    public required double Total { get; init; }
}
