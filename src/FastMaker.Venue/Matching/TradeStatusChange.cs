namespace FastMaker.Venue.Matching;

/// <summary>A trade moved to a new settlement state (one user-channel <c>trade</c> message per transition).</summary>
public readonly record struct TradeStatusChange(TradeRecord Trade, TradeStatus Status, long TimestampMs);
