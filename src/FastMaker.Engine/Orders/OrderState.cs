namespace FastMaker.Engine.Orders;

/// <summary>Where one of our orders is in its life. States only move forward (see <see cref="OrderTracker"/>).</summary>
public enum OrderState : byte
{
    /// <summary>A free slot.</summary>
    None = 0,

    /// <summary>Approved by the gate and signed (its id, the EIP-712 hash, is known); no venue answer yet.</summary>
    PendingNew,

    /// <summary>The post timed out: the order may or may not exist. Resolved by events or by looking the hash up, never by posting again.</summary>
    Unknown,

    /// <summary>Resting on the book, nothing filled.</summary>
    Live,

    /// <summary>Resting on the book, partly filled.</summary>
    PartiallyFilled,

    /// <summary>A cancel was sent and not yet confirmed: the order can still fill, so its reservation stays.</summary>
    PendingCancel,

    /// <summary>Terminal: fully filled.</summary>
    Filled,

    /// <summary>Terminal: cancelled (by us, by the venue, at resolution, or the unfilled rest of a FAK/FOK).</summary>
    Cancelled,

    /// <summary>Terminal: the venue refused the post.</summary>
    Rejected,

    /// <summary>Terminal: a GTD order reached its expiration.</summary>
    Expired,
}

/// <summary>Helpers on <see cref="OrderState"/>.</summary>
public static class OrderStateExtensions
{
    /// <summary>True when the order may still rest or fill at the venue, so it holds a reservation.</summary>
    public static bool IsOpen(this OrderState state) => state is OrderState.PendingNew or OrderState.Unknown
        or OrderState.Live or OrderState.PartiallyFilled or OrderState.PendingCancel;

    /// <summary>True for Filled, Cancelled, Rejected and Expired.</summary>
    public static bool IsTerminal(this OrderState state) => state >= OrderState.Filled;
}
