using FastMaker.Engine.Orders;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Store;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Reconciliation;

/// <summary>
/// Reconciliation as a pure function: our records and the venue's (open orders, trades) in, differences, corrected
/// records and corrective intents out. No clock, no network, no state: the same inputs give the same result, so it
/// is tested without a venue and replays deterministically on the engine thread. Cold path.
/// </summary>
public static class Reconciler
{
    /// <summary>Compares our orders, fills, positions and reservations with the venue's open orders and trades.</summary>
    /// <param name="ourOrders">Our orders (open and terminal).</param>
    /// <param name="ourFills">Our fills.</param>
    /// <param name="ourPositions">Our positions.</param>
    /// <param name="ourReservations">Our reservations as recorded.</param>
    /// <param name="venueOrders">The venue's open orders.</param>
    /// <param name="venueTrades">The venue's trade legs of our orders.</param>
    /// <param name="asOfMs">When the venue lists were requested (engine clock): our orders created later are not judged missing.</param>
    /// <param name="options">Adopt or cancel unknown orders; compare positions.</param>
    /// <param name="registry">Resolves dense indexes for the intents; without it they are -1 (a cancel needs only the id).</param>
    public static ReconciliationResult Reconcile(
        IReadOnlyList<StoredOrder> ourOrders,
        IReadOnlyList<StoredFill> ourFills,
        IReadOnlyList<StoredPosition> ourPositions,
        IReadOnlyList<StoredReservation> ourReservations,
        IReadOnlyList<VenueOrder> venueOrders,
        IReadOnlyList<VenueTradeLeg> venueTrades,
        long asOfMs,
        ReconciliationOptions options,
        MarketRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(ourOrders);
        ArgumentNullException.ThrowIfNull(ourFills);
        ArgumentNullException.ThrowIfNull(ourPositions);
        ArgumentNullException.ThrowIfNull(ourReservations);
        ArgumentNullException.ThrowIfNull(venueOrders);
        ArgumentNullException.ThrowIfNull(venueTrades);
        ArgumentNullException.ThrowIfNull(options);

        var result = new ReconciliationResult();
        var venueById = new Dictionary<Hash32, VenueOrder>(venueOrders.Count);
        foreach (var v in venueOrders)
        {
            venueById[v.Id] = v;
        }

        var tradedByOrder = new Dictionary<Hash32, long>();
        foreach (var leg in venueTrades)
        {
            if (leg.Status != TradeStatusCode.Failed)
            {
                tradedByOrder[leg.OrderId] = tradedByOrder.GetValueOrDefault(leg.OrderId) + leg.Size.Raw;
            }
        }

        // Final view of every order after corrections, for the reservation rebuild.
        var finalOrders = new Dictionary<Hash32, StoredOrder>(ourOrders.Count + venueOrders.Count);
        foreach (var ours in Sorted(ourOrders))
        {
            var corrected = venueById.TryGetValue(ours.OrderId, out var venue)
                ? ReconcilePresent(ours, venue, asOfMs, result, registry)
                : ReconcileMissing(ours, tradedByOrder.GetValueOrDefault(ours.OrderId), asOfMs, result);
            finalOrders[ours.OrderId] = corrected;
            if (corrected != ours)
            {
                result.CorrectedOrders.Add(corrected);
            }
        }

        var unknown = new List<VenueOrder>();
        foreach (var v in venueOrders)
        {
            if (!finalOrders.ContainsKey(v.Id))
            {
                unknown.Add(v);
            }
        }

        unknown.Sort(static (a, b) => CompareHash(a.Id, b.Id));
        foreach (var v in unknown)
        {
            var remaining = Math.Max(0, v.OriginalSize.Raw - v.SizeMatched.Raw);
            if (options.AdoptUnknownOrders)
            {
                var adopted = new StoredOrder(
                    v.Id, v.TokenId, v.MarketId, v.Side, v.Price, v.OriginalSize, v.SizeMatched, Quantity.FromRaw(remaining),
                    v.SizeMatched.Raw > 0 ? StoredOrderState.PartiallyFilled : StoredOrderState.Live, OrderOrigin.Adopted,
                    PostOnly: false, IntentTimeInForce.Gtc, 0, asOfMs, asOfMs, OrderStatusCode.Live, Hash32.Zero);
                finalOrders[v.Id] = adopted;
                result.CorrectedOrders.Add(adopted);
                result.Differences.Add(new Discrepancy(DiscrepancyKind.UnknownVenueOrderAdopted, v.Id, v.TokenId, v.MarketId, 0, remaining));
            }
            else
            {
                result.Differences.Add(new Discrepancy(DiscrepancyKind.UnknownVenueOrderCancelled, v.Id, v.TokenId, v.MarketId, 0, remaining));
                result.Intents.Add(Cancel(v.Id, v.TokenId, v.MarketId, asOfMs, registry));
            }
        }

        ReconcileFills(ourFills, venueTrades, result);
        if (options.ComparePositions)
        {
            ReconcilePositions(ourPositions, venueTrades, asOfMs, result);
        }

        RebuildReservations(finalOrders, ourReservations, asOfMs, result);
        return result;
    }

