namespace FastMaker.Venue.Scenarios;

/// <summary>
/// A scheduled event. <see cref="Type"/>: "jump" (fair value to <see cref="To"/> or by <see cref="By"/>),
/// "tickSize", "close", "propose" (UMA proposal), "resolve", "gameStart", "acceptingOrders".
/// </summary>
public sealed class ScheduledEventSpec
{
    /// <summary>Seconds after the start.</summary>
    public double At { get; set; }

    /// <summary>Event type.</summary>
    public string Type { get; set; } = "";

    /// <summary>Market id.</summary>
    public string Market { get; set; } = "";

    /// <summary>jump: new fair value.</summary>
    public double? To { get; set; }

    /// <summary>jump: change of fair value.</summary>
    public double? By { get; set; }

    /// <summary>tickSize: the new tick size.</summary>
    public decimal? TickSize { get; set; }

    /// <summary>propose/resolve: winning outcome name (or "Yes"/"No").</summary>
    public string? Outcome { get; set; }

    /// <summary>acceptingOrders: the new flag.</summary>
    public bool? Accepting { get; set; }
}
