using FastMaker.Primitives;

namespace FastMaker.Engine.Orders;

/// <summary>One open order as the venue reports it (GET /data/orders), mapped to dense indexes for reconciliation.</summary>
public readonly record struct VenueOpenOrder(
    Hash32 Id,
    int TokenIndex,
    int MarketIndex,
    Side Side,
    Price Price,
    Quantity OriginalSize,
    Quantity SizeMatched);

/// <summary>One difference found by reconciliation: each is an event, a log line and a metric for the caller.</summary>
public readonly record struct ReconcileDifference(ReconcileDifferenceKind Kind, Hash32 OrderId, long Before, long After);

/// <summary>What reconciliation found.</summary>
public enum ReconcileDifferenceKind : byte
{
    /// <summary>Our open order is not open at the venue: marked cancelled (its fills arrive as trades).</summary>
    MissingAtVenue,

    /// <summary>An open venue order we do not know: reported (the caller cancels it), Before/After unused.</summary>
    UnknownAtVenue,

    /// <summary>An open venue order we did not know, adopted as ours (origin Adopted).</summary>
    Adopted,

    /// <summary>An order we hold as terminal is open at the venue: reported, never resurrected.</summary>
    TerminalButOpenAtVenue,

    /// <summary>The venue's size_matched differs from ours: the venue's is taken (Before/After = raw shares).</summary>
    MatchedSizeCorrected,

    /// <summary>A pending or unknown order was found resting: now live.</summary>
    StateResolved,

    /// <summary>Rebuilding reservations from the open orders changed the total (Before/After = raw collateral).</summary>
    ReservationDrift,
}
