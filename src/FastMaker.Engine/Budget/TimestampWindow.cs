namespace FastMaker.Engine.Budget;

/// <summary>
/// Counts events in a sliding 60 s window with a fixed capacity: the ring holds the last <c>capacity</c> timestamps,
/// so "capacity events within the window" is one comparison with the oldest. Allocation-free after construction.
/// </summary>
internal sealed class TimestampWindow
{
    private readonly long[] _times;
    private int _next;
    private int _count;

    public TimestampWindow(int capacity, long windowMs)
    {
        _times = new long[capacity];
        WindowMs = windowMs;
    }

    public long WindowMs { get; }

    /// <summary>True when <c>capacity</c> events already happened within the window ending at <paramref name="nowMs"/>.</summary>
    public bool IsFull(long nowMs) => _count == _times.Length && _times[_next] > nowMs - WindowMs;

    /// <summary>Events within the window ending at <paramref name="nowMs"/>.</summary>
    public int CountWithin(long nowMs)
    {
        int n = 0;
        for (int i = 0; i < _count; i++)
        {
            if (_times[i] > nowMs - WindowMs) n++;
        }
        return n;
    }

    public void Add(long nowMs)
    {
        _times[_next] = nowMs;
        _next = _next + 1 == _times.Length ? 0 : _next + 1;
        if (_count < _times.Length) _count++;
    }

    public void Clear()
    {
        _count = 0;
        _next = 0;
    }
}
