using FastMaker.Engine.Orders;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using static FastMaker.Engine.Tests.Orders.OrdersHarness;

namespace FastMaker.Engine.Tests.Orders;

/// <summary>Trades through MATCHED, MINED, CONFIRMED, and RETRYING then FAILED rolled back.</summary>
public class TradeLifecycleTests
{
    private readonly OrdersHarness _h = new();

    [Fact]
    public void MakerFill_Matched_MovesPositionsAndReservation_PendingUntilConfirmed()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Order(id, OrderEventType.Placement, "0");

        Assert.Equal(OrderEventOutcome.Applied, _h.MakerFill(TradeId(1), id, "40", TradeStatusCode.Matched));
        Assert.Equal(OrderState.PartiallyFilled, _h.State(id));
        Assert.Equal(Q("40").Raw, _h.Positions.Shares(_h.Yes()));
        Assert.Equal(Q("40").Raw, _h.Positions.PendingShares(_h.Yes()));
        Assert.Equal(Usd("980"), _h.Positions.Collateral);
        Assert.Equal(Usd("30"), _h.Reservations.TotalCollateral);
        Assert.Equal(Usd("950"), _h.Risk.AvailableCollateral);

        Assert.Equal(OrderEventOutcome.Applied, _h.MakerFill(TradeId(1), id, "40", TradeStatusCode.Mined));
        Assert.Equal(OrderEventOutcome.Duplicate, _h.MakerFill(TradeId(1), id, "40", TradeStatusCode.Mined));
        Assert.Equal(OrderEventOutcome.Stale, _h.MakerFill(TradeId(1), id, "40", TradeStatusCode.Matched));
        Assert.Equal(OrderEventOutcome.Applied, _h.MakerFill(TradeId(1), id, "40", TradeStatusCode.Confirmed));
        Assert.Equal(0, _h.Positions.PendingShares(_h.Yes()));
        Assert.Equal(Q("40").Raw, _h.Positions.Shares(_h.Yes()));
        Assert.Equal(1, _h.Orders.FillsApplied);
    }

    [Fact]
    public void MatchedThenRetryingThenFailed_RollsBackPositionsAndRestoresReservation()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Order(id, OrderEventType.Placement, "0");
        _h.MakerFill(TradeId(1), id, "40", TradeStatusCode.Matched);
        _h.Order(id, OrderEventType.Update, "40");
        Assert.Equal(Usd("30"), _h.Reservations.TotalCollateral);

        Assert.Equal(OrderEventOutcome.Applied, _h.MakerFill(TradeId(1), id, "40", TradeStatusCode.Retrying));
        Assert.Equal(OrderEventOutcome.RolledBack, _h.MakerFill(TradeId(1), id, "40", TradeStatusCode.Failed));

        Assert.Equal(0, _h.Positions.Shares(_h.Yes()));
        Assert.Equal(0, _h.Positions.PendingShares(_h.Yes()));
        Assert.Equal(0, _h.Positions.TotalCostBasis);
        Assert.Equal(Usd("1000"), _h.Positions.Collateral);
        Assert.Equal(OrderState.Live, _h.State(id));
        Assert.Equal(Quantity.Zero, _h.Get(id).Filled);
        Assert.Equal(Usd("50"), _h.Reservations.TotalCollateral);
        Assert.Equal(1, _h.Orders.FillsRolledBack);

        // FAILED is terminal: a repeat is a duplicate, a late CONFIRMED is stale and changes nothing.
        Assert.Equal(OrderEventOutcome.Duplicate, _h.MakerFill(TradeId(1), id, "40", TradeStatusCode.Failed));
        Assert.Equal(OrderEventOutcome.Stale, _h.MakerFill(TradeId(1), id, "40", TradeStatusCode.Confirmed));
        Assert.Equal(0, _h.Positions.Shares(_h.Yes()));
    }

    [Fact]
    public void FailedSale_RestoresSharesCostAndPnl_Exactly()
    {
        var buy = _h.Submit(_h.Yes(), Side.Buy, "0.40", "100");
        _h.MakerFill(TradeId(1), buy, "100", TradeStatusCode.Confirmed);
        var sell = _h.Submit(_h.Yes(), Side.Sell, "0.70", "30");
        _h.MakerFill(TradeId(2), sell, "30", TradeStatusCode.Matched);
        Assert.Equal(Usd("9"), _h.Positions.RealizedPnl);
        Assert.Equal(Q("70").Raw, _h.Positions.Shares(_h.Yes()));

        _h.MakerFill(TradeId(2), sell, "30", TradeStatusCode.Failed);

        Assert.Equal(0, _h.Positions.RealizedPnl);
        Assert.Equal(Q("100").Raw, _h.Positions.Shares(_h.Yes()));
        Assert.Equal(Usd("40"), _h.Positions.CostBasis(_h.Yes()));
        Assert.Equal(Usd("960"), _h.Positions.Collateral);
        Assert.Equal(0, _h.Positions.PendingCollateral);

        // Terminal states never reopen: the order stays Filled (its trade failed, so nothing is filled) and reserves
        // nothing; if the venue put it back on the book, reconciliation reports it.
        Assert.Equal(OrderState.Filled, _h.State(sell));
        Assert.Equal(Quantity.Zero, _h.Get(sell).Filled);
        Assert.Equal(0, _h.Reservations.TokenShares(_h.Yes()));
    }

    [Fact]
    public void FirstSeenAsFailed_AppliesNothing()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        Assert.Equal(OrderEventOutcome.Applied, _h.MakerFill(TradeId(7), id, "40", TradeStatusCode.Failed));
        Assert.Equal(0, _h.Positions.Shares(_h.Yes()));
        Assert.Equal(Usd("50"), _h.Reservations.TotalCollateral);
        Assert.Equal(0, _h.Orders.FillsApplied);
    }

    [Fact]
    public void TradeBeforePostReply_FillsPendingOrder_ReplyDoesNotUndo()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.MakerFill(TradeId(1), id, "100", TradeStatusCode.Matched);
        Assert.Equal(OrderState.Filled, _h.State(id));
        Assert.Equal(OrderEventOutcome.Stale, _h.Orders.OnPostAccepted(id, PostStatus.Live, Quantity.Zero, 9_000));
        Assert.Equal(OrderState.Filled, _h.State(id));
        Assert.Equal(0, _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void TradeAndOrderUpdate_ForSameMatch_CountTheFillOnce()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Order(id, OrderEventType.Update, "40");
        _h.MakerFill(TradeId(1), id, "40", TradeStatusCode.Matched);
        Assert.Equal(Q("40"), _h.Get(id).Filled);
        Assert.Equal(Usd("30"), _h.Reservations.TotalCollateral);
        Assert.Equal(Q("40").Raw, _h.Positions.Shares(_h.Yes()));
    }

    [Fact]
    public void FillOnCancelledOrder_StillReachesPositions()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Orders.RequestCancel(id, 2_000);
        _h.Orders.OnCancelConfirmed(id, 3_000);
        Assert.Equal(OrderEventOutcome.Applied, _h.MakerFill(TradeId(1), id, "20", TradeStatusCode.Matched));
        Assert.Equal(Q("20").Raw, _h.Positions.Shares(_h.Yes()));
        Assert.Equal(OrderState.Cancelled, _h.State(id));
        Assert.Equal(0, _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void TakerFill_PaysFee_OnMarketRate()
    {
        _h.Registry.Market(0).TakerFeeRateBps = 700;
        var id = _h.Submit(_h.Intent(_h.Yes(), Side.Buy, "0.50", "100", postOnly: false, origin: OrderOrigin.TakerExit));
        _h.TakerFill(TradeId(1), id, "100", "0.50", TradeStatusCode.Matched);

        // 100 x 0.07 x 0.5 x 0.5 = 1.75
        Assert.Equal(Usd("1.75"), _h.Positions.FeesPaid);
        Assert.Equal(Usd("1000") - Usd("50") - Usd("1.75"), _h.Positions.Collateral);
        Assert.Equal(-Usd("1.75"), _h.Positions.NetRealizedPnl);
    }

    [Fact]
    public void OneTrade_TwoOfOurMakerOrders_BothFilled_ForeignLegIgnored()
    {
        var a = _h.Submit(_h.Yes(), Side.Buy, "0.50", "10");
        var b = _h.Submit(_h.Yes(), Side.Buy, "0.50", "20");
        var header = _h.TradeHeader(TradeId(3), _h.NewId(), _h.Yes(), Side.Sell, "35", "0.50", TradeStatusCode.Matched, TraderSide.Maker, 3);
        Assert.Equal(OrderEventOutcome.UnknownOrder, _h.Orders.OnTrade(in header, _h.Yes(), 5_000));
        var legA = _h.MakerLeg(a, _h.Yes(), "10", "0.50", Side.Buy, 0);
        var foreign = _h.MakerLeg(_h.NewId(), _h.Yes(), "5", "0.50", Side.Buy, 1);
        var legB = _h.MakerLeg(b, _h.Yes(), "20", "0.50", Side.Buy, 2);
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.OnTradeMakerOrder(in legA, _h.Yes(), 5_000));
        Assert.Equal(OrderEventOutcome.UnknownOrder, _h.Orders.OnTradeMakerOrder(in foreign, _h.Yes(), 5_000));
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.OnTradeMakerOrder(in legB, _h.Yes(), 5_000));
        _h.Orders.OnTradeEnd();

        Assert.Equal(Q("30").Raw, _h.Positions.Shares(_h.Yes()));
        Assert.Equal(OrderState.Filled, _h.State(a));
        Assert.Equal(OrderState.Filled, _h.State(b));
        Assert.True(_h.Orders.TryGetFill(TradeId(3), a, out var fa));
        Assert.True(_h.Orders.TryGetFill(TradeId(3), b, out var fb));
        Assert.Equal(Q("10"), fa.Size);
        Assert.Equal(Q("20"), fb.Size);
    }

    [Fact]
    public void MakerLegWithoutSide_CrossOutcome_KeepsTakerSide_SameOutcome_Opposite()
    {
        // Taker BUYs NO at 0.49 against our BUY YES at 0.51 (a mint): the maker leg's asset differs, side = taker's.
        var ours = _h.Submit(_h.Yes(), Side.Buy, "0.51", "5");
        var header = _h.TradeHeader(TradeId(1), _h.NewId(), _h.No(), Side.Buy, "5", "0.49", TradeStatusCode.Matched, TraderSide.Maker, 1);
        _h.Orders.OnTrade(in header, _h.No(), 5_000);
        var leg = _h.MakerLeg(ours, _h.Yes(), "5", "0.51");
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.OnTradeMakerOrder(in leg, _h.Yes(), 5_000));
        _h.Orders.OnTradeEnd();
        Assert.Equal(Q("5").Raw, _h.Positions.Shares(_h.Yes()));

        // Same outcome: taker SELLs YES into our BUY YES: side = opposite of the taker's.
        var ours2 = _h.Submit(_h.Yes(), Side.Buy, "0.50", "5");
        header = _h.TradeHeader(TradeId(2), _h.NewId(), _h.Yes(), Side.Sell, "5", "0.50", TradeStatusCode.Matched, TraderSide.Maker, 1);
        _h.Orders.OnTrade(in header, _h.Yes(), 5_000);
        leg = _h.MakerLeg(ours2, _h.Yes(), "5", "0.50");
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.OnTradeMakerOrder(in leg, _h.Yes(), 5_000));
        _h.Orders.OnTradeEnd();
        Assert.Equal(Q("10").Raw, _h.Positions.Shares(_h.Yes()));

        // A derived side that contradicts our order is not applied.
        var ours3 = _h.Submit(_h.Yes(), Side.Buy, "0.50", "5");
        header = _h.TradeHeader(TradeId(3), _h.NewId(), _h.Yes(), Side.Buy, "5", "0.50", TradeStatusCode.Matched, TraderSide.Maker, 1);
        _h.Orders.OnTrade(in header, _h.Yes(), 5_000);
        leg = _h.MakerLeg(ours3, _h.Yes(), "5", "0.50");
        Assert.Equal(OrderEventOutcome.Mismatch, _h.Orders.OnTradeMakerOrder(in leg, _h.Yes(), 5_000));
        _h.Orders.OnTradeEnd();
        Assert.Equal(Q("10").Raw, _h.Positions.Shares(_h.Yes()));
    }

    [Fact]
    public void MakerLegOutsideATrade_IsMismatch()
    {
        var ours = _h.Submit(_h.Yes(), Side.Buy, "0.50", "5");
        var leg = _h.MakerLeg(ours, _h.Yes(), "5", "0.50", Side.Buy);
        Assert.Equal(OrderEventOutcome.Mismatch, _h.Orders.OnTradeMakerOrder(in leg, _h.Yes(), 5_000));
        Assert.Equal(0, _h.Positions.Shares(_h.Yes()));
    }

    [Fact]
    public void FailedAfterConfirmed_IsAnAnomaly_NotApplied()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "10");
        _h.MakerFill(TradeId(1), id, "10", TradeStatusCode.Confirmed);
        Assert.Equal(OrderEventOutcome.Stale, _h.MakerFill(TradeId(1), id, "10", TradeStatusCode.Failed));
        Assert.Equal(Q("10").Raw, _h.Positions.Shares(_h.Yes()));
        Assert.Equal(1, _h.Orders.Anomalies);
    }
}
