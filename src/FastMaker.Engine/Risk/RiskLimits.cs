namespace FastMaker.Engine.Risk;

/// <summary>
/// Caps and kill-switch settings of the risk engine. Money is in collateral raw units (1e-6 pUSD) and shares in
/// raw units (1e-6 share); a cap of 0 or less disables that cap. Defaults are conservative for a small account.
/// </summary>
public sealed class RiskLimits
{
    /// <summary>Per market: value (price x remaining, both sides) of open orders plus the cost of the market's positions. Default 500 pUSD.</summary>
    public long MaxMarketGrossNotional { get; init; } = 500_000_000;

    /// <summary>
    /// Per market: worst-case net inventory in YES-equivalent shares (YES minus NO, if every open order adding to
    /// that direction filled). Only intents that grow the worst case in their direction are refused. Default 1000 shares.
    /// </summary>
    public long MaxMarketNetShares { get; init; } = 1_000_000_000;

    /// <summary>Per cluster (a negRisk event, or a configured group): gross notional of its markets. Default 1500 pUSD.</summary>
    public long MaxClusterGrossNotional { get; init; } = 1_500_000_000;

    /// <summary>Aggregate: open order value plus cost of all positions. Default 5000 pUSD.</summary>
    public long MaxGrossNotional { get; init; } = 5_000_000_000;

    /// <summary>
    /// Aggregate: sum over markets of the worst-case net YES-equivalent shares at face value (1 pUSD a share, the
    /// most a share can pay or lose), counted in collateral units. Default 3000 pUSD.
    /// </summary>
    public long MaxNetNotional { get; init; } = 3_000_000_000;

    /// <summary>Aggregate: open orders. Default 200.</summary>
    public int MaxOpenOrders { get; init; } = 200;

    /// <summary>Per token: shares held plus shares open BUY orders would add. Default 2000 shares.</summary>
    public long MaxTokenShares { get; init; } = 2_000_000_000;

    /// <summary>
    /// A BUY that is not post-only may take and pay the taker fee (shares x rate x p(1-p), worst p up to its limit),
    /// so it needs that much available collateral on top of its value. This rate (bps) is assumed when the market's
    /// fee rate is unknown. Default 700 (7%, the highest category rate, crypto).
    /// </summary>
    public int AssumedTakerFeeRateBps { get; init; } = 700;

    /// <summary>When false (default), SELL orders may use shares whose BUY trade is not CONFIRMED yet; when true only settled shares.</summary>
    public bool SellOnlyConfirmedShares { get; init; }

    /// <summary>Kill switch: trip when net realized PnL falls this far below its peak. Default 100 pUSD.</summary>
    public long MaxDrawdown { get; init; } = 100_000_000;

    /// <summary>Kill switch: trip when this many errors (venue rejects, contradicting events) occur within <see cref="ErrorWindowMs"/>. Default 20.</summary>
    public int MaxErrorsPerWindow { get; init; } = 20;

    /// <summary>The error-rate window, ms of engine time. Default 60 s.</summary>
    public long ErrorWindowMs { get; init; } = 60_000;

    /// <summary>
    /// Extra clusters by configuration: condition id (0x hex, any case) to a cluster name. Markets not listed fall
    /// back to their negRisk market id, then to their event id when negRisk, else form a cluster of their own. Default empty.
    /// </summary>
    public IReadOnlyDictionary<string, string> Clusters { get; init; } = new Dictionary<string, string>();
}
