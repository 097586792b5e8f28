using FastMaker.Primitives;

namespace FastMaker.Engine.Store;

/// <summary>
/// What open orders hold back for one market (collateral, keyed by <see cref="MarketId"/>) or one token (shares,
/// keyed by <see cref="TokenId"/>); the unused key is zero. An amount of zero is kept as a row, not deleted.
/// </summary>
public readonly record struct StoredReservation(
    ReservationScope Scope,
    Hash32 MarketId,
    UInt256 TokenId,
    long Amount,
    long UpdatedMs);
