using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// A market-channel <c>market_resolved</c> (custom feature; delivery reported unreliable, so
/// the engine also polls). Rare: parsed on the cold path that allocates the outcome text and
/// the token id array.
/// </summary>
public sealed class MarketResolved
{
    /// <summary>Gamma market id (<c>id</c>).</summary>
    public string Id { get; init; } = string.Empty;
    /// <summary>Condition id (<c>market</c>).</summary>
    public Hash32 Market { get; init; }
    /// <summary>Token ids of the market (<c>assets_ids</c>).</summary>
    public UInt256[] AssetIds { get; init; } = [];
    /// <summary>The winning token (<c>winning_asset_id</c>).</summary>
    public UInt256 WinningAssetId { get; init; }
    /// <summary>The winning outcome label (<c>winning_outcome</c>).</summary>
    public string WinningOutcome { get; init; } = string.Empty;
    /// <summary>Venue timestamp, unix milliseconds.</summary>
    public long TimestampMs { get; init; }
}
