using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Quoting;
using FastMaker.Primitives;

namespace FastMaker.Engine.Hosting;

/// <summary>
/// The order tracker seen as the quote differ's <see cref="ILiveOrderSource"/> and the gate's <see cref="IOrderLookup"/>.
/// The open orders are copied once per event on first use (the tracker keeps no per-token list) and reused for every
/// token the event quotes; operator orders are not in it (the differ leaves them alone) but the gate still finds them.
/// <see cref="Invalidate"/> drops the copy whenever the tracker may have changed.
/// Engine thread only; allocation-free once the copy buffer has grown to the number of open orders.
/// </summary>
public sealed class TrackerLiveOrders : ILiveOrderSource, IOrderLookup
{
    private readonly OrderTracker _orders;
    private LiveOrderView[] _open = new LiveOrderView[256];
    private int _count;
    private bool _valid;

    /// <summary>Wraps <paramref name="orders"/>.</summary>
    public TrackerLiveOrders(OrderTracker orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        _orders = orders;
    }

    /// <summary>Forgets the copy: the next read copies the tracker's open orders again.</summary>
    public void Invalidate() => _valid = false;

    /// <inheritdoc />
    public int CopyLiveOrders(int tokenIndex, Span<LiveOrderView> destination)
    {
        if (!_valid)
        {
            Refresh();
        }

        var n = 0;
        for (var i = 0; i < _count && n < destination.Length; i++)
        {
            if (_open[i].TokenIndex == tokenIndex)
            {
                destination[n++] = _open[i];
            }
        }

        return n;
    }

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

    private void Refresh()
    {
        _count = _orders.CopyOpenQuotes(_open);
        while (_count == _open.Length)
        {
            // Cold: more open orders than ever before.
            _open = new LiveOrderView[_open.Length * 2];
            _count = _orders.CopyOpenQuotes(_open);
        }

        _valid = true;
    }
}
