using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Paper.Execution;
using FastMaker.Paper.FillModel;
using FastMaker.Primitives;

namespace FastMaker.Paper.Tests.Execution;

public class PaperExecutionTests
{
    /// <summary>
    /// Engine + gate + signer + paper venue, end to end. We bid 50 YES at 0.48 behind 100 (sent at 2000, live at 2050,
    /// accepted at 2060). A SELL print of 120 at 0.48 (t 3000): 100 to the queue, 20 to us. A BUY-NO print of 40 at 0.52
    /// (t 5000), the mint against our bid: the other 30. The engine ends with 50 YES, paid 50 x 0.48 = 24, two maker
    /// fills, the order Filled and nothing reserved; both fills are simulated, with the model's parameters.
    /// </summary>
    [Fact]
    public void MakerBid_FilledByAYesSellAndANoBuy_PositionsAndFillsEndToEnd()
    {
        using var f = new PaperEngineFixture();
        f.Snapshot(1_000, [("0.48", "100")], [("0.52", "100")]);
        f.Tick(2_000);
        Assert.Equal(GateRejectReason.None, f.Bid("0.48", "50"));
        Assert.Equal(1, f.Paper.PostsReceived);
        var id = OnlyOrderId(f);
        Assert.Equal(OrderState.PendingNew, State(f, id));

        f.Tick(2_055);
        Assert.Equal(OrderState.PendingNew, State(f, id));   // live at 2050, the reply is due at 2060
        f.Tick(2_060);
        Assert.Equal(OrderState.Live, State(f, id));

        f.Print(true, Side.Sell, "0.48", "120", 3_000);
        f.Level(true, Side.Buy, "0.48", "0", 3_000);
        f.Tick(3_010);
        Assert.Equal(OrderState.PartiallyFilled, State(f, id));
        Assert.Equal(Quantity.Parse("20"), Filled(f, id));

        f.Print(false, Side.Buy, "0.52", "40", 5_000);
        f.Tick(6_000);

        Assert.Equal(OrderState.Filled, State(f, id));
        Assert.Equal(Quantity.Parse("50").Raw, f.Engine.Positions.Shares(f.Market.YesIndex));
        Assert.Equal(0, f.Engine.Positions.PendingShares(f.Market.YesIndex));   // CONFIRMED settled them
        Assert.Equal((1_000 - 24) * 1_000_000L, f.Engine.Positions.Collateral);
        Assert.Equal(0, f.Engine.Reservations.TotalCollateral);
        Assert.Equal(2, f.Engine.Orders.FillsBy(FillLiquidity.Maker));
        Assert.Equal(0, f.Engine.Orders.FillsBy(FillLiquidity.Taker));
        Assert.Equal(0, f.Engine.Positions.FeesPaid);

        Assert.Equal(2, f.Paper.Fills.Count);
        Assert.Equal(new[] { 20m, 30m }, f.Paper.Fills.Select(x => (decimal)x.Size.Raw / Quantity.Scale));
        foreach (var fill in f.Paper.Fills)
        {
            Assert.True(fill.Simulated);
            Assert.Same(f.Paper.Model.Parameters, fill.Parameters);
            Assert.True(PaperExecution.IsSimulatedTradeId(fill.TradeId));
            Assert.True(f.Engine.Orders.TryGetFill(fill.TradeId, id, out var record));
            Assert.Equal(FillLiquidity.Maker, record.Liquidity);
            Assert.Equal(Price.Parse("0.48"), record.Price);
        }

        Assert.Equal(0, f.Engine.Orders.UnknownOrderEvents);
        Assert.Equal(0, f.Engine.Orders.MismatchEvents);
    }

    /// <summary>The cancel is sent at 3000 and lands at 3040; a print at 3020 fills 10 of 30 first. The engine ends Cancelled with 10 filled, nothing reserved.</summary>
    [Fact]
    public void CancelInFlight_FillStillCounts_ThenTheCancelReleasesTheRest()
    {
        using var f = new PaperEngineFixture();
        f.Snapshot(1_000, [("0.40", "5")], [("0.60", "5")]);
        f.Tick(2_000);
        Assert.Equal(GateRejectReason.None, f.Bid("0.45", "30"));
        var id = OnlyOrderId(f);
        f.Tick(3_000);
        Assert.Equal(OrderState.Live, State(f, id));
        Assert.Equal(GateRejectReason.None, f.CancelOrder(id));

        f.Print(true, Side.Sell, "0.45", "10", 3_020);
        f.Tick(3_100);
        Assert.Equal(OrderState.Cancelled, State(f, id));
        Assert.Equal(Quantity.Parse("10"), Filled(f, id));
        Assert.Equal(Quantity.Parse("10").Raw, f.Engine.Positions.Shares(f.Market.YesIndex));
        Assert.Equal(0, f.Engine.Reservations.TotalCollateral);
        Assert.Equal(1, f.Paper.CancelsReceived);
    }

