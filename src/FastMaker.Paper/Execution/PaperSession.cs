using FastMaker.Engine;
using FastMaker.Engine.Pipeline;

namespace FastMaker.Paper.Execution;

/// <summary>
/// Runs an engine against the paper venue in one event order, on the calling thread: every market event first lets
/// the venue catch up to its time (go-lives, cancels, and the replies and fills due by then, fed to the engine), then
/// reaches the fill model, then the engine (whose orders go to the <see cref="PaperExecution"/> through the gate).
/// Used by replay and by tests; paper mode on live data does the same from the engine thread.
/// </summary>
public sealed class PaperSession
{
    /// <summary>Creates a session over an engine whose gate publishes to <paramref name="paper"/>.</summary>
    public PaperSession(EngineCore engine, PaperExecution paper)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(paper);
        Engine = engine;
        Paper = paper;
    }

    /// <summary>The engine.</summary>
    public EngineCore Engine { get; }

    /// <summary>The paper venue.</summary>
    public PaperExecution Paper { get; }

    /// <summary>Simulated inputs (replies, order and trade events) fed to the engine.</summary>
    public long InputsDelivered { get; private set; }

    /// <summary>
    /// The quote differ's and gate's view of our orders, refreshed before each engine event; null when the
    /// composition root wired its own.
    /// </summary>
    public TrackedOrderLookup? Lookup { get; init; }

    /// <summary>
    /// When true, the session keeps the gate's market states equal to the time model's, and hands an event's intents to
    /// the gate itself if the engine did not (an engine built without a gate loop leaves them in its buffer).
    /// </summary>
    public bool DriveGate { get; init; }

    /// <summary>Intents the session handed to the gate because the engine did not.</summary>
    public long IntentsSubmitted { get; private set; }

    /// <summary>Processes one recorded or live event, in receive order.</summary>
    public void OnEvent(ref InboundEvent e)
    {
        DeliverUpTo(e.ReceiveMs);
        if (e.Channel == InboundChannel.Market)
        {
            Paper.OnMarketEvent(in e);
        }

        Run(ref e);
    }

    /// <summary>Runs the venue and delivers every simulated input due at or before <paramref name="nowMs"/>.</summary>
    public void DeliverUpTo(long nowMs)
    {
        while (Paper.TryTakeInput(nowMs, out var input))
        {
            InputsDelivered++;
            Run(ref input);
        }
    }

    private void Run(ref InboundEvent e)
    {
        Lookup?.Invalidate();
        var gate = Engine.Gate;
        long decisions = gate is null ? 0 : gate.Stats.Approved + gate.Stats.Rejected;
        Engine.OnEvent(ref e);
        if (!DriveGate || gate is null)
        {
            return;
        }

        var registry = Engine.Registry;
        for (int m = 0; m < registry.MarketCount; m++)
        {
            var state = registry.Market(m).State;
            if (gate.StateOf(m) != state) gate.SetMarketState(m, state);
        }

        var intents = Engine.Intents;
        if (intents.Count == 0 || gate.Stats.Approved + gate.Stats.Rejected != decisions)
        {
            return;
        }

        for (int i = 0; i < intents.Count; i++)
        {
            Lookup?.Invalidate();
            IntentsSubmitted++;
            Engine.Submit(in intents[i]);
        }
    }
}
