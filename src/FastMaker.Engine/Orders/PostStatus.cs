namespace FastMaker.Engine.Orders;

/// <summary>The <c>status</c> of an accepted order post (ORDERS-V2-V3.md §4.2).</summary>
public enum PostStatus : byte
{
    /// <summary><c>live</c>: resting on the book.</summary>
    Live,

    /// <summary><c>matched</c>: filled fully or partly at placement.</summary>
    Matched,

    /// <summary><c>delayed</c>: held in a matching delay; cannot be cancelled until it ends.</summary>
    Delayed,

    /// <summary><c>unmatched</c>: marketable but not matched (FAK/FOK: gone; GTC/GTD: placed on the book after the delay).</summary>
    Unmatched,
}
