namespace FastMaker.Engine.Orders;

/// <summary>Whether a fill of ours provided liquidity (maker) or took it (taker).</summary>
public enum FillLiquidity : byte
{
    /// <summary>No source could decide. Never silently treated as maker.</summary>
    Unknown = 0,

    /// <summary>Our order was resting and was hit.</summary>
    Maker,

    /// <summary>Our order crossed the spread.</summary>
    Taker,
}

/// <summary>Which evidence decided a fill's <see cref="FillLiquidity"/>, for the truth report.</summary>
public enum ClassificationSource : byte
{
    /// <summary>Nothing decided.</summary>
    None = 0,

    /// <summary>Our order's origin: a post-only order can only ever be a maker.</summary>
    Origin,

    /// <summary>The trade's ids: our order is the taker_order_id, or one of maker_orders[].order_id.</summary>
    TradeOrderIds,

    /// <summary>The trade's trader_side flag (used only when the ids did not place our order).</summary>
    TraderSideFlag,

    /// <summary>The book when the order was approved: a price crossing the opposite best means taker.</summary>
    Book,

    /// <summary>
    /// The venue's trade list, by start-up recovery (maker legs vs taker order id): only on fills restored from the store,
    /// with the store's value so that the fill is written back unchanged.
    /// </summary>
    Reconciliation = 100,
}

/// <summary>The trade's own statement of which side of the match our order was on.</summary>
public enum TradeRole : byte
{
    /// <summary>Not stated.</summary>
    None = 0,

    /// <summary>Our order was the taker.</summary>
    Taker,

    /// <summary>Our order was a maker.</summary>
    Maker,
}
