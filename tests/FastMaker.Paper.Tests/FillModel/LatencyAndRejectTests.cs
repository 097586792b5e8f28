using FastMaker.Engine.Orders;
using FastMaker.Paper.FillModel;
using FastMaker.Primitives;

namespace FastMaker.Paper.Tests.FillModel;

public class LatencyAndRejectTests
{
    /// <summary>Sent at 0 with a 10 ms post latency: a print at 5 happens before the order exists and fills nothing.</summary>
    [Fact]
    public void PrintBeforeTheOrderGoesLive_FillsNothing()
    {
        var f = new ModelFixture();
        var id = f.Place(Side.Buy, "0.50", "10", 0);
        f.Print(true, Side.Sell, "0.50", "100", 5);
        Assert.Empty(f.Of(id, PaperEventKind.Fill));
        Assert.Empty(f.Of(id, PaperEventKind.Accepted));
        f.Print(true, Side.Sell, "0.50", "4", 10);  // due at 10: live first, then the print
        var accepted = Assert.Single(f.Of(id, PaperEventKind.Accepted));
        Assert.Equal(ModelFixture.PostMs, accepted.TimeMs);
        Assert.Equal(4m, f.FilledShares(id));
    }

    /// <summary>A cancel sent at 100 takes effect at 120: the print at 110 still fills 30 of 50; the cancel then removes the other 20.</summary>
    [Fact]
    public void FillWhileTheCancelIsInFlight_CountsAndTheCancelTakesTheRest()
    {
        var f = new ModelFixture();
        var id = f.Place(Side.Buy, "0.50", "50", 0);
        f.Model.AdvanceTo(50);
        f.Model.Cancel(id, 100);
        f.Print(true, Side.Sell, "0.50", "30", 110);
        Assert.Equal(30m, f.FilledShares(id));
        f.Model.AdvanceTo(119);
        Assert.Empty(f.Of(id, PaperEventKind.Cancelled));
        f.Model.AdvanceTo(120);
        var cancelled = Assert.Single(f.Of(id, PaperEventKind.Cancelled));
        Assert.Equal(120, cancelled.TimeMs);
        Assert.Equal(Quantity.Parse("30"), cancelled.Filled);
        f.Print(true, Side.Sell, "0.50", "30", 130);
        Assert.Equal(30m, f.FilledShares(id));
        Assert.Equal(0, f.Model.OpenOrders);
    }

    /// <summary>Filled in full while the cancel flies: the cancel finds nothing and is refused.</summary>
    [Fact]
    public void OrderFilledBeforeItsCancelLands_CancelIsRefused()
    {
        var f = new ModelFixture();
        var id = f.Place(Side.Buy, "0.50", "20", 0);
        f.Model.AdvanceTo(50);
        f.Model.Cancel(id, 100);
        f.Print(true, Side.Sell, "0.50", "25", 105);
        f.Model.AdvanceTo(200);
        Assert.Equal(20m, f.FilledShares(id));
        var refused = Assert.Single(f.Of(id, PaperEventKind.CancelRefused));
        Assert.Equal(PaperRejectReason.NotFound, refused.Reject);
        Assert.Empty(f.Of(id, PaperEventKind.Cancelled));
    }

    /// <summary>A cancel that lands before its order (cancel faster than post) finds nothing; the order then goes live and rests.</summary>
    [Fact]
    public void CancelLandingBeforeTheOrder_IsRefused_AndTheOrderStillGoesLive()
    {
        var p = ModelFixture.Constant() with { PostLatency = LatencyDistribution.Constant(50), CancelLatency = LatencyDistribution.Constant(5) };
        var f = new ModelFixture(p);
        var id = f.Place(Side.Buy, "0.50", "20", 0);
        f.Model.Cancel(id, 1);
        f.Model.AdvanceTo(100);
        Assert.Single(f.Of(id, PaperEventKind.CancelRefused));
        Assert.Single(f.Of(id, PaperEventKind.Accepted));
        Assert.True(f.Model.TryGetOrder(id, out _));
    }

    /// <summary>Not crossing when sent, but an ask at 0.50 appears while it flies: the post-only bid is rejected when it goes live, and counted.</summary>
    [Fact]
    public void PostOnlyOrder_CrossingWhenItGoesLive_IsRejectedAndCounted()
    {
        var f = new ModelFixture();
        f.Level(true, Side.Sell, "0.52", "100", 0);
        var id = f.Place(Side.Buy, "0.50", "10", 0);
        f.Level(true, Side.Sell, "0.50", "5", 5);
        f.Model.AdvanceTo(10);
        var reject = Assert.Single(f.Of(id, PaperEventKind.Rejected));
        Assert.Equal(PaperRejectReason.PostOnlyCrosses, reject.Reject);
        Assert.Equal(1, f.Model.PostOnlyRejects);
        Assert.Empty(f.Of(id, PaperEventKind.Accepted));
        Assert.Equal(0, f.Model.OpenOrders);
    }

    /// <summary>Crossing when sent, but the ask is gone by the time it lands: accepted. The check is at go-live, not at send.</summary>
    [Fact]
    public void PostOnlyOrder_CrossingOnlyWhenSent_IsAccepted()
    {
        var f = new ModelFixture();
        f.Level(true, Side.Sell, "0.50", "5", 0);
        var id = f.Place(Side.Buy, "0.50", "10", 0);
        f.Level(true, Side.Sell, "0.50", "0", 5);
        f.Model.AdvanceTo(10);
        Assert.Single(f.Of(id, PaperEventKind.Accepted));
        Assert.Equal(0, f.Model.PostOnlyRejects);
    }

