namespace FastMaker.Paper.Report;

/// <summary>The outcome of a gate or one of its criteria.</summary>
public enum Verdict
{
    /// <summary>The figure meets the threshold.</summary>
    Pass,

    /// <summary>The figure misses the threshold.</summary>
    Fail,

    /// <summary>Too little data to judge: no number is claimed.</summary>
    NotEnoughData,
}
