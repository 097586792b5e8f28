namespace FastMaker.Engine.Orders;

/// <summary>
/// Where the engine's stages put the intents they form, in order. Implementations must not allocate per intent
/// in steady state: the engine calls this on its hot thread.
/// </summary>
public interface IIntentSink
{
    /// <summary>Accepts one intent; the sink copies it.</summary>
    void Submit(in OrderIntent intent);
}
