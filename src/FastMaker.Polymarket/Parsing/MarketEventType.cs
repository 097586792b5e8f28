namespace FastMaker.Polymarket.Parsing;

/// <summary>The market channel's <c>event_type</c> values.</summary>
public enum MarketEventType : byte
{
    /// <summary>Not present.</summary>
    None = 0,
    /// <summary>An event type this parser does not know.</summary>
    Unknown,
    /// <summary><c>book</c></summary>
    Book,
    /// <summary><c>price_change</c></summary>
    PriceChange,
    /// <summary><c>tick_size_change</c></summary>
    TickSizeChange,
    /// <summary><c>last_trade_price</c></summary>
    LastTradePrice,
    /// <summary><c>best_bid_ask</c></summary>
    BestBidAsk,
    /// <summary><c>new_market</c></summary>
    NewMarket,
    /// <summary><c>market_resolved</c></summary>
    MarketResolved,
}
