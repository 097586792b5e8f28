using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Risk;
using FastMaker.Engine.Tests.Orders;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using static FastMaker.Engine.Tests.Orders.OrdersHarness;

namespace FastMaker.Engine.Tests.Risk;

/// <summary>Caps per market, cluster and aggregate; available balances; the kill switch.</summary>
public class RiskEngineTests
{
    [Fact]
    public void Buy_BeyondAvailableCollateral_IsRefused()
    {
        var h = new OrdersHarness(collateral: Usd("60"));
        h.Submit(h.Yes(), Side.Buy, "0.50", "100");
        var intent = h.Intent(h.Yes(), Side.Buy, "0.50", "21");
        Assert.Equal(GateRejectReason.InsufficientAvailable, h.Risk.Check(in intent));
        intent = h.Intent(h.Yes(), Side.Buy, "0.50", "20");
        Assert.Equal(GateRejectReason.None, h.Risk.Check(in intent));
        Assert.Equal(1, h.Risk.RejectCount(GateRejectReason.InsufficientAvailable));
    }

    [Fact]
    public void NonPostOnlyBuy_NeedsTakerFeeHeadroom()
    {
        var h = new OrdersHarness(collateral: Usd("50.5"));
        h.Registry.Market(0).TakerFeeRateBps = 700;
        var maker = h.Intent(h.Yes(), Side.Buy, "0.50", "100", postOnly: true);
        var taker = h.Intent(h.Yes(), Side.Buy, "0.50", "100", postOnly: false);

        // 50 of value; the taker fee could be 100 x 0.07 x 0.25 = 1.75 more.
        Assert.Equal(GateRejectReason.None, h.Risk.Check(in maker));
        Assert.Equal(GateRejectReason.InsufficientAvailable, h.Risk.Check(in taker));
    }

    [Fact]
    public void Sell_NeedsUnreservedShares_AndOptionallyConfirmedOnes()
    {
        var h = new OrdersHarness();
        var buy = h.Submit(h.Yes(), Side.Buy, "0.50", "10");
        h.MakerFill(TradeId(1), buy, "10", TradeStatusCode.Matched);
        h.Submit(h.Yes(), Side.Sell, "0.60", "6");
        var tooMany = h.Intent(h.Yes(), Side.Sell, "0.60", "5");
        Assert.Equal(GateRejectReason.InsufficientAvailable, h.Risk.Check(in tooMany));

        var strict = new OrdersHarness(limits: new RiskLimits { SellOnlyConfirmedShares = true });
        var b = strict.Submit(strict.Yes(), Side.Buy, "0.50", "10");
        strict.MakerFill(TradeId(1), b, "10", TradeStatusCode.Mined);
        var sell = strict.Intent(strict.Yes(), Side.Sell, "0.60", "1");
        Assert.Equal(GateRejectReason.InsufficientAvailable, strict.Risk.Check(in sell));
        strict.MakerFill(TradeId(1), b, "10", TradeStatusCode.Confirmed);
        Assert.Equal(GateRejectReason.None, strict.Risk.Check(in sell));
    }

    [Fact]
    public void MarketGrossCap_CountsOpenOrdersAndPositions()
    {
        var h = new OrdersHarness(limits: new RiskLimits { MaxMarketGrossNotional = Usd("30") });
        var buy = h.Submit(h.Yes(), Side.Buy, "0.50", "20");
        h.MakerFill(TradeId(1), buy, "20", TradeStatusCode.Matched);
        h.Submit(h.No(), Side.Buy, "0.40", "50");
        var more = h.Intent(h.No(), Side.Buy, "0.40", "1");
        Assert.Equal(GateRejectReason.MarketCap, h.Risk.Check(in more));

        // Another market is not affected.
        var other = h.Intent(h.Yes(1), Side.Buy, "0.40", "10");
        Assert.Equal(GateRejectReason.None, h.Risk.Check(in other));
        Assert.Equal(Usd("30"), h.Risk.MarketGross(0));
    }

    [Fact]
    public void MarketNetCap_RefusesOnlyTheGrowingDirection_AndNetsYesAgainstNo()
    {
        var h = new OrdersHarness(limits: new RiskLimits { MaxMarketNetShares = Q("50").Raw });
        var yes = h.Submit(h.Yes(), Side.Buy, "0.50", "50");
        h.MakerFill(TradeId(1), yes, "50", TradeStatusCode.Matched);
        var moreYes = h.Intent(h.Yes(), Side.Buy, "0.50", "1");
        Assert.Equal(GateRejectReason.MarketCap, h.Risk.Check(in moreYes));

        // Buying NO reduces the YES-equivalent inventory: allowed, and it frees room on the YES side once filled.
        var no = h.Submit(h.No(), Side.Buy, "0.45", "30");
        h.MakerFill(TradeId(2), no, "30", TradeStatusCode.Matched);
        Assert.Equal(Q("20").Raw, h.Positions.NetYesShares(h.Registry.Market(0)));
        moreYes = h.Intent(h.Yes(), Side.Buy, "0.50", "30");
        Assert.Equal(GateRejectReason.None, h.Risk.Check(in moreYes));
        moreYes = h.Intent(h.Yes(), Side.Buy, "0.50", "31");
        Assert.Equal(GateRejectReason.MarketCap, h.Risk.Check(in moreYes));
    }

