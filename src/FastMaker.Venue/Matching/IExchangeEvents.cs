namespace FastMaker.Venue.Matching;

/// <summary>
/// Everything the engine announces, called synchronously on the engine's (single) thread, in the
/// order things happen. The server fans these out on the WebSocket channels; tests record them.
/// Implementations must not call back into the engine.
/// </summary>
public interface IExchangeEvents
{
    /// <summary>A price level's aggregate size changed.</summary>
    void OnBookLevel(in BookLevelChange change);

    /// <summary>A fill: one taker order against one maker order (status MATCHED).</summary>
    void OnTrade(TradeRecord trade);

    /// <summary>An order was placed, updated by a fill, or cancelled.</summary>
    void OnOrder(in OrderEvent orderEvent);

    /// <summary>A trade moved on in settlement (MINED, CONFIRMED, RETRYING, FAILED).</summary>
    void OnTradeStatus(in TradeStatusChange change);

    /// <summary>A token's tick size changed.</summary>
    void OnTickSizeChange(in TickSizeChange change);

    /// <summary>A market resolved.</summary>
    void OnMarketResolved(in MarketResolved resolved);
}
