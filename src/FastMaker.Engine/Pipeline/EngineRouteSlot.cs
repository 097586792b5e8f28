namespace FastMaker.Engine.Pipeline;

/// <summary>The pipeline's <see cref="IEngineEventRoute"/>, read by the engine thread's handler (set before the pipeline starts).</summary>
internal sealed class EngineRouteSlot
{
    public IEngineEventRoute? Route;
}