    [Fact]
    public void NegRiskEvent_IsOneCluster_ConfiguredClustersToo()
    {
        var h = new OrdersHarness(markets: 3, limits: new RiskLimits
        {
            MaxClusterGrossNotional = Usd("20"),
            Clusters = new Dictionary<string, string> { [ConditionId(2).ToString().ToUpperInvariant().Replace("0X", "0x")] = "solo" },
        });
        var negRiskId = Hash32.Parse("0x" + new string('7', 64));
        h.Registry.Market(0).NegRiskMarketId = negRiskId;
        h.Registry.Market(1).NegRiskMarketId = negRiskId;
        h.Risk.RebuildClusters();
        Assert.Equal(h.Risk.ClusterOf(0), h.Risk.ClusterOf(1));
        Assert.NotEqual(h.Risk.ClusterOf(0), h.Risk.ClusterOf(2));

        h.Submit(h.Yes(0), Side.Buy, "0.50", "30");
        var sameCluster = h.Intent(h.Yes(1), Side.Buy, "0.50", "11");
        Assert.Equal(GateRejectReason.ClusterCap, h.Risk.Check(in sameCluster));
        var otherCluster = h.Intent(h.Yes(2), Side.Buy, "0.50", "30");
        Assert.Equal(GateRejectReason.None, h.Risk.Check(in otherCluster));
    }

    [Fact]
    public void AggregateCaps_OpenOrders_Gross_Net_TokenShares()
    {
        var h = new OrdersHarness(limits: new RiskLimits { MaxOpenOrders = 2 });
        h.Submit(h.Yes(), Side.Buy, "0.10", "10");
        h.Submit(h.Yes(), Side.Buy, "0.10", "10");
        var third = h.Intent(h.Yes(), Side.Buy, "0.10", "10");
        Assert.Equal(GateRejectReason.AggregateCap, h.Risk.Check(in third));

        h = new OrdersHarness(limits: new RiskLimits { MaxGrossNotional = Usd("10") });
        h.Submit(h.Yes(), Side.Buy, "0.50", "20");
        var gross = h.Intent(h.Yes(1), Side.Buy, "0.50", "1");
        Assert.Equal(GateRejectReason.AggregateCap, h.Risk.Check(in gross));

        h = new OrdersHarness(limits: new RiskLimits { MaxNetNotional = Usd("30") });
        h.Submit(h.Yes(0), Side.Buy, "0.10", "20");
        h.Submit(h.Yes(1), Side.Buy, "0.10", "10");
        Assert.Equal(Usd("30"), h.Risk.NetNotional);
        var net = h.Intent(h.Yes(1), Side.Buy, "0.10", "1");
        Assert.Equal(GateRejectReason.AggregateCap, h.Risk.Check(in net));

        h = new OrdersHarness(limits: new RiskLimits { MaxTokenShares = Q("15").Raw });
        var b = h.Submit(h.Yes(), Side.Buy, "0.10", "10");
        h.MakerFill(TradeId(1), b, "10", TradeStatusCode.Matched);
        h.Submit(h.Yes(), Side.Buy, "0.10", "5");
        var token = h.Intent(h.Yes(), Side.Buy, "0.10", "1");
        Assert.Equal(GateRejectReason.AggregateCap, h.Risk.Check(in token));
    }

    [Fact]
    public void InvalidIntents_AreRefused()
    {
        var h = new OrdersHarness();
        var unknownToken = h.Intent(h.Yes(), Side.Buy, "0.50", "10");
        unknownToken.TokenIndex = 77;
        Assert.Equal(GateRejectReason.InvalidIntent, h.Risk.Check(in unknownToken));
        var zero = h.Intent(h.Yes(), Side.Buy, "0.50", "0");
        Assert.Equal(GateRejectReason.InvalidIntent, h.Risk.Check(in zero));
        var replaceUnknown = h.Intent(h.Yes(), Side.Buy, "0.50", "10");
        replaceUnknown.Kind = IntentKind.Replace;
        replaceUnknown.TargetOrderId = h.NewId();
        Assert.Equal(GateRejectReason.InvalidIntent, h.Risk.Check(in replaceUnknown));
    }

