using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>A user-channel <c>order</c> event: one change of one of our orders. Blittable.</summary>
public struct OrderEvent
{
    /// <summary>Order id, the EIP-712 order hash (<c>id</c>).</summary>
    public Hash32 OrderId;
    /// <summary>Condition id (<c>market</c>).</summary>
    public Hash32 Market;
    /// <summary>Token id (<c>asset_id</c>).</summary>
    public UInt256 AssetId;
    /// <summary>API key of the event's recipient (<c>owner</c>), valid when <see cref="HasOwner"/>.</summary>
    public Guid Owner;
    /// <summary>API key that owns the order (<c>order_owner</c>), valid when <see cref="HasOrderOwner"/>.</summary>
    public Guid OrderOwner;
    /// <summary>Maker (funder) address (<c>maker_address</c>), valid when <see cref="HasMakerAddress"/>.</summary>
    public EthAddress MakerAddress;
    /// <summary>Venue timestamp of the event, unix ms.</summary>
    public long TimestampMs;
    /// <summary>Order creation time (<c>created_at</c>), unix ms (sent in s or ms); 0 when absent or empty.</summary>
    public long CreatedAtMs;
    /// <summary>Expiration (<c>expiration</c>), unix ms; 0 = none (wire "0", null or absent).</summary>
    public long ExpirationMs;
    /// <summary>Original order size in shares.</summary>
    public Quantity OriginalSize;
    /// <summary>Matched size so far in shares (<c>size_matched</c>; empty string = 0).</summary>
    public Quantity SizeMatched;
    /// <summary>Limit price.</summary>
    public Price Price;
    /// <summary>Number of trade ids in <c>associate_trades</c> (null = 0).</summary>
    public int AssociateTradeCount;
    /// <summary>Order side.</summary>
    public Side Side;
    /// <summary>PLACEMENT, UPDATE or CANCELLATION.</summary>
    public OrderEventType Type;
    /// <summary>Order status.</summary>
    public OrderStatusCode Status;
    /// <summary>Time in force (<c>order_type</c>).</summary>
    public OrderTimeInForce TimeInForce;
    /// <summary>Outcome label of the token.</summary>
    public OutcomeLabel Outcome;
    /// <summary>True when <c>owner</c> was present.</summary>
    public bool HasOwner;
    /// <summary>True when <c>order_owner</c> was present.</summary>
    public bool HasOrderOwner;
    /// <summary>True when <c>maker_address</c> was present.</summary>
    public bool HasMakerAddress;
}
