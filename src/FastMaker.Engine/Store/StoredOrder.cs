using FastMaker.Engine.Orders;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Store;

/// <summary>
/// One order as persisted: keyed by its id (the EIP-712 order hash). Tokens and markets are stored by their venue
/// ids, never by dense indexes, because indexes are assigned afresh on every start. Written as an idempotent upsert
/// of the whole row, so replaying a batch is harmless. Sizes and prices are raw fixed-point units (1e-6).
/// </summary>
public readonly record struct StoredOrder(
    Hash32 OrderId,
    UInt256 TokenId,
    Hash32 MarketId,
    Side Side,
    Price Price,
    Quantity OriginalSize,
    Quantity FilledSize,
    Quantity RemainingSize,
    StoredOrderState State,
    OrderOrigin Origin,
    bool PostOnly,
    IntentTimeInForce TimeInForce,
    long ExpirationSeconds,
    long CreatedMs,
    long UpdatedMs,
    OrderStatusCode? LastVenueStatus,
    Hash32 Replaces);
