namespace FastMaker.Paper.FillModel;

/// <summary>
/// A delay in milliseconds drawn from a seeded generator: constant, uniform, or empirical (measured round trips, the
/// honest choice once the sender has logged some). Immutable.
/// </summary>
public sealed record LatencyDistribution
{
    private LatencyDistribution(LatencyKind kind, long minMs, long maxMs, long[]? samples)
    {
        Kind = kind;
        MinMs = minMs;
        MaxMs = maxMs;
        Samples = samples;
    }

    /// <summary>The shape.</summary>
    public LatencyKind Kind { get; }

    /// <summary>The smallest delay (the constant for <see cref="LatencyKind.Constant"/>).</summary>
    public long MinMs { get; }

    /// <summary>The largest delay.</summary>
    public long MaxMs { get; }

    /// <summary>The measured delays of an empirical distribution, or null.</summary>
    public IReadOnlyList<long>? Samples { get; }

    /// <summary>Always <paramref name="ms"/> (0 or more).</summary>
    public static LatencyDistribution Constant(long ms)
    {
        if (ms < 0) throw new ArgumentOutOfRangeException(nameof(ms), ms, "latency must be 0 ms or more");
        return new LatencyDistribution(LatencyKind.Constant, ms, ms, null);
    }

    /// <summary>Uniform in [<paramref name="minMs"/>, <paramref name="maxMs"/>].</summary>
    public static LatencyDistribution Uniform(long minMs, long maxMs)
    {
        if (minMs < 0) throw new ArgumentOutOfRangeException(nameof(minMs), minMs, "latency must be 0 ms or more");
        if (maxMs < minMs) throw new ArgumentOutOfRangeException(nameof(maxMs), maxMs, "maxMs must be at least minMs (" + minMs + ")");
        return new LatencyDistribution(LatencyKind.Uniform, minMs, maxMs, null);
    }

    /// <summary>One of <paramref name="samplesMs"/> (measured round trips), uniformly; copied.</summary>
    public static LatencyDistribution Empirical(IReadOnlyList<long> samplesMs)
    {
        ArgumentNullException.ThrowIfNull(samplesMs);
        if (samplesMs.Count == 0) throw new ArgumentException("an empirical latency needs at least one sample", nameof(samplesMs));
        var copy = new long[samplesMs.Count];
        long min = long.MaxValue, max = 0;
        for (int i = 0; i < copy.Length; i++)
        {
            long s = samplesMs[i];
            if (s < 0) throw new ArgumentOutOfRangeException(nameof(samplesMs), s, "latency sample " + i + " is negative");
            copy[i] = s;
            min = Math.Min(min, s);
            max = Math.Max(max, s);
        }

        return new LatencyDistribution(LatencyKind.Empirical, min, max, copy);
    }

    /// <summary>Draws one delay (allocation-free).</summary>
    public long Draw(ref SplitMix64 random) => Kind switch
    {
        LatencyKind.Constant => MinMs,
        LatencyKind.Uniform => MinMs + random.NextBelow(MaxMs - MinMs + 1),
        _ => ((long[])Samples!)[random.NextBelow(((long[])Samples!).Length)],
    };

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        LatencyKind.Constant => MinMs + " ms",
        LatencyKind.Uniform => "uniform " + MinMs + ".." + MaxMs + " ms",
        _ => "empirical (" + Samples!.Count + " samples, " + MinMs + ".." + MaxMs + " ms)",
    };
}
