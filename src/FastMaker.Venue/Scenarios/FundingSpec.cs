namespace FastMaker.Venue.Scenarios;

/// <summary>The "fund any new address that creates an API key" option, so outside clients can trade.</summary>
public sealed class FundingSpec
{
    /// <summary>On in the built-in scenarios.</summary>
    public bool Enabled { get; set; }

    /// <summary>Collateral (pUSD) each new address receives.</summary>
    public decimal Collateral { get; set; } = 10_000m;
}
