using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// Header of a user-channel <c>trade</c> event (one status transition of one match). The sink
/// receives <see cref="IUserChannelSink.OnTrade"/> with this header, then
/// <see cref="MakerOrderCount"/> calls to <see cref="IUserChannelSink.OnTradeMakerOrder"/>, then
/// <see cref="IUserChannelSink.OnTradeEnd"/>; the whole trade is validated first. Blittable.
/// </summary>
public struct TradeEvent
{
    /// <summary>Trade id (<c>id</c>, a UUID).</summary>
    public Guid TradeId;
    /// <summary>Taker's order id (<c>taker_order_id</c>).</summary>
    public Hash32 TakerOrderId;
    /// <summary>Condition id (<c>market</c>).</summary>
    public Hash32 Market;
    /// <summary>Taker's token id (<c>asset_id</c>).</summary>
    public UInt256 AssetId;
    /// <summary>Settlement transaction hash, valid when <see cref="HasTransactionHash"/> (empty before mining).</summary>
    public Hash32 TransactionHash;
    /// <summary>API key of the event's recipient (<c>owner</c>), valid when <see cref="HasOwner"/>.</summary>
    public Guid Owner;
    /// <summary>API key of the taker (<c>trade_owner</c>), valid when <see cref="HasTradeOwner"/>.</summary>
    public Guid TradeOwner;
    /// <summary>Taker's address (<c>maker_address</c> at the top level), valid when <see cref="HasMakerAddress"/>.</summary>
    public EthAddress MakerAddress;
    /// <summary>Venue timestamp of the event, unix ms (sent in s or ms).</summary>
    public long TimestampMs;
    /// <summary>Match time (<c>match_time</c>), unix ms; 0 when absent.</summary>
    public long MatchTimeMs;
    /// <summary>Last status change (<c>last_update</c>), unix ms; 0 when absent.</summary>
    public long LastUpdateMs;
    /// <summary>Taker's fill size in shares.</summary>
    public Quantity Size;
    /// <summary>Taker's fill price.</summary>
    public Price Price;
    /// <summary>Taker fee rate in basis points (<c>fee_rate_bps</c>), 0 when absent.</summary>
    public int FeeRateBps;
    /// <summary><c>bucket_index</c>, 0 when absent.</summary>
    public int BucketIndex;
    /// <summary>Number of maker orders that follow.</summary>
    public int MakerOrderCount;
    /// <summary>Taker's side.</summary>
    public Side Side;
    /// <summary>Trade status.</summary>
    public TradeStatusCode Status;
    /// <summary>Whether we were the taker or a maker.</summary>
    public TraderSide TraderSide;
    /// <summary>Outcome label of the taker's token.</summary>
    public OutcomeLabel Outcome;
    /// <summary>True when <c>transaction_hash</c> was present and non-empty.</summary>
    public bool HasTransactionHash;
    /// <summary>True when <c>owner</c> was present.</summary>
    public bool HasOwner;
    /// <summary>True when <c>trade_owner</c> was present.</summary>
    public bool HasTradeOwner;
    /// <summary>True when <c>maker_address</c> was present.</summary>
    public bool HasMakerAddress;
}
