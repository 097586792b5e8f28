namespace FastMaker.Venue.Matching;

/// <summary>State of an order as the user channel and <c>/data/order</c> report it.</summary>
public enum OrderStatus : byte
{
    /// <summary>Resting on the book (possibly partly filled).</summary>
    Live = 0,

    /// <summary>Completely filled.</summary>
    Matched = 1,

    /// <summary>Cancelled by its owner, by the heartbeat, by expiry or by a game start.</summary>
    Canceled = 2,

    /// <summary>Cancelled because the market closed or resolved.</summary>
    CanceledMarketResolved = 3,

    /// <summary>A marketable order that did not match (FAK remainder).</summary>
    Unmatched = 4,
}
