using System.Globalization;
using System.Text;
using FastMaker.Paper.FillModel;
using FastMaker.Primitives;

namespace FastMaker.Paper.Execution;

/// <summary>What a paper replay did: volume, fills, economics, and how fast it ran against the capture's own span.</summary>
public sealed record PaperReplayResult
{
    /// <summary>Frames in the capture.</summary>
    public int Frames { get; init; }

    /// <summary>From the first frame's receive time to the last, ms.</summary>
    public long CaptureSpanMs { get; init; }

    /// <summary>Wall time of the replay loop (parsing, engine, gate, signing, paper venue), ms; not the file load or the store.</summary>
    public double ElapsedMs { get; init; }

    /// <summary>Capture span over wall time: how many times faster than real time.</summary>
    public double SpeedUp => ElapsedMs > 0 ? CaptureSpanMs / ElapsedMs : 0;

    /// <summary>Orders the engine sent to the paper venue.</summary>
    public long Posts { get; init; }

    /// <summary>Cancels the engine sent.</summary>
    public long Cancels { get; init; }

    /// <summary>Simulated fills.</summary>
    public long Fills { get; init; }

    /// <summary>Shares filled.</summary>
    public Quantity FilledShares { get; init; }

    /// <summary>Post-only orders rejected at go-live.</summary>
    public long PostOnlyRejects { get; init; }

    /// <summary>Intents the gate approved.</summary>
    public long GateApproved { get; init; }

    /// <summary>Intents the gate rejected.</summary>
    public long GateRejected { get; init; }

    /// <summary>Simulated replies and user-channel events fed to the engine.</summary>
    public long SimulatedInputs { get; init; }

    /// <summary>Malformed frames or events.</summary>
    public long FrameErrors { get; init; }

    /// <summary>Collateral at the end.</summary>
    public Amount Collateral { get; init; }

    /// <summary>Realized PnL at the end.</summary>
    public Amount RealizedPnl { get; init; }

    /// <summary>Fees paid.</summary>
    public Amount FeesPaid { get; init; }

    /// <summary>Markets replayed.</summary>
    public int Markets { get; init; }

    /// <summary>Fills written to the store (0 without a store).</summary>
    public int FillsStored { get; init; }

    /// <summary>Trades in the capture's market data (<c>last_trade_price</c> events), everyone's.</summary>
    public long MarketTrades { get; init; }

    /// <summary>Shares those market trades carried: the most the paper model may ever fill.</summary>
    public Quantity MarketTradedShares { get; init; }

    /// <summary>Marks (top of book and mid per token, the report's reference prices) written to the store (0 without a store).</summary>
    public long MarksStored { get; init; }

    /// <summary>The state of the first market at the end (why nothing was quoted, if nothing was).</summary>
    public string FirstMarketState { get; init; } = "";

    /// <summary>The fill model's parameters.</summary>
    public PaperFillParameters Parameters { get; init; } = new();

    /// <summary>Input problems.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>A short text summary; every fill in it is simulated.</summary>
    public string ToText()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append(c, $"paper replay (SIMULATED fills): {Frames} frames, {Markets} markets, {CaptureSpanMs / 1000.0:F1} s of capture in {ElapsedMs:F1} ms = {SpeedUp:F0}x real time\n");
        sb.Append(c, $"orders {Posts} posted, {Cancels} cancels, gate {GateApproved} approved / {GateRejected} rejected, {PostOnlyRejects} post-only rejects at go-live\n");
        sb.Append(c, $"fills {Fills} ({FilledShares} shares), fees {FeesPaid}, realized PnL {RealizedPnl}, collateral {Collateral}\n");
        sb.Append(c, $"model: {Parameters.Describe()}\n");
        sb.Append(c, $"first market's state at the end: {FirstMarketState}; simulated inputs to the engine {SimulatedInputs}; frame errors {FrameErrors}\n");
        if (FillsStored > 0 || MarksStored > 0) sb.Append(c, $"store: {FillsStored} simulated fills, {MarksStored} marks written\n");
        foreach (var w in Warnings) sb.Append("warning: ").Append(w).Append('\n');
        return sb.ToString();
    }
}
