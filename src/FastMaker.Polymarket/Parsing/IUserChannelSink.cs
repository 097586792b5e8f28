namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// Receives what <see cref="UserChannelParser"/> finds in a frame. Implemented by a struct so the
/// calls are devirtualized. Each event is delivered whole or replaced by one <see cref="OnError"/>.
/// </summary>
public interface IUserChannelSink
{
    /// <summary>An <c>order</c> event.</summary>
    void OnOrder(in OrderEvent order);

    /// <summary>Start of a <c>trade</c> event; <see cref="TradeEvent.MakerOrderCount"/> maker orders follow.</summary>
    void OnTrade(in TradeEvent trade);

    /// <summary>One maker order of the trade begun by <see cref="OnTrade"/>.</summary>
    void OnTradeMakerOrder(in MakerOrderFill maker);

    /// <summary>End of the trade.</summary>
    void OnTradeEnd(in TradeEvent trade);

    /// <summary>The text frame <c>PONG</c>.</summary>
    void OnPong();

    /// <summary>An object with an unknown event type; skipped and counted.</summary>
    void OnUnknownEvent(long byteOffset);

    /// <summary>A malformed frame, or one rejected event.</summary>
    void OnError(in FrameError error);
}