    /// <summary>The reservations open orders hold: price x remaining (rounded up) per market for BUYs, remaining shares per token for SELLs.</summary>
    public static List<StoredReservation> ReservationsOf(IEnumerable<StoredOrder> orders, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var collateral = new SortedDictionary<Hash32, long>(HashComparer.Instance);
        var shares = new SortedDictionary<UInt256, long>();
        foreach (var o in orders)
        {
            if (!o.State.IsOpen() || o.RemainingSize.Raw <= 0)
            {
                continue;
            }

            if (o.Side == Side.Buy)
            {
                collateral[o.MarketId] = collateral.GetValueOrDefault(o.MarketId) + Notional.Multiply(o.Price, o.RemainingSize, Rounding.Up).Raw;
            }
            else
            {
                shares[o.TokenId] = shares.GetValueOrDefault(o.TokenId) + o.RemainingSize.Raw;
            }
        }

        var list = new List<StoredReservation>(collateral.Count + shares.Count);
        foreach (var (market, amount) in collateral)
        {
            list.Add(new StoredReservation(ReservationScope.MarketCollateral, market, UInt256.Zero, amount, nowMs));
        }

        foreach (var (token, amount) in shares)
        {
            list.Add(new StoredReservation(ReservationScope.TokenShares, Hash32.Zero, token, amount, nowMs));
        }

        return list;
    }

    private static StoredOrder ReconcilePresent(StoredOrder ours, VenueOrder venue, long asOfMs, ReconciliationResult result, MarketRegistry? registry)
    {
        if (!ours.State.IsOpen())
        {
            result.Differences.Add(new Discrepancy(DiscrepancyKind.TerminalButOpenAtVenue, ours.OrderId, ours.TokenId, ours.MarketId, (long)ours.State, (long)StoredOrderState.Live));
            result.Intents.Add(Cancel(ours.OrderId, ours.TokenId, ours.MarketId, asOfMs, registry));
            return ours;
        }

        if (venue.Side != ours.Side || venue.Price != ours.Price || venue.TokenId != ours.TokenId)
        {
            result.Differences.Add(new Discrepancy(DiscrepancyKind.OrderDetailsMismatch, ours.OrderId, ours.TokenId, ours.MarketId, ours.Price.Raw, venue.Price.Raw));
        }

        var corrected = ours;
        if (venue.OriginalSize != ours.OriginalSize)
        {
            result.Differences.Add(new Discrepancy(DiscrepancyKind.OriginalSizeCorrected, ours.OrderId, ours.TokenId, ours.MarketId, ours.OriginalSize.Raw, venue.OriginalSize.Raw));
            corrected = corrected with { OriginalSize = venue.OriginalSize };
        }

        if (venue.SizeMatched != ours.FilledSize)
        {
            result.Differences.Add(new Discrepancy(DiscrepancyKind.FilledSizeCorrected, ours.OrderId, ours.TokenId, ours.MarketId, ours.FilledSize.Raw, venue.SizeMatched.Raw));
            corrected = corrected with { FilledSize = venue.SizeMatched };
        }

        var state = corrected.State;
        if (state is StoredOrderState.PendingNew or StoredOrderState.Unknown)
        {
            var live = corrected.FilledSize.Raw > 0 ? StoredOrderState.PartiallyFilled : StoredOrderState.Live;
            result.Differences.Add(new Discrepancy(DiscrepancyKind.PendingResolvedLive, ours.OrderId, ours.TokenId, ours.MarketId, (long)state, (long)live));
            state = live;
        }
        else if (state is StoredOrderState.Live or StoredOrderState.PartiallyFilled)
        {
            state = corrected.FilledSize.Raw > 0 ? StoredOrderState.PartiallyFilled : StoredOrderState.Live;
        }

        var remaining = Quantity.FromRaw(Math.Max(0, corrected.OriginalSize.Raw - corrected.FilledSize.Raw));
        corrected = corrected with { State = state, RemainingSize = remaining };
        return corrected == ours ? ours : corrected with { UpdatedMs = Math.Max(ours.UpdatedMs, asOfMs) };
    }

