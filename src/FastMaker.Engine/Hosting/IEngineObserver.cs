using FastMaker.Engine.Pipeline;

namespace FastMaker.Engine.Hosting;

/// <summary>
/// Sees the engine after each event, on the engine thread, once the event's intents went through the gate: the store
/// feed and the live summary read the engine's state here. Implementations must be quick and allocation-free in steady
/// state: they run on the hot thread.
/// </summary>
public interface IEngineObserver
{
    /// <summary>Called after <paramref name="e"/> was fully processed.</summary>
    void AfterEvent(EngineCore engine, ref InboundEvent e);
}
