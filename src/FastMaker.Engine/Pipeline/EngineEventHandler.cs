using FastMaker.Ring;

namespace FastMaker.Engine.Pipeline;

/// <summary>The engine thread's ring handler: hands every inbound event to <see cref="EngineCore.OnEvent"/>, in ring order.</summary>
public struct EngineEventHandler : IEventHandler<InboundEvent>
{
    private readonly EngineCore _engine;

    /// <summary>Creates a handler for <paramref name="engine"/>.</summary>
    public EngineEventHandler(EngineCore engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        LastSequence = -1;
    }

    /// <summary>Events handled.</summary>
    public long Handled { get; private set; }

    /// <summary>The sequence of the last event handled, or -1.</summary>
    public long LastSequence { get; private set; }

    /// <inheritdoc />
    public void OnEvent(ref InboundEvent evt, long sequence, bool endOfBatch)
    {
        _engine.OnEvent(ref evt);
        // The slot is reused: drop the reference so a cold object does not outlive its event.
        evt.Cold = null;
        Handled++;
        LastSequence = sequence;
    }
}
