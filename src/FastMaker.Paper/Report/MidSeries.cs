using FastMaker.Engine.Store;
using FastMaker.Primitives;

namespace FastMaker.Paper.Report;

/// <summary>The store's marks per token, sorted by time, answering "what was the mid at t" without inventing one.</summary>
internal sealed class MidSeries
{
    private readonly Dictionary<UInt256, (long[] Times, int[] Mids)> _byToken = [];

    public MidSeries(IReadOnlyList<StoredMark> marks)
    {
        var lists = new Dictionary<UInt256, List<StoredMark>>();
        foreach (var mark in marks)
        {
            if (!lists.TryGetValue(mark.TokenId, out var list))
            {
                list = [];
                lists.Add(mark.TokenId, list);
            }

            list.Add(mark);
            FirstTimeMs = Count == 0 ? mark.TimeMs : Math.Min(FirstTimeMs, mark.TimeMs);
            LastTimeMs = Count == 0 ? mark.TimeMs : Math.Max(LastTimeMs, mark.TimeMs);
            Count++;
        }

        foreach (var (token, list) in lists)
        {
            list.Sort(static (a, b) => a.TimeMs.CompareTo(b.TimeMs));
            var times = new long[list.Count];
            var mids = new int[list.Count];
            for (var i = 0; i < list.Count; i++)
            {
                times[i] = list[i].TimeMs;
                mids[i] = list[i].Mid.Raw;
            }

            _byToken.Add(token, (times, mids));
        }
    }

    /// <summary>Marks held.</summary>
    public int Count { get; }

    /// <summary>The earliest mark of any token.</summary>
    public long FirstTimeMs { get; }

    /// <summary>The latest mark of any token.</summary>
    public long LastTimeMs { get; }

    /// <summary>
    /// The mid of the latest mark at or before <paramref name="timeMs"/>, if it is at most <paramref name="maxAgeMs"/>
    /// old, the token's marks extend to <paramref name="timeMs"/> or beyond (the data has not ended), and the book had a mid.
    /// </summary>
    public bool TryMidAt(UInt256 token, long timeMs, long maxAgeMs, out int mid)
    {
        mid = 0;
        if (!_byToken.TryGetValue(token, out var series))
        {
            return false;
        }

        var index = LastAtOrBefore(series.Times, timeMs);

        // A time past the token's last mark is unknown, however recent that mark.
        if (index < 0 || timeMs - series.Times[index] > maxAgeMs || series.Times[^1] < timeMs)
        {
            return false;
        }

        mid = series.Mids[index];
        return mid > 0;
    }

    /// <summary>The latest mid of the token at or before <paramref name="timeMs"/>, however old (for plots only).</summary>
    public bool TryLatestMid(UInt256 token, long timeMs, out int mid)
    {
        mid = 0;
        if (!_byToken.TryGetValue(token, out var series))
        {
            return false;
        }

        for (var i = LastAtOrBefore(series.Times, timeMs); i >= 0; i--)
        {
            if (series.Mids[i] > 0)
            {
                mid = series.Mids[i];
                return true;
            }
        }

        return false;
    }

    /// <summary>The token's last mid (the valuation mark at the end of the data).</summary>
    public bool TryLastMid(UInt256 token, out int mid) => TryLatestMid(token, long.MaxValue, out mid);

    private static int LastAtOrBefore(long[] times, long timeMs)
    {
        int lo = 0, hi = times.Length - 1, found = -1;
        while (lo <= hi)
        {
            var m = (lo + hi) >>> 1;
            if (times[m] <= timeMs)
            {
                found = m;
                lo = m + 1;
            }
            else
            {
                hi = m - 1;
            }
        }

        return found;
    }
}
