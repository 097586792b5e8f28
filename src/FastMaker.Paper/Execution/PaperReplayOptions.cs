using FastMaker.Engine;
using FastMaker.Engine.Budget;
using FastMaker.Engine.Quoting;
using FastMaker.Engine.Signals;
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

    /// <summary>
    /// For a capture without market metadata (no Gamma file): assume every market is open and accepting orders until 30
    /// days after the capture, with the tick and minimum size its books show (0.01 and 5 when they show none). The
    /// result says that this was assumed. Default false: without metadata the time model keeps the engine from quoting.
    /// </summary>
    public bool AssumeOpenMarkets { get; init; }

    /// <summary>Engine time between the housekeeping timer events replay injects (the time model runs on them). Default 1000 ms.</summary>
    public long HousekeepingIntervalMs { get; init; } = 1000;

    /// <summary>Starting collateral, raw (1e-6 USDC). Default 1000 USDC.</summary>
    public long CollateralRaw { get; init; } = 1_000_000_000;

    /// <summary>Quote settings; null for the defaults. Calibration passes the live run's, so both runs quote alike.</summary>
    public QuoteOptions? Quote { get; init; }

    /// <summary>Signal settings; null for the defaults.</summary>
    public SignalOptions? Signals { get; init; }

    /// <summary>The gate's mutation budget; null for <see cref="MutationBudgetOptions.Production"/>.</summary>
    public MutationBudgetOptions? Budget { get; init; }

    /// <summary>Time between two heartbeat marks of one token in the store (the report's mids). Default 1,000 ms.</summary>
    public long MarkIntervalMs { get; init; } = 1_000;
}
