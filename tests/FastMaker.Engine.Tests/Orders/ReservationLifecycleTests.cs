using System.Buffers;
using System.Text;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using static FastMaker.Engine.Tests.Orders.OrdersHarness;

namespace FastMaker.Engine.Tests.Orders;

/// <summary>
/// The audit's reservation lifecycle at engine level: user-channel JSON through the real parser and translator,
/// REST replies as ring events, and the gate's calls to the risk engine; reservations checked after every step.
/// </summary>
public class ReservationLifecycleTests
{
    private readonly OrdersHarness _h = new();
    private readonly UserChannelParser _parser = new();
    private FrameTranslator<DirectEngineTarget> _translator;
    private long _frame;
    private long _now = 10_000;

    public ReservationLifecycleTests()
    {
        _translator = new FrameTranslator<DirectEngineTarget>(new DirectEngineTarget(_h.Engine));
    }

    [Fact]
    public void Buy100_PartialFill50_Replace_Cancel_FinalAvailableIsInitialMinusCostOfFill()
    {
        var initial = _h.Risk.AvailableCollateral;
        Assert.Equal(Usd("1000"), initial);

        // Submit BUY 100 @ 0.50: reserves 50.
        var first = GateApproves(_h.Intent(_h.Yes(), Side.Buy, "0.50", "100", nowMs: _now));
        AssertReservedEqualsOpenOrders(Usd("50"));
        Reply(new OrderReply { Kind = OrderReplyKind.PostAccepted, OrderId = first, Status = PostStatus.Live });
        Feed(OrderJson(first, "PLACEMENT", "LIVE", "0.50", "100", "0"));
        Assert.Equal(OrderState.Live, _h.State(first));
        AssertReservedEqualsOpenOrders(Usd("50"));

        // Partial fill of 50 (trade first, then the order UPDATE): reservation 25, cost 25 paid.
        Feed(TradeJson(1, first, "50", "0.50", "MATCHED"));
        AssertReservedEqualsOpenOrders(Usd("25"));
        Feed(OrderJson(first, "UPDATE", "LIVE", "0.50", "100", "50"));
        Assert.Equal(OrderState.PartiallyFilled, _h.State(first));
        AssertReservedEqualsOpenOrders(Usd("25"));
        Assert.Equal(Usd("975"), _h.Positions.Collateral);
        Assert.Equal(initial - Usd("25") - Usd("25"), _h.Risk.AvailableCollateral);

        // Replace with BUY 50 @ 0.48: the old order keeps its 25 until its cancel is confirmed, the new one holds 24.
        var replace = _h.Intent(_h.Yes(), Side.Buy, "0.48", "50", nowMs: _now);
        replace.Kind = IntentKind.Replace;
        replace.TargetOrderId = first;
        var second = GateApproves(replace);
        Assert.Equal(OrderState.PendingCancel, _h.State(first));
        AssertReservedEqualsOpenOrders(Usd("49"));

        // A duplicate of the fill and of the update change nothing (never double-counted).
        Feed(TradeJson(1, first, "50", "0.50", "MATCHED"));
        Feed(OrderJson(first, "UPDATE", "LIVE", "0.50", "100", "50"));
        AssertReservedEqualsOpenOrders(Usd("49"));

        // The old order's cancellation arrives: its 25 is released, only now.
        Feed(OrderJson(first, "CANCELLATION", "CANCELED", "0.50", "100", "50"));
        Assert.Equal(OrderState.Cancelled, _h.State(first));
        AssertReservedEqualsOpenOrders(Usd("24"));
        Reply(new OrderReply { Kind = OrderReplyKind.PostAccepted, OrderId = second, Status = PostStatus.Live });
        Reply(new OrderReply { Kind = OrderReplyKind.CancelConfirmed, OrderId = first });
        AssertReservedEqualsOpenOrders(Usd("24"));

        // Cancel the replacement.
        var cancel = new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = second, MarketIndex = 0, TokenIndex = _h.Yes(), CreatedMs = _now };
        GateApproves(cancel);
        Assert.Equal(OrderState.PendingCancel, _h.State(second));
        AssertReservedEqualsOpenOrders(Usd("24"));
        Reply(new OrderReply { Kind = OrderReplyKind.CancelConfirmed, OrderId = second });
        Assert.Equal(OrderState.Cancelled, _h.State(second));
        AssertReservedEqualsOpenOrders(0);

