namespace FastMaker.Venue.Scenarios;

/// <summary>Resting orders placed at the start around a market's fair value, by an auto-funded account.</summary>
public sealed class InitialBookSpec
{
    /// <summary>Market id.</summary>
    public string Market { get; set; } = "";

    /// <summary>Price levels per side.</summary>
    public int Levels { get; set; } = 5;

    /// <summary>Distance of the first level from fair value, in ticks.</summary>
    public int HalfSpreadTicks { get; set; } = 1;

    /// <summary>Distance between levels, in ticks.</summary>
    public int SpacingTicks { get; set; } = 1;

    /// <summary>Size per level, shares.</summary>
    public decimal Size { get; set; } = 100m;
}
