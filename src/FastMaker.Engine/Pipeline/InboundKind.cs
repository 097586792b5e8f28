namespace FastMaker.Engine.Pipeline;

/// <summary>What an <see cref="InboundEvent"/> carries; selects the member of <see cref="InboundPayload"/> that is valid.</summary>
public enum InboundKind : byte
{
    /// <summary>An empty slot (never published).</summary>
    None = 0,

    // Market channel, one event per parser sink call.

    /// <summary>Start of a book snapshot: <see cref="InboundPayload.Book"/>.</summary>
    BookBegin,

    /// <summary>One snapshot level: <see cref="InboundPayload.BookLevel"/>.</summary>
    BookLevel,

    /// <summary>End of a book snapshot: <see cref="InboundPayload.Book"/>.</summary>
    BookEnd,

    /// <summary>One price_change entry: <see cref="InboundPayload.PriceChange"/>.</summary>
    PriceChange,

    /// <summary>A tick_size_change: <see cref="InboundPayload.TickSizeChange"/>.</summary>
    TickSizeChange,

    /// <summary>A last_trade_price: <see cref="InboundPayload.LastTrade"/>.</summary>
    LastTradePrice,

    /// <summary>A best_bid_ask: <see cref="InboundPayload.BestBidAsk"/>.</summary>
    BestBidAsk,

    /// <summary>A new_market announcement: <see cref="InboundEvent.Cold"/> holds the parsed object.</summary>
    NewMarket,

    /// <summary>A market_resolved: <see cref="InboundEvent.Cold"/> holds the parsed object.</summary>
    MarketResolved,

    // User channel.

    /// <summary>An order event of ours: <see cref="InboundPayload.Order"/>.</summary>
    OrderUpdate,

    /// <summary>Start of a trade event: <see cref="InboundPayload.Trade"/>; maker legs follow.</summary>
    Trade,

    /// <summary>One maker leg of the current trade: <see cref="InboundPayload.MakerOrder"/>.</summary>
    TradeMakerOrder,

    /// <summary>End of the trade event: <see cref="InboundPayload.Trade"/>.</summary>
    TradeEnd,

    // Both channels.

    /// <summary>A PONG heartbeat answer on a connection.</summary>
    Pong,

    /// <summary>A malformed frame or event: <see cref="InboundPayload.FrameError"/>.</summary>
    FrameError,

    /// <summary>An event type the parser does not know; skipped and counted.</summary>
    UnknownEvent,

    // Control: everything that is not a WebSocket frame enters the ring too, in one total order.

    /// <summary>A timer fired: <see cref="InboundPayload.Timer"/>. The engine reads time only from events.</summary>
    Timer,

    /// <summary>A connection changed state: <see cref="InboundPayload.Connection"/>.</summary>
    ConnectionStatus,

    /// <summary>A metadata refresh finished: <see cref="InboundEvent.Cold"/> holds the market metadata list.</summary>
    MetadataRefresh,

    /// <summary>A reply to a REST request (order post, cancel, heartbeat, reconcile): <see cref="InboundEvent.Cold"/> holds it.</summary>
    RestReply,

    /// <summary>An operator command (kill switch, pause, resume): <see cref="InboundEvent.Cold"/> holds it.</summary>
    Operator,
}
