namespace FastMaker.Venue.Scenarios;

/// <summary>A Gamma event: a group of markets; with <see cref="NegRisk"/> exactly one of them resolves YES.</summary>
public sealed class EventSpec
{
    /// <summary>Event id, referenced by markets.</summary>
    public string Id { get; set; } = "";

    /// <summary>Title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Negative-risk event: its markets share a negRisk market id.</summary>
    public bool NegRisk { get; set; }
}
