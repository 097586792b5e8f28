namespace FastMaker.Paper.Report;

/// <summary>A gate: FAIL if any criterion fails, else NOT ENOUGH DATA if any lacks data, else PASS.</summary>
public sealed class GateResult
{
    /// <summary>"gate_a" or "gate_b".</summary>
    public required string Name { get; init; }

    /// <summary>What passing means.</summary>
    public required string Meaning { get; init; }

    /// <summary>The gate's verdict.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>Every criterion with its figure.</summary>
    public required List<GateCriterion> Criteria { get; init; }

    internal static Verdict Combine(List<GateCriterion> criteria)
    {
        var verdict = Verdict.Pass;
        foreach (var c in criteria)
        {
            if (c.Verdict == Verdict.Fail)
            {
                return Verdict.Fail;
            }

            if (c.Verdict == Verdict.NotEnoughData)
            {
                verdict = Verdict.NotEnoughData;
            }
        }

        return verdict;
    }
}