    /// <summary>A post-only bid at the ask price is refused when it goes live: the engine sees a venue reject, the order ends Rejected, nothing reserved.</summary>
    [Fact]
    public void PostOnlyBidAtTheAsk_RejectedAtGoLive_EngineRecordsTheReject()
    {
        using var f = new PaperEngineFixture();
        f.Snapshot(1_000, [("0.48", "100")], [("0.52", "100")]);
        f.Tick(2_000);
        Assert.Equal(GateRejectReason.None, f.Bid("0.52", "10"));
        var id = OnlyOrderId(f);
        f.Tick(3_000);
        Assert.Equal(OrderState.Rejected, State(f, id));
        Assert.Equal(1, f.Engine.Orders.PostRejects);
        Assert.Equal(1, f.Paper.Model.PostOnlyRejects);
        Assert.Equal(0, f.Engine.Reservations.TotalCollateral);
        Assert.Empty(f.Paper.Fills);
    }

    /// <summary>A crossing bid without post-only takes 100 @ 0.52 as a taker: the engine books the taker fill and its fee (100 x 0.02 x 0.52 x 0.48 = 0.4992).</summary>
    [Fact]
    public void CrossingBid_FillsAsTaker_EngineChargesTheReferenceFee()
    {
        using var f = new PaperEngineFixture();
        f.Market.TakerFeeRateBps = 200;
        f.Snapshot(1_000, [("0.48", "100")], [("0.52", "100")]);
        f.Tick(2_000);
        Assert.Equal(GateRejectReason.None, f.Bid("0.52", "100", postOnly: false));
        var id = OnlyOrderId(f);
        f.Tick(3_000);
        Assert.Equal(OrderState.Filled, State(f, id));
        var fill = Assert.Single(f.Paper.Fills);
        Assert.Equal(FillLiquidity.Taker, fill.Liquidity);
        Assert.Equal(Amount.FromRaw(499_200), fill.Fee);
        Assert.Equal(1, f.Engine.Orders.FillsBy(FillLiquidity.Taker));
        Assert.Equal(499_200, f.Engine.Positions.FeesPaid);
    }

    /// <summary>Two runs of the same script give the same fills and the same engine state.</summary>
    [Fact]
    public void SameScript_SameSeed_SameOutcome()
    {
        static (long, long, string) Run()
        {
            using var f = new PaperEngineFixture(new PaperFillParameters { Seed = 9 });
            f.Snapshot(1_000, [("0.48", "100")], [("0.52", "100")]);
            f.Tick(2_000);
            f.Bid("0.48", "50");
            f.Bid("0.47", "20");
            for (int i = 0; i < 20; i++)
            {
                f.Print(i % 2 == 0, i % 2 == 0 ? Side.Sell : Side.Buy, i % 2 == 0 ? "0.48" : "0.52", "17", 2_100 + (i * 37));
            }

            f.Tick(10_000);
            return (f.Engine.Positions.Shares(f.Market.YesIndex), f.Engine.Positions.Collateral,
                string.Join(",", f.Paper.Fills.Select(x => x.TradeId + ":" + x.Size.Raw + "@" + x.TimeMs)));
        }

        var a = Run();
        var b = Run();
        Assert.Equal(a, b);
        Assert.True(a.Item1 > 0);
    }

    /// <summary>The store the truth report reads gets every paper fill with simulated = 1, the engine's maker classification, and the position.</summary>
    [Fact]
    public void StoreWriter_WritesSimulatedFills_OrdersAndPositions()
    {
        using var f = new PaperEngineFixture();
        f.Snapshot(1_000, [("0.48", "10")], [("0.52", "100")]);
        f.Tick(2_000);
        f.Bid("0.48", "20");
        f.Tick(2_100);
        f.Print(true, Side.Sell, "0.48", "25", 3_000);
        f.Tick(4_000);
        var path = Path.Combine(Path.GetTempPath(), "fm-paper-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            Assert.Equal(1, PaperStoreWriter.Write(path, f.Engine, f.Paper));
            using var store = FastMaker.Engine.Store.SqliteStore.Open(path);
            var snapshot = store.Load();
            var fill = Assert.Single(snapshot.Fills);
            Assert.True(fill.Simulated);
            Assert.Equal(Quantity.Parse("15"), fill.Size);
            Assert.Equal(FastMaker.Engine.Store.StoredLiquidity.Maker, fill.Liquidity);
            Assert.Equal(FastMaker.Polymarket.Parsing.TradeStatusCode.Confirmed, fill.Status);
            Assert.Single(snapshot.Orders);
            Assert.Equal(Quantity.Parse("15").Raw, Assert.Single(snapshot.Positions).Shares);
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*")) File.Delete(file);
        }
    }

    private static Hash32 OnlyOrderId(PaperEngineFixture f)
    {
        Span<LiveOrderView> open = stackalloc LiveOrderView[4];
        int n = f.Engine.Orders.CopyOpenOrders(open);
        Assert.Equal(1, n);
        return open[0].OrderId;
    }

    private static OrderState State(PaperEngineFixture f, Hash32 id)
    {
        Assert.True(f.Engine.Orders.TryGet(id, out var o));
        return o.State;
    }

    private static Quantity Filled(PaperEngineFixture f, Hash32 id)
    {
        Assert.True(f.Engine.Orders.TryGet(id, out var o));
        return o.Filled;
    }
}