    [Fact]
    public void ManualKill_RefusesExposure_AllowsCancels_QueuesOneCancelAll_MarksOrdersPendingCancel()
    {
        var h = new OrdersHarness();
        var a = h.Submit(h.Yes(), Side.Buy, "0.50", "10");
        var b = h.Submit(h.No(1), Side.Buy, "0.30", "10");
        var e = new InboundEvent { Kind = InboundKind.Operator, Channel = InboundChannel.Control, ReceiveMs = 7_000, Cold = new KillSwitchCommand { On = true } };
        h.Engine.OnEvent(ref e);

        Assert.True(h.Risk.KillSwitchOn);
        Assert.Equal(KillReason.Manual, h.Risk.KillReason);
        var place = h.Intent(h.Yes(), Side.Buy, "0.50", "1");
        Assert.Equal(GateRejectReason.KillSwitch, h.Risk.Check(in place));
        var cancel = new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = a };
        Assert.Equal(GateRejectReason.None, h.Risk.Check(in cancel));

        Assert.True(h.Risk.TryDequeueIntent(out var cancelAll));
        Assert.Equal(IntentKind.CancelAll, cancelAll.Kind);
        Assert.Equal(-1, cancelAll.MarketIndex);
        Assert.False(h.Risk.TryDequeueIntent(out _));

        // The gate approves the CancelAll like any intent: every open order becomes PendingCancel.
        Assert.Equal(GateRejectReason.None, h.Risk.Check(in cancelAll));
        h.Risk.Reserve(in cancelAll, Hash32.Zero);
        Assert.Equal(OrderState.PendingCancel, h.State(a));
        Assert.Equal(OrderState.PendingCancel, h.State(b));

        e.Cold = new KillSwitchCommand { On = false };
        h.Engine.OnEvent(ref e);
        Assert.False(h.Risk.KillSwitchOn);
    }

    [Fact]
    public void Drawdown_FromPeak_TripsKillSwitch()
    {
        var h = new OrdersHarness(limits: new RiskLimits { MaxDrawdown = Usd("5") });
        var buy = h.Submit(h.Yes(), Side.Buy, "0.40", "100");
        h.MakerFill(TradeId(1), buy, "100", TradeStatusCode.Matched);
        var win = h.Submit(h.Yes(), Side.Sell, "0.50", "50");
        h.MakerFill(TradeId(2), win, "50", TradeStatusCode.Matched);
        Assert.Equal(Usd("5"), h.Risk.PeakPnl);
        Assert.False(h.Risk.KillSwitchOn);

        // Selling 50 at 0.30 against an average cost of 0.40 loses 5: 49 of them lose 4.9, the last one reaches 5.
        var lose = h.Submit(h.Yes(), Side.Sell, "0.30", "50");
        h.MakerFill(TradeId(3), lose, "49", TradeStatusCode.Matched);
        Assert.False(h.Risk.KillSwitchOn);
        h.MakerFill(TradeId(4), lose, "1", TradeStatusCode.Matched);
        Assert.True(h.Risk.KillSwitchOn);
        Assert.Equal(KillReason.Drawdown, h.Risk.KillReason);
        Assert.True(h.Risk.TryDequeueIntent(out var cancelAll));
        Assert.Equal(IntentKind.CancelAll, cancelAll.Kind);
    }

    [Fact]
    public void ErrorRate_WithinWindow_TripsKillSwitch_SpreadOut_DoesNot()
    {
        var h = new OrdersHarness(limits: new RiskLimits { MaxErrorsPerWindow = 3, ErrorWindowMs = 1_000 });
        h.Risk.RecordError(0);
        h.Risk.RecordError(600);
        h.Risk.RecordError(1_200);
        h.Risk.RecordError(1_800);
        Assert.False(h.Risk.KillSwitchOn);

        // Post rejects count as errors when the engine processes the replies.
        for (var i = 0; i < 3; i++)
        {
            var id = h.Submit(h.Yes(), Side.Buy, "0.10", "10");
            var e = new InboundEvent
            {
                Kind = InboundKind.RestReply, Channel = InboundChannel.Control, ReceiveMs = 5_000 + i,
                Cold = new OrderReply { Kind = OrderReplyKind.PostRejected, OrderId = id, Error = "invalid post-only order: order crosses book" },
            };
            h.Engine.OnEvent(ref e);
        }

        Assert.True(h.Risk.KillSwitchOn);
        Assert.Equal(KillReason.ErrorRate, h.Risk.KillReason);
    }

    [Fact]
    public void Reserve_DuplicateOrderId_IsRecordedNotThrown()
    {
        var h = new OrdersHarness();
        var intent = h.Intent(h.Yes(), Side.Buy, "0.10", "10");
        var id = h.NewId();
        h.Risk.Reserve(in intent, in id);
        h.Risk.Reserve(in intent, in id);
        Assert.Equal(OrderEventOutcome.DuplicateOrderId, h.Risk.LastReserveOutcome);
        Assert.Equal(1, h.Risk.ErrorCount);
        Assert.Equal(Usd("1"), h.Reservations.TotalCollateral);
    }
}
