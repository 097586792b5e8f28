using FastMaker.Engine.Hosting;

namespace FastMaker.Cli.Demo;

/// <summary>The outcome of a demo run: the engine's final summary and the comparison with the venue's own records.</summary>
public sealed class DemoResult
{
    /// <summary>The scenario run.</summary>
    public required string Scenario { get; init; }

    /// <summary>Seconds of quoting.</summary>
    public required int Seconds { get; init; }

    /// <summary>The engine's summary after the clean stop.</summary>
    public required EngineSummary Summary { get; init; }

    /// <summary>Our orders that ended cancelled (by us, by the venue, or found cancelled by reconciliation).</summary>
    public required long OrdersCancelled { get; init; }

    /// <summary>Orders, fills and positions that differ from the venue's records at the end (empty: a clean run).</summary>
    public required IReadOnlyList<string> ReconcileDifferences { get; init; }

    /// <summary>Differences the start-up reconciliation reported.</summary>
    public required int StartupDifferences { get; init; }

    /// <summary>Venue heartbeats that succeeded.</summary>
    public required long Heartbeats { get; init; }

    /// <summary>Markets quoted.</summary>
    public required int Markets { get; init; }

    /// <summary>True when the run ended equal to the venue.</summary>
    public bool Clean => ReconcileDifferences.Count == 0;
}
