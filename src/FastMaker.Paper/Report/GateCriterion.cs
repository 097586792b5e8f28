namespace FastMaker.Paper.Report;

/// <summary>One criterion of a gate: the rule, the figure that decided it, and the verdict.</summary>
public sealed class GateCriterion
{
    /// <summary>Short name, e.g. "simulated_maker_fills".</summary>
    public required string Name { get; init; }

    /// <summary>The rule in words with its threshold.</summary>
    public required string Rule { get; init; }

    /// <summary>The deciding figure (null when not enough data).</summary>
    public double? Value { get; init; }

    /// <summary>The threshold.</summary>
    public required double Threshold { get; init; }

    /// <summary>PASS, FAIL or NOT ENOUGH DATA.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Why, when not PASS or FAIL plainly.</summary>
    public string? Detail { get; init; }
}