    private static StoredOrder ReconcileMissing(StoredOrder ours, long traded, long asOfMs, ReconciliationResult result)
    {
        // Terminal orders are not expected at the venue; orders younger than the snapshot may not be listed yet.
        if (!ours.State.IsOpen() || ours.CreatedMs > asOfMs)
        {
            return ours;
        }

        // Never lower a fill we hold: the venue's trade list is the floor we raise ours to, not a reason to drop fills.
        var filled = Math.Min(ours.OriginalSize.Raw, Math.Max(ours.FilledSize.Raw, traded));
        var isFilled = filled >= ours.OriginalSize.Raw;
        var kind = isFilled ? DiscrepancyKind.MissingResolvedFilled : DiscrepancyKind.MissingResolvedCancelled;
        result.Differences.Add(new Discrepancy(kind, ours.OrderId, ours.TokenId, ours.MarketId, ours.FilledSize.Raw, filled));
        return ours with
        {
            FilledSize = Quantity.FromRaw(filled),
            RemainingSize = Quantity.Zero,
            State = isFilled ? StoredOrderState.Filled : StoredOrderState.Cancelled,
            UpdatedMs = Math.Max(ours.UpdatedMs, asOfMs),
        };
    }

    private static void ReconcileFills(IReadOnlyList<StoredFill> ourFills, IReadOnlyList<VenueTradeLeg> venueTrades, ReconciliationResult result)
    {
        var ours = new Dictionary<(Guid, Hash32), StoredFill>(ourFills.Count);
        foreach (var f in ourFills)
        {
            ours[(f.TradeId, f.OrderId)] = f;
        }

        var legs = new List<VenueTradeLeg>(venueTrades);
        legs.Sort(static (a, b) => a.TradeId != b.TradeId ? a.TradeId.CompareTo(b.TradeId) : CompareHash(a.OrderId, b.OrderId));
        foreach (var leg in legs)
        {
            if (!ours.TryGetValue((leg.TradeId, leg.OrderId), out var fill))
            {
                var added = new StoredFill(
                    leg.TradeId, leg.OrderId, leg.TokenId, leg.Side, leg.Price, leg.Size, Amount.Zero, leg.Status,
                    leg.IsMaker ? StoredLiquidity.Maker : StoredLiquidity.Taker, StoredClassificationSource.Reconciliation,
                    Simulated: false, leg.MatchMs, leg.MatchMs);
                result.CorrectedFills.Add(added);
                result.Differences.Add(new Discrepancy(DiscrepancyKind.FillMissing, leg.OrderId, leg.TokenId, Hash32.Zero, 0, leg.Size.Raw));
            }
            else if (fill.Status != leg.Status)
            {
                result.CorrectedFills.Add(fill with { Status = leg.Status });
                result.Differences.Add(new Discrepancy(DiscrepancyKind.FillStatusCorrected, leg.OrderId, leg.TokenId, Hash32.Zero, (long)fill.Status, (long)leg.Status));
            }
        }
    }

