using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// Header of a market-channel <c>book</c> event (a full snapshot of one token's book). The sink
/// receives <see cref="IMarketChannelSink.OnBookBegin"/> with this header, then one
/// <see cref="BookLevel"/> per level (bids first, in wire order, then asks in wire order), then
/// <see cref="IMarketChannelSink.OnBookEnd"/>. A book is validated whole before the first call,
/// so the sink never sees half a book. Blittable.
/// </summary>
public struct BookSnapshot
{
    /// <summary>Condition id of the market (<c>market</c>).</summary>
    public Hash32 Market;
    /// <summary>Token id (<c>asset_id</c>).</summary>
    public UInt256 AssetId;
    /// <summary>Venue timestamp, unix milliseconds (seconds on the wire are converted).</summary>
    public long TimestampMs;
    /// <summary>Venue book hash (<c>hash</c>); absent in some snapshots.</summary>
    public BookHash Hash;
    /// <summary>Tick size (<c>tick_size</c>), valid when <see cref="HasTickSize"/>.</summary>
    public TickSize TickSize;
    /// <summary>Minimum order size in shares (<c>min_order_size</c>), valid when <see cref="HasMinOrderSize"/>.</summary>
    public Quantity MinOrderSize;
    /// <summary>Last trade price (<c>last_trade_price</c>), valid when <see cref="HasLastTradePrice"/>.</summary>
    public Price LastTradePrice;
    /// <summary>Number of bid levels that follow.</summary>
    public int BidCount;
    /// <summary>Number of ask levels that follow the bids.</summary>
    public int AskCount;
    /// <summary>The <c>neg_risk</c> flag, valid when <see cref="HasNegRisk"/>.</summary>
    public bool NegRisk;
    /// <summary>True when <c>tick_size</c> was present and non-empty.</summary>
    public bool HasTickSize;
    /// <summary>True when <c>min_order_size</c> was present and non-empty.</summary>
    public bool HasMinOrderSize;
    /// <summary>True when <c>last_trade_price</c> was present and non-empty.</summary>
    public bool HasLastTradePrice;
    /// <summary>True when <c>neg_risk</c> was present.</summary>
    public bool HasNegRisk;
}
