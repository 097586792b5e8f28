using FastMaker.Engine.Orders;

namespace FastMaker.Engine.Quoting;

/// <summary>
/// A small fixed-capacity table of live orders per token: an <see cref="ILiveOrderSource"/> for tests, benchmarks
/// and replay without an order stage. The order stage's own book of orders replaces it in production.
/// </summary>
public sealed class LiveOrderTable : ILiveOrderSource
{
    private readonly int _perToken;
    private LiveOrderView[] _orders;
    private int[] _counts;

    /// <summary>Creates a table holding at most <paramref name="perToken"/> orders per token.</summary>
    public LiveOrderTable(int tokenCount, int perToken = 8)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(tokenCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(perToken, 1);
        _perToken = perToken;
        _orders = new LiveOrderView[Math.Max(tokenCount, 1) * perToken];
        _counts = new int[Math.Max(tokenCount, 1)];
    }

    /// <inheritdoc />
    public int CopyLiveOrders(int tokenIndex, Span<LiveOrderView> destination)
    {
        if ((uint)tokenIndex >= (uint)_counts.Length)
        {
            return 0;
        }

        var count = Math.Min(_counts[tokenIndex], destination.Length);
        _orders.AsSpan(tokenIndex * _perToken, count).CopyTo(destination);
        return count;
    }

    /// <summary>Adds or updates (by order id) a live order.</summary>
    public void Upsert(in LiveOrderView order)
    {
        var token = order.TokenIndex;
        ArgumentOutOfRangeException.ThrowIfNegative(token);
        if (token >= _counts.Length)
        {
            var tokens = Math.Max(_counts.Length * 2, token + 1);
            Array.Resize(ref _orders, tokens * _perToken);
            Array.Resize(ref _counts, tokens);
        }

        var slice = _orders.AsSpan(token * _perToken, _perToken);
        for (var i = 0; i < _counts[token]; i++)
        {
            if (slice[i].OrderId == order.OrderId)
            {
                slice[i] = order;
                return;
            }
        }

        if (_counts[token] == _perToken)
        {
            throw new InvalidOperationException($"token {token} already has {_perToken} live orders");
        }

        slice[_counts[token]++] = order;
    }

    /// <summary>Removes a live order; false when it is not there.</summary>
    public bool Remove(int tokenIndex, in FastMaker.Primitives.Hash32 orderId)
    {
        if ((uint)tokenIndex >= (uint)_counts.Length)
        {
            return false;
        }

        var slice = _orders.AsSpan(tokenIndex * _perToken, _perToken);
        for (var i = 0; i < _counts[tokenIndex]; i++)
        {
            if (slice[i].OrderId == orderId)
            {
                slice[i] = slice[--_counts[tokenIndex]];
                return true;
            }
        }

        return false;
    }
}
