using FastMaker.Engine.Orders;
using FastMaker.Engine.Reconciliation;
using FastMaker.Engine.Store;
using FastMaker.Engine.Tests.Store;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Reconciliation;

public sealed class ReconcilerTests
{
    private const long Share = 1_000_000;
    private static readonly Hash32 MarketA = Hash32.Parse("0x" + new string('a', 64));
    private static readonly Hash32 MarketB = Hash32.Parse("0x" + new string('b', 64));
    private static readonly UInt256 TokenA = UInt256.Parse("111");
    private static readonly UInt256 TokenB = UInt256.Parse("222");
    private static readonly ReconciliationOptions Cancel = new();
    private static readonly ReconciliationOptions Adopt = new() { AdoptUnknownOrders = true };

    private static Hash32 Id(int n) => CrashStream.OrderId(n);

    private static StoredOrder Ours(int n, Side side, double price, long size, long filled = 0, StoredOrderState state = StoredOrderState.Live, Hash32? market = null, UInt256? token = null, long createdMs = 1_000) =>
        new(Id(n), token ?? TokenA, market ?? MarketA, side, Price.FromRaw((int)Math.Round(price * 1_000_000)), Quantity.FromRaw(size * Share),
            Quantity.FromRaw(filled * Share), Quantity.FromRaw(state.IsOpen() ? (size - filled) * Share : 0), state, OrderOrigin.MakerQuote, true,
            IntentTimeInForce.Gtc, 0, createdMs, createdMs, OrderStatusCode.Live, Hash32.Zero);

    private static VenueOrder AtVenue(StoredOrder o, long matched) =>
        new(o.OrderId, o.TokenId, o.MarketId, o.Side, o.Price, o.OriginalSize, Quantity.FromRaw(matched * Share));

    private static VenueTradeLeg Leg(int trade, int order, Side side, long size, TradeStatusCode status = TradeStatusCode.Confirmed, bool maker = true, UInt256? token = null) =>
        new(CrashStream.TradeId(trade), Id(order), token ?? TokenA, side, Price.FromRaw(500_000), Quantity.FromRaw(size * Share), status, maker, 5_000);

    private static StoredFill FillOf(VenueTradeLeg leg) =>
        new(leg.TradeId, leg.OrderId, leg.TokenId, leg.Side, leg.Price, leg.Size, Amount.Zero, leg.Status, StoredLiquidity.Maker, StoredClassificationSource.Origin, false, leg.MatchMs, leg.MatchMs);

    private static StoredPosition Position(UInt256 token, long shares) => new(token, shares * Share, 0, 0, 0, 0, 1, 1);

    private static ReconciliationResult Run(
        StoredOrder[] ours, VenueOrder[] venue, VenueTradeLeg[]? trades = null, ReconciliationOptions? options = null,
        StoredFill[]? fills = null, StoredPosition[]? positions = null, StoredReservation[]? reservations = null, long asOfMs = 10_000) =>
        Reconciler.Reconcile(ours, fills ?? [], positions ?? [], reservations ?? [], venue, trades ?? [], asOfMs, options ?? Cancel);

    private static StoredReservation Collateral(Hash32 market, long amount) => new(ReservationScope.MarketCollateral, market, UInt256.Zero, amount, 10_000);

    [Fact]
    public void UnknownVenueOrder_ByDefault_IsCancelledAndNotAdopted()
    {
        var stranger = AtVenue(Ours(9, Side.Buy, 0.40, 100), matched: 0);

        var result = Run([], [stranger]);

        var difference = Assert.Single(result.Differences);
        Assert.Equal(DiscrepancyKind.UnknownVenueOrderCancelled, difference.Kind);
        Assert.Equal(Id(9), difference.OrderId);
        var intent = Assert.Single(result.Intents);
        Assert.Equal(IntentKind.Cancel, intent.Kind);
        Assert.Equal(Id(9), intent.TargetOrderId);
        Assert.Empty(result.CorrectedOrders);
        Assert.Empty(result.Reservations);
    }