    private static void ReconcilePositions(IReadOnlyList<StoredPosition> ourPositions, IReadOnlyList<VenueTradeLeg> venueTrades, long asOfMs, ReconciliationResult result)
    {
        var net = new SortedDictionary<UInt256, long>();
        foreach (var leg in venueTrades)
        {
            if (leg.Status != TradeStatusCode.Failed)
            {
                net[leg.TokenId] = net.GetValueOrDefault(leg.TokenId) + (leg.Side == Side.Buy ? leg.Size.Raw : -leg.Size.Raw);
            }
        }

        var ours = new Dictionary<UInt256, StoredPosition>(ourPositions.Count);
        foreach (var p in ourPositions)
        {
            ours[p.TokenId] = p;
            if (!net.ContainsKey(p.TokenId))
            {
                net[p.TokenId] = 0;
            }
        }

        foreach (var (token, shares) in net)
        {
            var has = ours.TryGetValue(token, out var position);
            var held = has ? position.Shares : 0;
            if (held == shares)
            {
                continue;
            }

            result.Differences.Add(new Discrepancy(DiscrepancyKind.PositionMismatch, Hash32.Zero, token, Hash32.Zero, held, shares));
            result.CorrectedPositions.Add(has
                ? position with { Shares = shares, UpdatedMs = Math.Max(position.UpdatedMs, asOfMs) }
                : new StoredPosition(token, shares, 0, 0, 0, 0, 0, asOfMs));
        }
    }

    private static void RebuildReservations(Dictionary<Hash32, StoredOrder> finalOrders, IReadOnlyList<StoredReservation> ourReservations, long asOfMs, ReconciliationResult result)
    {
        var rebuilt = ReservationsOf(Sorted(finalOrders.Values), asOfMs);
        var rebuiltByKey = new Dictionary<(ReservationScope, Hash32, UInt256), long>(rebuilt.Count);
        foreach (var r in rebuilt)
        {
            rebuiltByKey[(r.Scope, r.MarketId, r.TokenId)] = r.Amount;
        }

        var recorded = new Dictionary<(ReservationScope, Hash32, UInt256), long>(ourReservations.Count);
        foreach (var r in ourReservations)
        {
            recorded[(r.Scope, r.MarketId, r.TokenId)] = r.Amount;
        }

        foreach (var r in rebuilt)
        {
            var before = recorded.GetValueOrDefault((r.Scope, r.MarketId, r.TokenId));
            if (before != r.Amount)
            {
                result.Differences.Add(new Discrepancy(DiscrepancyKind.ReservationDrift, Hash32.Zero, r.TokenId, r.MarketId, before, r.Amount));
            }
        }

        result.Reservations.AddRange(rebuilt);

        // Rows that no open order backs any more are zeroed, never left behind.
        var stale = new List<StoredReservation>();
        foreach (var r in ourReservations)
        {
            if (r.Amount != 0 && !rebuiltByKey.ContainsKey((r.Scope, r.MarketId, r.TokenId)))
            {
                stale.Add(r);
            }
        }

        stale.Sort(static (a, b) => a.Scope != b.Scope ? a.Scope.CompareTo(b.Scope)
            : a.MarketId != b.MarketId ? CompareHash(a.MarketId, b.MarketId) : a.TokenId.CompareTo(b.TokenId));
        foreach (var r in stale)
        {
            result.Differences.Add(new Discrepancy(DiscrepancyKind.ReservationDrift, Hash32.Zero, r.TokenId, r.MarketId, r.Amount, 0));
            result.Reservations.Add(r with { Amount = 0, UpdatedMs = asOfMs });
        }
    }

    private static OrderIntent Cancel(Hash32 orderId, UInt256 tokenId, Hash32 marketId, long nowMs, MarketRegistry? registry) => new()
    {
        Kind = IntentKind.Cancel,
        Origin = OrderOrigin.Operator,
        TargetOrderId = orderId,
        TokenIndex = registry?.TokenIndexOf(tokenId) ?? -1,
        MarketIndex = registry?.MarketIndexOf(marketId) ?? -1,
        CreatedMs = nowMs,
    };

    private static List<StoredOrder> Sorted(IEnumerable<StoredOrder> orders)
    {
        var list = new List<StoredOrder>(orders);
        list.Sort(static (a, b) => CompareHash(a.OrderId, b.OrderId));
        return list;
    }

    private static int CompareHash(Hash32 a, Hash32 b)
    {
        Span<byte> x = stackalloc byte[32];
        Span<byte> y = stackalloc byte[32];
        a.CopyTo(x);
        b.CopyTo(y);
        return x.SequenceCompareTo(y);
    }

    private sealed class HashComparer : IComparer<Hash32>
    {
        public static readonly HashComparer Instance = new();

        public int Compare(Hash32 x, Hash32 y) => CompareHash(x, y);
    }
}
