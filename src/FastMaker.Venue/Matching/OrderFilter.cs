using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>Filters of <c>GET /data/orders</c>; null fields do not filter.</summary>
public readonly record struct OrderFilter(Hash32? Id = null, Hash32? Market = null, UInt256? AssetId = null);
