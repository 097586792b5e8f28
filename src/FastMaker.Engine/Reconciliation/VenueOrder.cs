using FastMaker.Primitives;

namespace FastMaker.Engine.Reconciliation;

/// <summary>One open order as the venue reports it (<c>GET /data/orders</c>), by venue ids.</summary>
public readonly record struct VenueOrder(
    Hash32 Id,
    UInt256 TokenId,
    Hash32 MarketId,
    Side Side,
    Price Price,
    Quantity OriginalSize,
    Quantity SizeMatched);
