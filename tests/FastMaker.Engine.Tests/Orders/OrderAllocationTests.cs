using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Orders;

/// <summary>Steady-state order flow allocates nothing: approvals, fills, status transitions, updates and cancels.</summary>
public class OrderAllocationTests
{
    [Fact]
    public void FillsAndOrderEvents_ThroughTheEngine_AllocateNothing_InSteadyState()
    {
        const int Rounds = 2_000;
        var h = new OrdersHarness(collateral: 1_000_000_000_000, orderCapacity: 64, fillCapacity: 256);
        var ids = new Hash32[Rounds * 2];
        var trades = new Guid[Rounds * 2];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = h.NewId();
            trades[i] = OrdersHarness.TradeId(i + 1);
        }

        var intent = h.Intent(h.Yes(), Side.Buy, "0.50", "10");
        var orderEvent = new InboundEvent { Kind = InboundKind.OrderUpdate, Channel = InboundChannel.User };
        orderEvent.Payload.Order = h.OrderEv(ids[0], OrderEventType.Update, h.Yes(), Side.Buy, "0.50", "10", "4");
        var trade = new InboundEvent { Kind = InboundKind.Trade, Channel = InboundChannel.User };
        trade.Payload.Trade = h.TradeHeader(trades[0], h.NewId(), h.Yes(), Side.Sell, "4", "0.50", TradeStatusCode.Matched, TraderSide.Maker, 1);
        var leg = new InboundEvent { Kind = InboundKind.TradeMakerOrder, Channel = InboundChannel.User };
        leg.Payload.MakerOrder = h.MakerLeg(ids[0], h.Yes(), "4", "0.50", Side.Buy);
        var end = trade;
        end.Kind = InboundKind.TradeEnd;

        void Round(int i, long now)
        {
            var id = ids[i];
            h.Risk.Check(in intent);
            h.Risk.Reserve(in intent, in id);
            h.Orders.OnPostAccepted(id, PostStatus.Live, Quantity.Zero, now);

            orderEvent.ReceiveMs = now;
            orderEvent.FrameSequence = now;
            orderEvent.Payload.Order.OrderId = id;
            h.Engine.OnEvent(ref orderEvent);

            foreach (var status in Statuses)
            {
                trade.ReceiveMs = now;
                trade.FrameSequence = now;
                trade.Payload.Trade.TradeId = trades[i];
                trade.Payload.Trade.Status = status;
                leg.ReceiveMs = now;
                leg.FrameSequence = now;
                leg.Payload.MakerOrder.OrderId = id;
                end.ReceiveMs = now;
                end.FrameSequence = now;
                h.Engine.OnEvent(ref trade);
                h.Engine.OnEvent(ref leg);
                h.Engine.OnEvent(ref end);
            }

            h.Orders.RequestCancel(id, now);
            h.Orders.OnCancelConfirmed(id, now);
        }

        // Warm-up: JIT, tiering, and enough orders to wrap the order and fill slots.
        for (var i = 0; i < Rounds; i++)
        {
            Round(i, 10_000 + i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = Rounds; i < Rounds * 2; i++)
        {
            Round(i, 10_000 + i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(Rounds * 2, h.Orders.FillsApplied);
        Assert.Equal(0, h.Reservations.TotalCollateral);
        Assert.Equal(0, h.Orders.MismatchEvents);
        Assert.Equal(Rounds * 2 * 4L * 1_000_000, h.Positions.Shares(h.Yes()));
    }

    private static readonly TradeStatusCode[] Statuses =
        [TradeStatusCode.Matched, TradeStatusCode.Matched, TradeStatusCode.Mined, TradeStatusCode.Confirmed];
}
