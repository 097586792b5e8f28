namespace FastMaker.Engine.Reconciliation;

/// <summary>
/// The venue's side of one reconciliation, fetched off the engine thread and handed to the engine in
/// <c>InboundEvent.Cold</c> of a <c>RestReply</c>; the engine runs <see cref="Reconciler.Reconcile"/> on it with its
/// own records. Journaled with the event, so a replay reconciles identically.
/// </summary>
public sealed class ReconciliationSnapshot
{
    /// <summary>The venue's open orders.</summary>
    public required List<VenueOrder> Orders { get; init; }

    /// <summary>Trade legs of our orders.</summary>
    public required List<VenueTradeLeg> Trades { get; init; }

    /// <summary>When the fetch started (unix ms): our orders created later are not judged by it.</summary>
    public required long AsOfMs { get; init; }

    /// <summary>Venue rows that could not be mapped (malformed fields), each with its reason; they were skipped.</summary>
    public required List<string> MappingErrors { get; init; }
}
