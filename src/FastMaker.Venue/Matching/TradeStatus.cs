namespace FastMaker.Venue.Matching;

/// <summary>Settlement state of a trade: MATCHED, then MINED and CONFIRMED, or RETRYING and FAILED.</summary>
public enum TradeStatus : byte
{
    /// <summary>Matched by the engine, not yet on chain.</summary>
    Matched = 0,

    /// <summary>Included in a block; the proceeds become available.</summary>
    Mined = 1,

    /// <summary>Final.</summary>
    Confirmed = 2,

    /// <summary>The settlement transaction failed and is being retried.</summary>
    Retrying = 3,

    /// <summary>Settlement failed for good; the venue rolled the balances back.</summary>
    Failed = 4,
}
