using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Quoting;
using FastMaker.Primitives;

namespace FastMaker.Paper.Execution;

/// <summary>
/// Our open orders from the engine's order tracker, for the gate (<see cref="IOrderLookup"/>, read live) and the quote
/// differ (<see cref="ILiveOrderSource"/>, from a copy taken once per event: call <see cref="Invalidate"/> before each).
/// Engine thread only; allocation-free once the copy has grown to the number of open orders.
/// </summary>
public sealed class TrackedOrderLookup : IOrderLookup, ILiveOrderSource
{
    private readonly OrderTracker _orders;
    private LiveOrderView[] _open = new LiveOrderView[256];
    private int _count;
    private bool _valid;

    /// <summary>Creates a lookup over <paramref name="orders"/>.</summary>
    public TrackedOrderLookup(OrderTracker orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        _orders = orders;
    }

    /// <summary>Drops the copy: the tracker may have changed.</summary>
    public void Invalidate() => _valid = false;

    /// <inheritdoc />
    public int CopyLiveOrders(int tokenIndex, Span<LiveOrderView> destination)
    {
        if (!_valid)
        {
            _count = _orders.CopyOpenOrders(_open);
            while (_count == _open.Length)
            {
                // Cold: more open orders than ever before.
                _open = new LiveOrderView[_open.Length * 2];
                _count = _orders.CopyOpenOrders(_open);
            }

            _valid = true;
        }

        int n = 0;
        for (int i = 0; i < _count && n < destination.Length; i++)
        {
            if (_open[i].TokenIndex == tokenIndex) destination[n++] = _open[i];
        }

        return n;
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
