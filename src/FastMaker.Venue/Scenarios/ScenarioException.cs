namespace FastMaker.Venue.Scenarios;

/// <summary>A scenario that cannot be loaded: the message names the source, the JSON path and what is wrong.</summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScenarioException(string message, Exception? inner = null) : base(message, inner) { }
}
