using FastMaker.Primitives;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Tests.Matching;

public class MatchingTests
{
    [Fact]
    public void SamePrice_EarlierOrderFillsFirst()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 100); f.FundTokens(2, f.Yes, 100); f.Fund(3, 100);
        SubmitResult first = f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.60m, 10));
        SubmitResult second = f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.60m, 10));

        SubmitResult taker = f.MustAccept(f.Limit(3, f.Yes, Side.Buy, 0.60m, 10));

        Assert.Equal("matched", taker.Status);
        TradeRecord trade = Assert.Single(f.Events.Trades);
        Assert.Equal(first.OrderId, trade.MakerOrderId);
        Assert.Equal(OrderStatus.Matched, f.Engine.GetOrder(first.OrderId)!.Value.Status);
        Assert.Equal(OrderStatus.Live, f.Engine.GetOrder(second.OrderId)!.Value.Status);
    }

    [Fact]
    public void BetterPriceFillsFirst_AndTradesAtMakerPrice()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 100); f.Fund(3, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.62m, 10));
        SubmitResult best = f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.58m, 10));

        f.MustAccept(f.Limit(3, f.Yes, Side.Buy, 0.65m, 10));

        TradeRecord trade = Assert.Single(f.Events.Trades);
        Assert.Equal(best.OrderId, trade.MakerOrderId);
        Assert.Equal(580_000, trade.TakerPrice.Raw);
        Assert.Equal(580_000, trade.MakerPrice.Raw);
        // The buyer paid the maker's price, not its limit.
        Assert.Equal(100_000_000 - 5_800_000, f.Collateral(3));
    }

    [Fact]
    public void PartialFill_RestsRemainder_AndShrinksReservation()
    {
        var f = new EngineFixture();
        f.Fund(1, 100); f.FundTokens(2, f.Yes, 100);
        SubmitResult bid = f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.40m, 50));
        Assert.Equal("live", bid.Status);
        Assert.Equal(80_000_000, f.AvailableCollateral(1)); // 20 reserved

        SubmitResult ask = f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.40m, 20));

        Assert.Equal("matched", ask.Status);
        Assert.Equal(20_000_000, ask.MakingAmount);
        Assert.Equal(8_000_000, ask.TakingAmount);
        OrderView resting = f.Engine.GetOrder(bid.OrderId)!.Value;
        Assert.Equal(OrderStatus.Live, resting.Status);
        Assert.Equal(20_000_000, resting.SizeMatched.Raw);
        Assert.Equal(92_000_000, f.Collateral(1));
        Assert.Equal(12_000_000, f.Ledger.Reserved(f.Ledger.AccountOf(EngineFixture.Address(1)), 0));
        BookSnapshot book = f.Engine.GetBook(f.Yes)!;
        Assert.Equal(new BookLevel(Price.FromRaw(400_000), Quantity.FromRaw(30_000_000)), Assert.Single(book.Bids));
    }

    [Fact]
    public void PartialFill_ThenCancel_ReleasesAllReservation()
    {
        var f = new EngineFixture();
        f.Fund(1, 100); f.FundTokens(2, f.Yes, 100);
        SubmitResult bid = f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.40m, 50));
        f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.40m, 20));

        CancelResult cancel = f.Engine.Cancel(EngineFixture.Owner(1), bid.OrderId);

        Assert.Equal(bid.OrderId, Assert.Single(cancel.Canceled));
        int account = f.Ledger.AccountOf(EngineFixture.Address(1));
        Assert.Equal(0, f.Ledger.Reserved(account, 0));
        Assert.Equal(92_000_000, f.AvailableCollateral(1));
        Assert.Empty(f.Engine.GetBook(f.Yes)!.Bids);
    }

    [Fact]
    public void SweepsSeveralLevels_UntilLimit()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 100); f.Fund(2, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 10));
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.51m, 10));
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.53m, 10));

        SubmitResult r = f.MustAccept(f.Limit(2, f.Yes, Side.Buy, 0.52m, 25));

        Assert.Equal(2, r.TradeIds.Length);
        Assert.Equal(10_100_000, r.MakingAmount); // 5.00 + 5.10
        Assert.Equal(20_000_000, r.TakingAmount);
        BookSnapshot book = f.Engine.GetBook(f.Yes)!;
        Assert.Equal(new BookLevel(Price.FromRaw(520_000), Quantity.FromRaw(5_000_000)), Assert.Single(book.Bids));
        Assert.Equal(new BookLevel(Price.FromRaw(530_000), Quantity.FromRaw(10_000_000)), Assert.Single(book.Asks));
    }

    [Fact]
    public void BuyYes_AgainstBuyNo_MintsAPair()
    {
        var f = new EngineFixture();
        f.Fund(1, 100); f.Fund(2, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.52m, 10));

        // BUY NO at 0.48 is a SELL of YES at 0.52: it crosses the YES bid.
        SubmitResult r = f.MustAccept(f.Limit(2, f.No, Side.Buy, 0.48m, 10));

        TradeRecord t = Assert.Single(f.Events.Trades);
        Assert.Equal(SettlementKind.Mint, t.Kind);
        Assert.Equal(520_000, t.MakerPrice.Raw);
        Assert.Equal(480_000, t.TakerPrice.Raw);
        Assert.Equal(10_000_000, f.Tokens(1, f.Yes));
        Assert.Equal(10_000_000, f.Tokens(2, f.No));
        Assert.Equal(94_800_000, f.Collateral(1));
        Assert.Equal(95_200_000, f.Collateral(2));
        Assert.Equal(4_800_000, r.MakingAmount);
    }

    [Fact]
    public void SellYes_AgainstSellNo_MergesThePair()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 10); f.FundTokens(2, f.No, 10);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.30m, 10));

        // SELL NO at 0.70 is a BUY of YES at 0.30.
        f.MustAccept(f.Limit(2, f.No, Side.Sell, 0.70m, 10));

        TradeRecord t = Assert.Single(f.Events.Trades);
        Assert.Equal(SettlementKind.Merge, t.Kind);
        Assert.Equal(3_000_000, f.Collateral(1));
        Assert.Equal(7_000_000, f.Collateral(2));
        Assert.Equal(0, f.Tokens(1, f.Yes));
        Assert.Equal(0, f.Tokens(2, f.No));
    }

    [Fact]
    public void BuyNo_AgainstSellNo_TransfersNoTokens()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.No, 10); f.Fund(2, 10);
        f.MustAccept(f.Limit(1, f.No, Side.Sell, 0.45m, 10));
        f.MustAccept(f.Limit(2, f.No, Side.Buy, 0.45m, 10));

        TradeRecord t = Assert.Single(f.Events.Trades);
        Assert.Equal(SettlementKind.Transfer, t.Kind);
        Assert.Equal(10_000_000, f.Tokens(2, f.No));
        Assert.Equal(4_500_000, f.Collateral(1));
    }

    [Fact]
    public void NoBook_IsTheMirrorOfTheYesBook()
    {
        var f = new EngineFixture();
        f.Fund(1, 100); f.FundTokens(2, f.Yes, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.40m, 10));
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.39m, 7));
        f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.45m, 12));

        BookSnapshot no = f.Engine.GetBook(f.No)!;

        Assert.Equal([new BookLevel(Price.FromRaw(550_000), Quantity.FromRaw(12_000_000))], no.Bids);
        Assert.Equal([new BookLevel(Price.FromRaw(600_000), Quantity.FromRaw(10_000_000)), new BookLevel(Price.FromRaw(610_000), Quantity.FromRaw(7_000_000))], no.Asks);
        // Every level change was announced for both tokens, mirrored.
        BookLevelChange yesEvent = f.Events.Levels[^2];
        BookLevelChange noEvent = f.Events.Levels[^1];
        Assert.Equal((f.Yes, Side.Sell, 450_000), (yesEvent.AssetId, yesEvent.Side, yesEvent.Price.Raw));
        Assert.Equal((f.No, Side.Buy, 550_000), (noEvent.AssetId, noEvent.Side, noEvent.Price.Raw));
        Assert.Equal(550_000, noEvent.BestBid.Raw);
        Assert.Equal(600_000, noEvent.BestAsk.Raw);
    }

    [Fact]
    public void FullyFilledMaker_LeavesBook_AndIsReportedMatched()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 10); f.Fund(2, 10);
        SubmitResult ask = f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 10));
        f.MustAccept(f.Limit(2, f.Yes, Side.Buy, 0.50m, 10));

        Assert.Equal(OrderStatus.Matched, f.Engine.GetOrder(ask.OrderId)!.Value.Status);
        Assert.Empty(f.Engine.OpenOrders(EngineFixture.Owner(1)));
        Assert.Equal(0, f.Engine.LiveOrderCount);
        OrderEvent update = f.Events.Orders.Last(e => e.Order.Id == ask.OrderId);
        Assert.Equal(OrderEventType.Update, update.Type);
        Assert.Equal(OrderStatus.Matched, update.Order.Status);
        Assert.Single(update.Order.AssociateTrades);
    }
}
