using FastMaker.Engine.Orders;
using FastMaker.Paper.FillModel;
using FastMaker.Primitives;

namespace FastMaker.Paper.Tests.FillModel;

public class QueuePositionTests
{
    /// <summary>
    /// The acceptance case of issue 7. We BUY 200 YES at 0.50 behind 300 displayed; 200 more join behind us.
    /// 200 trade at 0.50: the queue ahead goes 300 -> 100, nothing reaches us. 150 are cancelled at the level without a
    /// print: displayed 300 = 100 ahead + 200 behind, so 150 could all have come from behind us; the conservative rule
    /// credits max(0 x 150 x ..., 150 - 200) = 0: still 100 ahead. 250 trade: 100 go to the queue ahead, 150 reach us.
    /// Fill: exactly 150 at 0.50, maker, no fee; 50 remain.
    /// </summary>
    [Fact]
    public void JoinBehind300_200Trade_150Cancel_250Trade_FillsExactly150UnderTheConservativeRule()
    {
        var f = new ModelFixture();
        f.Level(true, Side.Buy, "0.50", "300", 0);
        var id = f.Place(Side.Buy, "0.50", "200", 0);
        f.Level(true, Side.Buy, "0.50", "500", 20);          // 200 join behind us

        f.Print(true, Side.Sell, "0.50", "200", 30);         // 200 trade: ahead 300 -> 100
        f.Level(true, Side.Buy, "0.50", "300", 30);          // the trade's own decrease: explained, not a cancel
        Assert.Empty(f.Of(id, PaperEventKind.Fill));
        Assert.True(f.Model.TryGetOrder(id, out var o));
        Assert.Equal(Quantity.Parse("100").Raw, o.Ahead);

        f.Level(true, Side.Buy, "0.50", "150", 5_000);       // 150 cancelled, no print: credited 0 ahead of us
        Assert.True(f.Model.TryGetOrder(id, out o));
        Assert.Equal(Quantity.Parse("100").Raw, o.Ahead);

        f.Print(true, Side.Sell, "0.50", "250", 6_000);      // 250 trade: 100 ahead, then 150 to us
        var fills = f.Of(id, PaperEventKind.Fill);
        var fill = Assert.Single(fills);
        Assert.Equal(Quantity.Parse("150"), fill.Size);
        Assert.Equal(Price.Parse("0.50"), fill.Price);
        Assert.Equal(FillLiquidity.Maker, fill.Liquidity);
        Assert.Equal(Amount.Zero, fill.Fee);
        Assert.True(fill.Simulated);
        Assert.Same(f.Parameters, fill.Parameters);
        Assert.Equal(6_000, fill.TimeMs);
        Assert.True(f.Model.TryGetOrder(id, out o));
        Assert.Equal(Quantity.Parse("50").Raw, o.Remaining);
    }

    /// <summary>
    /// The same stream under the proportional sensitivity setting (factor 1, power 1): of the 150 cancelled,
    /// 150 x 100 / (100 + 200) = 50 are credited ahead of us, so 50 remain ahead; the 250 print gives 50 to them and
    /// 200 to us: the order fills in full.
    /// </summary>
    [Fact]
    public void SameStream_ProportionalCancelCredit_Fills200()
    {
        var f = new ModelFixture(ModelFixture.Constant(cancelCredit: 1, power: 1));
        f.Level(true, Side.Buy, "0.50", "300", 0);
        var id = f.Place(Side.Buy, "0.50", "200", 0);
        f.Level(true, Side.Buy, "0.50", "500", 20);
        f.Print(true, Side.Sell, "0.50", "200", 30);
        f.Level(true, Side.Buy, "0.50", "300", 30);
        f.Level(true, Side.Buy, "0.50", "150", 5_000);
        Assert.True(f.Model.TryGetOrder(id, out var o));
        Assert.Equal(Quantity.Parse("50").Raw, o.Ahead);

        f.Print(true, Side.Sell, "0.50", "250", 6_000);   // outside the print-match window of the cancel
        Assert.Equal(200m, f.FilledShares(id));
        Assert.False(f.Model.TryGetOrder(id, out _)); // filled orders are forgotten
    }

