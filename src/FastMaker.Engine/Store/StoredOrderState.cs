namespace FastMaker.Engine.Store;

/// <summary>
/// An order's state as the store persists it. The numeric values mirror the order state machine's
/// <c>OrderState</c> so the engine converts with a cast; the database keeps the names, so a reordering never
/// changes what a stored row means.
/// </summary>
public enum StoredOrderState : byte
{
    /// <summary>Not a real state; never written.</summary>
    None = 0,

    /// <summary>Approved and signed, no venue answer yet.</summary>
    PendingNew,

    /// <summary>The post timed out: it may or may not exist at the venue.</summary>
    Unknown,

    /// <summary>Resting, nothing filled.</summary>
    Live,

    /// <summary>Resting, partly filled.</summary>
    PartiallyFilled,

    /// <summary>A cancel was sent and not yet confirmed.</summary>
    PendingCancel,

    /// <summary>Terminal: fully filled.</summary>
    Filled,

    /// <summary>Terminal: cancelled.</summary>
    Cancelled,

    /// <summary>Terminal: refused by the venue.</summary>
    Rejected,

    /// <summary>Terminal: a GTD order expired.</summary>
    Expired,
}

/// <summary>Helpers on <see cref="StoredOrderState"/>.</summary>
public static class StoredOrderStateExtensions
{
    /// <summary>True when the order may still rest or fill at the venue (so it holds a reservation).</summary>
    public static bool IsOpen(this StoredOrderState state) => state is StoredOrderState.PendingNew or StoredOrderState.Unknown
        or StoredOrderState.Live or StoredOrderState.PartiallyFilled or StoredOrderState.PendingCancel;
}
