namespace FastMaker.Paper.FillModel;

/// <summary>
/// Every parameter of the paper fill model. Each simulated fill carries a reference to the record that produced it,
/// so a stored figure can always say which assumptions it rests on. The defaults are the conservative ones of
/// PEERS.md §5.4; the latencies are placeholders until measured round trips replace them (<see cref="LatencyDistribution.Empirical"/>).
/// </summary>
/// <remarks>
/// The queue rule, exactly. An order joins behind the displayed size on its side at its price when it goes live
/// (<c>ahead</c>). A print at that price, aggressor on the other side, consumes <c>ahead</c> first and fills us only
/// with what is left. A decrease of the displayed size that no print explains (a cancel) of <c>D</c> shares, with
/// <c>B</c> = displayed behind us before it, moves us forward by
/// <c>max(floor(CancelCreditFactor x D x f(ahead) / (f(ahead) + f(B))), D - B)</c>, capped at <c>ahead</c>,
/// where <c>f(x) = x^CancelCreditPower</c>. The second term is not an assumption: when more was cancelled than stood
/// behind us, the rest stood ahead. With the default factor 0 nobody ahead of us is assumed to cancel (risk-averse);
/// factor 1 with power 1 spreads cancels in proportion to the sizes ahead and behind; power 2 or 3 is hftbacktest's
/// probabilistic queue, for a sensitivity run.
/// </remarks>
public sealed record PaperFillParameters
{
    /// <summary>From sending an order to its going live at the venue (and its accept or post-only reject). Default uniform 40..120 ms.</summary>
    public LatencyDistribution PostLatency { get; init; } = LatencyDistribution.Uniform(40, 120);

    /// <summary>From sending a cancel to its taking effect; the order can fill meanwhile. Default uniform 30..100 ms.</summary>
    public LatencyDistribution CancelLatency { get; init; } = LatencyDistribution.Uniform(30, 100);

    /// <summary>From an event at the venue (accept, fill, cancel) to its reply or user-channel event reaching the engine. Default uniform 5..40 ms.</summary>
    public LatencyDistribution ReportLatency { get; init; } = LatencyDistribution.Uniform(5, 40);

    /// <summary>Share of an unexplained size decrease credited ahead of us, in [0, 1]. Default 0: we never assume others cancel ahead of us.</summary>
    public double CancelCreditFactor { get; init; }

    /// <summary>The exponent of f(x) = x^power in the cancel credit, at least 0.5. Default 1 (proportional).</summary>
    public double CancelCreditPower { get; init; } = 1;

    /// <summary>
    /// A print and the size decrease it causes arrive as separate messages in either order; within this window (ms)
    /// they are matched, so one trade is never counted twice (once as a trade, once as a cancel). A print inside the
    /// window after a real cancel undoes that cancel's credit (pessimistic). Default 100 (both come from one match).
    /// </summary>
    public long PrintMatchWindowMs { get; init; } = 100;

    /// <summary>Seed of the latency draws and of the simulated trade ids. Same seed, same inputs: same output.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Orders the model can hold at once (open or waiting to go live). Default 1024.</summary>
    public int OrderCapacity { get; init; } = 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid parameter.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(PostLatency, nameof(PostLatency));
        ArgumentNullException.ThrowIfNull(CancelLatency, nameof(CancelLatency));
        ArgumentNullException.ThrowIfNull(ReportLatency, nameof(ReportLatency));
        if (!(CancelCreditFactor >= 0 && CancelCreditFactor <= 1))
            throw new ArgumentException("CancelCreditFactor must be in [0, 1], got " + CancelCreditFactor, nameof(CancelCreditFactor));
        if (!(CancelCreditPower >= 0.5 && CancelCreditPower <= 10))
            throw new ArgumentException("CancelCreditPower must be in [0.5, 10], got " + CancelCreditPower, nameof(CancelCreditPower));
        if (PrintMatchWindowMs < 0)
            throw new ArgumentException("PrintMatchWindowMs must be 0 or more, got " + PrintMatchWindowMs, nameof(PrintMatchWindowMs));
        if (OrderCapacity < 1)
            throw new ArgumentException("OrderCapacity must be at least 1, got " + OrderCapacity, nameof(OrderCapacity));
    }

    /// <summary>A one-line description for reports and logs.</summary>
    public string Describe() =>
        "post " + PostLatency + ", cancel " + CancelLatency + ", report " + ReportLatency + ", cancel credit " + CancelCreditFactor +
        " x f(x)=x^" + CancelCreditPower + ", print match window " + PrintMatchWindowMs + " ms, seed " + Seed;
}
