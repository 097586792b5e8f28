using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Primitives;

namespace FastMaker.Paper.Execution;

/// <summary>The gate's view of our open orders, read straight from the engine's order tracker (engine thread).</summary>
public sealed class TrackedOrderLookup : IOrderLookup
{
    private readonly OrderTracker _orders;

    /// <summary>Creates a lookup over <paramref name="orders"/>.</summary>
    public TrackedOrderLookup(OrderTracker orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        _orders = orders;
    }

    /// <inheritdoc />
    public bool TryGetLive(in Hash32 orderId, out LiveOrderView order)
    {
        if (_orders.TryGetSlot(orderId, out int slot) && _orders[slot].State.IsOpen())
        {
            order = _orders[slot].View;
            return true;
        }

        order = default;
        return false;
    }
}
