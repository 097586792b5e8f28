namespace FastMaker.Engine.Registry;

/// <summary>What a metadata refresh changed in one market.</summary>
/// <param name="MarketIndex">The market's dense index.</param>
/// <param name="Kinds">The fields that changed.</param>
public readonly record struct MarketChange(int MarketIndex, MarketChangeKind Kinds);

/// <summary>Fields of a market that a refresh may change (flags: one change can touch several).</summary>
[Flags]
public enum MarketChangeKind
{
    /// <summary>Nothing changed.</summary>
    None = 0,

    /// <summary>The market is new to the registry.</summary>
    Added = 1 << 0,

    /// <summary>The tick size changed (books are re-gridded; quotes at now-invalid prices must go).</summary>
    TickSize = 1 << 1,

    /// <summary>The minimum order size changed.</summary>
    MinOrderSize = 1 << 2,

    /// <summary>acceptingOrders changed.</summary>
    AcceptingOrders = 1 << 3,

    /// <summary>closed changed.</summary>
    Closed = 1 << 4,

    /// <summary>The end date changed.</summary>
    EndDate = 1 << 5,

    /// <summary>A negRisk flag changed (market or event negRisk, augmented, Other, negRisk market id): cancel-all, halt.</summary>
    NegRiskFlags = 1 << 6,

    /// <summary>The market's event binding changed: cancel-all, halt.</summary>
    EventBinding = 1 << 7,

    /// <summary>The game or event start changed.</summary>
    EventStart = 1 << 8,

    /// <summary>Fee parameters changed.</summary>
    Fees = 1 << 9,

    /// <summary>Reward parameters changed.</summary>
    Rewards = 1 << 10,

    /// <summary>The UMA resolution status changed.</summary>
    Resolution = 1 << 11,

    /// <summary>Why the market is not quotable changed (became quotable, or a new problem).</summary>
    Quotability = 1 << 12,

    /// <summary>A metadata halt was set (this refresh) or cleared (a clean refresh).</summary>
    Halt = 1 << 13,
}
