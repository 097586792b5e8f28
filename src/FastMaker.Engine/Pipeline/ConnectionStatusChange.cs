namespace FastMaker.Engine.Pipeline;

/// <summary>A WebSocket connection's state changed; books fed by a dropped connection are untrusted.</summary>
public struct ConnectionStatusChange
{
    /// <summary>The connection (shard).</summary>
    public short ConnectionId;

    /// <summary>Its new state.</summary>
    public ConnectionState State;
}

/// <summary>Connection states as the engine sees them.</summary>
public enum ConnectionState : byte
{
    /// <summary>Connected and subscribed; data flows.</summary>
    Up,

    /// <summary>Lost; reconnecting.</summary>
    Down,

    /// <summary>Connected but an asset went silent while PONGs still arrive.</summary>
    AssetSilent,
}
