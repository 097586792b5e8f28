using FastMaker.Engine.Hosting;
using FastMaker.Primitives;

namespace FastMaker.Cli.Paper;

/// <summary>The outcome of one <c>fastmaker paper</c> run.</summary>
public sealed class PaperRunResult
{
    /// <summary>Where the market data came from: the embedded venue's scenario, or the CLOB URL.</summary>
    public required string Source { get; init; }

    /// <summary>Seconds of quoting.</summary>
    public required int Seconds { get; init; }

    /// <summary>Markets loaded.</summary>
    public required int Markets { get; init; }

    /// <summary>The engine's final summary (orders, fills and PnL here are all simulated).</summary>
    public required EngineSummary Summary { get; init; }

    /// <summary>Market-channel frames received from the venue.</summary>
    public required long MarketFrames { get; init; }

    /// <summary>Signed posts the paper venue received (none was sent anywhere).</summary>
    public required long SimulatedPosts { get; init; }

    /// <summary>Cancels the paper venue received.</summary>
    public required long SimulatedCancels { get; init; }

    /// <summary>Simulated fills (each marked simulated, with the model's parameters).</summary>
    public required long SimulatedFills { get; init; }

    /// <summary>Shares filled in simulation.</summary>
    public required Quantity SimulatedShares { get; init; }

    /// <summary>Simulated replies and user-channel events delivered to the engine.</summary>
    public required long SimulatedInputs { get; init; }

    /// <summary>The store written.</summary>
    public required string StorePath { get; init; }

    /// <summary>Simulated fills written to the store.</summary>
    public required int FillsStored { get; init; }

    /// <summary>The fill model, as text.</summary>
    public required string Model { get; init; }
}
