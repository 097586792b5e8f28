using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Quoting;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Orders;

/// <summary>Operator orders are tracked and reserved like any order, but the quote stage's differ never sees them.</summary>
public sealed class OperatorOrderTests
{
    [Fact]
    public void CopyOpenQuotes_LeavesOutOperatorOrders_CopyOpenOrdersKeepsThem()
    {
        var h = new OrdersHarness();
        var quote = h.Submit(h.Intent(h.Yes(), Side.Buy, "0.40", "10"));
        var manual = h.Submit(h.Intent(h.Yes(), Side.Buy, "0.30", "10", origin: OrderOrigin.Operator));

        var all = new LiveOrderView[8];
        Assert.Equal(2, h.Orders.CopyOpenOrders(all));
        var quotes = new LiveOrderView[8];
        var n = h.Orders.CopyOpenQuotes(quotes);
        Assert.Equal(1, n);
        Assert.Equal(quote, quotes[0].OrderId);

        // Both are reserved: 0.40 x 10 + 0.30 x 10.
        Assert.Equal(OrdersHarness.Usd("7"), h.Reservations.TotalCollateral);
        Assert.NotEqual(quote, manual);
    }

    [Fact]
    public void TrackerLiveOrders_HidesOperatorOrdersFromTheDiffer_ButTheGateStillFindsThem()
    {
        var h = new OrdersHarness();
        var manual = h.Submit(h.Intent(h.Yes(), Side.Buy, "0.30", "10", origin: OrderOrigin.Operator));
        var live = new TrackerLiveOrders(h.Orders);

        ILiveOrderSource differView = live;
        Assert.Equal(0, differView.CopyLiveOrders(h.Yes(), new LiveOrderView[8]));
        Assert.True(live.TryGetLive(manual, out var view));
        Assert.Equal(manual, view.OrderId);
    }

    [Fact]
    public void OperatorOrderCommand_OnTheEngine_IsSubmittedWithTheEngineClock()
    {
        var h = new OrdersHarness();
        var intent = h.Intent(h.Yes(), Side.Buy, "0.30", "10", origin: OrderOrigin.Operator, nowMs: 1);
        var e = new InboundEvent { Kind = InboundKind.Operator, ReceiveMs = 5_000, Cold = new OperatorOrderCommand { Intent = intent } };

        h.Engine.OnEvent(ref e);

        // No gate attached (replay mode): the intent stays in the engine's buffer, stamped with the engine clock.
        Assert.Equal(1, h.Engine.Intents.Count);
        Assert.Equal(5_000, h.Engine.Intents[0].CreatedMs);
        Assert.Equal(OrderOrigin.Operator, h.Engine.Intents[0].Origin);
        Assert.Equal(intent.Price, h.Engine.Intents[0].Price);
    }
}
