namespace FastMaker.Engine.Pipeline;

/// <summary>Delivers each event straight to an engine on the calling thread: replay and tests, no ring.</summary>
public readonly struct DirectEngineTarget : IInboundTarget
{
    private readonly EngineCore _engine;
    private readonly InboundEvent[] _slot;

    /// <summary>Creates a target that feeds <paramref name="engine"/>.</summary>
    public DirectEngineTarget(EngineCore engine)
    {
        _engine = engine;
        _slot = new InboundEvent[1];
    }

    /// <inheritdoc />
    public ref InboundEvent Claim() => ref _slot[0];

    /// <inheritdoc />
    public void Commit() => _engine.OnEvent(ref _slot[0]);
}
