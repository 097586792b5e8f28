namespace FastMaker.Polymarket.Parsing;

/// <summary>Which wire layout a <c>price_change</c> event arrived in (PROTOCOL.md §5.2).</summary>
public enum PriceChangeFormat : byte
{
    /// <summary>Current (since 2025-09-15): <c>price_changes[]</c>, each entry with its own asset_id, hash, best_bid, best_ask.</summary>
    PriceChanges = 0,
    /// <summary>Older: one asset per message with a <c>changes[]</c> array of {price, side, size}.</summary>
    LegacyChanges = 1,
    /// <summary>Older: one flat level per message (asset_id, price, side, size, hash at the top).</summary>
    LegacyFlat = 2,
}
