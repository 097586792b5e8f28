namespace FastMaker.Venue.Scenarios;

/// <summary>A named account with starting balances.</summary>
public sealed class AccountSpec
{
    /// <summary>Name; the address is derived from the seed and the name unless <see cref="Address"/> is given.</summary>
    public string Name { get; set; } = "";

    /// <summary>Explicit address (0x + 40 hex), e.g. the demo maker's wallet.</summary>
    public string? Address { get; set; }

    /// <summary>Collateral, pUSD.</summary>
    public decimal Collateral { get; set; }

    /// <summary>Token balances: key "marketId:yes" or "marketId:no", value in shares.</summary>
    public Dictionary<string, decimal> Tokens { get; set; } = new();
}
