using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Signing;
using FastMaker.Paper.FillModel;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Paper.Execution;

/// <summary>
/// The paper venue behind the engine: it stands where the HTTP sender stands (an <see cref="ISignedRequestSink"/>),
/// hands the signed posts and cancels to the <see cref="PaperFillModel"/>, and turns the model's events into the
/// engine's own inputs: <see cref="OrderReply"/> objects as <see cref="InboundKind.RestReply"/> events, and user-channel
/// order and trade events exactly as the parser would produce them. Every input is timed in engine time (the venue
/// event's time plus a drawn report latency), never by a wall clock; take them with <see cref="TryTakeInput"/> in time
/// order. Engine thread only.
/// </summary>
/// <remarks>
/// Simulated inputs are marked: trade ids start with <c>50415052</c> ("PAPR", <see cref="IsSimulatedTradeId"/>),
/// and every fill is also kept in <see cref="Fills"/> with <c>Simulated = true</c> and the model's parameters.
/// A fill becomes a trade MATCHED and then CONFIRMED (paper has no chain, so nothing fails), plus an order UPDATE.
/// </remarks>
public sealed class PaperExecution : ISignedRequestSink, IPaperEventSink
{
    private readonly MarketRegistry _registry;
    private readonly Func<long> _clock;
    private readonly SignedRequestPool? _pool;
    private readonly PriorityQueue<InboundEvent, (long DueMs, long Sequence)> _inputs = new(1024);
    private readonly List<PaperEvent> _fills = new(1024);
    private SplitMix64 _random;
    private long _sequence;

    /// <summary>Creates the paper venue.</summary>
    /// <param name="registry">The engine's registry (token ids and condition ids of the events).</param>
    /// <param name="parameters">The fill model's parameters (latencies, queue rule, seed).</param>
    /// <param name="clock">The engine clock (unix ms): the send time of each request.</param>
    /// <param name="pool">Where published requests are returned (the sign stage's pool); null to keep them.</param>
    public PaperExecution(MarketRegistry registry, PaperFillParameters parameters, Func<long> clock, SignedRequestPool? pool = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(clock);
        _registry = registry;
        _clock = clock;
        _pool = pool;
        Model = new PaperFillModel(registry, parameters, this);
        _random = new SplitMix64(parameters.Seed ^ 0x5245504F5254UL); // its own stream: report delays never shift the model's draws
    }

    /// <summary>The fill model.</summary>
    public PaperFillModel Model { get; }

    /// <summary>Every simulated fill so far, in order (each with <c>Simulated = true</c> and the parameters).</summary>
    public IReadOnlyList<PaperEvent> Fills => _fills;

    /// <summary>Posts received.</summary>
    public long PostsReceived { get; private set; }

    /// <summary>Cancels received (one order, a market, or all).</summary>
    public long CancelsReceived { get; private set; }

    /// <summary>Engine inputs waiting for their time.</summary>
    public int PendingInputs => _inputs.Count;

    /// <summary>The time of the next engine input, or <see cref="long.MaxValue"/>.</summary>
    public long NextInputMs => _inputs.TryPeek(out _, out var due) ? due.DueMs : long.MaxValue;

    /// <summary>True for a trade id this paper venue made.</summary>
    public static bool IsSimulatedTradeId(Guid tradeId)
    {
        Span<byte> bytes = stackalloc byte[16];
        tradeId.TryWriteBytes(bytes);
        return bytes[0] == 0x52 && bytes[1] == 0x50 && bytes[2] == 0x41 && bytes[3] == 0x50; // 0x50415052, little-endian
    }

    /// <inheritdoc />
    public void Publish(SignedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        long now = _clock();
        switch (request.Kind)
        {
            case RequestKind.PostOrder:
                PostsReceived++;
                var intent = request.Intent;
                Model.Place(new PaperOrderRequest
                {
                    OrderId = request.OrderId,
                    MarketIndex = intent.MarketIndex,
                    TokenIndex = intent.TokenIndex,
                    Side = intent.Side,
                    Price = intent.Price,
                    Size = intent.Size,
                    PostOnly = intent.PostOnly,
                    TimeInForce = intent.TimeInForce,
                    SentMs = now,
                });
                break;
            case RequestKind.CancelOrder:
                CancelsReceived++;
                Model.Cancel(request.OrderId, now);
                break;
            case RequestKind.CancelMarket:
                CancelsReceived++;
                Model.CancelMarket(request.MarketIndex, now);
                break;
            default:
                CancelsReceived++;
                Model.CancelMarket(-1, now);
                break;
        }

        _pool?.Return(request);
    }

