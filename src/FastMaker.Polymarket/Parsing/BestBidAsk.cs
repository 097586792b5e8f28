using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>A market-channel <c>best_bid_ask</c> (custom feature): the token's top of book. Blittable.</summary>
public struct BestBidAsk
{
    /// <summary>Condition id (<c>market</c>).</summary>
    public Hash32 Market;
    /// <summary>Token id (<c>asset_id</c>).</summary>
    public UInt256 AssetId;
    /// <summary>Venue timestamp, unix milliseconds.</summary>
    public long TimestampMs;
    /// <summary>Best bid, valid when <see cref="HasBestBid"/>.</summary>
    public Price BestBid;
    /// <summary>Best ask, valid when <see cref="HasBestAsk"/>.</summary>
    public Price BestAsk;
    /// <summary>Spread as sent by the venue (<c>spread</c>), valid when <see cref="HasSpread"/>.</summary>
    public Price Spread;
    /// <summary>True when a bid price was present.</summary>
    public bool HasBestBid;
    /// <summary>True when an ask price was present.</summary>
    public bool HasBestAsk;
    /// <summary>True when <c>spread</c> was present.</summary>
    public bool HasSpread;
}
