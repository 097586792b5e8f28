using FastMaker.Primitives;

namespace FastMaker.Engine.Orders;

/// <summary>A read-only view of one of our working orders, as the quote differ and the risk checks need it.</summary>
public readonly record struct LiveOrderView(
    Hash32 OrderId,
    int TokenIndex,
    Side Side,
    Price Price,
    Quantity OriginalSize,
    Quantity RemainingSize,
    bool PendingCancel);
