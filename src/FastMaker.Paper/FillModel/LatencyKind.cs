namespace FastMaker.Paper.FillModel;

/// <summary>How a <see cref="LatencyDistribution"/> draws a delay.</summary>
public enum LatencyKind : byte
{
    /// <summary>Always <see cref="LatencyDistribution.MinMs"/>.</summary>
    Constant,

    /// <summary>Uniform integer milliseconds in [MinMs, MaxMs].</summary>
    Uniform,

    /// <summary>One of the measured samples, uniformly (an empirical distribution from logged round trips).</summary>
    Empirical,
}
