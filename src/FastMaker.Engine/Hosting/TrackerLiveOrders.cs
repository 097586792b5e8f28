using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Quoting;
using FastMaker.Primitives;

namespace FastMaker.Engine.Hosting;

/// <summary>
/// The order tracker seen as the quote differ's <see cref="ILiveOrderSource"/> and the gate's <see cref="IOrderLookup"/>.
/// A token's open orders come from the tracker's per-token index (kept on open and close), so a lookup costs that
/// token's open orders, not the tracker's capacity; operator orders are not in it (the differ leaves them alone) but
/// the gate still finds them. Reads are always current: nothing is copied between events.
/// Engine thread only; allocation-free.
/// </summary>
public sealed class TrackerLiveOrders : ILiveOrderSource, IOrderLookup
{
    private readonly OrderTracker _orders;

    /// <summary>Wraps <paramref name="orders"/>.</summary>
    public TrackerLiveOrders(OrderTracker orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        _orders = orders;
    }

    /// <inheritdoc />
    public int CopyLiveOrders(int tokenIndex, Span<LiveOrderView> destination) => _orders.CopyOpenQuotes(tokenIndex, destination);

    /// <inheritdoc />
    public bool TryGetLive(in Hash32 orderId, out LiveOrderView order)
    {
        if (_orders.TryGetSlot(orderId, out var slot) && _orders[slot].State.IsOpen())
        {
            order = _orders[slot].View;
            return true;
        }

        order = default;
        return false;
    }
}
