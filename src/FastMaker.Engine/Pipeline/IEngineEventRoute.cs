namespace FastMaker.Engine.Pipeline;

/// <summary>
/// Takes every inbound event on the engine thread instead of <see cref="EngineCore.OnEvent"/>, and must hand it to the
/// engine itself: paper mode puts its simulated venue here, so that its replies and fills due by an event's time reach
/// the engine first and the fill model sees each market event. Engine thread only; quick and allocation-free in steady state.
/// </summary>
public interface IEngineEventRoute
{
    /// <summary>Processes one event (and whatever it owes the engine before it).</summary>
    void OnEvent(ref InboundEvent e);
}
