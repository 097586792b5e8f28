using FastMaker.Ring;

namespace FastMaker.Engine.Pipeline;

/// <summary>The engine thread's ring handler: hands every inbound event to <see cref="EngineCore.OnEvent"/>, in ring order.</summary>
public struct EngineEventHandler : IEventHandler<InboundEvent>
{
    private readonly EngineCore _engine;
    private readonly EngineRouteSlot? _route;

    /// <summary>Creates a handler for <paramref name="engine"/>.</summary>
    public EngineEventHandler(EngineCore engine)
        : this(engine, null)
    {
    }

    internal EngineEventHandler(EngineCore engine, EngineRouteSlot? route)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _route = route;
        LastSequence = -1;
    }

    /// <summary>Events handled.</summary>
    public long Handled { get; private set; }

    /// <summary>The sequence of the last event handled, or -1.</summary>
    public long LastSequence { get; private set; }

    /// <inheritdoc />
    public void OnEvent(ref InboundEvent evt, long sequence, bool endOfBatch)
    {
        if (_route?.Route is { } route)
        {
            route.OnEvent(ref evt);
        }
        else
        {
            _engine.OnEvent(ref evt);
        }

        // The slot is reused: drop the reference so a cold object does not outlive its event.
        evt.Cold = null;
        Handled++;
        LastSequence = sequence;
    }
}
