using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Orders;

/// <summary>The tracker's per-token index of open orders equals a scan of every slot, whatever opens and closes them.</summary>
public class OpenOrderIndexTests
{
    private static LiveOrderView[] ByScan(OrderTracker orders, int token)
    {
        var all = new LiveOrderView[orders.Capacity];
        var n = orders.CopyOpenQuotes(all.AsSpan());
        return all.AsSpan(0, n).ToArray().Where(o => o.TokenIndex == token).ToArray();
    }

    private static LiveOrderView[] ByIndex(OrderTracker orders, int token)
    {
        var buffer = new LiveOrderView[orders.Capacity];
        var n = orders.CopyOpenQuotes(token, buffer);
        return buffer.AsSpan(0, n).ToArray();
    }

    private static void AssertIndexMatchesScan(OrdersHarness h, int tokens, string when)
    {
        for (var t = 0; t < tokens; t++)
        {
            Assert.True(ByScan(h.Orders, t).SequenceEqual(ByIndex(h.Orders, t)), "token " + t + " differs " + when);
        }
    }

    [Fact]
    public void RandomOpensAndCloses_WithSlotReuse_IndexAlwaysEqualsTheScan()
    {
        // 16 slots for 400 orders: terminal slots are recycled many times over.
        var h = new OrdersHarness(markets: 3, orderCapacity: 16);
        var tokens = h.Registry.TokenCount;
        var random = new Random(12345);
        var open = new List<Hash32>();
        for (var step = 0; step < 400; step++)
        {
            var action = random.Next(6);
            if (open.Count < 10 && (action < 3 || open.Count == 0))
            {
                var token = random.Next(tokens);
                var origin = random.Next(5) == 0 ? OrderOrigin.Operator : OrderOrigin.MakerQuote;
                var price = (10 + random.Next(80)).ToString("0", System.Globalization.CultureInfo.InvariantCulture);
                var intent = h.Intent(token, Side.Buy, "0." + price, "5", origin: origin);
                var id = h.NewId();
                Assert.Equal(OrderEventOutcome.Applied, h.Orders.TryOpen(in intent, in id, 0, step));
                if (random.Next(2) == 0)
                {
                    h.Orders.OnPostAccepted(id, PostStatus.Live, Quantity.Zero, step);
                }

                open.Add(id);
            }
            else
            {
                var i = random.Next(open.Count);
                var id = open[i];
                open.RemoveAt(i);
                switch (action % 3)
                {
                    case 0:
                        h.Orders.RequestCancel(id, step);
                        if (random.Next(4) == 0)
                        {
                            // Refused: back to open, still listed.
                            h.Orders.OnCancelRefused(id, step);
                            AssertIndexMatchesScan(h, tokens, "after a refused cancel at step " + step);
                            h.Orders.RequestCancel(id, step);
                        }

                        h.Orders.OnCancelConfirmed(id, step);
                        break;
                    case 1:
                        if (h.Orders.TryGet(id, out var o) && o.State == OrderState.PendingNew)
                        {
                            h.Orders.OnPostRejected(id, step);
                        }
                        else
                        {
                            h.Orders.OnCancelConfirmed(id, step);
                        }

                        break;
                    default:
                        h.Orders.RequestCancel(id, step);
                        h.Orders.OnCancelConfirmed(id, step);
                        Assert.Equal(OrderEventOutcome.Duplicate, h.Orders.OnCancelConfirmed(id, step)); // a late duplicate changes nothing
                        break;
                }
            }

            AssertIndexMatchesScan(h, tokens, "at step " + step);
        }
    }

