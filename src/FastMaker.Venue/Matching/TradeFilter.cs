using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>Filters of <c>GET /data/trades</c>; null fields do not filter. Times are unix seconds, as on the wire.</summary>
public readonly record struct TradeFilter(
    TradeId? Id = null,
    EthAddress? MakerAddress = null,
    Hash32? Market = null,
    UInt256? AssetId = null,
    long? Before = null,
    long? After = null);
