using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// A market-channel <c>new_market</c> (custom feature). Rare, so it is parsed on a cold path
/// that allocates: the text fields are strings and the token ids an array. Not blittable;
/// the engine turns it into a registry refresh, not a ring slot.
/// </summary>
public sealed class NewMarket
{
    /// <summary>Gamma market id (<c>id</c>).</summary>
    public string Id { get; init; } = string.Empty;
    /// <summary>Condition id (<c>market</c>, or <c>condition_id</c>).</summary>
    public Hash32 Market { get; init; }
    /// <summary>Question text.</summary>
    public string Question { get; init; } = string.Empty;
    /// <summary>Market slug.</summary>
    public string Slug { get; init; } = string.Empty;
    /// <summary>Token ids (<c>assets_ids</c>, else <c>clob_token_ids</c>), in outcome order.</summary>
    public UInt256[] AssetIds { get; init; } = [];
    /// <summary>Outcome labels, in the order of <see cref="AssetIds"/>.</summary>
    public string[] Outcomes { get; init; } = [];
    /// <summary>Tick size (<c>order_price_min_tick_size</c>), valid when <see cref="HasTickSize"/>.</summary>
    public TickSize TickSize { get; init; }
    /// <summary>True when the tick size was present.</summary>
    public bool HasTickSize { get; init; }
    /// <summary>The <c>active</c> flag (false when absent).</summary>
    public bool Active { get; init; }
    /// <summary>Game start (<c>game_start_time</c>) as sent, empty when none.</summary>
    public string GameStartTime { get; init; } = string.Empty;
    /// <summary>Venue timestamp, unix milliseconds.</summary>
    public long TimestampMs { get; init; }
}
