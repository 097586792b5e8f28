namespace FastMaker.Engine.Store;

/// <summary>What a stored reservation holds back.</summary>
public enum ReservationScope : byte
{
    /// <summary>Collateral reserved by the open BUY orders of one market (keyed by the market's condition id).</summary>
    MarketCollateral = 1,

    /// <summary>Shares reserved by the open SELL orders of one token (keyed by the token id).</summary>
    TokenShares = 2,
}
