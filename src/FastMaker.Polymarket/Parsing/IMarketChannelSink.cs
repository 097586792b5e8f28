namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// Receives what <see cref="MarketChannelParser"/> finds in a frame. Implemented by a struct so
/// the calls are devirtualized and inlined. Events arrive in frame order; each event is either
/// delivered whole or replaced by one <see cref="OnError"/>.
/// </summary>
public interface IMarketChannelSink
{
    /// <summary>Start of a <c>book</c> snapshot; <see cref="BookSnapshot.BidCount"/> + <see cref="BookSnapshot.AskCount"/> levels follow.</summary>
    void OnBookBegin(in BookSnapshot book);

    /// <summary>One level of the snapshot begun by <see cref="OnBookBegin"/>.</summary>
    void OnBookLevel(in BookLevel level);

    /// <summary>End of the snapshot.</summary>
    void OnBookEnd(in BookSnapshot book);

    /// <summary>One entry of a <c>price_change</c> message.</summary>
    void OnPriceChange(in PriceChange change);

    /// <summary>A <c>tick_size_change</c>.</summary>
    void OnTickSizeChange(in TickSizeChange change);

    /// <summary>A <c>last_trade_price</c>.</summary>
    void OnLastTradePrice(in LastTradePrice trade);

    /// <summary>A <c>best_bid_ask</c>.</summary>
    void OnBestBidAsk(in BestBidAsk top);

    /// <summary>A <c>new_market</c> (cold path, allocated).</summary>
    void OnNewMarket(NewMarket market);

    /// <summary>A <c>market_resolved</c> (cold path, allocated).</summary>
    void OnMarketResolved(MarketResolved resolved);

    /// <summary>The text frame <c>PONG</c> (heartbeat answer).</summary>
    void OnPong();

    /// <summary>An object with an event type this parser does not know; it was skipped and counted.</summary>
    void OnUnknownEvent(long byteOffset);

    /// <summary>A malformed frame, or one event of it that was rejected.</summary>
    void OnError(in FrameError error);
}
