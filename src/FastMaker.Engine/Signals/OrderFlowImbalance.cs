using FastMaker.Primitives;

namespace FastMaker.Engine.Signals;

/// <summary>
/// Order-flow imbalance of one token (Cont, Kukanov and Stoikov 2014) over a rolling time window. For each change of
/// the top of book from (b', qb', a', qa') to (b, qb, a, qa):
/// <code>
/// e = [b &gt;= b'] qb - [b &lt;= b'] qb' - [a &lt;= a'] qa + [a &gt;= a'] qa'
/// </code>
/// (a rising bid or a lifted ask pushes e up; a falling bid or a lowered ask pushes it down). OFI is the sum of e over
/// the window; <see cref="Normalized"/> divides by the sum of |e| so it lies in [-1, 1]. Integer sums, fixed ring.
/// </summary>
public sealed class OrderFlowImbalance
{
    private readonly long _windowMs;
    private readonly int _mask;
    private readonly long[] _time;
    private readonly long[] _e;
    private long _head;
    private long _tail;

    private bool _hasPrevious;
    private int _bid;
    private long _bidSize;
    private int _ask;
    private long _askSize;

    /// <summary>Creates an OFI window.</summary>
    public OrderFlowImbalance(long windowMs, int capacity)
    {
        _windowMs = windowMs;
        _mask = capacity - 1;
        _time = new long[capacity];
        _e = new long[capacity];
    }

    /// <summary>Sum of e over the window (raw 1e-6 shares).</summary>
    public long SumRaw { get; private set; }

    /// <summary>Sum of |e| over the window.</summary>
    public long SumAbsRaw { get; private set; }

    /// <summary>OFI / sum |e| in [-1, 1]; 0 with no flow.</summary>
    public double Normalized => SumAbsRaw == 0 ? 0 : (double)SumRaw / SumAbsRaw;

    /// <summary>Forgets the previous top of book (the book was reset or became untrusted): the next one starts afresh.</summary>
    public void ResetTop() => _hasPrevious = false;

    /// <summary>Scores a new top of book; both sides must be present.</summary>
    public void OnTop(long timeMs, Price bid, Quantity bidSize, Price ask, Quantity askSize)
    {
        Expire(timeMs);
        if (_hasPrevious)
        {
            long e = 0;
            if (bid.Raw >= _bid) e += bidSize.Raw;
            if (bid.Raw <= _bid) e -= _bidSize;
            if (ask.Raw <= _ask) e -= askSize.Raw;
            if (ask.Raw >= _ask) e += _askSize;
            if (e != 0)
            {
                Add(timeMs, e);
            }
        }

        _hasPrevious = true;
        _bid = bid.Raw;
        _bidSize = bidSize.Raw;
        _ask = ask.Raw;
        _askSize = askSize.Raw;
    }

    /// <summary>Drops contributions older than the window at <paramref name="nowMs"/>.</summary>
    public void Expire(long nowMs)
    {
        while (_tail < _head && _time[(int)(_tail & _mask)] <= nowMs - _windowMs)
        {
            Drop();
        }
    }

    private void Add(long timeMs, long e)
    {
        if (_head - _tail > _mask)
        {
            Drop();
        }

        var slot = (int)(_head & _mask);
        _time[slot] = timeMs;
        _e[slot] = e;
        SumRaw += e;
        SumAbsRaw += Math.Abs(e);
        _head++;
    }

    private void Drop()
    {
        var slot = (int)(_tail & _mask);
        SumRaw -= _e[slot];
        SumAbsRaw -= Math.Abs(_e[slot]);
        _tail++;
    }
}
