namespace FastMaker.Venue.Matching;

/// <summary>The <c>type</c> field of a user-channel <c>order</c> event.</summary>
public enum OrderEventType : byte
{
    /// <summary>The order was accepted.</summary>
    Placement = 0,

    /// <summary>The order was (partly) matched as a maker.</summary>
    Update = 1,

    /// <summary>The order left the book without being filled completely.</summary>
    Cancellation = 2,
}
