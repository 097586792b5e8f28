using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>A market resolved (<c>market_resolved</c>).</summary>
public readonly record struct MarketResolved(VenueMarket Market, UInt256 WinningAssetId, string WinningOutcome, long TimestampMs);