    /// <summary>Power 2 (hftbacktest's probabilistic queue): credit = floor(150 x 100^2 / (100^2 + 200^2)) = floor(30) = 30, so 70 remain ahead.</summary>
    [Fact]
    public void SameStream_PowerTwoCancelCredit_Credits30()
    {
        var f = new ModelFixture(ModelFixture.Constant(cancelCredit: 1, power: 2));
        f.Level(true, Side.Buy, "0.50", "300", 0);
        var id = f.Place(Side.Buy, "0.50", "200", 0);
        f.Level(true, Side.Buy, "0.50", "500", 20);
        f.Print(true, Side.Sell, "0.50", "200", 30);
        f.Level(true, Side.Buy, "0.50", "300", 30);
        f.Level(true, Side.Buy, "0.50", "150", 5_000);
        Assert.True(f.Model.TryGetOrder(id, out var o));
        Assert.Equal(Quantity.Parse("70").Raw, o.Ahead);
    }

    /// <summary>With nobody behind us, a cancel of 60 out of 100 displayed must have come from ahead: 100 - 60 = 40 remain ahead, whatever the factor.</summary>
    [Fact]
    public void CancelLargerThanEverythingBehind_MovesUsForwardByTheExcess()
    {
        var f = new ModelFixture();
        f.Level(true, Side.Buy, "0.50", "100", 0);
        var id = f.Place(Side.Buy, "0.50", "10", 0);
        f.Level(true, Side.Buy, "0.50", "40", 5_000);
        Assert.True(f.Model.TryGetOrder(id, out var o));
        Assert.Equal(Quantity.Parse("40").Raw, o.Ahead);

        f.Print(true, Side.Sell, "0.50", "45", 10_000);      // 40 ahead, then 5 to us
        Assert.Equal(5m, f.FilledShares(id));
    }

    /// <summary>
    /// A print and its size decrease arrive in either order. Decrease first: it looks like a cancel larger than all
    /// behind (forced 200), but the print that follows explains it and undoes the credit, so the trade counts once:
    /// 300 ahead -> 100 ahead, and a later 150 print gives us 50, exactly as in the print-first order.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void PrintAndItsDecrease_InEitherOrder_CountTheTradeOnce(bool printFirst)
    {
        var f = new ModelFixture();
        f.Level(true, Side.Buy, "0.50", "300", 0);
        var id = f.Place(Side.Buy, "0.50", "100", 0);
        if (printFirst)
        {
            f.Print(true, Side.Sell, "0.50", "200", 100);
            f.Level(true, Side.Buy, "0.50", "100", 101);
        }
        else
        {
            f.Level(true, Side.Buy, "0.50", "100", 100);
            f.Print(true, Side.Sell, "0.50", "200", 101);
        }

        Assert.Empty(f.Of(id, PaperEventKind.Fill));
        Assert.True(f.Model.TryGetOrder(id, out var o));
        Assert.Equal(Quantity.Parse("100").Raw, o.Ahead);
        f.Print(true, Side.Sell, "0.50", "150", 5_000);
        Assert.Equal(50m, f.FilledShares(id));
    }

    /// <summary>A print on our side (a taker BUY at our bid price cannot exist; a BUY print hits asks) never fills a bid.</summary>
    [Fact]
    public void PrintOfTheSameSideAggressor_DoesNotFillOrMoveTheQueue()
    {
        var f = new ModelFixture();
        f.Level(true, Side.Buy, "0.50", "100", 0);
        var id = f.Place(Side.Buy, "0.50", "10", 0);
        f.Print(true, Side.Buy, "0.50", "500", 100);
        Assert.Empty(f.Of(id, PaperEventKind.Fill));
        Assert.True(f.Model.TryGetOrder(id, out var o));
        Assert.Equal(Quantity.Parse("100").Raw, o.Ahead);
    }

    /// <summary>A SELL print at 0.49 went through our 0.50 bid: we fill up to the print beyond the 100 still ahead: 150 - 100 = 50.</summary>
    [Fact]
    public void TradeThroughOurPrice_FillsUpToTheVolumeBeyondTheQueueAhead()
    {
        var f = new ModelFixture();
        f.Level(true, Side.Buy, "0.50", "100", 0);
        f.Level(true, Side.Buy, "0.49", "500", 0);
        var id = f.Place(Side.Buy, "0.50", "80", 0);
        f.Print(true, Side.Sell, "0.49", "150", 100);
        var fill = Assert.Single(f.Of(id, PaperEventKind.Fill));
        Assert.Equal(Quantity.Parse("50"), fill.Size);
        Assert.Equal(Price.Parse("0.50"), fill.Price); // a maker fills at its own limit
    }

