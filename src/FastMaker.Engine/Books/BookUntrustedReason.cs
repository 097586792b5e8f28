namespace FastMaker.Engine.Books;

/// <summary>Why a book may not be quoted against until the next snapshot.</summary>
public enum BookUntrustedReason : byte
{
    /// <summary>Trusted.</summary>
    None,

    /// <summary>No snapshot has arrived yet.</summary>
    NoSnapshot,

    /// <summary>A snapshot is being applied.</summary>
    SnapshotInProgress,

    /// <summary>Best bid above best ask.</summary>
    Crossed,

    /// <summary>Best bid equal to best ask.</summary>
    Locked,

    /// <summary>A level arrived off the tick grid, outside (0, 1), or with a negative size.</summary>
    InvalidLevel,

    /// <summary>The tick size changed and some levels fell off the new grid.</summary>
    TickSizeChanged,

    /// <summary>The venue's book hash or sequence disagreed with ours.</summary>
    HashMismatch,

    /// <summary>The connection dropped; what we missed is unknown.</summary>
    Disconnected,
}
