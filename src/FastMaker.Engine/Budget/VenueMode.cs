namespace FastMaker.Engine.Budget;

/// <summary>What the venue currently accepts, as learned from its replies.</summary>
public enum VenueMode : byte
{
    /// <summary>Orders and cancels.</summary>
    Normal,

    /// <summary>Backing off after a 429 or a 425 (engine restart): no new orders.</summary>
    Backoff,

    /// <summary>After a restart: only post-only orders (and cancels).</summary>
    PostOnly,

    /// <summary>503 cancel-only: no new orders, cancels work.</summary>
    CancelOnly,

    /// <summary>503 trading disabled: no new orders.</summary>
    TradingDisabled,
}