    /// <summary>
    /// Runs the venue up to <paramref name="nowMs"/>: the model's go-lives and cancels due by then. Call before
    /// <see cref="TryTakeInput"/> and before feeding the model a market event of that time.
    /// </summary>
    public void AdvanceTo(long nowMs) => Model.AdvanceTo(nowMs);

    /// <summary>
    /// Takes the next engine input due at or before <paramref name="nowMs"/>, in time order (ties in the order they
    /// were made). The model's timers due before that input run first, so cause always precedes effect.
    /// </summary>
    public bool TryTakeInput(long nowMs, out InboundEvent input)
    {
        while (true)
        {
            long inputDue = NextInputMs;
            long modelDue = Model.NextDueMs;
            if (modelDue <= nowMs && modelDue <= inputDue)
            {
                Model.AdvanceTo(modelDue);
                continue;
            }

            if (inputDue <= nowMs && _inputs.TryDequeue(out input, out _))
            {
                return true;
            }

            input = default;
            return false;
        }
    }

    /// <summary>Feeds one market-channel event to the model (after <see cref="AdvanceTo"/> with its time).</summary>
    public void OnMarketEvent(in InboundEvent e) => Model.OnMarketEvent(in e);

    /// <inheritdoc />
    public void OnPaperEvent(in PaperEvent e)
    {
        long due = e.TimeMs + e.Parameters.ReportLatency.Draw(ref _random);
        switch (e.Kind)
        {
            case PaperEventKind.Accepted:
                OnAccepted(in e, due);
                break;
            case PaperEventKind.Rejected:
                Reply(new OrderReply { Kind = OrderReplyKind.PostRejected, OrderId = e.OrderId, Error = RejectText(e.Reject) }, due);
                break;
            case PaperEventKind.Fill:
                _fills.Add(e);
                OnFill(in e, due);
                break;
            case PaperEventKind.Cancelled:
                if (e.TimeInForce is not (IntentTimeInForce.Fak or IntentTimeInForce.Fok))
                {
                    Reply(new OrderReply { Kind = OrderReplyKind.CancelConfirmed, OrderId = e.OrderId }, due);
                }

                Order(in e, OrderEventType.Cancellation, OrderStatusCode.Canceled, due);
                break;
            case PaperEventKind.CancelRefused:
                Reply(new OrderReply { Kind = OrderReplyKind.CancelRefused, OrderId = e.OrderId, Error = "order not found or already canceled or matched (paper)" }, due);
                break;
        }
    }

    private void OnAccepted(in PaperEvent e, long due)
    {
        bool immediate = e.TimeInForce is IntentTimeInForce.Fak or IntentTimeInForce.Fok;
        var status = e.Filled.Raw > 0 ? PostStatus.Matched : immediate ? PostStatus.Unmatched : PostStatus.Live;
        Reply(new OrderReply { Kind = OrderReplyKind.PostAccepted, OrderId = e.OrderId, Status = status, MatchedShares = e.Filled }, due);
        if (!immediate)
        {
            Order(in e, OrderEventType.Placement, OrderStatusCode.Live, due);
        }
    }

