using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// One level delta of a market-channel <c>price_change</c> event: the new aggregate size at a
/// price (size 0 removes the level). A message with n entries becomes n calls to
/// <see cref="IMarketChannelSink.OnPriceChange"/>, numbered by <see cref="EntryIndex"/> out of
/// <see cref="EntryCount"/>; the whole message is validated before the first call. Blittable.
/// </summary>
public struct PriceChange
{
    /// <summary>Condition id (<c>market</c>).</summary>
    public Hash32 Market;
    /// <summary>Token id of this entry (<c>asset_id</c>, per entry in the current format).</summary>
    public UInt256 AssetId;
    /// <summary>Venue timestamp of the message, unix milliseconds.</summary>
    public long TimestampMs;
    /// <summary>Book hash after the change (<c>hash</c>); may be absent.</summary>
    public BookHash Hash;
    /// <summary>Level price.</summary>
    public Price Price;
    /// <summary>New aggregate size at the level, valid when <see cref="HasSize"/>; 0 removes the level.</summary>
    public Quantity Size;
    /// <summary>Best bid after the change, valid when <see cref="HasBestBid"/> (a wire "0" means no bid and is reported as absent).</summary>
    public Price BestBid;
    /// <summary>Best ask after the change, valid when <see cref="HasBestAsk"/> (a wire "1" means no ask and is reported as absent).</summary>
    public Price BestAsk;
    /// <summary>Index of this entry in the message.</summary>
    public int EntryIndex;
    /// <summary>Number of entries in the message.</summary>
    public int EntryCount;
    /// <summary>Buy = bid level, Sell = ask level.</summary>
    public Side Side;
    /// <summary>The wire layout the message used.</summary>
    public PriceChangeFormat Format;
    /// <summary>True when <c>size</c> was present and non-empty.</summary>
    public bool HasSize;
    /// <summary>True when <c>best_bid</c> named a bid price.</summary>
    public bool HasBestBid;
    /// <summary>True when <c>best_ask</c> named an ask price.</summary>
    public bool HasBestAsk;
    /// <summary>True when <c>best_bid</c> or <c>best_ask</c> was present at all (even as an empty-side marker).</summary>
    public bool HasTopOfBook;
}