    /// <summary>A NO bid at 0.50 is a YES ask at 0.50: a post-only YES bid at 0.50 crosses it through the unified book.</summary>
    [Fact]
    public void PostOnly_CrossesThroughTheOtherTokensBook()
    {
        var f = new ModelFixture();
        f.Level(false, Side.Buy, "0.50", "5", 0);
        var id = f.Place(Side.Buy, "0.50", "10", 0);
        f.Model.AdvanceTo(10);
        Assert.Equal(PaperRejectReason.PostOnlyCrosses, Assert.Single(f.Of(id, PaperEventKind.Rejected)).Reject);
    }

    [Fact]
    public void InvalidOrders_AreRejectedWithAReason_AndNothingIsHeld()
    {
        var f = new ModelFixture();
        var offGrid = f.NewId();
        f.Model.Place(new PaperOrderRequest { OrderId = offGrid, MarketIndex = 0, TokenIndex = f.Yes, Side = Side.Buy, Price = Price.FromRaw(500_050), Size = Quantity.Parse("1") });
        var zeroSize = f.NewId();
        f.Model.Place(new PaperOrderRequest { OrderId = zeroSize, MarketIndex = 0, TokenIndex = f.Yes, Side = Side.Buy, Price = Price.Parse("0.5"), Size = Quantity.Zero });
        var badToken = f.NewId();
        f.Model.Place(new PaperOrderRequest { OrderId = badToken, MarketIndex = 0, TokenIndex = 99, Side = Side.Buy, Price = Price.Parse("0.5"), Size = Quantity.Parse("1") });
        var id = f.Place(Side.Buy, "0.40", "1", 0);
        f.Model.Place(new PaperOrderRequest { OrderId = id, MarketIndex = 0, TokenIndex = f.Yes, Side = Side.Buy, Price = Price.Parse("0.4"), Size = Quantity.Parse("1") });

        Assert.Equal(PaperRejectReason.InvalidOrder, Assert.Single(f.Of(offGrid, PaperEventKind.Rejected)).Reject);
        Assert.Equal(PaperRejectReason.InvalidOrder, Assert.Single(f.Of(zeroSize, PaperEventKind.Rejected)).Reject);
        Assert.Equal(PaperRejectReason.InvalidOrder, Assert.Single(f.Of(badToken, PaperEventKind.Rejected)).Reject);
        Assert.Equal(PaperRejectReason.DuplicateOrderId, Assert.Single(f.Of(id, PaperEventKind.Rejected)).Reject);
        Assert.Equal(1, f.Model.OpenOrders);
    }

    [Fact]
    public void FullModel_RejectsNewOrdersWithNoCapacity()
    {
        var f = new ModelFixture(ModelFixture.Constant() with { OrderCapacity = 2 });
        f.Place(Side.Buy, "0.40", "1", 0);
        f.Place(Side.Buy, "0.41", "1", 0);
        var third = f.Place(Side.Buy, "0.42", "1", 0);
        Assert.Equal(PaperRejectReason.NoCapacity, Assert.Single(f.Of(third, PaperEventKind.Rejected)).Reject);
    }

    [Fact]
    public void MarketEventsOfUnknownTokensOrOffGridPrices_AreCountedAndIgnored()
    {
        var f = new ModelFixture();
        var id = f.Place(Side.Buy, "0.50", "10", 0);
        var e = new FastMaker.Engine.Pipeline.InboundEvent { Kind = FastMaker.Engine.Pipeline.InboundKind.LastTradePrice, ReceiveMs = 100 };
        e.Payload.LastTrade = new FastMaker.Polymarket.Parsing.LastTradePrice { AssetId = new UInt256(5, 0, 0, 0), Price = Price.Parse("0.5"), Size = Quantity.Parse("5"), Side = Side.Sell };
        f.Feed(ref e);
        e.Payload.LastTrade.AssetId = f.Market.YesToken;
        e.Payload.LastTrade.Price = Price.FromRaw(500_001);
        f.Feed(ref e);
        Assert.Equal(1, f.Model.UnknownTokenEvents);
        Assert.Equal(1, f.Model.InvalidPriceEvents);
        Assert.Empty(f.Of(id, PaperEventKind.Fill));
    }

    [Fact]
    public void InvalidParameters_AreRefusedWithTheirName()
    {
        var f = new ModelFixture();
        var ex = Assert.Throws<ArgumentException>(() => new PaperFillModel(f.Registry, new PaperFillParameters { CancelCreditFactor = 1.5 }, f));
        Assert.Contains("CancelCreditFactor", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyDistribution.Uniform(10, 5));
        Assert.Throws<ArgumentException>(() => LatencyDistribution.Empirical(Array.Empty<long>()));
    }

    /// <summary>A market cancel reaches the market's live orders; an order still in flight is not yet at the venue and survives.</summary>
    [Fact]
    public void CancelMarket_CancelsLiveOrdersOfThatMarketOnly()
    {
        var f = new ModelFixture();
        var live = f.Place(Side.Buy, "0.40", "1", 0);
        f.Model.AdvanceTo(50);
        var flying = f.Place(Side.Buy, "0.41", "1", 100);   // live at 110
        f.Model.CancelMarket(f.Market.MarketIndex, 80);      // lands at 100
        f.Model.AdvanceTo(200);
        Assert.Single(f.Of(live, PaperEventKind.Cancelled));
        Assert.Empty(f.Of(flying, PaperEventKind.Cancelled));
        Assert.True(f.Model.TryGetOrder(flying, out _));
    }
}
