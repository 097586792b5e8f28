using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>A market-channel <c>tick_size_change</c>: the token's book must be resynchronized on the new grid. Blittable.</summary>
public struct TickSizeChange
{
    /// <summary>Condition id (<c>market</c>).</summary>
    public Hash32 Market;
    /// <summary>Token id (<c>asset_id</c>).</summary>
    public UInt256 AssetId;
    /// <summary>Venue timestamp, unix milliseconds.</summary>
    public long TimestampMs;
    /// <summary>Previous tick size, valid when <see cref="HasOldTickSize"/>.</summary>
    public TickSize OldTickSize;
    /// <summary>New tick size.</summary>
    public TickSize NewTickSize;
    /// <summary>True when <c>old_tick_size</c> was present and non-empty.</summary>
    public bool HasOldTickSize;
}