        Assert.Equal(initial - Usd("25"), _h.Risk.AvailableCollateral);
        Assert.Equal(Q("50").Raw, _h.Positions.Shares(_h.Yes()));
        Assert.Equal(0, _h.Reservations.TotalOpenOrders);
        Assert.Equal(0, _h.Orders.UnknownOrderEvents);
    }

    [Fact]
    public void ReconcileAfterRestart_RebuildsReservationsOfThreeLiveOrders()
    {
        // A fresh engine (restart) that knows nothing; the venue has three live orders of ours.
        var venue = new[]
        {
            new VenueOpenOrder(_h.NewId(), _h.Yes(), 0, Side.Buy, P("0.40"), Q("100"), Q("25")),
            new VenueOpenOrder(_h.NewId(), _h.No(), 0, Side.Buy, P("0.30"), Q("50"), Quantity.Zero),
            new VenueOpenOrder(_h.NewId(), _h.Yes(1), 1, Side.Buy, P("0.55"), Q("20"), Q("10")),
        };
        var snapshot = new VenueOrdersSnapshot { Orders = venue, AsOfMs = _now, AdoptUnknown = true };
        Reply(snapshot);

        // 0.40 x 75 + 0.30 x 50 + 0.55 x 10 = 30 + 15 + 5.5
        AssertReservedEqualsOpenOrders(Usd("50.5"));
        Assert.Equal(Usd("45"), _h.Reservations.MarketCollateral(0));
        Assert.Equal(Usd("5.5"), _h.Reservations.MarketCollateral(1));
        Assert.Equal(3, _h.Reservations.TotalOpenOrders);
        Assert.Equal(3, snapshot.Differences.Count(d => d.Kind == ReconcileDifferenceKind.Adopted));
        Assert.DoesNotContain(snapshot.Differences, d => d.Kind == ReconcileDifferenceKind.ReservationDrift);
        foreach (var v in venue)
        {
            Assert.Equal(OrderOrigin.Adopted, _h.Get(v.Id).Origin);
        }

        // Reconciling the same snapshot again is idempotent.
        var again = new VenueOrdersSnapshot { Orders = venue, AsOfMs = _now + 1, AdoptUnknown = true };
        Reply(again);
        Assert.Empty(again.Differences);
        AssertReservedEqualsOpenOrders(Usd("50.5"));
    }

    [Fact]
    public void Reconcile_ResolvesUnknownAndPending_CancelsMissing_ReportsStrangers_KeepsNewerOrders()
    {
        var timedOut = GateApproves(_h.Intent(_h.Yes(), Side.Buy, "0.40", "10", nowMs: 1_000));
        _h.Orders.OnPostTimedOut(timedOut, 1_500);
        var missing = GateApproves(_h.Intent(_h.Yes(), Side.Buy, "0.30", "10", nowMs: 1_000));
        var newer = GateApproves(_h.Intent(_h.Yes(), Side.Buy, "0.20", "10", nowMs: 9_000));
        var stranger = _h.NewId();
        var venue = new[]
        {
            new VenueOpenOrder(timedOut, _h.Yes(), 0, Side.Buy, P("0.40"), Q("10"), Q("4")),
            new VenueOpenOrder(stranger, _h.No(), 0, Side.Buy, P("0.10"), Q("10"), Quantity.Zero),
        };
        var snapshot = new VenueOrdersSnapshot { Orders = venue, AsOfMs = 5_000 };
        Reply(snapshot);

        Assert.Equal(OrderState.PartiallyFilled, _h.State(timedOut));
        Assert.Equal(OrderState.Cancelled, _h.State(missing));
        Assert.Equal(OrderState.PendingNew, _h.State(newer));
        Assert.False(_h.Orders.TryGet(stranger, out _));
        Assert.Contains(snapshot.Differences, d => d.Kind == ReconcileDifferenceKind.UnknownAtVenue && d.OrderId == stranger);
        Assert.Contains(snapshot.Differences, d => d.Kind == ReconcileDifferenceKind.MissingAtVenue && d.OrderId == missing);
        Assert.Contains(snapshot.Differences, d => d.Kind == ReconcileDifferenceKind.StateResolved && d.OrderId == timedOut);
        Assert.Contains(snapshot.Differences, d => d.Kind == ReconcileDifferenceKind.MatchedSizeCorrected && d.OrderId == timedOut);
        AssertReservedEqualsOpenOrders(Usd("2.4") + Usd("2"));
    }

    private Hash32 GateApproves(OrderIntent intent)
    {
        Assert.Equal(GateRejectReason.None, _h.Risk.Check(in intent));
        var id = intent.Kind == IntentKind.Cancel ? intent.TargetOrderId : _h.NewId();
        _h.Risk.Reserve(in intent, in id);
        Assert.Equal(OrderEventOutcome.Applied, _h.Risk.LastReserveOutcome);
        return id;
    }

    /// <summary>Reserved collateral equals the sum over open orders of price x remaining, counted independently.</summary>
    private void AssertReservedEqualsOpenOrders(long expected)
    {
        var views = new LiveOrderView[64];
        var n = _h.Orders.CopyOpenOrders(views);
        long sum = 0;
        for (var i = 0; i < n; i++)
        {
            if (views[i].Side == Side.Buy)
            {
                sum += (long)Math.Ceiling((decimal)views[i].Price.Raw * views[i].RemainingSize.Raw / 1_000_000m);
            }
        }

        Assert.Equal(expected, sum);
        Assert.Equal(expected, _h.Reservations.TotalCollateral);
        Assert.Equal(0, _h.Risk.CollateralShortfall);
    }

    private void Reply(object reply)
    {
        var e = new InboundEvent { Kind = InboundKind.RestReply, Channel = InboundChannel.Control, ReceiveMs = ++_now, FrameSequence = _frame++, Cold = reply };
        _h.Engine.OnEvent(ref e);
    }

    private void Feed(string json)
    {
        _translator.BeginFrame(InboundChannel.User, 0, ++_now, _frame++);
        _parser.Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), ref _translator);
        Assert.Equal(0, _parser.ErrorCount);
    }

    private string OrderJson(Hash32 id, string type, string status, string price, string original, string matched) =>
        "{\"asset_id\":\"" + _h.Asset(_h.Yes()) + "\",\"associate_trades\":null,\"created_at\":\"1725842520\",\"event_type\":\"order\"," +
        "\"expiration\":\"0\",\"id\":\"" + id + "\",\"market\":\"" + ConditionId(0) + "\",\"order_type\":\"GTC\"," +
        "\"original_size\":\"" + original + "\",\"outcome\":\"Yes\",\"price\":\"" + price + "\",\"side\":\"BUY\"," +
        "\"size_matched\":\"" + matched + "\",\"status\":\"" + status + "\",\"timestamp\":\"1725842520990\",\"type\":\"" + type + "\"}";

    private string TradeJson(int trade, Hash32 makerOrder, string size, string price, string status) =>
        "{\"asset_id\":\"" + _h.Asset(_h.Yes()) + "\",\"event_type\":\"trade\",\"fee_rate_bps\":\"0\"," +
        "\"id\":\"" + TradeId(trade) + "\",\"last_update\":\"1762776436\",\"maker_orders\":[{\"order_id\":\"" + makerOrder + "\"," +
        "\"matched_amount\":\"" + size + "\",\"price\":\"" + price + "\",\"fee_rate_bps\":\"0\",\"asset_id\":\"" + _h.Asset(_h.Yes()) + "\"," +
        "\"outcome\":\"Yes\",\"side\":\"BUY\"}],\"market\":\"" + ConditionId(0) + "\",\"match_time\":\"1762776367\",\"outcome\":\"Yes\"," +
        "\"price\":\"" + price + "\",\"side\":\"SELL\",\"size\":\"" + size + "\",\"status\":\"" + status + "\"," +
        "\"taker_order_id\":\"0xba376c92a652f7249cf07e2fb6daaf155c675f49985553bda91c6632747b111d\",\"timestamp\":\"1762776436\"," +
        "\"trader_side\":\"MAKER\",\"type\":\"TRADE\"}";
}
