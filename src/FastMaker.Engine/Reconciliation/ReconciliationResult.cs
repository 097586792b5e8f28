using FastMaker.Engine.Orders;
using FastMaker.Engine.Store;

namespace FastMaker.Engine.Reconciliation;

/// <summary>What one reconciliation found and what to do about it. The corrected records are store upserts too.</summary>
public sealed class ReconciliationResult
{
    /// <summary>Every difference, in a deterministic order (orders by id, then fills, positions, reservations).</summary>
    public List<Discrepancy> Differences { get; } = new();

    /// <summary>Cancels to send: unknown venue orders (unless adopted) and orders we hold as terminal that still rest.</summary>
    public List<OrderIntent> Intents { get; } = new();

    /// <summary>Our orders as they must now be (changed or adopted ones only).</summary>
    public List<StoredOrder> CorrectedOrders { get; } = new();

    /// <summary>Fills added from, or corrected by, the venue's trades.</summary>
    public List<StoredFill> CorrectedFills { get; } = new();

    /// <summary>Positions corrected to the net of the venue's trades.</summary>
    public List<StoredPosition> CorrectedPositions { get; } = new();

    /// <summary>Every reservation rebuilt from the open orders (after corrections), including zeroed ones.</summary>
    public List<StoredReservation> Reservations { get; } = new();

    /// <summary>True when nothing differed.</summary>
    public bool IsClean => Differences.Count == 0;
}