    private void OnFill(in PaperEvent e, long due)
    {
        var market = _registry.Market(e.MarketIndex);
        var asset = e.TokenIndex == market.YesIndex ? market.YesToken : market.NoToken;
        bool maker = e.Liquidity == FillLiquidity.Maker;
        for (int pass = 0; pass < 2; pass++)
        {
            var status = pass == 0 ? TradeStatusCode.Matched : TradeStatusCode.Confirmed;
            var trade = new InboundEvent { Kind = InboundKind.Trade, Channel = InboundChannel.User, ReceiveMs = due };
            trade.Payload.Trade = new TradeEvent
            {
                TradeId = e.TradeId,
                TakerOrderId = maker ? CounterpartyId(e.TradeId) : e.OrderId,
                Market = market.ConditionId,
                AssetId = asset,
                TimestampMs = e.TimeMs,
                MatchTimeMs = e.TimeMs,
                LastUpdateMs = e.TimeMs,
                Size = e.Size,
                Price = e.Price,
                FeeRateBps = market.TakerFeeRateBps ?? 0,
                MakerOrderCount = maker ? 1 : 0,
                Side = maker ? (e.Side == Side.Buy ? Side.Sell : Side.Buy) : e.Side,
                Status = status,
                TraderSide = maker ? TraderSide.Maker : TraderSide.Taker,
                Outcome = e.TokenIndex == market.YesIndex ? OutcomeLabel.Yes : OutcomeLabel.No,
            };
            Enqueue(ref trade, due);
            if (maker)
            {
                var leg = new InboundEvent { Kind = InboundKind.TradeMakerOrder, Channel = InboundChannel.User, ReceiveMs = due };
                leg.Payload.MakerOrder = new MakerOrderFill
                {
                    OrderId = e.OrderId,
                    AssetId = asset,
                    MatchedAmount = e.Size,
                    Price = e.Price,
                    Side = e.Side,
                    HasSide = true,
                    Outcome = trade.Payload.Trade.Outcome,
                };
                Enqueue(ref leg, due);
            }

            var end = trade;
            end.Kind = InboundKind.TradeEnd;
            Enqueue(ref end, due);
            if (pass == 0)
            {
                Order(in e, OrderEventType.Update, e.Filled.Raw >= e.OriginalSize.Raw ? OrderStatusCode.Matched : OrderStatusCode.Live, due);
            }
        }
    }

    private void Order(in PaperEvent e, OrderEventType type, OrderStatusCode status, long due)
    {
        var market = _registry.Market(e.MarketIndex);
        var input = new InboundEvent { Kind = InboundKind.OrderUpdate, Channel = InboundChannel.User, ReceiveMs = due };
        input.Payload.Order = new OrderEvent
        {
            OrderId = e.OrderId,
            Market = market.ConditionId,
            AssetId = e.TokenIndex == market.YesIndex ? market.YesToken : market.NoToken,
            TimestampMs = e.TimeMs,
            OriginalSize = e.OriginalSize,
            SizeMatched = e.Filled,
            Price = e.LimitPrice,
            Side = e.Side,
            Type = type,
            Status = status,
            TimeInForce = e.TimeInForce switch
            {
                IntentTimeInForce.Gtd => OrderTimeInForce.Gtd,
                IntentTimeInForce.Fok => OrderTimeInForce.Fok,
                IntentTimeInForce.Fak => OrderTimeInForce.Fak,
                _ => OrderTimeInForce.Gtc,
            },
            Outcome = e.TokenIndex == market.YesIndex ? OutcomeLabel.Yes : OutcomeLabel.No,
        };
        Enqueue(ref input, due);
    }

    private void Reply(OrderReply reply, long due)
    {
        var input = new InboundEvent { Kind = InboundKind.RestReply, Channel = InboundChannel.Control, ReceiveMs = due, Cold = reply };
        Enqueue(ref input, due);
    }

    private void Enqueue(ref InboundEvent input, long due)
    {
        input.TokenIndex = -1;
        input.FrameSequence = -1;
        _inputs.Enqueue(input, (due, ++_sequence));
    }

    // The other side of a simulated maker fill: an id that is not ours, derived from the trade id.
    private static Hash32 CounterpartyId(Guid tradeId)
    {
        Span<byte> bytes = stackalloc byte[32];
        tradeId.TryWriteBytes(bytes);
        bytes[31] = 0xFF;
        return Hash32.FromBytes(bytes);
    }

    private static string RejectText(PaperRejectReason reason) => reason switch
    {
        PaperRejectReason.PostOnlyCrosses => "invalid post-only order: order crosses book (paper)",
        PaperRejectReason.FokNotFilled => "order couldn't be fully filled. FOK orders are fully filled or killed. (paper)",
        PaperRejectReason.FakNoMatch => "no orders found to match with FAK order. (paper)",
        PaperRejectReason.DuplicateOrderId => "order is invalid. Duplicated. (paper)",
        PaperRejectReason.NoCapacity => "paper venue order capacity reached",
        _ => "invalid order (paper)",
    };
}