    /// <summary>A print at a worse price than ours fills nothing when it does not reach us (a SELL at 0.51 is above our 0.50 bid).</summary>
    [Fact]
    public void PrintAboveOurBid_DoesNotFill()
    {
        var f = new ModelFixture();
        var id = f.Place(Side.Buy, "0.50", "80", 0);
        f.Print(true, Side.Sell, "0.51", "150", 100);
        Assert.Empty(f.Of(id, PaperEventKind.Fill));
    }

    /// <summary>
    /// Two of our bids at 0.50, A then B, 100 each, both behind the same 50 displayed. A print of 120: 50 to the
    /// displayed queue, 70 to A, nothing to B (it is behind A). Then a print of 100: 30 to A (filled), 70 to B. In all,
    /// 220 printed, 50 + 100 + 70 used: never more than traded, and B's queue moved with the 50 taken ahead of A.
    /// </summary>
    [Fact]
    public void TwoOfOurOrdersAtOneLevel_ShareOnePrintFrontFirst_NoDoubleUse()
    {
        var f = new ModelFixture();
        f.Level(true, Side.Buy, "0.50", "50", 0);
        var a = f.Place(Side.Buy, "0.50", "100", 0);
        var b = f.Place(Side.Buy, "0.50", "100", 1);
        f.Print(true, Side.Sell, "0.50", "120", 100);
        Assert.Equal(70m, f.FilledShares(a));
        Assert.Equal(0m, f.FilledShares(b));
        Assert.True(f.Model.TryGetOrder(b, out var ob));
        Assert.Equal(0, ob.Ahead);

        f.Print(true, Side.Sell, "0.50", "100", 200);
        Assert.Equal(100m, f.FilledShares(a));
        Assert.Equal(70m, f.FilledShares(b));
        var total = f.Events.Where(e => e.Kind == PaperEventKind.Fill).Sum(e => e.Size.Raw);
        Assert.True(total <= Quantity.Parse("220").Raw - Quantity.Parse("50").Raw);
    }

    /// <summary>Across levels the better price is first: a SELL print at 0.49 of 60 goes to our 0.50 bid before our 0.49 bid.</summary>
    [Fact]
    public void TradeThrough_BetterPricedOrderFillsFirst()
    {
        var f = new ModelFixture();
        var low = f.Place(Side.Buy, "0.49", "100", 0);
        var high = f.Place(Side.Buy, "0.50", "40", 1);
        f.Print(true, Side.Sell, "0.49", "60", 100);
        Assert.Equal(40m, f.FilledShares(high));
        Assert.Equal(20m, f.FilledShares(low));
    }

    /// <summary>
    /// One unified book: our BUY YES at 0.40 sits behind the NO asks at 0.60 (300, the same orders seen from NO), and a
    /// taker BUY of NO at 0.60 (a mint against YES bids) is a print on our level: 350 - 300 ahead = 50 fill us.
    /// </summary>
    [Fact]
    public void BuyNoPrint_FillsOurBuyYesBid_CrossAssetMint()
    {
        var f = new ModelFixture();
        f.Level(false, Side.Sell, "0.60", "300", 0);
        var id = f.Place(Side.Buy, "0.40", "100", 0);
        f.Model.AdvanceTo(10);
        Assert.True(f.Model.TryGetOrder(id, out var o));
        Assert.Equal(Quantity.Parse("300").Raw, o.Ahead);

        f.Print(false, Side.Sell, "0.60", "1000", 50);      // a SELL of NO hits unified asks: not us
        Assert.Empty(f.Of(id, PaperEventKind.Fill));
        f.Print(false, Side.Buy, "0.60", "350", 100);
        var fill = Assert.Single(f.Of(id, PaperEventKind.Fill));
        Assert.Equal(Quantity.Parse("50"), fill.Size);
        Assert.Equal(Price.Parse("0.40"), fill.Price);
        Assert.Equal(f.Yes, fill.TokenIndex);
    }

