namespace FastMaker.Engine.Gate;

/// <summary>Why the gate (the execution firewall) refused an intent. Every reject carries exactly one.</summary>
public enum GateRejectReason : byte
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>The market's state does not allow this intent (wind-down, pre-event, challenge window, resolved, halted).</summary>
    MarketState,

    /// <summary>Market metadata is incomplete (no tick size, no min size, ...).</summary>
    MarketMetadata,

    /// <summary>The price is not a multiple of the market's current tick.</summary>
    OffTick,

    /// <summary>The price is outside [tick, 1 - tick].</summary>
    PriceOutOfBounds,

    /// <summary>The size is below the market's minimum order size.</summary>
    BelowMinSize,

    /// <summary>The size or the collateral amount has more decimals than the venue accepts.</summary>
    Precision,

    /// <summary>The GTD expiration is too close, in the past, or absurdly far.</summary>
    Expiration,

    /// <summary>A per-market cap would be exceeded.</summary>
    MarketCap,

    /// <summary>A per-cluster cap (a negRisk event, or a configured cluster) would be exceeded.</summary>
    ClusterCap,

    /// <summary>An aggregate cap (gross or net notional, open orders, inventory) would be exceeded.</summary>
    AggregateCap,

    /// <summary>Not enough unreserved collateral (BUY) or tokens (SELL).</summary>
    InsufficientAvailable,

    /// <summary>The mutation budget (global per minute, or the market's cooldown) is spent.</summary>
    MutationBudget,

    /// <summary>The market is paused after a reject storm.</summary>
    RejectStormPause,

    /// <summary>The global circuit breaker tripped.</summary>
    CircuitBreaker,

    /// <summary>The venue asked us to back off (429, 425 restart).</summary>
    VenueBackoff,

    /// <summary>The venue is in post-only mode and the order is not post-only.</summary>
    VenuePostOnlyMode,

    /// <summary>The venue is in cancel-only or trading-disabled mode.</summary>
    VenueCancelOnly,

    /// <summary>The kill switch is on.</summary>
    KillSwitch,

    /// <summary>The intent is malformed (unknown token, target order unknown, zero size).</summary>
    InvalidIntent,
}
