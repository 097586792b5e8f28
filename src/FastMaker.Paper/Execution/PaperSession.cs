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

    /// <summary>Processes one recorded or live event, in receive order.</summary>
    public void OnEvent(ref InboundEvent e)
    {
        DeliverUpTo(e.ReceiveMs);
        if (e.Channel == InboundChannel.Market)
        {
            Paper.OnMarketEvent(in e);
        }

        Engine.OnEvent(ref e);
    }

    /// <summary>Runs the venue and delivers every simulated input due at or before <paramref name="nowMs"/>.</summary>
    public void DeliverUpTo(long nowMs)
    {
        while (Paper.TryTakeInput(nowMs, out var input))
        {
            InputsDelivered++;
            Engine.OnEvent(ref input);
        }
    }
}
