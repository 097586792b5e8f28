using FastMaker.Engine.Orders;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Orders;

/// <summary>Start-up restore of stored open orders and their fills, before the first reconciliation.</summary>
public sealed class OrderRestoreTests
{
    private static readonly Guid Trade = new(7, 0, 0, new byte[8]);

    [Fact]
    public void Restore_PartiallyFilledOrder_ReservesPriceTimesRemaining_AndKeepsItsOrigin()
    {
        var h = new OrdersHarness();
        var id = h.NewId();
        var outcome = h.Orders.Restore(id, h.Yes(), 0, Side.Buy, OrdersHarness.P("0.40"), OrdersHarness.Q("100"), OrdersHarness.Q("30"),
            OrderState.PartiallyFilled, OrderOrigin.Operator, true, IntentTimeInForce.Gtc, 0, 1_000);

        Assert.Equal(OrderEventOutcome.Applied, outcome);
        Assert.True(h.Orders.TryGet(id, out var o));
        Assert.Equal(OrderState.PartiallyFilled, o.State);
        Assert.Equal(OrderOrigin.Operator, o.Origin);
        Assert.Equal(OrdersHarness.Q("70"), o.Remaining);
        Assert.Equal(OrdersHarness.Usd("28"), h.Reservations.TotalCollateral);
        Assert.Equal(1, h.Reservations.TotalOpenOrders);
    }

    [Fact]
    public void Restore_PendingStates_ComeBackUnknown_AndReconciliationSettlesThem()
    {
        var h = new OrdersHarness();
        var resting = h.NewId();
        var gone = h.NewId();
        Assert.Equal(OrderEventOutcome.Applied, h.Orders.Restore(resting, h.Yes(), 0, Side.Buy, OrdersHarness.P("0.30"), OrdersHarness.Q("10"),
            Quantity.Zero, OrderState.PendingNew, OrderOrigin.MakerQuote, true, IntentTimeInForce.Gtc, 0, 1_000));
        Assert.Equal(OrderEventOutcome.Applied, h.Orders.Restore(gone, h.Yes(), 0, Side.Buy, OrdersHarness.P("0.20"), OrdersHarness.Q("10"),
            Quantity.Zero, OrderState.PendingCancel, OrderOrigin.MakerQuote, true, IntentTimeInForce.Gtc, 0, 1_000));
        Assert.True(h.Orders.TryGet(resting, out var a));
        Assert.Equal(OrderState.Unknown, a.State);

        var differences = new List<ReconcileDifference>();
        h.Orders.Reconcile([new VenueOpenOrder(resting, h.Yes(), 0, Side.Buy, OrdersHarness.P("0.30"), OrdersHarness.Q("10"), Quantity.Zero)],
            5_000, false, differences);

        Assert.True(h.Orders.TryGet(resting, out a));
        Assert.Equal(OrderState.Live, a.State);
        Assert.True(h.Orders.TryGet(gone, out var b));
        Assert.Equal(OrderState.Cancelled, b.State);
        Assert.Equal(OrdersHarness.Usd("3"), h.Reservations.TotalCollateral);
    }

    [Theory]
    [InlineData(OrderState.Filled, "10", "0")]
    [InlineData(OrderState.Cancelled, "10", "0")]
    [InlineData(OrderState.Live, "10", "10")]
    [InlineData(OrderState.Live, "0", "0")]
    public void Restore_TerminalOrInvalid_IsRefused_AndReservesNothing(OrderState state, string size, string filled)
    {
        var h = new OrdersHarness();
        Assert.Equal(OrderEventOutcome.Invalid, h.Orders.Restore(h.NewId(), h.Yes(), 0, Side.Buy, OrdersHarness.P("0.30"), OrdersHarness.Q(size),
            OrdersHarness.Q(filled), state, OrderOrigin.MakerQuote, true, IntentTimeInForce.Gtc, 0, 1_000));
        Assert.Equal(0, h.Reservations.TotalCollateral);
        Assert.Equal(0, h.Reservations.TotalOpenOrders);
    }

    [Fact]
    public void Restore_SameIdTwice_IsADuplicate()
    {
        var h = new OrdersHarness();
        var id = h.NewId();
        Assert.Equal(OrderEventOutcome.Applied, h.Orders.Restore(id, h.Yes(), 0, Side.Sell, OrdersHarness.P("0.60"), OrdersHarness.Q("10"),
            Quantity.Zero, OrderState.Live, OrderOrigin.MakerQuote, true, IntentTimeInForce.Gtc, 0, 1_000));
        Assert.Equal(OrderEventOutcome.DuplicateOrderId, h.Orders.Restore(id, h.Yes(), 0, Side.Sell, OrdersHarness.P("0.60"), OrdersHarness.Q("10"),
            Quantity.Zero, OrderState.Live, OrderOrigin.MakerQuote, true, IntentTimeInForce.Gtc, 0, 1_000));
    }

