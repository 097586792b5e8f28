namespace FastMaker.Polymarket.Parsing;

/// <summary>The <c>type</c> of a user-channel <c>order</c> event.</summary>
public enum OrderEventType : byte
{
    /// <summary><c>PLACEMENT</c>: the order was accepted.</summary>
    Placement = 0,
    /// <summary><c>UPDATE</c>: the order was (partly) matched.</summary>
    Update = 1,
    /// <summary><c>CANCELLATION</c>: the order left the book without (full) execution.</summary>
    Cancellation = 2,
}

/// <summary>The <c>status</c> of a user-channel <c>order</c> event (PROTOCOL.md §6.1).</summary>
public enum OrderStatusCode : byte
{
    /// <summary><c>LIVE</c>: resting.</summary>
    Live = 0,
    /// <summary><c>MATCHED</c>.</summary>
    Matched,
    /// <summary><c>DELAYED</c>: matching delayed (sports delay).</summary>
    Delayed,
    /// <summary><c>UNMATCHED</c>: a marketable order placed without a match after a delay.</summary>
    Unmatched,
    /// <summary><c>CANCELED</c>.</summary>
    Canceled,
    /// <summary><c>CANCELED_MARKET_RESOLVED</c>.</summary>
    CanceledMarketResolved,
    /// <summary><c>CANCELED_</c> followed by a reason text, e.g. the killed-FOK message.</summary>
    CanceledWithReason,
    /// <summary><c>INVALID</c>: cancelled by the venue.</summary>
    Invalid,
}

/// <summary>Time in force of an order (<c>order_type</c>).</summary>
public enum OrderTimeInForce : byte
{
    /// <summary>Absent.</summary>
    None = 0,
    /// <summary>Good till cancelled.</summary>
    Gtc,
    /// <summary>Good till date.</summary>
    Gtd,
    /// <summary>Fill or kill.</summary>
    Fok,
    /// <summary>Fill and kill.</summary>
    Fak,
}

/// <summary>The <c>status</c> of a user-channel <c>trade</c> event, with or without the <c>TRADE_STATUS_</c> prefix.</summary>
public enum TradeStatusCode : byte
{
    /// <summary><c>MATCHED</c>: sent to the executor.</summary>
    Matched = 0,
    /// <summary><c>MATCHED_NOT_BROADCASTED</c>.</summary>
    MatchedNotBroadcasted,
    /// <summary><c>MINED</c>.</summary>
    Mined,
    /// <summary><c>CONFIRMED</c>: terminal success.</summary>
    Confirmed,
    /// <summary><c>RETRYING</c>: the transaction failed and is being resubmitted.</summary>
    Retrying,
    /// <summary><c>FAILED</c>: terminal failure; roll the fill back.</summary>
    Failed,
}

/// <summary>Whether the recipient of a trade event was the taker or a maker (<c>trader_side</c>).</summary>
public enum TraderSide : byte
{
    /// <summary>Absent.</summary>
    None = 0,
    /// <summary><c>TAKER</c>: our order is <c>taker_order_id</c>.</summary>
    Taker,
    /// <summary><c>MAKER</c>: our orders are among <c>maker_orders</c>.</summary>
    Maker,
}

/// <summary>
/// The outcome label of a token as far as the hot path needs it. Multi-outcome labels (team
/// names) are <see cref="Other"/>; the token id is the identity, the label only a cross-check.
/// </summary>
public enum OutcomeLabel : byte
{
    /// <summary>Absent or empty.</summary>
    None = 0,
    /// <summary><c>Yes</c></summary>
    Yes,
    /// <summary><c>No</c></summary>
    No,
    /// <summary>Any other label.</summary>
    Other,
}

/// <summary>The user channel's <c>event_type</c> values.</summary>
public enum UserEventType : byte
{
    /// <summary>Not present.</summary>
    None = 0,
    /// <summary>An event type this parser does not know.</summary>
    Unknown,
    /// <summary><c>order</c></summary>
    Order,
    /// <summary><c>trade</c></summary>
    Trade,
}
