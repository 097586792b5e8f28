namespace FastMaker.Engine.Store;

/// <summary>Which member of a <see cref="StoreChange"/> is valid.</summary>
public enum StoreChangeKind : byte
{
    /// <summary>Never queued.</summary>
    None = 0,

    /// <summary>Upsert <see cref="StoreChange.Order"/>.</summary>
    Order,

    /// <summary>Upsert <see cref="StoreChange.Fill"/>.</summary>
    Fill,

    /// <summary>Upsert <see cref="StoreChange.Position"/>.</summary>
    Position,

    /// <summary>Upsert <see cref="StoreChange.Reservation"/>.</summary>
    Reservation,

    /// <summary>Closes a group: everything since the previous group end commits together or not at all.</summary>
    GroupEnd,

    /// <summary>Upsert <see cref="StoreChange.Mark"/> (schema version 2).</summary>
    Mark,

    /// <summary>Upsert <see cref="StoreChange.RewardSample"/> (schema version 2).</summary>
    RewardSample,
}
