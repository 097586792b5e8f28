using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Reconciliation;

/// <summary>
/// One leg of a venue trade that filled one of our orders (<c>GET /data/trades</c>): the taker leg, or one of the
/// maker legs. A trade can hold several of ours.
/// </summary>
/// <param name="TradeId">The venue's trade id.</param>
/// <param name="OrderId">Our order on this leg.</param>
/// <param name="TokenId">The token our order traded.</param>
/// <param name="Side">Our order's side.</param>
/// <param name="Price">Our leg's price.</param>
/// <param name="Size">Shares our order filled on this leg.</param>
/// <param name="Status">The trade's status; FAILED legs count for nothing.</param>
/// <param name="IsMaker">True for a maker leg (our order rested), false for the taker leg.</param>
/// <param name="MatchMs">Match time, unix ms (0 when the venue sent none).</param>
public readonly record struct VenueTradeLeg(
    Guid TradeId,
    Hash32 OrderId,
    UInt256 TokenId,
    Side Side,
    Price Price,
    Quantity Size,
    TradeStatusCode Status,
    bool IsMaker,
    long MatchMs);
