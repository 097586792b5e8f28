using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>A token's tick size changed (<c>tick_size_change</c>); reported once per token.</summary>
public readonly record struct TickSizeChange(Hash32 Market, UInt256 AssetId, TickSize OldTickSize, TickSize NewTickSize, long TimestampMs);
