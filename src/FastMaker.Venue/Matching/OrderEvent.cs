namespace FastMaker.Venue.Matching;

/// <summary>A user-channel <c>order</c> event: the order's state right after the change.</summary>
public readonly record struct OrderEvent(OrderEventType Type, OrderView Order, long TimestampMs);