    [Fact]
    public void RestoredAndReconciledOrders_AreIndexed_AndOrdersMissingAtTheVenueLeaveIt()
    {
        var h = new OrdersHarness(markets: 2);
        var restored = h.NewId();
        Assert.Equal(OrderEventOutcome.Applied, h.Orders.Restore(restored, h.No(1), 1, Side.Buy, Price.Parse("0.40"), Quantity.Parse("10"),
            Quantity.Zero, OrderState.Live, OrderOrigin.MakerQuote, true, IntentTimeInForce.Gtc, 0, 500));
        var kept = h.NewId();
        var intent = h.Intent(h.Yes(0), Side.Buy, "0.30", "5");
        h.Orders.TryOpen(in intent, in kept, 0, 600);
        h.Orders.OnPostAccepted(kept, PostStatus.Live, Quantity.Zero, 600);
        Assert.Single(ByIndex(h.Orders, h.No(1)));

        // The venue has our kept order and one we do not know (adopted); the restored one is gone.
        var adopted = h.NewId();
        VenueOpenOrder[] venue =
        [
            new(kept, h.Yes(0), 0, Side.Buy, Price.Parse("0.30"), Quantity.Parse("5"), Quantity.Zero),
            new(adopted, h.Yes(1), 1, Side.Sell, Price.Parse("0.70"), Quantity.Parse("5"), Quantity.Zero),
        ];
        h.Orders.Reconcile(venue, 10_000, adoptUnknown: true, new List<ReconcileDifference>());

        AssertIndexMatchesScan(h, h.Registry.TokenCount, "after reconciliation");
        Assert.Empty(ByIndex(h.Orders, h.No(1)));
        Assert.Equal(adopted, Assert.Single(ByIndex(h.Orders, h.Yes(1))).OrderId);
        Assert.Equal(kept, Assert.Single(ByIndex(h.Orders, h.Yes(0))).OrderId);
    }

    [Fact]
    public void FullyFilledOrder_LeavesTheIndex()
    {
        var h = new OrdersHarness();
        var id = h.Submit(h.Yes(), Side.Buy, "0.50", "10");
        h.Orders.OnPostAccepted(id, PostStatus.Live, Quantity.Zero, 1_000);
        Assert.Single(ByIndex(h.Orders, h.Yes()));
        h.Orders.OnPostAccepted(id, PostStatus.Matched, Quantity.Parse("10"), 1_100);
        h.Orders.OnOrderEvent(h.OrderEv(id, OrderEventType.Update, h.Yes(), Side.Buy, "0.50", "10", "10", OrderStatusCode.Matched), h.Yes(), 1_200);
        Assert.True(h.Orders.TryGet(id, out var o));
        Assert.Equal(OrderState.Filled, o.State);
        Assert.Empty(ByIndex(h.Orders, h.Yes()));
    }

    [Fact]
    public void UnknownOrNegativeToken_HasNoOpenOrders()
    {
        var h = new OrdersHarness();
        Span<LiveOrderView> buffer = stackalloc LiveOrderView[4];
        Assert.Equal(0, h.Orders.CopyOpenQuotes(-1, buffer));
        Assert.Equal(0, h.Orders.CopyOpenQuotes(1_000_000, buffer));
    }

    [Fact]
    public void DestinationSmallerThanTheOpenOrders_GetsTheFirstOnes()
    {
        var h = new OrdersHarness();
        var first = h.Submit(h.Yes(), Side.Buy, "0.40", "5");
        h.Submit(h.Yes(), Side.Buy, "0.41", "5");
        Span<LiveOrderView> one = stackalloc LiveOrderView[1];
        Assert.Equal(1, h.Orders.CopyOpenQuotes(h.Yes(), one));
        Assert.Equal(first, one[0].OrderId);
    }

    [Fact]
    public void LookupsAndChurn_OverManyMarkets_AllocateNothing()
    {
        var h = new OrdersHarness(markets: 50, orderCapacity: 1024);
        var live = new TrackerLiveOrders(h.Orders);
        var ids = new Hash32[100];
        var intents = new OrderIntent[100];
        for (var i = 0; i < ids.Length; i++)
        {
            intents[i] = h.Intent(i, Side.Buy, "0.40", "5");
        }

        var buffer = new LiveOrderView[16];
        long step = 0;
        long opened = 0;
        long found = 0;
        void Round()
        {
            for (var i = 0; i < ids.Length; i++)
            {
                // Counted, not asserted here: xUnit's Assert.Equal allocates a comparer per call.
                ids[i] = h.NewId();
                opened += h.Orders.TryOpen(in intents[i], in ids[i], 0, step) == OrderEventOutcome.Applied ? 1 : 0;
            }

            for (var t = 0; t < ids.Length; t++)
            {
                found += live.CopyLiveOrders(t, buffer);
            }

            for (var i = 0; i < ids.Length; i++)
            {
                h.Orders.OnPostRejected(ids[i], step);
            }

            step++;
        }

        // Fresh ids each round: the rejected orders of earlier rounds are evicted as later rounds need their slots.
        for (var i = 0; i < 50; i++)
        {
            Round();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            Round();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(250 * 100, opened);
        Assert.Equal(250 * 100, found);
        Assert.Equal(0, allocated);
    }
}
