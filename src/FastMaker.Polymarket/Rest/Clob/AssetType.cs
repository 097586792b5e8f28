namespace FastMaker.Polymarket.Rest.Clob;

/// <summary>The <c>asset_type</c> of a balance-allowance query.</summary>
public enum AssetType
{
    /// <summary>The collateral (pUSD).</summary>
    Collateral,

    /// <summary>A conditional token; needs a token id.</summary>
    Conditional,
}
