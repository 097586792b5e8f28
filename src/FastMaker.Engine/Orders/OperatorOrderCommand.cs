namespace FastMaker.Engine.Orders;

/// <summary>
/// An operator's order intent (place, replace, cancel, cancel-all), delivered to the engine in <c>InboundEvent.Cold</c>
/// of an <c>Operator</c> control item. It goes through the gate like every other intent, at the engine clock; a placed
/// order keeps <see cref="OrderOrigin.Operator"/>, so the quote stage's differ never cancels or replaces it.
/// </summary>
public sealed class OperatorOrderCommand
{
    /// <summary>The intent; its <c>CreatedMs</c> is set to the engine clock when it is processed.</summary>
    public required OrderIntent Intent { get; init; }
}
