using FastMaker.Primitives;

namespace FastMaker.Engine.Store;

/// <summary>Our holding of one outcome token (raw units: shares 1e-6, money 1e-6 collateral), upserted whole.</summary>
/// <param name="TokenId">The outcome token.</param>
/// <param name="Shares">Shares held, counting every fill that has not failed.</param>
/// <param name="PendingShares">Shares bought whose trade is not CONFIRMED yet (part of <paramref name="Shares"/>).</param>
/// <param name="CostBasis">Average-cost basis of the shares held.</param>
/// <param name="RealizedPnl">Realized trading PnL before fees.</param>
/// <param name="FeesPaid">Fees paid on this token's fills.</param>
/// <param name="Fills">Number of fills applied.</param>
/// <param name="UpdatedMs">Last change, engine clock, unix ms.</param>
public readonly record struct StoredPosition(
    UInt256 TokenId,
    long Shares,
    long PendingShares,
    long CostBasis,
    long RealizedPnl,
    long FeesPaid,
    int Fills,
    long UpdatedMs);
