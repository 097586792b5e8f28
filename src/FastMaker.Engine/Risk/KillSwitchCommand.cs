namespace FastMaker.Engine.Risk;

/// <summary>An operator command for the kill switch, delivered to the engine in <c>InboundEvent.Cold</c>.</summary>
public sealed class KillSwitchCommand
{
    /// <summary>True turns the kill switch on (cancel all, stop quoting); false resets it.</summary>
    public bool On { get; init; }
}
