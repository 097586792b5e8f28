using System.Runtime.CompilerServices;
using FastMaker.Polymarket.Parsing;

namespace FastMaker.Engine.Pipeline;

/// <summary>
/// Turns the parsers' sink calls for one frame into <see cref="InboundEvent"/>s, stamped with the frame's receive
/// time, channel, connection and frame ordinal. One instance per ingress source; reused for every frame.
/// </summary>
public struct FrameTranslator<TTarget> : IMarketChannelSink, IUserChannelSink
    where TTarget : struct, IInboundTarget
{
    private TTarget _target;
    private long _receiveMs;
    private long _frameSequence;
    private InboundChannel _channel;
    private short _connectionId;

    /// <summary>Creates a translator writing to <paramref name="target"/>.</summary>
    public FrameTranslator(TTarget target)
    {
        _target = target;
    }

    /// <summary>Events that were reported as malformed (a frame or an event within one).</summary>
    public long Errors { get; private set; }

    /// <summary>Events of a type the parser did not know.</summary>
    public long UnknownEvents { get; private set; }

    /// <summary>Sets the stamp for the events of the next frame.</summary>
    public void BeginFrame(InboundChannel channel, short connectionId, long receiveMs, long frameSequence)
    {
        _channel = channel;
        _connectionId = connectionId;
        _receiveMs = receiveMs;
        _frameSequence = frameSequence;
    }

    /// <summary>The target (a copy, for its statistics).</summary>
    public readonly TTarget Target => _target;

    /// <summary>Publishes a control item (timer, connection status, REST reply...) as one event with its own ordinal.</summary>
    public void Publish(in ControlItem item, long frameSequence)
    {
        ref var e = ref _target.Claim();
        e.Kind = item.Kind;
        e.Channel = item.Channel;
        e.ConnectionId = item.ConnectionId;
        e.TokenIndex = -1;
        e.ReceiveMs = item.ReceiveMs;
        e.FrameSequence = frameSequence;
        e.Payload = item.Payload;
        e.Cold = item.Cold;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnBookBegin(in BookSnapshot book) {
        Claim(InboundKind.BookBegin).Payload.Book = book;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnBookLevel(in BookLevel level) {
        Claim(InboundKind.BookLevel).Payload.BookLevel = level;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnBookEnd(in BookSnapshot book) {
        Claim(InboundKind.BookEnd).Payload.Book = book;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnPriceChange(in PriceChange change) {
        Claim(InboundKind.PriceChange).Payload.PriceChange = change;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnTickSizeChange(in TickSizeChange change) {
        Claim(InboundKind.TickSizeChange).Payload.TickSizeChange = change;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnLastTradePrice(in LastTradePrice trade) {
        Claim(InboundKind.LastTradePrice).Payload.LastTrade = trade;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnBestBidAsk(in BestBidAsk top) {
        Claim(InboundKind.BestBidAsk).Payload.BestBidAsk = top;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnNewMarket(NewMarket market) {
        Claim(InboundKind.NewMarket).Cold = market;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnMarketResolved(MarketResolved resolved) {
        Claim(InboundKind.MarketResolved).Cold = resolved;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnOrder(in OrderEvent order) {
        Claim(InboundKind.OrderUpdate).Payload.Order = order;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnTrade(in TradeEvent trade) {
        Claim(InboundKind.Trade).Payload.Trade = trade;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnTradeMakerOrder(in MakerOrderFill maker) {
        Claim(InboundKind.TradeMakerOrder).Payload.MakerOrder = maker;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnTradeEnd(in TradeEvent trade) {
        Claim(InboundKind.TradeEnd).Payload.Trade = trade;
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnPong()
    {
        Claim(InboundKind.Pong);
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnUnknownEvent(long byteOffset)
    {
        UnknownEvents++;
        Claim(InboundKind.UnknownEvent);
        _target.Commit();
    }

    /// <inheritdoc />
    public void OnError(in FrameError error)
    {
        Errors++;
        Claim(InboundKind.FrameError).Payload.FrameError = error;
        _target.Commit();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref InboundEvent Claim(InboundKind kind)
    {
        ref var e = ref _target.Claim();
        e.Kind = kind;
        e.Channel = _channel;
        e.ConnectionId = _connectionId;
        e.TokenIndex = -1;
        e.ReceiveMs = _receiveMs;
        e.FrameSequence = _frameSequence;
        e.Cold = null;
        return ref e;
    }
}
