namespace FastMaker.Cli.Demo;

/// <summary>What <c>fastmaker demo</c> runs.</summary>
public sealed record DemoSettings
{
    /// <summary>Built-in scenario name or scenario JSON file. Default "calm".</summary>
    public string Scenario { get; init; } = "calm";

    /// <summary>How long the engine quotes, in seconds (the clean stop and the final check come after). Default 60.</summary>
    public int Seconds { get; init; } = 60;

    /// <summary>SQLite store to keep; null: a temporary store, deleted after the run.</summary>
    public string? StorePath { get; init; }

    /// <summary>How often the live summary refreshes. Default 1 s.</summary>
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Journal the run's market data (every raw frame and control input) to this capture file, for replay and calibration; null for none.</summary>
    public string? CapturePath { get; init; }
}