    [Fact]
    public void UnknownVenueOrder_WhenAdoptionConfigured_IsAdoptedAndReserved()
    {
        var stranger = AtVenue(Ours(9, Side.Buy, 0.40, 100), matched: 10);

        var result = Run([], [stranger], options: Adopt);

        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.UnknownVenueOrderAdopted && d.After == 90 * Share);
        Assert.Empty(result.Intents);
        var adopted = Assert.Single(result.CorrectedOrders);
        Assert.Equal(OrderOrigin.Adopted, adopted.Origin);
        Assert.Equal(StoredOrderState.PartiallyFilled, adopted.State);
        Assert.Equal(90 * Share, adopted.RemainingSize.Raw);
        var reservation = Assert.Single(result.Reservations);
        Assert.Equal(36 * Share, reservation.Amount); // 0.40 x 90 remaining
        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.ReservationDrift && d.Before == 0 && d.After == 36 * Share);
    }

    [Fact]
    public void OurLiveOrderMissing_FoundFilledInTrades_IsFilledNotDropped()
    {
        var order = Ours(1, Side.Buy, 0.50, 100);
        var legs = new[] { Leg(1, 1, Side.Buy, 60), Leg(2, 1, Side.Buy, 40, TradeStatusCode.Mined) };

        var result = Run([order], [], legs, fills: [FillOf(legs[0]), FillOf(legs[1])], positions: [Position(TokenA, 100)],
            reservations: [Collateral(MarketA, 50 * Share)]);

        var corrected = Assert.Single(result.CorrectedOrders);
        Assert.Equal(StoredOrderState.Filled, corrected.State);
        Assert.Equal(100 * Share, corrected.FilledSize.Raw);
        Assert.Equal(0, corrected.RemainingSize.Raw);
        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.MissingResolvedFilled && d.OrderId == Id(1) && d.Before == 0 && d.After == 100 * Share);
        // The reservation it held is released, as a difference and a zeroed row.
        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.ReservationDrift && d.Before == 50 * Share && d.After == 0);
        Assert.Equal(0, Assert.Single(result.Reservations).Amount);
        Assert.Empty(result.Intents);
    }

    [Fact]
    public void OurLiveOrderMissing_NoTrades_IsCancelledAndReservationReleased()
    {
        var order = Ours(1, Side.Sell, 0.50, 100);

        var result = Run([order], [], reservations: [new StoredReservation(ReservationScope.TokenShares, Hash32.Zero, TokenA, 100 * Share, 1)]);

        var corrected = Assert.Single(result.CorrectedOrders);
        Assert.Equal(StoredOrderState.Cancelled, corrected.State);
        Assert.Equal(0, corrected.FilledSize.Raw);
        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.MissingResolvedCancelled && d.OrderId == Id(1));
        var reservation = Assert.Single(result.Reservations);
        Assert.Equal(ReservationScope.TokenShares, reservation.Scope);
        Assert.Equal(0, reservation.Amount);
    }

    [Fact]
    public void OurLiveOrderMissing_PartlyTraded_IsCancelledKeepingTheTradedSize_FailedLegsIgnored()
    {
        var order = Ours(1, Side.Buy, 0.50, 100);
        var legs = new[] { Leg(1, 1, Side.Buy, 30), Leg(2, 1, Side.Buy, 70, TradeStatusCode.Failed) };

        var result = Run([order], [], legs, fills: [FillOf(legs[0]), FillOf(legs[1])], positions: [Position(TokenA, 30)]);

        var corrected = Assert.Single(result.CorrectedOrders);
        Assert.Equal(StoredOrderState.Cancelled, corrected.State);
        Assert.Equal(30 * Share, corrected.FilledSize.Raw);
        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.MissingResolvedCancelled && d.After == 30 * Share);
    }

    [Fact]
    public void OurOrderCreatedAfterTheSnapshot_IsNotJudgedMissing()
    {
        var young = Ours(1, Side.Buy, 0.50, 10, state: StoredOrderState.PendingNew, createdMs: 20_000);

        var result = Run([young], [], reservations: [Collateral(MarketA, 5 * Share)], asOfMs: 10_000);

        Assert.Empty(result.CorrectedOrders);
        Assert.True(result.IsClean, string.Join("; ", result.Differences));
        Assert.Equal(5 * Share, Assert.Single(result.Reservations).Amount);
    }

    [Fact]
    public void MissedPartialFill_SizeMismatch_TakesVenueMatchedAndShrinksReservation()
    {
        var order = Ours(1, Side.Buy, 0.50, 100);

        var result = Run([order], [AtVenue(order, matched: 30)], reservations: [Collateral(MarketA, 50 * Share)]);

        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.FilledSizeCorrected && d.Before == 0 && d.After == 30 * Share);
        var corrected = Assert.Single(result.CorrectedOrders);
        Assert.Equal(StoredOrderState.PartiallyFilled, corrected.State);
        Assert.Equal(30 * Share, corrected.FilledSize.Raw);
        Assert.Equal(70 * Share, corrected.RemainingSize.Raw);
        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.ReservationDrift && d.Before == 50 * Share && d.After == 35 * Share);
    }

    [Fact]
    public void ThreeLiveOrders_AfterRestartWithNoReservations_ReservationsRebuiltExactly()
    {
        var buyA = Ours(1, Side.Buy, 0.45, 100);
        var buyA2 = Ours(2, Side.Buy, 0.333333, 7, filled: 2, state: StoredOrderState.PartiallyFilled);
        var sellB = Ours(3, Side.Sell, 0.60, 50, market: MarketB, token: TokenB);

        var result = Run([buyA, buyA2, sellB], [AtVenue(buyA, 0), AtVenue(buyA2, 2), AtVenue(sellB, 0)]);

        Assert.Empty(result.CorrectedOrders);
        Assert.Empty(result.Intents);
        Assert.Equal(2, result.Reservations.Count);
        var collateral = Assert.Single(result.Reservations, r => r.Scope == ReservationScope.MarketCollateral);
        Assert.Equal(MarketA, collateral.MarketId);
        Assert.Equal(45 * Share + 1_666_665, collateral.Amount); // 0.45 x 100 + 0.333333 x 5 (already a whole micro-unit)
        var shares = Assert.Single(result.Reservations, r => r.Scope == ReservationScope.TokenShares);
        Assert.Equal(TokenB, shares.TokenId);
        Assert.Equal(50 * Share, shares.Amount);
        Assert.Equal(2, result.Differences.Count);
        Assert.All(result.Differences, d => Assert.Equal(DiscrepancyKind.ReservationDrift, d.Kind));

        // With the rebuilt reservations recorded, the same picture is clean.
        var again = Run([buyA, buyA2, sellB], [AtVenue(buyA, 0), AtVenue(buyA2, 2), AtVenue(sellB, 0)], reservations: result.Reservations.ToArray());
        Assert.True(again.IsClean, string.Join("; ", again.Differences));
    }

    [Fact]
    public void BuyReservation_RoundsUpToTheMicroUnit()
    {
        var order = Ours(1, Side.Buy, 0.333333, 1) with { OriginalSize = Quantity.FromRaw(3), RemainingSize = Quantity.FromRaw(3) };

        var result = Run([order], [AtVenue(order, 0)]);

        Assert.Equal(1, Assert.Single(result.Reservations).Amount); // 0.333333 x 0.000003 = 0.000000999999 -> 1 micro-unit
    }

    [Fact]
    public void TerminalOrderStillOpenAtVenue_IsCancelledNotResurrected()
    {
        var cancelled = Ours(1, Side.Buy, 0.50, 100, state: StoredOrderState.Cancelled);

        var result = Run([cancelled], [AtVenue(cancelled, 0)]);

        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.TerminalButOpenAtVenue);
        Assert.Equal(Id(1), Assert.Single(result.Intents).TargetOrderId);
        Assert.Empty(result.CorrectedOrders);
        Assert.Empty(result.Reservations);
    }

    [Theory]
    [InlineData(StoredOrderState.PendingNew)]
    [InlineData(StoredOrderState.Unknown)]
    public void PendingOrderFoundResting_BecomesLive(StoredOrderState state)
    {
        var order = Ours(1, Side.Buy, 0.50, 10, state: state);

        var result = Run([order], [AtVenue(order, 0)], reservations: [Collateral(MarketA, 5 * Share)]);

        var difference = Assert.Single(result.Differences);
        Assert.Equal(DiscrepancyKind.PendingResolvedLive, difference.Kind);
        Assert.Equal(StoredOrderState.Live, Assert.Single(result.CorrectedOrders).State);
    }

    [Fact]
    public void PendingCancelOrderStillResting_StaysPendingCancelAndKeepsItsReservation()
    {
        var order = Ours(1, Side.Buy, 0.50, 10, state: StoredOrderState.PendingCancel);

        var result = Run([order], [AtVenue(order, 0)], reservations: [Collateral(MarketA, 5 * Share)]);

        Assert.True(result.IsClean, string.Join("; ", result.Differences));
    }

    [Fact]
    public void VenueTradeWeHaveNoFillFor_AddsTheFill_AndStatusChangesAreTaken()
    {
        var known = Leg(1, 1, Side.Buy, 10, TradeStatusCode.Matched);
        var unknown = Leg(2, 1, Side.Buy, 5, maker: false);
        var nowFailed = known with { Status = TradeStatusCode.Failed };

        var result = Run([], [], [nowFailed, unknown], fills: [FillOf(known)], positions: [Position(TokenA, 5)]);

        var added = Assert.Single(result.CorrectedFills, f => f.TradeId == unknown.TradeId);
        Assert.Equal(StoredLiquidity.Taker, added.Liquidity);
        Assert.Equal(StoredClassificationSource.Reconciliation, added.ClassificationSource);
        var updated = Assert.Single(result.CorrectedFills, f => f.TradeId == known.TradeId);
        Assert.Equal(TradeStatusCode.Failed, updated.Status);
        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.FillMissing && d.After == 5 * Share);
        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.FillStatusCorrected && d.After == (long)TradeStatusCode.Failed);
    }

    [Fact]
    public void PositionDifferentFromTradeNet_IsCorrectedToTheNet()
    {
        var legs = new[] { Leg(1, 1, Side.Buy, 100), Leg(2, 2, Side.Sell, 30), Leg(3, 3, Side.Buy, 20, token: TokenB) };

        var result = Run([], [], legs, fills: legs.Select(FillOf).ToArray(), positions: [Position(TokenA, 100), Position(UInt256.Parse("333"), 4)]);

        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.PositionMismatch && d.TokenId == TokenA && d.Before == 100 * Share && d.After == 70 * Share);
        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.PositionMismatch && d.TokenId == TokenB && d.Before == 0 && d.After == 20 * Share);
        Assert.Contains(result.Differences, d => d.Kind == DiscrepancyKind.PositionMismatch && d.TokenId == UInt256.Parse("333") && d.After == 0);
        Assert.Equal(3, result.CorrectedPositions.Count);

        var off = Run([], [], legs, new ReconciliationOptions { ComparePositions = false }, fills: legs.Select(FillOf).ToArray(), positions: [Position(TokenA, 100)]);
        Assert.True(off.IsClean);
    }

    [Fact]
    public void SameInputsInAnyOrder_GiveTheSameResult()
    {
        var a = Ours(1, Side.Buy, 0.50, 100);
        var b = Ours(2, Side.Sell, 0.55, 40);
        var c = Ours(3, Side.Buy, 0.20, 10);
        var stranger = AtVenue(Ours(9, Side.Buy, 0.40, 100), 0);
        var legs = new[] { Leg(1, 3, Side.Buy, 10), Leg(2, 2, Side.Sell, 5) };

        var first = Run([a, b, c], [AtVenue(b, 5), stranger], legs);
        var second = Run([c, b, a], [stranger, AtVenue(b, 5)], [legs[1], legs[0]]);

        Assert.Equal(first.Differences, second.Differences);
        Assert.Equal(first.CorrectedOrders, second.CorrectedOrders);
        Assert.Equal(first.Reservations, second.Reservations);
        Assert.Equal(first.Intents.Select(i => i.TargetOrderId), second.Intents.Select(i => i.TargetOrderId));
    }
}
