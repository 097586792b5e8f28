namespace FastMaker.Engine.Positions;

/// <summary>
/// Our holding of one outcome token, in raw fixed-point units (shares 1e-6, money 1e-6 collateral).
/// Realized PnL uses the average-cost method: a sale realizes (sale value - average cost x shares sold).
/// </summary>
public struct TokenPosition
{
    /// <summary>Shares held, counting every fill that has not failed (MATCHED, MINED and CONFIRMED).</summary>
    public long Shares;

    /// <summary>Shares bought whose trade is not CONFIRMED yet (part of <see cref="Shares"/>); a FAILED trade removes them.</summary>
    public long PendingShares;

    /// <summary>Total cost of <see cref="Shares"/> at average cost (collateral raw units).</summary>
    public long CostBasis;

    /// <summary>Realized trading PnL of this token before fees (collateral raw units).</summary>
    public long RealizedPnl;

    /// <summary>Fees paid on this token's fills (collateral raw units).</summary>
    public long FeesPaid;

    /// <summary>Number of fills applied (and not rolled back).</summary>
    public int Fills;
}
