namespace FastMaker.Venue.Ledger;

/// <summary>Dense asset numbering inside the ledger: 0 is the collateral (pUSD), 1 + i is token i.</summary>
public static class Asset
{
    /// <summary>The collateral asset.</summary>
    public const int Collateral = 0;

    /// <summary>The asset number of dense token index <paramref name="tokenIndex"/>.</summary>
    public static int OfToken(int tokenIndex) => tokenIndex + 1;
}
