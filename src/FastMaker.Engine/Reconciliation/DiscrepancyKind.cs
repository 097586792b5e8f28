namespace FastMaker.Engine.Reconciliation;

/// <summary>What reconciliation found different between our records and the venue's.</summary>
public enum DiscrepancyKind : byte
{
    /// <summary>An open venue order we do not know: cancelled (the default). Before/After: 0 / its remaining size.</summary>
    UnknownVenueOrderCancelled,

    /// <summary>An open venue order we do not know: adopted as ours (origin Adopted). Before/After: 0 / its remaining size.</summary>
    UnknownVenueOrderAdopted,

    /// <summary>Our open order is gone from the venue and its trades fill it: now Filled. Before/After: filled size.</summary>
    MissingResolvedFilled,

    /// <summary>Our open order is gone from the venue and its trades do not fill it: now Cancelled. Before/After: filled size.</summary>
    MissingResolvedCancelled,

    /// <summary>The venue's matched size differs from our filled size (a missed partial fill): the venue's is taken.</summary>
    FilledSizeCorrected,

    /// <summary>The venue's original size differs from ours: the venue's is taken. Before/After: original size.</summary>
    OriginalSizeCorrected,

    /// <summary>The venue's price or side differs from ours: reported only (an id is a hash of both, so this means a bug).</summary>
    OrderDetailsMismatch,

    /// <summary>Our pending or unknown order was found resting at the venue: now live. Before/After: the states.</summary>
    PendingResolvedLive,

    /// <summary>We hold the order as terminal but it is open at the venue: cancelled, never resurrected.</summary>
    TerminalButOpenAtVenue,

    /// <summary>A venue trade leg of ours that we have no fill for: the fill is added. Before/After: 0 / size.</summary>
    FillMissing,

    /// <summary>A fill of ours whose status differs from the venue's trade: the venue's is taken. Before/After: status codes.</summary>
    FillStatusCorrected,

    /// <summary>A position differs from the net of the venue's trades: the trades' net is taken. Before/After: shares.</summary>
    PositionMismatch,

    /// <summary>A stored reservation differs from the one rebuilt from open orders. Before/After: raw amount.</summary>
    ReservationDrift,
}
