using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Store;

/// <summary>
/// One fill of ours (one leg of one trade), keyed by (trade id, order id): a trade can fill several of our orders.
/// The status moves MATCHED -> MINED -> CONFIRMED, or RETRYING -> FAILED; the row is upserted on each change.
/// </summary>
/// <param name="TradeId">The venue's trade id.</param>
/// <param name="OrderId">Our order filled by this leg.</param>
/// <param name="TokenId">The outcome token.</param>
/// <param name="Side">Our side.</param>
/// <param name="Price">Fill price.</param>
/// <param name="Size">Shares filled.</param>
/// <param name="Fee">Fee paid, raw collateral (negative for a rebate).</param>
/// <param name="Simulated">True when the paper fill model produced it, never the venue.</param>
/// <param name="Status">Latest trade status seen.</param>
/// <param name="Liquidity">Maker or taker.</param>
/// <param name="ClassificationSource">Which evidence decided <paramref name="Liquidity"/>.</param>
/// <param name="MatchMs">Venue match time, unix ms.</param>
/// <param name="UpdatedMs">Last change, engine clock, unix ms.</param>
public readonly record struct StoredFill(
    Guid TradeId,
    Hash32 OrderId,
    UInt256 TokenId,
    Side Side,
    Price Price,
    Quantity Size,
    Amount Fee,
    TradeStatusCode Status,
    StoredLiquidity Liquidity,
    StoredClassificationSource ClassificationSource,
    bool Simulated,
    long MatchMs,
    long UpdatedMs);