    [Fact]
    public void RestoreFill_MakesTheSameTradeSeenAgain_ADuplicate_NotASecondFill()
    {
        var h = new OrdersHarness();
        var id = h.NewId();
        h.Orders.Restore(id, h.Yes(), 0, Side.Buy, OrdersHarness.P("0.40"), OrdersHarness.Q("100"), OrdersHarness.Q("30"),
            OrderState.PartiallyFilled, OrderOrigin.Operator, true, IntentTimeInForce.Gtc, 0, 1_000);
        Assert.Equal(OrderEventOutcome.Applied, h.Orders.RestoreFill(Trade, id, OrdersHarness.Q("30"), OrdersHarness.P("0.40"),
            TradeStatusCode.Mined, FillLiquidity.Maker, ClassificationSource.Origin, 900));
        Assert.Equal(1, h.Orders.FillsApplied);
        Assert.Equal(1, h.Orders.FillsRestored);

        Assert.Equal(OrderEventOutcome.Duplicate, h.Orders.RestoreFill(Trade, id, OrdersHarness.Q("30"), OrdersHarness.P("0.40"),
            TradeStatusCode.Mined, FillLiquidity.Maker, ClassificationSource.Origin, 900));
        Assert.Equal(OrderEventOutcome.UnknownOrder, h.Orders.RestoreFill(Trade, h.NewId(), OrdersHarness.Q("30"), OrdersHarness.P("0.40"),
            TradeStatusCode.Mined, FillLiquidity.Maker, ClassificationSource.Origin, 900));
        Assert.Equal(OrderEventOutcome.Invalid, h.Orders.RestoreFill(new Guid(8, 0, 0, new byte[8]), id, Quantity.Zero, OrdersHarness.P("0.40"),
            TradeStatusCode.Mined, FillLiquidity.Maker, ClassificationSource.Origin, 900));

        // Still 70 remaining: the restored fill agrees with the venue's matched size, it does not add to it.
        Assert.True(h.Orders.TryGet(id, out var o));
        Assert.Equal(OrdersHarness.Q("70"), o.Remaining);
        Assert.True(h.Orders.TryGetFill(Trade, id, out var fill));
        Assert.Equal(FillLiquidity.Maker, fill.Liquidity);
        Assert.Equal(0, h.Positions.Shares(h.Yes()));
    }

    [Fact]
    public void RestoreFill_LearntByStartupRecovery_IsRestored_SoItsLaterStatusesAreNotASecondFill()
    {
        // Start-up recovery stores the fills the last run missed with the source Reconciliation (the store's 100); the
        // host restores them with that value. Refusing it left the trade unknown: its MINED then counted it again.
        var h = new OrdersHarness();
        var id = h.NewId();
        h.Orders.Restore(id, h.Yes(), 0, Side.Buy, OrdersHarness.P("0.40"), OrdersHarness.Q("100"), OrdersHarness.Q("30"),
            OrderState.PartiallyFilled, OrderOrigin.MakerQuote, true, IntentTimeInForce.Gtc, 0, 1_000);
        h.Positions.SetShares(h.Yes(), OrdersHarness.Q("30"), Amount.Parse("12")); // from the venue's balance
        var source = (ClassificationSource)(byte)FastMaker.Engine.Store.StoredClassificationSource.Reconciliation;

        Assert.Equal(OrderEventOutcome.Applied, h.Orders.RestoreFill(Trade, id, OrdersHarness.Q("30"), OrdersHarness.P("0.40"),
            TradeStatusCode.Matched, FillLiquidity.Maker, source, 900));
        Assert.Equal(1, h.Orders.FillsBy(ClassificationSource.Reconciliation));
        Assert.Equal(0, h.Orders.FillsBy(ClassificationSource.Book));

        Assert.Equal(OrderEventOutcome.Applied, h.MakerFill(Trade, id, "30", TradeStatusCode.Mined));
        Assert.Equal(OrderEventOutcome.Applied, h.MakerFill(Trade, id, "30", TradeStatusCode.Confirmed));
        Assert.Equal(30_000_000, h.Positions.Shares(h.Yes()));
        Assert.Equal(1, h.Orders.FillsApplied);
        Assert.True(h.Orders.TryGetFill(Trade, id, out var fill));
        Assert.Equal(ClassificationSource.Reconciliation, fill.Source); // written back to the store unchanged

        // A source that is neither the classifier's nor the store's recovery value is still refused.
        Assert.Equal(OrderEventOutcome.Invalid, h.Orders.RestoreFill(new Guid(9, 0, 0, new byte[8]), id, OrdersHarness.Q("1"), OrdersHarness.P("0.40"),
            TradeStatusCode.Matched, FillLiquidity.Maker, (ClassificationSource)7, 900));
    }
}
