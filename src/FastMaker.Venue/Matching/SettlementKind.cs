namespace FastMaker.Venue.Matching;

/// <summary>How a fill settles in the unified YES/NO book.</summary>
public enum SettlementKind : byte
{
    /// <summary>A BUY against a SELL of the same token: tokens against collateral.</summary>
    Transfer = 0,

    /// <summary>A BUY of YES against a BUY of NO: both pay collateral, a new YES/NO pair is minted.</summary>
    Mint = 1,

    /// <summary>A SELL of YES against a SELL of NO: the pair is merged back into collateral.</summary>
    Merge = 2,
}