    /// <summary>Our SELL of NO at 0.55 rests on the unified bid at 0.45: a taker SELL of YES at 0.45 fills it.</summary>
    [Fact]
    public void SellNoOrder_IsFilledByAYesSellPrintAtTheMirrorPrice()
    {
        var f = new ModelFixture();
        var id = f.Place(Side.Sell, "0.55", "30", 0, yes: false);
        f.Print(true, Side.Sell, "0.45", "10", 100);
        var fill = Assert.Single(f.Of(id, PaperEventKind.Fill));
        Assert.Equal(Quantity.Parse("10"), fill.Size);
        Assert.Equal(Price.Parse("0.55"), fill.Price);
        Assert.Equal(Side.Sell, fill.Side);
    }

    /// <summary>Partial fills add up, each no larger than the print, and the order is done exactly at its size.</summary>
    [Fact]
    public void PartialFills_SumToTheSize_EachBoundedByItsPrint()
    {
        var f = new ModelFixture();
        var id = f.Place(Side.Sell, "0.60", "25", 0);
        f.Print(true, Side.Buy, "0.60", "10", 100);
        f.Print(true, Side.Buy, "0.60", "7.5", 200);
        f.Print(true, Side.Buy, "0.60", "100", 300);
        var fills = f.Of(id, PaperEventKind.Fill);
        Assert.Equal(new[] { 10m, 7.5m, 7.5m }, fills.Select(e => ModelFixture.Shares(e.Size)));
        Assert.Equal(new[] { 10m, 17.5m, 25m }, fills.Select(e => ModelFixture.Shares(e.Filled)));
        Assert.False(f.Model.TryGetOrder(id, out _));
        f.Print(true, Side.Buy, "0.60", "100", 400);
        Assert.Equal(3, f.Of(id, PaperEventKind.Fill).Count);
    }

    /// <summary>A snapshot that omits a level removes it: with nobody behind us, the removal moves us to the front.</summary>
    [Fact]
    public void SnapshotWithoutOurLevel_RemovesIt_AndTheQueueAheadWithIt()
    {
        var f = new ModelFixture();
        f.Snapshot(true, 0, [("0.50", "120"), ("0.49", "10")], [("0.52", "40")]);
        Assert.Equal(Quantity.Parse("40"), f.Model.DisplayedYes(f.Market.MarketIndex, false, Price.Parse("0.52")));
        var id = f.Place(Side.Buy, "0.50", "10", 0);
        f.Model.AdvanceTo(10);
        Assert.True(f.Model.TryGetOrder(id, out var o));
        Assert.Equal(Quantity.Parse("120").Raw, o.Ahead);

        f.Snapshot(false, 5_000, [("0.47", "40")], [("0.51", "10")]); // NO book: NO ask 0.51 = YES bid 0.49
        Assert.True(f.Model.TryGetOrder(id, out o));
        Assert.Equal(0, o.Ahead);
        Assert.Equal(Quantity.Zero, f.Model.DisplayedYes(f.Market.MarketIndex, true, Price.Parse("0.50")));
        Assert.Equal(Quantity.Parse("10"), f.Model.DisplayedYes(f.Market.MarketIndex, true, Price.Parse("0.49")));
        Assert.Equal(Quantity.Parse("40"), f.Model.DisplayedYes(f.Market.MarketIndex, false, Price.Parse("0.53")));
        Assert.Equal(Quantity.Zero, f.Model.DisplayedYes(f.Market.MarketIndex, false, Price.Parse("0.52")));
    }

    /// <summary>
    /// The pessimistic side of print matching: a real cancel of 60 (forced credit, nobody behind) followed within the
    /// 100 ms window by a print of 30 at the level is read as that print's decrease: 30 of the credit is undone.
    /// 100 ahead -> 40 (cancel) -> 70 (restored 30) -> 40 (print consumes 30).
    /// </summary>
    [Fact]
    public void PrintInsideTheWindowAfterACancel_UndoesThatMuchCredit_Pessimistically()
    {
        var f = new ModelFixture();
        f.Level(true, Side.Buy, "0.50", "100", 0);
        var id = f.Place(Side.Buy, "0.50", "10", 0);
        f.Level(true, Side.Buy, "0.50", "40", 5_000);
        f.Print(true, Side.Sell, "0.50", "30", 5_050);
        Assert.True(f.Model.TryGetOrder(id, out var o));
        Assert.Equal(Quantity.Parse("40").Raw, o.Ahead);
        Assert.Empty(f.Of(id, PaperEventKind.Fill));
    }
}
