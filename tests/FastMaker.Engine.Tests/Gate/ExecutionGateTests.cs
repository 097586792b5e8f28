using FastMaker.Engine.Budget;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Signing;
using FastMaker.Engine.Time;
using FastMaker.Polymarket.Orders;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Gate;

public class ExecutionGateTests
{
    private const long Now = GateFixture.T0;

    [Fact]
    public void ValidMakerBid_IsSigned_ReservedUnderItsOrderId_AndPublished()
    {
        using var f = new GateFixture();
        var intent = f.Bid();
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(intent, Now));
        var r = Assert.Single(f.Sink.Requests);
        Assert.Equal(RequestKind.PostOrder, r.Kind);
        Assert.Equal(new OrderAmounts(5_000_000, 10_000_000), r.Amounts);
        var (reservedIntent, reservedId) = Assert.Single(f.Risk.Reserved);
        Assert.Equal(r.OrderId, reservedId);
        Assert.Equal(intent.Price, reservedIntent.Price);
        string body = System.Text.Encoding.UTF8.GetString(r.Body);
        Assert.Contains("\"postOnly\":true", body);
        Assert.Contains("\"makerAmount\":\"5000000\"", body);
        Assert.Contains("\"tokenId\":\"1000\"", body);
        Assert.Equal(1, f.Gate.Stats.Approved);
    }

    [Fact]
    public void TickFromMetadata_NotAConstant_HalfCentPriceOnThousandthTickMarket_IsAccepted()
    {
        using var f = new GateFixture();
        f.Registry.Market(1).Tick = TickSize.Thousandth;
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(f.Bid(1, "0.523"), Now));
        Assert.Equal(GateRejectReason.OffTick, f.Gate.Submit(f.Bid(0, "0.523"), Now));
    }

    [Fact]
    public void TickSizeChange_CoarserTick_MakesTheOldGridOffTick()
    {
        using var f = new GateFixture();
        f.Registry.Market(0).Tick = TickSize.Thousandth;
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(f.Bid(0, "0.501"), Now));
        f.Registry.Market(0).Tick = TickSize.Hundredth; // as a tick_size_change event updates it
        Assert.Equal(GateRejectReason.OffTick, f.Gate.Submit(f.Bid(0, "0.501"), Now));
        Assert.Equal(1, f.Gate.Stats.Rejects(0, GateRejectReason.OffTick));
    }

    [Fact]
    public void MissingTickOrMinSize_IsAMetadataReject_NeverADefault()
    {
        using var f = new GateFixture();
        f.Registry.Market(0).Tick = null;
        f.Registry.Market(1).MinOrderSize = null;
        Assert.Equal(GateRejectReason.MarketMetadata, f.Gate.Submit(f.Bid(0), Now));
        Assert.Equal(GateRejectReason.MarketMetadata, f.Gate.Submit(f.Bid(1), Now));
        Assert.Empty(f.Sink.Requests);
    }

    [Theory]
    [InlineData("0.01", GateRejectReason.None)]
    [InlineData("0.99", GateRejectReason.None)]
    [InlineData("0.001", GateRejectReason.PriceOutOfBounds)]
    [InlineData("0.995", GateRejectReason.PriceOutOfBounds)]
    [InlineData("0", GateRejectReason.PriceOutOfBounds)]
    [InlineData("0.505", GateRejectReason.OffTick)]
    public void PriceBounds_AreTickToOneMinusTick(string price, GateRejectReason expected)
    {
        using var f = new GateFixture();
        Assert.Equal(expected, f.Gate.Submit(f.Bid(0, price, "600"), Now));
    }

    [Fact]
    public void PriceBounds_FollowTheMarketsTick()
    {
        using var f = new GateFixture();
        f.Registry.Market(0).Tick = TickSize.TenThousandth;
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(f.Bid(0, "0.9999", "10"), Now));
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(f.Bid(0, "0.0001", "100000"), Now));
    }

    [Fact]
    public void SizeBelowTheMarketsMinSize_IsRejected()
    {
        using var f = new GateFixture();
        f.Registry.Market(0).MinOrderSize = Quantity.Parse("15");
        Assert.Equal(GateRejectReason.BelowMinSize, f.Gate.Submit(f.Bid(0, "0.50", "14.99"), Now));
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(f.Bid(0, "0.50", "15"), Now));
    }

    [Fact]
    public void SizeWithMoreThanTwoDecimals_IsAPrecisionReject_NotFloored()
    {
        using var f = new GateFixture();
        Assert.Equal(GateRejectReason.Precision, f.Gate.Submit(f.Bid(0, "0.50", "10.005"), Now));
        Assert.Empty(f.Sink.Requests);
        Assert.Equal(1, f.Gate.Stats.Rejects(GateRejectReason.Precision));
    }

    [Fact]
    public void ZeroOrNegativeSize_UnknownToken_WrongMarket_AreInvalidIntents()
    {
        using var f = new GateFixture();
        var zero = f.Bid(); zero.Size = Quantity.FromRaw(0);
        var unknown = f.Bid(); unknown.TokenIndex = 99;
        var wrongMarket = f.Bid(); wrongMarket.MarketIndex = 2;
        var postOnlyFok = f.Bid(); postOnlyFok.TimeInForce = IntentTimeInForce.Fok;
        Assert.Equal(GateRejectReason.InvalidIntent, f.Gate.Submit(zero, Now));
        Assert.Equal(GateRejectReason.InvalidIntent, f.Gate.Submit(unknown, Now));
        Assert.Equal(GateRejectReason.InvalidIntent, f.Gate.Submit(wrongMarket, Now));
        Assert.Equal(GateRejectReason.InvalidIntent, f.Gate.Submit(postOnlyFok, Now));
        Assert.Equal(4, f.Gate.Stats.Rejects(GateRejectReason.InvalidIntent));
    }

    [Theory]
    [InlineData(IntentTimeInForce.Gtd, 0, GateRejectReason.Expiration)]
    [InlineData(IntentTimeInForce.Gtd, 179, GateRejectReason.Expiration)]
    [InlineData(IntentTimeInForce.Gtd, -10, GateRejectReason.Expiration)]
    [InlineData(IntentTimeInForce.Gtd, 180, GateRejectReason.None)]
    [InlineData(IntentTimeInForce.Gtd, 40L * 24 * 3600, GateRejectReason.Expiration)]
    [InlineData(IntentTimeInForce.Gtc, 600, GateRejectReason.Expiration)]
    public void GtdExpiration_MustBeAtLeastThreeMinutesAhead_AndNotAbsurd(IntentTimeInForce tif, long leadSeconds, GateRejectReason expected)
    {
        using var f = new GateFixture();
        var intent = f.Bid();
        intent.TimeInForce = tif;
        intent.ExpirationSeconds = leadSeconds == 0 ? 0 : Now / 1000 + leadSeconds;
        Assert.Equal(expected, f.Gate.Submit(intent, Now));
    }

    [Theory]
    [InlineData(MarketState.Active, OrderOrigin.MakerQuote, GateRejectReason.None)]
    [InlineData(MarketState.WindDown, OrderOrigin.MakerQuote, GateRejectReason.MarketState)]
    [InlineData(MarketState.WindDown, OrderOrigin.TakerExit, GateRejectReason.None)]
    [InlineData(MarketState.PreEvent, OrderOrigin.TakerExit, GateRejectReason.MarketState)]
    [InlineData(MarketState.ChallengeWindow, OrderOrigin.MakerQuote, GateRejectReason.MarketState)]
    [InlineData(MarketState.Resolved, OrderOrigin.MakerQuote, GateRejectReason.MarketState)]
    [InlineData(MarketState.Halted, OrderOrigin.Operator, GateRejectReason.MarketState)]
    public void MarketState_FollowsTheAllowTable(MarketState state, OrderOrigin origin, GateRejectReason expected)
    {
        using var f = new GateFixture();
        f.Gate.SetMarketState(0, state);
        var intent = f.Bid();
        intent.Origin = origin;
        Assert.Equal(expected, f.Gate.Submit(intent, Now));
    }

    [Fact]
    public void MarketWithoutAState_IsHalted()
    {
        using var f = new GateFixture();
        var info = f.Registry.GetOrAdd(Hash32.FromBytes(GateFixture.Filled(32, 77)), new UInt256(5000, 0, 0, 0), new UInt256(5001, 0, 0, 0));
        info.Tick = TickSize.Hundredth;
        info.MinOrderSize = Quantity.Parse("5");
        Assert.Equal(MarketState.Halted, f.Gate.StateOf(info.MarketIndex));
        Assert.Equal(GateRejectReason.MarketState, f.Gate.Submit(f.Bid(info.MarketIndex), Now));
    }

    [Fact]
    public void KillSwitch_RejectsOrders_ButCancelsStillGo()
    {
        using var f = new GateFixture();
        var live = new Hash32();
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(f.Bid(), Now));
        live = f.Sink.Requests[0].OrderId;
        f.Orders.Live[live] = new LiveOrderView(live, 0, Side.Buy, Price.Parse("0.5"), Quantity.Parse("10"), Quantity.Parse("10"), false);
        f.Risk.KillSwitchOn = true;
        Assert.Equal(GateRejectReason.KillSwitch, f.Gate.Submit(f.Bid(1), Now));
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = live }, Now));
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(new OrderIntent { Kind = IntentKind.CancelAll, MarketIndex = -1 }, Now));
        Assert.Equal(RequestKind.CancelOrder, f.Sink.Requests[1].Kind);
        Assert.Equal(RequestKind.CancelAll, f.Sink.Requests[2].Kind);
    }

    [Theory]
    [InlineData(GateRejectReason.MarketCap)]
    [InlineData(GateRejectReason.ClusterCap)]
    [InlineData(GateRejectReason.AggregateCap)]
    [InlineData(GateRejectReason.InsufficientAvailable)]
    public void RiskVerdict_IsTheRejectReason_AndNothingIsReservedOrSigned(GateRejectReason verdict)
    {
        using var f = new GateFixture();
        f.Risk.Verdict = verdict;
        Assert.Equal(verdict, f.Gate.Submit(f.Bid(2), Now));
        Assert.Empty(f.Risk.Reserved);
        Assert.Empty(f.Sink.Requests);
        Assert.Equal(0, f.Sign.OrdersSigned);
        Assert.Equal(1, f.Gate.Stats.Rejects(2, verdict));
    }

    [Fact]
    public void RejectedByAnEarlierCheck_NeverReachesRisk()
    {
        using var f = new GateFixture();
        f.Gate.Submit(f.Bid(0, "0.505"), Now);
        Assert.Equal(0, f.Risk.Checks);
    }

    [Fact]
    public void Cancel_OfAnUnknownOrZeroTarget_IsInvalid_OfAKnownOneAlwaysAllowed()
    {
        using var f = new GateFixture(budget: MutationBudgetOptions.Conservative);
        var id = Hash32.FromBytes(GateFixture.Filled(32, 9));
        Assert.Equal(GateRejectReason.InvalidIntent, f.Gate.Submit(new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = id }, Now));
        Assert.Equal(GateRejectReason.InvalidIntent, f.Gate.Submit(new OrderIntent { Kind = IntentKind.Cancel }, Now));
        f.Orders.Live[id] = new LiveOrderView(id, 3, Side.Sell, Price.Parse("0.6"), Quantity.Parse("10"), Quantity.Parse("4"), false);
        // Halted market, circuit breaker open, cancel-only venue: a known cancel still goes.
        f.Gate.SetMarketState(1, MarketState.Halted);
        for (int i = 0; i < 50; i++) f.Gate.OnOrderRejected(i % 3, Now);
        f.Budget.OnCancelOnlyMode(Now);
        f.Sink.Requests.Clear();
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = id }, Now + 1));
        var r = Assert.Single(f.Sink.Requests);
        Assert.Equal("{\"orderID\":\"" + id + "\"}", System.Text.Encoding.UTF8.GetString(r.Body));
        Assert.Equal(1, r.MarketIndex);
        Assert.Equal("DELETE", System.Text.Encoding.ASCII.GetString(r.Method));
        Assert.Equal("/order", System.Text.Encoding.ASCII.GetString(r.Path));
    }

    [Fact]
    public void CancelAll_OfAMarket_UsesItsConditionId_OutOfRangeMarketIsInvalid()
    {
        using var f = new GateFixture();
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(new OrderIntent { Kind = IntentKind.CancelAll, MarketIndex = 1 }, Now));
        var r = Assert.Single(f.Sink.Requests);
        Assert.Equal(RequestKind.CancelMarket, r.Kind);
        Assert.Equal("{\"market\":\"" + f.Registry.Market(1).ConditionId + "\"}", System.Text.Encoding.UTF8.GetString(r.Body));
        Assert.Equal(GateRejectReason.InvalidIntent, f.Gate.Submit(new OrderIntent { Kind = IntentKind.CancelAll, MarketIndex = 3 }, Now));
        Assert.Equal(GateRejectReason.InvalidIntent, f.Gate.Submit(new OrderIntent { Kind = IntentKind.CancelAll, MarketIndex = -2 }, Now));
    }

    [Fact]
    public void Replace_CancelsTheTargetThenPostsTheNewOrder_UnknownTargetIsInvalid()
    {
        using var f = new GateFixture();
        var old = Hash32.FromBytes(GateFixture.Filled(32, 5));
        var replace = f.Bid(0, "0.49");
        replace.Kind = IntentKind.Replace;
        replace.TargetOrderId = old;
        Assert.Equal(GateRejectReason.InvalidIntent, f.Gate.Submit(replace, Now));
        f.Orders.Live[old] = new LiveOrderView(old, 0, Side.Buy, Price.Parse("0.5"), Quantity.Parse("10"), Quantity.Parse("10"), false);
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(replace, Now));
        Assert.Equal(2, f.Sink.Requests.Count);
        Assert.Equal(RequestKind.CancelOrder, f.Sink.Requests[0].Kind);
        Assert.Equal(old, f.Sink.Requests[0].OrderId);
        Assert.Equal(RequestKind.PostOrder, f.Sink.Requests[1].Kind);
        Assert.Equal(f.Sink.Requests[1].OrderId, Assert.Single(f.Risk.Reserved).OrderId);
    }

    [Fact]
    public void VenueModes_ThroughFeedback_StopNewOrders_WithoutCountingRejects()
    {
        using var f = new GateFixture();
        f.Gate.OnVenueFeedback(new VenueFeedback { Kind = VenueReplyKind.CancelOnlyMode, MarketIndex = 0 }, Now);
        Assert.Equal(GateRejectReason.VenueCancelOnly, f.Gate.Submit(f.Bid(1), Now + 1));
        Assert.Equal(0, f.Gate.Stats.VenueRejects(0));
        Assert.Equal(0, f.Budget.RejectCount(0));

        using var g = new GateFixture();
        g.Gate.OnVenueFeedback(new VenueFeedback { Kind = VenueReplyKind.EngineRestarting }, Now);
        Assert.Equal(GateRejectReason.VenueBackoff, g.Gate.Submit(g.Bid(), Now + 500));
        var taker = g.Bid(1);
        taker.PostOnly = false;
        Assert.Equal(GateRejectReason.VenuePostOnlyMode, g.Gate.Submit(taker, Now + 2_000));
        Assert.Equal(GateRejectReason.None, g.Gate.Submit(g.Bid(2), Now + 2_000));
    }

    [Fact]
    public void RateLimitedFeedback_HonoursTheRetryHint()
    {
        using var f = new GateFixture();
        f.Gate.OnVenueFeedback(new VenueFeedback { Kind = VenueReplyKind.RateLimited, RetryAfterMs = 5_000 }, Now);
        Assert.Equal(GateRejectReason.VenueBackoff, f.Gate.Submit(f.Bid(), Now + 4_999));
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(f.Bid(), Now + 5_000));
    }

    [Fact]
    public void RateLimitHeadersOnAnAcceptedOrder_SlowTheBudgetBeforeA429()
    {
        using var f = new GateFixture();
        f.Gate.OnVenueFeedback(new VenueFeedback
        {
            Kind = VenueReplyKind.OrderAccepted,
            RateLimit = new FastMaker.Polymarket.Rest.RateLimitInfo(0, Now / 1000 + 2, "standard", false),
        }, Now);
        Assert.Equal(GateRejectReason.MutationBudget, f.Gate.Submit(f.Bid(), Now + 1));
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(f.Bid(), Now + 2_000));
    }

    [Fact]
    public void MarketableTakerExit_SellsSizeShares_BuySpendsSizeTimesPrice()
    {
        using var f = new GateFixture();
        var sell = f.Bid(0, "0.40", "20");
        sell.Side = Side.Sell; sell.PostOnly = false; sell.Origin = OrderOrigin.TakerExit; sell.TimeInForce = IntentTimeInForce.Fak;
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(sell, Now));
        Assert.Equal(new OrderAmounts(20_000_000, 8_000_000), f.Sink.Requests[0].Amounts);
        var buy = f.Bid(1, "0.40", "20");
        buy.PostOnly = false; buy.TimeInForce = IntentTimeInForce.Fok;
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(buy, Now));
        Assert.Equal(new OrderAmounts(8_000_000, 20_000_000), f.Sink.Requests[1].Amounts);
    }

    [Fact]
    public void EveryReject_IsCountedPerReasonAndPerMarket()
    {
        using var f = new GateFixture();
        f.Gate.Submit(f.Bid(0, "0.505"), Now);
        f.Gate.Submit(f.Bid(0, "0.505"), Now);
        f.Gate.Submit(f.Bid(1, "0.50", "1"), Now);
        Assert.Equal(2, f.Gate.Stats.Rejects(0, GateRejectReason.OffTick));
        Assert.Equal(0, f.Gate.Stats.Rejects(1, GateRejectReason.OffTick));
        Assert.Equal(1, f.Gate.Stats.Rejects(1, GateRejectReason.BelowMinSize));
        Assert.Equal(2, f.Gate.Stats.Rejects(GateRejectReason.OffTick));
        Assert.Equal(3, f.Gate.Stats.Rejected);
    }
}
