namespace FastMaker.Engine.Store;

/// <summary>
/// Which evidence decided a fill's maker/taker classification (values mirror the order stage's
/// <c>ClassificationSource</c>, plus <see cref="Reconciliation"/> for fills learnt from the venue's trade list).
/// </summary>
public enum StoredClassificationSource : byte
{
    /// <summary>Not classified.</summary>
    None = 0,

    /// <summary>The order's origin (a post-only maker quote).</summary>
    Origin,

    /// <summary>Which side of the match the trade's order ids put our order on.</summary>
    TradeOrderIds,

    /// <summary>The trade's <c>trader_side</c> flag.</summary>
    TraderSideFlag,

    /// <summary>The book at the time (crossing the spread means taker).</summary>
    Book,

    /// <summary>Learnt from the venue's trade history by reconciliation (maker legs vs taker order id).</summary>
    Reconciliation = 100,
}
