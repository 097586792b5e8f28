namespace FastMaker.Engine.Orders;

/// <summary>
/// The venue's open orders at one moment, delivered to the engine (in <c>InboundEvent.Cold</c>) by reconciliation.
/// The engine applies it with <see cref="OrderTracker.Reconcile"/> and fills <see cref="Differences"/>.
/// </summary>
public sealed class VenueOrdersSnapshot
{
    /// <summary>The open orders, mapped to dense indexes.</summary>
    public required VenueOpenOrder[] Orders { get; init; }

    /// <summary>When the snapshot was requested (engine clock, ms): our orders created after it are not judged by it.</summary>
    public required long AsOfMs { get; init; }

    /// <summary>Adopt unknown venue orders as ours (true) or only report them for cancellation (false, the default).</summary>
    public bool AdoptUnknown { get; init; }

    /// <summary>Filled by the engine: every difference found.</summary>
    public List<ReconcileDifference> Differences { get; } = new();
}
