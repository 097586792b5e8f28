using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using FastMaker.Venue.Scenarios;
using VenueLedger = FastMaker.Venue.Ledger.Ledger;

namespace FastMaker.Venue.Tests.Matching;

public class AllocationTests
{
    [Fact]
    public void PostingRestingOrders_AllocatesNothing_AfterWarmUp()
    {
        var ledger = new VenueLedger();
        var engine = new MatchingEngine(ledger, new SteppedTimeProvider(EngineFixture.Start), NullExchangeEvents.Instance);
        VenueMarket market = EngineFixture.MakeMarket(1, TickSize.Hundredth);
        engine.AddMarket(market);
        EthAddress maker = EngineFixture.Address(1);
        ledger.Deposit(maker, Amount.FromRaw(1_000_000_000_000));
        const int n = 2000;
        var warm = new OrderRequest[n];
        var measured = new OrderRequest[n];
        for (int i = 0; i < n; i++)
        {
            warm[i] = Bid(market, maker, i + 1, i);
            measured[i] = Bid(market, maker, n + i + 1, i);
        }
        foreach (OrderRequest o in warm)
            Assert.True(engine.Submit(o).Success);
        engine.CancelAll("key");

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < n; i++)
            engine.Submit(measured[i]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(n, engine.LiveOrderCount);
        Assert.Equal(0, allocated);
    }

    private static OrderRequest Bid(VenueMarket market, EthAddress maker, int id, int i) => new()
    {
        OrderId = EngineFixture.HashOf(id),
        Owner = "key",
        Maker = maker,
        Token = market.YesToken,
        Side = Side.Buy,
        // 10 shares at 0.01 .. 0.40, never crossing (there are no asks).
        MakerAmount = 10 * (1 + i % 40) * 10_000,
        TakerAmount = 10_000_000,
    };
}
