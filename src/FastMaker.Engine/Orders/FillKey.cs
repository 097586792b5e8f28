using FastMaker.Primitives;

namespace FastMaker.Engine.Orders;

/// <summary>Identity of a fill: a trade id and one of our orders in it (one trade can fill several of our orders).</summary>
public readonly struct FillKey : IEquatable<FillKey>
{
    /// <summary>Creates a key.</summary>
    public FillKey(Guid tradeId, Hash32 orderId)
    {
        TradeId = tradeId;
        OrderId = orderId;
    }

    /// <summary>The trade id.</summary>
    public Guid TradeId { get; }

    /// <summary>Our order id.</summary>
    public Hash32 OrderId { get; }

    /// <inheritdoc />
    public bool Equals(FillKey other) => TradeId == other.TradeId && OrderId == other.OrderId;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FillKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(TradeId, OrderId);
}
