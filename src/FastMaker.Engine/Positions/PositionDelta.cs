namespace FastMaker.Engine.Positions;

/// <summary>
/// Exactly what one fill changed in the positions, kept with the fill so that a FAILED trade is rolled back by
/// subtracting the same numbers (never by recomputing them, which would drift under average cost).
/// </summary>
public struct PositionDelta
{
    /// <summary>Token the fill was in.</summary>
    public int TokenIndex;

    /// <summary>Change of shares held.</summary>
    public long Shares;

    /// <summary>Change of pending (unconfirmed) bought shares.</summary>
    public long PendingShares;

    /// <summary>Change of the token's cost basis.</summary>
    public long CostBasis;

    /// <summary>Change of realized PnL (before fees).</summary>
    public long RealizedPnl;

    /// <summary>Fee paid.</summary>
    public long Fee;

    /// <summary>Change of the collateral balance (value and fee).</summary>
    public long Collateral;

    /// <summary>Change of pending (unconfirmed) collateral credit from sales.</summary>
    public long PendingCollateral;
}
