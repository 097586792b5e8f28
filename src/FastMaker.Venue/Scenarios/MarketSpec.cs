namespace FastMaker.Venue.Scenarios;

/// <summary>A binary market and its latent fair value.</summary>
public sealed class MarketSpec
{
    /// <summary>Short id used inside the scenario (agents, books and schedule refer to it).</summary>
    public string Id { get; set; } = "";

    /// <summary>The question.</summary>
    public string Question { get; set; } = "";

    /// <summary>Condition id (0x + 64 hex); derived from the seed and <see cref="Id"/> when omitted.</summary>
    public string? ConditionId { get; set; }

    /// <summary>YES token id (decimal); derived when omitted.</summary>
    public string? YesToken { get; set; }

    /// <summary>NO token id (decimal); derived when omitted.</summary>
    public string? NoToken { get; set; }

    /// <summary>Outcome names (two).</summary>
    public List<string> Outcomes { get; set; } = ["Yes", "No"];

    /// <summary>Tick size: 0.1, 0.01, 0.005, 0.0025, 0.001 or 0.0001.</summary>
    public decimal TickSize { get; set; } = 0.01m;

    /// <summary>Minimum resting order size, shares.</summary>
    public decimal MinOrderSize { get; set; } = 5m;

    /// <summary>Taker fee rate (e.g. 0.07).</summary>
    public decimal TakerFeeRate { get; set; }

    /// <summary>Fee formula exponent.</summary>
    public int FeeExponent { get; set; } = 1;

    /// <summary>Event this market belongs to (optional).</summary>
    public string? EventId { get; set; }

    /// <summary>Scheduled end date (informational).</summary>
    public DateTimeOffset? EndDate { get; set; }

    /// <summary>Sports: when the game starts.</summary>
    public DateTimeOffset? GameStart { get; set; }

    /// <summary>Sports: cancel resting orders at game start.</summary>
    public bool ClearBookOnStart { get; set; }

    /// <summary>Liquidity rewards minimum size, shares.</summary>
    public decimal RewardsMinSize { get; set; }

    /// <summary>Liquidity rewards maximum spread, cents.</summary>
    public decimal RewardsMaxSpread { get; set; }

    /// <summary>Starting latent fair value of YES, in (0, 1).</summary>
    public double FairValue { get; set; } = 0.5;

    /// <summary>Standard deviation of the fair value's random walk per square root of a second.</summary>
    public double Volatility { get; set; } = 0.001;
}
