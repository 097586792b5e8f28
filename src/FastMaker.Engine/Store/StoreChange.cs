namespace FastMaker.Engine.Store;

/// <summary>
/// One entry of the store queue: a record to upsert, or the end of a group. A plain struct with no references, so
/// the engine thread queues it by copy without allocating.
/// </summary>
public struct StoreChange
{
    /// <summary>Which member is valid.</summary>
    public StoreChangeKind Kind;

    /// <summary>For <see cref="StoreChangeKind.GroupEnd"/>: the group's sequence (strictly increasing from 1).</summary>
    public long GroupSequence;

    /// <summary>Valid for <see cref="StoreChangeKind.Order"/>.</summary>
    public StoredOrder Order;

    /// <summary>Valid for <see cref="StoreChangeKind.Fill"/>.</summary>
    public StoredFill Fill;

    /// <summary>Valid for <see cref="StoreChangeKind.Position"/>.</summary>
    public StoredPosition Position;

    /// <summary>Valid for <see cref="StoreChangeKind.Reservation"/>.</summary>
    public StoredReservation Reservation;

    /// <summary>Valid for <see cref="StoreChangeKind.Mark"/>.</summary>
    public StoredMark Mark;

    /// <summary>Valid for <see cref="StoreChangeKind.RewardSample"/>.</summary>
    public StoredRewardSample RewardSample;

    /// <summary>An order upsert.</summary>
    public static StoreChange Of(in StoredOrder order) => new() { Kind = StoreChangeKind.Order, Order = order };

    /// <summary>A fill upsert.</summary>
    public static StoreChange Of(in StoredFill fill) => new() { Kind = StoreChangeKind.Fill, Fill = fill };

    /// <summary>A position upsert.</summary>
    public static StoreChange Of(in StoredPosition position) => new() { Kind = StoreChangeKind.Position, Position = position };

    /// <summary>A reservation upsert.</summary>
    public static StoreChange Of(in StoredReservation reservation) => new() { Kind = StoreChangeKind.Reservation, Reservation = reservation };

    /// <summary>A mark (top of book and mid) upsert.</summary>
    public static StoreChange Of(in StoredMark mark) => new() { Kind = StoreChangeKind.Mark, Mark = mark };

    /// <summary>A liquidity-reward sample upsert.</summary>
    public static StoreChange Of(in StoredRewardSample sample) => new() { Kind = StoreChangeKind.RewardSample, RewardSample = sample };

    /// <summary>The end of group <paramref name="sequence"/>.</summary>
    public static StoreChange EndOfGroup(long sequence) => new() { Kind = StoreChangeKind.GroupEnd, GroupSequence = sequence };
}
