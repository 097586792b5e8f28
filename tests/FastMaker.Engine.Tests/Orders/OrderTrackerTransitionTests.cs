using FastMaker.Engine.Orders;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using static FastMaker.Engine.Tests.Orders.OrdersHarness;

namespace FastMaker.Engine.Tests.Orders;

/// <summary>Each transition of the order state machine, and the rule for each duplicate or out-of-order input.</summary>
public class OrderTrackerTransitionTests
{
    private readonly OrdersHarness _h = new();

    [Fact]
    public void Approval_OpensPendingNew_AndReservesPriceTimesSize()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");

        Assert.Equal(OrderState.PendingNew, _h.State(id));
        Assert.Equal(Usd("50"), _h.Reservations.TotalCollateral);
        Assert.Equal(Usd("50"), _h.Reservations.MarketCollateral(0));
        Assert.Equal(Usd("950"), _h.Risk.AvailableCollateral);
    }

    [Fact]
    public void SellApproval_ReservesTokens_NotCollateral()
    {
        _h.Positions.SetShares(_h.Yes(), Q("40"), Amount.FromRaw(Usd("16")));
        var id = _h.Submit(_h.Yes(), Side.Sell, "0.60", "30");

        Assert.Equal(OrderState.PendingNew, _h.State(id));
        Assert.Equal(0, _h.Reservations.TotalCollateral);
        Assert.Equal(Q("30").Raw, _h.Reservations.TokenShares(_h.Yes()));
        Assert.Equal(Q("10").Raw, _h.Risk.AvailableShares(_h.Yes()));
    }

    [Fact]
    public void SameOrderIdTwice_IsRefused_NeverOpenedTwice()
    {
        var intent = _h.Intent(_h.Yes(), Side.Buy, "0.50", "10");
        var id = _h.NewId();
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.TryOpen(in intent, in id, -1, 1_000));
        Assert.Equal(OrderEventOutcome.DuplicateOrderId, _h.Orders.TryOpen(in intent, in id, -1, 1_000));
        Assert.Equal(Usd("5"), _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void InvalidIntent_UnknownTokenOrZeroSize_IsNotOpened()
    {
        var intent = _h.Intent(_h.Yes(), Side.Buy, "0.50", "10");
        intent.TokenIndex = 99;
        Assert.Equal(OrderEventOutcome.Invalid, _h.Orders.TryOpen(in intent, _h.NewId(), -1, 1_000));
        intent = _h.Intent(_h.Yes(), Side.Buy, "0.50", "0");
        Assert.Equal(OrderEventOutcome.Invalid, _h.Orders.TryOpen(in intent, _h.NewId(), -1, 1_000));
        intent = _h.Intent(_h.Yes(), Side.Buy, "0.50", "10");
        intent.MarketIndex = 1;
        Assert.Equal(OrderEventOutcome.Invalid, _h.Orders.TryOpen(in intent, _h.NewId(), -1, 1_000));
        Assert.Equal(0, _h.Orders.Count);
    }

    [Fact]
    public void PostReplyLive_MakesLive_ThenPlacementEventIsDuplicate()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.OnPostAccepted(id, PostStatus.Live, Quantity.Zero, 2_000));
        Assert.Equal(OrderState.Live, _h.State(id));
        Assert.Equal(OrderEventOutcome.Duplicate, _h.Order(id, OrderEventType.Placement, "0"));
        Assert.Equal(OrderEventOutcome.Duplicate, _h.Orders.OnPostAccepted(id, PostStatus.Live, Quantity.Zero, 2_000));
        Assert.Equal(OrderState.Live, _h.State(id));
    }

    [Fact]
    public void PlacementEvent_BeforePostReply_FindsTheOrder_NoPhantom()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        Assert.Equal(OrderEventOutcome.Applied, _h.Order(id, OrderEventType.Placement, "0"));
        Assert.Equal(OrderState.Live, _h.State(id));

        // The late reply does not move it back or change anything.
        Assert.Equal(OrderEventOutcome.Duplicate, _h.Orders.OnPostAccepted(id, PostStatus.Live, Quantity.Zero, 4_000));
        Assert.Equal(OrderState.Live, _h.State(id));
        Assert.Equal(1, _h.Orders.Count);
        Assert.Equal(0, _h.Orders.UnknownOrderEvents);
    }

    [Fact]
    public void EventForUnknownOrderId_CreatesNothing_AndIsCounted()
    {
        var stranger = _h.NewId();
        var e = _h.OrderEv(stranger, OrderEventType.Placement, _h.Yes(), Side.Buy, "0.40", "10", "0");
        Assert.Equal(OrderEventOutcome.UnknownOrder, _h.Orders.OnOrderEvent(in e, _h.Yes(), 1_000));
        Assert.Equal(0, _h.Orders.Count);
        Assert.Equal(1, _h.Orders.UnknownOrderEvents);
        Assert.Equal(0, _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void EventContradictingTheOrder_IsNotApplied()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        var wrongSide = _h.OrderEv(id, OrderEventType.Update, _h.Yes(), Side.Sell, "0.50", "100", "40");
        Assert.Equal(OrderEventOutcome.Mismatch, _h.Orders.OnOrderEvent(in wrongSide, _h.Yes(), 2_000));
        var wrongToken = _h.OrderEv(id, OrderEventType.Update, _h.No(), Side.Buy, "0.50", "100", "40");
        Assert.Equal(OrderEventOutcome.Mismatch, _h.Orders.OnOrderEvent(in wrongToken, _h.No(), 2_000));
        Assert.Equal(Quantity.Zero, _h.Get(id).Filled);
        Assert.Equal(2, _h.Orders.MismatchEvents);
    }

    [Fact]
    public void Update_PartialFill_ReducesReservation_ThenFullFill_Releases()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Orders.OnPostAccepted(id, PostStatus.Live, Quantity.Zero, 2_000);

        Assert.Equal(OrderEventOutcome.Applied, _h.Order(id, OrderEventType.Update, "40", OrderStatusCode.Live));
        Assert.Equal(OrderState.PartiallyFilled, _h.State(id));
        Assert.Equal(Q("60"), _h.Get(id).Remaining);
        Assert.Equal(Usd("30"), _h.Reservations.TotalCollateral);

        Assert.Equal(OrderEventOutcome.Applied, _h.Order(id, OrderEventType.Update, "100", OrderStatusCode.Matched));
        Assert.Equal(OrderState.Filled, _h.State(id));
        Assert.Equal(0, _h.Reservations.TotalCollateral);
        Assert.Equal(0, _h.Reservations.TotalOpenOrders);
    }

    [Fact]
    public void StaleSizeMatched_SmallerThanApplied_IsIgnored()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Order(id, OrderEventType.Update, "60");
        Assert.Equal(OrderEventOutcome.Stale, _h.Order(id, OrderEventType.Update, "30"));
        Assert.Equal(Q("60"), _h.Get(id).Filled);
        Assert.Equal(Usd("20"), _h.Reservations.TotalCollateral);
        Assert.Equal(OrderEventOutcome.Duplicate, _h.Order(id, OrderEventType.Update, "60"));
        Assert.Equal(1, _h.Orders.StaleEvents);
    }

    [Fact]
    public void CancellationBeforeUpdate_Closes_ThenLateUpdateRaisesFilledButReservesNothing()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Order(id, OrderEventType.Placement, "0");

        // The venue matched 30 then cancelled the rest; the CANCELLATION (size_matched 30) overtakes the UPDATE.
        Assert.Equal(OrderEventOutcome.Applied, _h.Order(id, OrderEventType.Cancellation, "30", OrderStatusCode.Canceled));
        Assert.Equal(OrderState.Cancelled, _h.State(id));
        Assert.Equal(0, _h.Reservations.TotalCollateral);

        // The overtaken UPDATE is older than the terminal state: stale, nothing changes.
        Assert.Equal(OrderEventOutcome.Stale, _h.Order(id, OrderEventType.Update, "30"));
        Assert.Equal(OrderEventOutcome.Duplicate, _h.Order(id, OrderEventType.Cancellation, "30", OrderStatusCode.Canceled));
        Assert.Equal(OrderState.Cancelled, _h.State(id));
        Assert.Equal(0, _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void CancellationWithoutFillInfo_ThenUpdateWithMore_KeepsTerminal_RecordsFill()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Order(id, OrderEventType.Cancellation, "0", OrderStatusCode.Canceled);
        Assert.Equal(OrderEventOutcome.Applied, _h.Order(id, OrderEventType.Update, "20"));
        Assert.Equal(OrderState.Cancelled, _h.State(id));
        Assert.Equal(Q("20"), _h.Get(id).Filled);
        Assert.Equal(0, _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void VenueCancelStatuses_WithUpdateType_StillCloseTheOrder()
    {
        var a = _h.Submit(_h.Yes(), Side.Buy, "0.50", "10");
        var b = _h.Submit(_h.Yes(), Side.Buy, "0.40", "10");
        _h.Order(a, OrderEventType.Update, "0", OrderStatusCode.CanceledMarketResolved);
        _h.Order(b, OrderEventType.Update, "0", OrderStatusCode.Invalid);
        Assert.Equal(OrderState.Cancelled, _h.State(a));
        Assert.Equal(OrderState.Cancelled, _h.State(b));
        Assert.Equal(0, _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void GtdCancellationAtExpiry_IsExpired()
    {
        var intent = _h.Intent(_h.Yes(), Side.Buy, "0.50", "10", tif: IntentTimeInForce.Gtd);
        intent.ExpirationSeconds = 2_000;
        var id = _h.Submit(intent);

        // The venue expires GTD orders a minute before the stated time.
        Assert.Equal(OrderEventOutcome.Applied, _h.Order(id, OrderEventType.Cancellation, "0", OrderStatusCode.Canceled, nowMs: 1_940_000));
        Assert.Equal(OrderState.Expired, _h.State(id));
        Assert.Equal(0, _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void RejectReply_ReleasesReservation()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.OnPostRejected(id, 2_000));
        Assert.Equal(OrderState.Rejected, _h.State(id));
        Assert.Equal(0, _h.Reservations.TotalCollateral);
        Assert.Equal(1, _h.Orders.PostRejects);
        Assert.Equal(OrderEventOutcome.Duplicate, _h.Orders.OnPostRejected(id, 2_000));
    }

    [Fact]
    public void RejectReply_AfterEventsShowedTheOrderLive_IsIgnoredAsAnomaly()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Order(id, OrderEventType.Placement, "0");
        Assert.Equal(OrderEventOutcome.Stale, _h.Orders.OnPostRejected(id, 2_000));
        Assert.Equal(OrderState.Live, _h.State(id));
        Assert.Equal(Usd("50"), _h.Reservations.TotalCollateral);
        Assert.Equal(1, _h.Orders.Anomalies);
    }

    [Fact]
    public void RejectReply_AfterOurCancelRequest_BeforeAnyVenueAnswer_IsRejected()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Orders.RequestCancel(id, 1_500);
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.OnPostRejected(id, 2_000));
        Assert.Equal(OrderState.Rejected, _h.State(id));
        Assert.Equal(0, _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void PostTimeout_IsUnknown_KeepsReservation_ResolvedByLaterEvent()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.OnPostTimedOut(id, 2_000));
        Assert.Equal(OrderState.Unknown, _h.State(id));
        Assert.Equal(Usd("50"), _h.Reservations.TotalCollateral);

        Assert.Equal(OrderEventOutcome.Applied, _h.Order(id, OrderEventType.Placement, "0"));
        Assert.Equal(OrderState.Live, _h.State(id));
        Assert.Equal(OrderEventOutcome.Stale, _h.Orders.OnPostTimedOut(id, 4_000));
    }

    [Fact]
    public void PostTimeout_ThenReject_IsRejected()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Orders.OnPostTimedOut(id, 2_000);
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.OnPostRejected(id, 3_000));
        Assert.Equal(OrderState.Rejected, _h.State(id));
        Assert.Equal(0, _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void PostMatchedPartly_Gtc_RestsPartiallyFilled()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100", postOnly: false);
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.OnPostAccepted(id, PostStatus.Matched, Q("30"), 2_000));
        Assert.Equal(OrderState.PartiallyFilled, _h.State(id));
        Assert.Equal(Usd("35"), _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void PostMatchedPartly_Fak_CancelsTheRest()
    {
        var intent = _h.Intent(_h.Yes(), Side.Buy, "0.50", "100", postOnly: false, origin: OrderOrigin.TakerExit, tif: IntentTimeInForce.Fak);
        var id = _h.Submit(intent);
        _h.Orders.OnPostAccepted(id, PostStatus.Matched, Q("30"), 2_000);
        Assert.Equal(OrderState.Cancelled, _h.State(id));
        Assert.Equal(Q("30"), _h.Get(id).Filled);
        Assert.Equal(0, _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void PostUnmatched_Fok_IsGone_Gtc_Rests()
    {
        var fok = _h.Submit(_h.Intent(_h.Yes(), Side.Buy, "0.50", "10", postOnly: false, origin: OrderOrigin.TakerExit, tif: IntentTimeInForce.Fok));
        var gtc = _h.Submit(_h.Yes(), Side.Buy, "0.40", "10");
        _h.Orders.OnPostAccepted(fok, PostStatus.Unmatched, Quantity.Zero, 2_000);
        _h.Orders.OnPostAccepted(gtc, PostStatus.Unmatched, Quantity.Zero, 2_000);
        Assert.Equal(OrderState.Cancelled, _h.State(fok));
        Assert.Equal(OrderState.Live, _h.State(gtc));
        Assert.Equal(Usd("4"), _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void PostDelayed_StaysPending_Flagged()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "10", postOnly: false);
        _h.Orders.OnPostAccepted(id, PostStatus.Delayed, Quantity.Zero, 2_000);
        Assert.Equal(OrderState.PendingNew, _h.State(id));
        Assert.True(_h.Get(id).Delayed);
        Assert.Equal(Usd("5"), _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void Cancel_KeepsReservationUntilConfirmed_ThenReleases()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Order(id, OrderEventType.Placement, "0");
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.RequestCancel(id, 3_000));
        Assert.Equal(OrderState.PendingCancel, _h.State(id));
        Assert.Equal(Usd("50"), _h.Reservations.TotalCollateral);
        Assert.Equal(OrderEventOutcome.Duplicate, _h.Orders.RequestCancel(id, 3_000));

        // It can still fill while the cancel is in flight.
        _h.Order(id, OrderEventType.Update, "20");
        Assert.Equal(OrderState.PendingCancel, _h.State(id));
        Assert.Equal(Usd("40"), _h.Reservations.TotalCollateral);

        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.OnCancelConfirmed(id, 4_000));
        Assert.Equal(OrderState.Cancelled, _h.State(id));
        Assert.Equal(0, _h.Reservations.TotalCollateral);
        Assert.Equal(OrderEventOutcome.Duplicate, _h.Orders.OnCancelConfirmed(id, 4_000));
    }

    [Fact]
    public void CancelRefused_ReturnsToPreviousState_KeepsReservation()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "100");
        _h.Order(id, OrderEventType.Update, "10");
        _h.Orders.RequestCancel(id, 3_000);
        Assert.Equal(OrderEventOutcome.Applied, _h.Orders.OnCancelRefused(id, 4_000));
        Assert.Equal(OrderState.PartiallyFilled, _h.State(id));
        Assert.Equal(Usd("45"), _h.Reservations.TotalCollateral);
    }

    [Fact]
    public void CancelConfirmed_ForFilledOrder_IsStale()
    {
        var id = _h.Submit(_h.Yes(), Side.Buy, "0.50", "10");
        _h.Orders.RequestCancel(id, 3_000);
        _h.Order(id, OrderEventType.Update, "10", OrderStatusCode.Matched);
        Assert.Equal(OrderState.Filled, _h.State(id));
        Assert.Equal(OrderEventOutcome.Stale, _h.Orders.OnCancelConfirmed(id, 4_000));
        Assert.Equal(OrderState.Filled, _h.State(id));
    }

    [Fact]
    public void OrderReply_FromPostResponse_MapsStatusAndShares()
    {
        var id = _h.NewId();
        var live = OrderReply.FromPostResponse(new(true, "", id.ToString(), "live", "", "", null, null), id, Side.Buy);
        Assert.Equal(OrderReplyKind.PostAccepted, live.Kind);
        Assert.Equal(PostStatus.Live, live.Status);
        Assert.Equal(Quantity.Zero, live.MatchedShares);

        var buyMatched = OrderReply.FromPostResponse(new(true, "", id.ToString(), "matched", "5.2", "10", null, null), id, Side.Buy);
        Assert.Equal(Q("10"), buyMatched.MatchedShares);
        var sellMatched = OrderReply.FromPostResponse(new(true, "", id.ToString(), "matched", "10", "5.2", null, null), id, Side.Sell);
        Assert.Equal(Q("10"), sellMatched.MatchedShares);

        var rejected = OrderReply.FromPostResponse(new(false, "not enough balance / allowance", "", "", "", "", null, null), id, Side.Buy);
        Assert.Equal(OrderReplyKind.PostRejected, rejected.Kind);
        Assert.Equal("not enough balance / allowance", rejected.Error);

        var otherId = OrderReply.FromPostResponse(new(true, "", _h.NewId().ToString(), "live", "", "", null, null), id, Side.Buy);
        Assert.Equal(OrderReplyKind.PostRejected, otherId.Kind);
        Assert.Contains("not the computed order hash", otherId.Error);

        var weird = OrderReply.FromPostResponse(new(true, "", id.ToString(), "bogus", "", "", null, null), id, Side.Buy);
        Assert.Equal(OrderReplyKind.PostRejected, weird.Kind);
    }

    [Fact]
    public void TerminalSlots_AreReused_OpenOrdersNeverEvicted()
    {
        var h = new OrdersHarness(orderCapacity: 4);
        var open = new List<Hash32>();
        for (var i = 0; i < 3; i++)
        {
            open.Add(h.Submit(h.Yes(), Side.Buy, "0.10", "10"));
        }

        var done = h.Submit(h.Yes(), Side.Buy, "0.10", "10");
        h.Orders.OnPostRejected(done, 2_000);

        // Full: the fifth order takes the rejected order's slot.
        var fifth = h.Submit(h.Yes(), Side.Buy, "0.10", "10");
        Assert.False(h.Orders.TryGet(done, out _));
        Assert.Equal(OrderState.PendingNew, h.State(fifth));

        // Now every slot is open: nothing can be evicted.
        var intent = h.Intent(h.Yes(), Side.Buy, "0.10", "10");
        Assert.Equal(OrderEventOutcome.NoCapacity, h.Orders.TryOpen(in intent, h.NewId(), -1, 3_000));
        foreach (var id in open)
        {
            Assert.Equal(OrderState.PendingNew, h.State(id));
        }
    }
}
