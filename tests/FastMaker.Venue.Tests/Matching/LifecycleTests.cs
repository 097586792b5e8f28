using FastMaker.Primitives;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Tests.Matching;

public class LifecycleTests
{
    [Fact]
    public void GtdOrder_IsRemovedAtExpirationMinusThreshold_AndReleasesReservation()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        long now = f.Clock.GetUtcNow().ToUnixTimeSeconds();
        SubmitResult r = f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.50m, 10, OrderType.Gtd, expiration: now + 300));

        f.Clock.Advance(TimeSpan.FromSeconds(239));
        f.Engine.ProcessDue();
        Assert.Equal(OrderStatus.Live, f.Engine.GetOrder(r.OrderId)!.Value.Status);

        f.Clock.Advance(TimeSpan.FromSeconds(1));
        f.Engine.ProcessDue();

        Assert.Equal(OrderStatus.Canceled, f.Engine.GetOrder(r.OrderId)!.Value.Status);
        Assert.Equal(100_000_000, f.AvailableCollateral(1));
        OrderEvent last = f.Events.Orders[^1];
        Assert.Equal(OrderEventType.Cancellation, last.Type);
        Assert.Empty(f.Engine.GetBook(f.Yes)!.Bids);
    }

    [Fact]
    public void ExpiredGtd_IsNotMatched_ByALaterTaker()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 10); f.Fund(2, 100);
        long now = f.Clock.GetUtcNow().ToUnixTimeSeconds();
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 10, OrderType.Gtd, expiration: now + 200));
        f.Clock.Advance(TimeSpan.FromSeconds(141));

        SubmitResult r = f.MustAccept(f.Limit(2, f.Yes, Side.Buy, 0.50m, 10));

        Assert.Equal("live", r.Status);
        Assert.Empty(f.Events.Trades);
    }

    [Fact]
    public void TradeAbove096_SwitchesTickTo0001_AndBackInside()
    {
        var f = new EngineFixture();
        f.Fund(1, 100); f.FundTokens(2, f.Yes, 100);
        f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.97m, 10));
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.97m, 10));

        Assert.Equal(TickSize.Thousandth, f.Market.TickSize);
        Assert.Equal(2, f.Events.TickSizes.Count);
        Assert.Equal(new TickSizeChange(f.Market.ConditionId, f.Yes, TickSize.Hundredth, TickSize.Thousandth, f.Clock.GetUtcNow().ToUnixTimeMilliseconds()), f.Events.TickSizes[0]);
        Assert.Equal(f.No, f.Events.TickSizes[1].AssetId);
        // 0.965 is now a valid price.
        f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.965m, 10));

        f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.90m, 10));
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.90m, 10));
        Assert.Equal(TickSize.Hundredth, f.Market.TickSize);
    }

    [Fact]
    public void TradeBelow004_SwitchesTickTo0001()
    {
        var f = new EngineFixture();
        f.Fund(1, 100); f.FundTokens(2, f.Yes, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.03m, 10));
        f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.03m, 10));
        Assert.Equal(TickSize.Thousandth, f.Market.TickSize);
    }

    [Fact]
    public void TradeAtExactly096_KeepsTheTick()
    {
        var f = new EngineFixture();
        f.Fund(1, 100); f.FundTokens(2, f.Yes, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.96m, 10));
        f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.96m, 10));
        Assert.Equal(TickSize.Hundredth, f.Market.TickSize);
        Assert.Empty(f.Events.TickSizes);
    }

    [Fact]
    public void CloseMarket_CancelsRestingOrders_WithMarketResolvedStatus()
    {
        var f = new EngineFixture();
        f.Fund(1, 100); f.FundTokens(2, f.Yes, 100);
        SubmitResult bid = f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.40m, 10));
        SubmitResult ask = f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.60m, 10));

        f.Engine.CloseMarket(f.Market.ConditionId);

        Assert.Equal(OrderStatus.CanceledMarketResolved, f.Engine.GetOrder(bid.OrderId)!.Value.Status);
        Assert.Equal(OrderStatus.CanceledMarketResolved, f.Engine.GetOrder(ask.OrderId)!.Value.Status);
        Assert.Equal(0, f.Engine.LiveOrderCount);
        Assert.Equal(100_000_000, f.AvailableCollateral(1));
        Assert.True(f.Market.Closed);
    }

    [Fact]
    public void Resolve_AnnouncesTheWinner_AndRedeemPaysWinningTokens()
    {
        var f = new EngineFixture();
        f.Fund(1, 100); f.Fund(2, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.60m, 10));
        f.MustAccept(f.Limit(2, f.No, Side.Buy, 0.40m, 10));
        f.Clock.Advance(TimeSpan.FromSeconds(10));
        f.Engine.ProcessDue();

        f.Engine.Resolve(f.Market.ConditionId, winningOutcome: 0);

        MarketResolved resolved = Assert.Single(f.Events.Resolutions);
        Assert.Equal(f.Yes, resolved.WinningAssetId);
        Assert.Equal("Yes", resolved.WinningOutcome);
        Assert.Equal(ResolutionState.Resolved, f.Market.Resolution);
        Assert.Equal(10_000_000, f.Engine.Redeem(f.Market.ConditionId, EngineFixture.Address(1)));
        Assert.Equal(0, f.Engine.Redeem(f.Market.ConditionId, EngineFixture.Address(2)));
        Assert.Equal(104_000_000, f.Collateral(1));
        Assert.Equal(96_000_000, f.Collateral(2));
        Assert.Equal(0, f.Tokens(2, f.No));
    }

    [Fact]
    public void GameStart_ClearsTheBook_OnlyWhenTheMarketSaysSo()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.40m, 10));
        f.Engine.StartGame(f.Market.ConditionId);
        Assert.Equal(1, f.Engine.LiveOrderCount);

        VenueMarket sports = EngineFixture.MakeMarket(2, TickSize.Hundredth, clearBookOnStart: true);
        f.Engine.AddMarket(sports);
        f.MustAccept(f.Limit(1, sports.YesToken, Side.Buy, 0.40m, 10));
        f.Engine.StartGame(sports.ConditionId);
        Assert.Equal(1, f.Engine.LiveOrderCount);
        Assert.Equal(OrderStatus.Canceled, f.Events.Orders[^1].Order.Status);
    }

    [Fact]
    public void Cancel_OwnOrder_OthersOrder_AndTwice()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        SubmitResult r = f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.40m, 10));

        CancelResult byOther = f.Engine.Cancel(EngineFixture.Owner(2), r.OrderId);
        Assert.Empty(byOther.Canceled);
        Assert.Equal(RejectReasons.OrderNotFound, byOther.NotCanceled[r.OrderId]);

        Assert.Equal(r.OrderId, Assert.Single(f.Engine.Cancel(EngineFixture.Owner(1), r.OrderId).Canceled));
        CancelResult again = f.Engine.Cancel(EngineFixture.Owner(1), r.OrderId);
        Assert.Equal("already canceled or matched", again.NotCanceled[r.OrderId]);
    }

    [Fact]
    public void CancelAll_AndCancelMarket_TouchOnlyTheOwnersMatchingOrders()
    {
        var f = new EngineFixture();
        VenueMarket other = EngineFixture.MakeMarket(2, TickSize.Hundredth);
        f.Engine.AddMarket(other);
        f.Fund(1, 100); f.Fund(2, 100);
        SubmitResult a = f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.40m, 10));
        SubmitResult b = f.MustAccept(f.Limit(1, other.YesToken, Side.Buy, 0.40m, 10));
        SubmitResult c = f.MustAccept(f.Limit(1, f.No, Side.Buy, 0.40m, 10));
        f.MustAccept(f.Limit(2, f.Yes, Side.Buy, 0.40m, 10));

        CancelResult byAsset = f.Engine.CancelMarket(EngineFixture.Owner(1), null, f.No);
        Assert.Equal([c.OrderId], byAsset.Canceled);
        CancelResult byMarket = f.Engine.CancelMarket(EngineFixture.Owner(1), f.Market.ConditionId, null);
        Assert.Equal([a.OrderId], byMarket.Canceled);
        CancelResult all = f.Engine.CancelAll(EngineFixture.Owner(1));
        Assert.Equal([b.OrderId], all.Canceled);
        Assert.Equal(1, f.Engine.LiveOrderCount);
    }

    [Fact]
    public void OpenOrders_AndTrades_FilterByOwnerAndMarket()
    {
        var f = new EngineFixture();
        f.Fund(1, 100); f.FundTokens(2, f.Yes, 100);
        SubmitResult first = f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.40m, 10));
        SubmitResult second = f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.41m, 10));
        f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.41m, 5));

        List<OrderView> open = f.Engine.OpenOrders(EngineFixture.Owner(1));
        Assert.Equal([first.OrderId, second.OrderId], open.Select(o => o.Id).ToArray());
        Assert.Equal(5_000_000, open[1].SizeMatched.Raw);
        Assert.Single(f.Engine.OpenOrders(EngineFixture.Owner(1), new OrderFilter(Id: first.OrderId)));
        Assert.Empty(f.Engine.OpenOrders(EngineFixture.Owner(1), new OrderFilter(AssetId: f.No)));

        Assert.Single(f.Engine.Trades(EngineFixture.Owner(1)));
        Assert.Single(f.Engine.Trades(EngineFixture.Owner(2)));
        Assert.Empty(f.Engine.Trades(EngineFixture.Owner(3)));
        Assert.Empty(f.Engine.Trades(EngineFixture.Owner(1), new TradeFilter(Market: EngineFixture.HashOf(99))));
    }
}
