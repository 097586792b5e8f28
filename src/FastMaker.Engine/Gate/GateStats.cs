namespace FastMaker.Engine.Gate;

/// <summary>
/// The gate's counters: rejects per reason and per market and reason, approvals, and venue rejects per market.
/// Written by the engine thread; a market beyond the arrays grows them (cold, once per new market).
/// </summary>
public sealed class GateStats
{
    private static readonly int ReasonCount = Enum.GetValues<GateRejectReason>().Length;
    private readonly long[] _byReason = new long[ReasonCount];
    private long[] _byMarketReason;
    private long[] _venueRejects;

    internal GateStats(int marketCapacity)
    {
        int n = Math.Max(1, marketCapacity);
        _byMarketReason = new long[n * ReasonCount];
        _venueRejects = new long[n];
    }

    /// <summary>Intents approved (places, replaces and cancels).</summary>
    public long Approved { get; private set; }

    /// <summary>Intents rejected, all reasons.</summary>
    public long Rejected { get; private set; }

    /// <summary>Rejects with one reason, over all markets.</summary>
    public long Rejects(GateRejectReason reason) => _byReason[(int)reason];

    /// <summary>Rejects of one market with one reason (intents without a valid market are counted only by reason).</summary>
    public long Rejects(int marketIndex, GateRejectReason reason) =>
        (uint)marketIndex * (uint)ReasonCount < (uint)_byMarketReason.Length ? _byMarketReason[marketIndex * ReasonCount + (int)reason] : 0;

    /// <summary>Orders of one market the venue rejected.</summary>
    public long VenueRejects(int marketIndex) => (uint)marketIndex < (uint)_venueRejects.Length ? _venueRejects[marketIndex] : 0;

    internal void CountApproved() => Approved++;

    internal void CountReject(int marketIndex, GateRejectReason reason)
    {
        Rejected++;
        _byReason[(int)reason]++;
        if (marketIndex < 0) return;
        Ensure(marketIndex);
        _byMarketReason[marketIndex * ReasonCount + (int)reason]++;
    }

    internal void CountVenueReject(int marketIndex)
    {
        if (marketIndex < 0) return;
        Ensure(marketIndex);
        _venueRejects[marketIndex]++;
    }

    private void Ensure(int marketIndex)
    {
        if (marketIndex < _venueRejects.Length) return;
        int n = Math.Max(marketIndex + 1, _venueRejects.Length * 2);
        Array.Resize(ref _byMarketReason, n * ReasonCount);
        Array.Resize(ref _venueRejects, n);
    }
}
