namespace FastMaker.Polymarket.Rest.Clob;

/// <summary>Filters of <c>GET /data/trades</c>; null fields are not sent.</summary>
public sealed record TradeQuery(
    string? Id = null,
    string? MakerAddress = null,
    string? Market = null,
    string? AssetId = null,
    long? Before = null,
    long? After = null);
