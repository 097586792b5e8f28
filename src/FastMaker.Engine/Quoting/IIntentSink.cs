using FastMaker.Engine.Orders;

namespace FastMaker.Engine.Quoting;

/// <summary>Where the differ puts the intents it forms (the gate's input).</summary>
public interface IIntentSink
{
    /// <summary>Accepts an intent; false when full (the intent is dropped and the caller counts it).</summary>
    bool TryAdd(in OrderIntent intent);
}
