using FastMaker.Engine;
using FastMaker.Paper.FillModel;

namespace FastMaker.Paper.Execution;

/// <summary>What <see cref="PaperReplay"/> replays and how.</summary>
public sealed record PaperReplayOptions
{
    /// <summary>The capture file (journal format).</summary>
    public string? CapturePath { get; init; }

    /// <summary>Gamma markets JSON to take markets (tick, min size, end dates, fees) from; null to discover them from the frames.</summary>
    public string? MarketsPath { get; init; }

    /// <summary>The SQLite store to write (orders, simulated fills, positions) for the truth report; null for none.</summary>
    public string? StorePath { get; init; }

    /// <summary>The fill model's parameters; null for the defaults.</summary>
    public PaperFillParameters? Parameters { get; init; }

    /// <summary>Engine options; null for the defaults.</summary>
    public EngineOptions? EngineOptions { get; init; }

    /// <summary>Starting collateral, raw (1e-6 USDC). Default 1000 USDC.</summary>
    public long CollateralRaw { get; init; } = 1_000_000_000;
}
