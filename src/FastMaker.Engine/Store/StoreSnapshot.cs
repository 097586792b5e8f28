namespace FastMaker.Engine.Store;

/// <summary>Everything the store held at its last committed transaction, loaded at start-up.</summary>
public sealed class StoreSnapshot
{
    /// <summary>Every order, ordered by id.</summary>
    public required List<StoredOrder> Orders { get; init; }

    /// <summary>Every fill, ordered by (trade id, order id).</summary>
    public required List<StoredFill> Fills { get; init; }

    /// <summary>Every position, ordered by token id.</summary>
    public required List<StoredPosition> Positions { get; init; }

    /// <summary>Every reservation row.</summary>
    public required List<StoredReservation> Reservations { get; init; }

    /// <summary>The sequence of the last group committed (0 for a new store).</summary>
    public required long LastGroupSequence { get; init; }
}
