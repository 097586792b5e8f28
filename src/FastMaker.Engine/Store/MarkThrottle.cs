namespace FastMaker.Engine.Store;

/// <summary>
/// Decides when the engine writes a <see cref="StoredMark"/>: at most once per token every <see cref="IntervalMs"/>
/// (a heartbeat, written even when the mid has not moved, so the report knows the data goes on), and always at a fill
/// of ours. Engine thread only; allocation-free after construction.
/// </summary>
public sealed class MarkThrottle
{
    private readonly long[] _lastWriteMs;

    /// <summary>One slot per dense token index; <paramref name="intervalMs"/> between heartbeat marks (1,000 is a good default).</summary>
    public MarkThrottle(int tokenCapacity, long intervalMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tokenCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(intervalMs);
        IntervalMs = intervalMs;
        _lastWriteMs = new long[tokenCapacity];
        Array.Fill(_lastWriteMs, long.MinValue);
    }

    /// <summary>The heartbeat interval per token.</summary>
    public long IntervalMs { get; }

    /// <summary>
    /// True when a mark of <paramref name="tokenIndex"/> should be written now (the interval has passed since the last,
    /// or <paramref name="atFill"/>); records the write when it says so.
    /// </summary>
    public bool TryTake(int tokenIndex, long nowMs, bool atFill = false)
    {
        ref var last = ref _lastWriteMs[tokenIndex];
        if (!atFill && last != long.MinValue && nowMs - last < IntervalMs)
        {
            return false;
        }

        last = nowMs;
        return true;
    }
}
