using System.Runtime.CompilerServices;
using FastMaker.Engine.Positions;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Risk;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Orders;

/// <summary>
/// The order state machine: every order of ours from the gate's approval to a terminal state, its fills, and the
/// reservations and positions they move. Engine thread only; preallocated slots and Hash32-keyed lookups, so
/// steady-state processing (events, replies, fills) allocates nothing.
/// </summary>
/// <remarks>
/// Rules (each has a test):
/// <list type="bullet">
/// <item>An order exists only from the gate's approval (<see cref="TryOpen"/>); the id is the EIP-712 hash, known
/// before the post, so an event that arrives before the POST reply finds its order. An event for an id we do
/// not hold creates nothing (no phantom): it is counted, and reconciliation decides.</item>
/// <item>States only move forward. Terminal states (Filled, Cancelled, Rejected, Expired) never reopen; a venue
/// that disagrees is reported by reconciliation.</item>
/// <item>Filled size = max(venue-reported size_matched high-water, sum of our non-failed trade legs). A smaller
/// size_matched than one already applied is stale and ignored; an equal one is a duplicate.</item>
/// <item>A CANCELLATION before an UPDATE: the cancellation closes the order (releasing the rest); the late UPDATE
/// still raises the filled size (for the record) but reserves nothing. Fills always reach positions through
/// trades, whatever the order's state.</item>
/// <item>Trades: one fill per (trade id, our order id). MATCHED applies the fill; MINED and RETRYING are progress;
/// CONFIRMED settles pending credits; FAILED rolls the fill back exactly (positions, the order's filled size, and
/// so the reservation of an open order). A status ranked below the current one, or anything after CONFIRMED or
/// FAILED, is stale.</item>
/// <item>A reject reply applies only to an order still pending or unknown; a post that timed out becomes
/// Unknown with its reservation kept, and is never posted again.</item>
/// <item>A replace keeps the old order (PendingCancel) reserved until its cancel is confirmed or it fills; the
/// new order is reserved at its approval. Both can fill at the venue meanwhile, so both are held.</item>
/// </list>
/// </remarks>
public sealed class OrderTracker
{
    private readonly MarketRegistry _registry;
    private readonly Reservations _reservations;
    private readonly PositionBook _positions;
    private readonly TrackedOrder[] _orders;
    private readonly OrderState[] _stateBeforeCancel;
    private readonly Dictionary<Hash32, int> _index;
    private readonly int[] _free;
    private int _freeCount;
    private readonly int[] _retired;
    private int _retiredHead;
    private int _retiredCount;
    private readonly FillRecord[] _fills;
    private readonly bool[] _fillUsed;
    private readonly Dictionary<FillKey, int> _fillIndex;
    private int _fillCursor;
    private readonly long[] _fillsByLiquidity = new long[3];
    private readonly long[] _fillsBySource = new long[6]; // ClassificationSource, Reconciliation counted last (see SourceSlot)
    private TradeEvent _trade;
    private bool _inTrade;

    // Open orders per token: a list through the slots, in slot order (the order a full scan finds them in), kept on
    // open and close so a token's open orders are found without scanning every slot. Stored as slot + 1; 0 ends a list.
    private readonly int[] _openNext;
    private readonly int[] _openPrev;
    private int[] _openHead = new int[64];

    /// <summary>Creates a tracker with fixed capacities (all memory is allocated here).</summary>
    /// <param name="registry">Markets and tokens.</param>
    /// <param name="reservations">The reservation ledger this tracker keeps equal to its open orders.</param>
    /// <param name="positions">The positions fills are applied to.</param>
    /// <param name="orderCapacity">Order slots; terminal orders are kept (for late events) until their slot is needed. Default 4096.</param>
    /// <param name="fillCapacity">Fill records; the oldest is forgotten when full. Default 16384.</param>
    public OrderTracker(MarketRegistry registry, Reservations reservations, PositionBook positions, int orderCapacity = 4096, int fillCapacity = 16384)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(positions);
        if (orderCapacity < 1)
        {
            OrderThrowHelper.ThrowArgument(nameof(orderCapacity), "orderCapacity must be at least 1");
        }

        if (fillCapacity < 1)
        {
            OrderThrowHelper.ThrowArgument(nameof(fillCapacity), "fillCapacity must be at least 1");
        }

        _registry = registry;
        _reservations = reservations;
        _positions = positions;
        _orders = new TrackedOrder[orderCapacity];
        _stateBeforeCancel = new OrderState[orderCapacity];
        _index = new Dictionary<Hash32, int>(orderCapacity);
        _free = new int[orderCapacity];
        for (var i = 0; i < orderCapacity; i++)
        {
            _free[i] = orderCapacity - 1 - i;
        }

        _freeCount = orderCapacity;
        _retired = new int[orderCapacity];
        _openNext = new int[orderCapacity];
        _openPrev = new int[orderCapacity];
        _fills = new FillRecord[fillCapacity];
        _fillUsed = new bool[fillCapacity];
        _fillIndex = new Dictionary<FillKey, int>(fillCapacity);
    }

    /// <summary>Orders held (open and remembered terminal ones).</summary>
    public int Count => _index.Count;

    /// <summary>Order slots.</summary>
    public int Capacity => _orders.Length;

    /// <summary>Order events, replies and trade legs whose order id is not ours.</summary>
    public long UnknownOrderEvents { get; private set; }

    /// <summary>Trade legs of other users' orders (the taker of a trade we made, or other makers): normal, not applied.</summary>
    public long ForeignTradeLegs { get; private set; }

    /// <summary>Inputs ignored as duplicates.</summary>
    public long DuplicateEvents { get; private set; }

    /// <summary>Inputs ignored as stale (older than what is known).</summary>
    public long StaleEvents { get; private set; }

    /// <summary>Inputs that contradict the order (token, side, price): not applied.</summary>
    public long MismatchEvents { get; private set; }

    /// <summary>Venue rejections of our posts.</summary>
    public long PostRejects { get; private set; }

    /// <summary>Inputs that contradict the order's history (a reject after the order was seen live, FAILED after CONFIRMED).</summary>
    public long Anomalies { get; private set; }

    /// <summary>Fills applied (a rolled-back fill stays counted here).</summary>
    public long FillsApplied { get; private set; }

    /// <summary>Fills rolled back by a FAILED trade.</summary>
    public long FillsRolledBack { get; private set; }

    /// <summary>Fills restored from the store at start-up (included in <see cref="FillsApplied"/>).</summary>
    public long FillsRestored { get; private set; }

    /// <summary>Fill records forgotten while their trade was not yet CONFIRMED or FAILED (capacity too small).</summary>
    public long UnsettledFillsEvicted { get; private set; }

    /// <summary>Fills applied, by maker/taker classification.</summary>
    public long FillsBy(FillLiquidity liquidity) => _fillsByLiquidity[(int)liquidity];

    /// <summary>Fills applied, by the evidence that classified them.</summary>
    public long FillsBy(ClassificationSource source) => _fillsBySource[SourceSlot(source)];

    /// <summary>Finds an order's slot; false when the id is not held.</summary>
    public bool TryGetSlot(in Hash32 orderId, out int slot) => _index.TryGetValue(orderId, out slot);

    /// <summary>The order in a slot.</summary>
    public ref readonly TrackedOrder this[int slot] => ref _orders[slot];

    /// <summary>Finds an order by id.</summary>
    public bool TryGet(in Hash32 orderId, out TrackedOrder order)
    {
        if (_index.TryGetValue(orderId, out var slot))
        {
            order = _orders[slot];
            return true;
        }

        order = default;
        return false;
    }

    /// <summary>Finds a fill record.</summary>
    public bool TryGetFill(Guid tradeId, in Hash32 orderId, out FillRecord fill)
    {
        if (_fillIndex.TryGetValue(new FillKey(tradeId, orderId), out var i))
        {
            fill = _fills[i];
            return true;
        }

        fill = default;
        return false;
    }

    /// <summary>Copies the open orders' views into <paramref name="destination"/>; returns how many were written.</summary>
    public int CopyOpenOrders(Span<LiveOrderView> destination)
    {
        var n = 0;
        for (var i = 0; i < _orders.Length && n < destination.Length; i++)
        {
            if (_orders[i].State.IsOpen())
            {
                destination[n++] = _orders[i].View;
            }
        }

        return n;
    }

    /// <summary>
    /// Copies the open orders the quote stage manages (every origin but <see cref="OrderOrigin.Operator"/>: an
    /// operator's order is left alone by the differ) into <paramref name="destination"/>; returns how many.
    /// </summary>
    public int CopyOpenQuotes(Span<LiveOrderView> destination)
    {
        var n = 0;
        for (var i = 0; i < _orders.Length && n < destination.Length; i++)
        {
            if (_orders[i].State.IsOpen() && _orders[i].Origin != OrderOrigin.Operator)
            {
                destination[n++] = _orders[i].View;
            }
        }

        return n;
    }

    /// <summary>
    /// Copies the open orders of <paramref name="tokenIndex"/> the quote stage manages (as <see cref="CopyOpenQuotes(Span{LiveOrderView})"/>,
    /// in the same order) into <paramref name="destination"/>; returns how many. Costs the token's open orders, not the capacity.
    /// </summary>
    public int CopyOpenQuotes(int tokenIndex, Span<LiveOrderView> destination)
    {
        if ((uint)tokenIndex >= (uint)_openHead.Length)
        {
            return 0;
        }

        var n = 0;
        for (var next = _openHead[tokenIndex]; next != 0 && n < destination.Length; next = _openNext[next - 1])
        {
            ref readonly var o = ref _orders[next - 1];
            if (o.Origin != OrderOrigin.Operator)
            {
                destination[n++] = o.View;
            }
        }

        return n;
    }

    /// <summary>
    /// Opens an order approved by the gate (PendingNew) and reserves for it. For a replace, the caller marks the
    /// old order with <see cref="RequestCancel"/>; it keeps its reservation until its cancel is confirmed.
    /// </summary>
    /// <param name="intent">The approved Place or Replace intent.</param>
    /// <param name="orderId">The EIP-712 hash the order will be sent under.</param>
    /// <param name="crossedAtSubmit">1 when the price crosses the opposite best now, 0 when not, -1 when no trusted book.</param>
    /// <param name="nowMs">Engine clock.</param>
    public OrderEventOutcome TryOpen(in OrderIntent intent, in Hash32 orderId, sbyte crossedAtSubmit, long nowMs)
    {
        if (!IsValidOrder(intent.TokenIndex, intent.MarketIndex, intent.Price, intent.Size))
        {
            return OrderEventOutcome.Invalid;
        }

        var claimed = ClaimSlot(orderId, out var slot);
        if (claimed != OrderEventOutcome.Applied)
        {
            return claimed;
        }

        ref var o = ref _orders[slot];
        o = new TrackedOrder
        {
            Id = orderId,
            TokenIndex = intent.TokenIndex,
            MarketIndex = intent.MarketIndex,
            IsYes = _registry.IsYes(intent.TokenIndex),
            Side = intent.Side,
            Price = intent.Price,
            OriginalSize = intent.Size,
            State = OrderState.PendingNew,
            Origin = intent.Origin,
            PostOnly = intent.PostOnly,
            TimeInForce = intent.TimeInForce,
            CrossedAtSubmit = crossedAtSubmit,
            ExpirationSeconds = intent.ExpirationSeconds,
            CreatedMs = nowMs,
            UpdatedMs = nowMs,
            Replaces = intent.Kind == IntentKind.Replace ? intent.TargetOrderId : Hash32.Zero,
        };
        _index.Add(orderId, slot);
        LinkOpen(slot);
        _reservations.Move(ref o, o.Remaining);
        return OrderEventOutcome.Applied;
    }

    /// <summary>Refuses a known id, then takes a free slot (the caller fills it and indexes it).</summary>
    private OrderEventOutcome ClaimSlot(in Hash32 orderId, out int slot)
    {
        if (_index.ContainsKey(orderId))
        {
            slot = -1;
            return OrderEventOutcome.DuplicateOrderId;
        }

        return TryAllocate(out slot) ? OrderEventOutcome.Applied : OrderEventOutcome.NoCapacity;
    }

    /// <summary>A cancel for the order was approved and sent: PendingCancel, reservation kept until confirmed.</summary>
    public OrderEventOutcome RequestCancel(in Hash32 orderId, long nowMs)
    {
        if (!Find(orderId, out var slot))
        {
            return OrderEventOutcome.UnknownOrder;
        }

        ref var o = ref _orders[slot];
        if (!o.State.IsOpen())
        {
            return Stale();
        }

        if (o.State == OrderState.PendingCancel)
        {
            return Duplicate();
        }

        _stateBeforeCancel[slot] = o.State;
        o.State = OrderState.PendingCancel;
        o.UpdatedMs = nowMs;
        return OrderEventOutcome.Applied;
    }

    /// <summary>Applies a REST reply about one of our orders.</summary>
    public OrderEventOutcome OnReply(OrderReply reply, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply.Kind switch
        {
            OrderReplyKind.PostAccepted => OnPostAccepted(reply.OrderId, reply.Status, reply.MatchedShares, nowMs),
            OrderReplyKind.PostRejected => OnPostRejected(reply.OrderId, nowMs),
            OrderReplyKind.PostTimedOut => OnPostTimedOut(reply.OrderId, nowMs),
            OrderReplyKind.CancelConfirmed => OnCancelConfirmed(reply.OrderId, nowMs),
            OrderReplyKind.CancelRefused => OnCancelRefused(reply.OrderId, nowMs),
            _ => OrderEventOutcome.Invalid,
        };
    }

    /// <summary>
    /// The post was accepted. Live: resting. Matched: <paramref name="matchedShares"/> filled at placement (a FAK/FOK
    /// remainder is then cancelled). Delayed: still pending, cannot be cancelled yet. Unmatched: a FAK/FOK is gone,
    /// a GTC/GTD rests. An order that events already moved forward is not moved back.
    /// </summary>
    public OrderEventOutcome OnPostAccepted(in Hash32 orderId, PostStatus status, Quantity matchedShares, long nowMs)
    {
        if (!Find(orderId, out var slot))
        {
            return OrderEventOutcome.UnknownOrder;
        }

        ref var o = ref _orders[slot];
        if (o.State.IsTerminal())
        {
            return Stale();
        }

        var changed = RaiseVenueMatched(ref o, matchedShares);
        var immediate = o.TimeInForce is IntentTimeInForce.Fak or IntentTimeInForce.Fok;
        if (o.State is OrderState.PendingNew or OrderState.Unknown)
        {
            switch (status)
            {
                case PostStatus.Delayed:
                    changed |= !o.Delayed;
                    o.Delayed = true;
                    o.State = OrderState.PendingNew;
                    break;
                case PostStatus.Unmatched when immediate:
                case PostStatus.Matched when immediate:
                    SetTerminal(ref o, slot, o.Filled >= o.OriginalSize ? OrderState.Filled : OrderState.Cancelled);
                    changed = true;
                    break;
                default:
                    o.State = OrderState.Live;
                    o.Delayed = false;
                    changed = true;
                    break;
            }
        }
        else if (o.State == OrderState.PendingCancel && _stateBeforeCancel[slot] is OrderState.PendingNew or OrderState.Unknown)
        {
            // Accepted while our cancel is in flight: if the cancel is refused, the order is live, not pending.
            _stateBeforeCancel[slot] = OrderState.Live;
        }

        if (immediate && o.State.IsOpen() && o.State != OrderState.PendingCancel && o.State != OrderState.PendingNew)
        {
            // The rest of a FAK/FOK never rests, whatever events said first.
            SetTerminal(ref o, slot, o.Filled >= o.OriginalSize ? OrderState.Filled : OrderState.Cancelled);
            changed = true;
        }

        o.UpdatedMs = nowMs;
        Sync(ref o, slot);
        return changed ? OrderEventOutcome.Applied : Duplicate();
    }

    /// <summary>The venue refused the post. Applies only while the venue has not shown the order (pending, unknown, or cancelled by us before any answer).</summary>
    public OrderEventOutcome OnPostRejected(in Hash32 orderId, long nowMs)
    {
        if (!Find(orderId, out var slot))
        {
            return OrderEventOutcome.UnknownOrder;
        }

        ref var o = ref _orders[slot];
        var neverSeen = o.State is OrderState.PendingNew or OrderState.Unknown
            || (o.State == OrderState.PendingCancel && _stateBeforeCancel[slot] is OrderState.PendingNew or OrderState.Unknown);
        if (!neverSeen)
        {
            // Events already showed the order at the venue (or it is closed): the venue's events win.
            if (o.State != OrderState.Rejected)
            {
                Anomalies++;
            }

            return o.State == OrderState.Rejected ? Duplicate() : Stale();
        }

        PostRejects++;
        o.UpdatedMs = nowMs;
        SetTerminal(ref o, slot, OrderState.Rejected);
        return OrderEventOutcome.Applied;
    }

    /// <summary>The post timed out: the order becomes Unknown and keeps its reservation until events or a lookup resolve it.</summary>
    public OrderEventOutcome OnPostTimedOut(in Hash32 orderId, long nowMs)
    {
        if (!Find(orderId, out var slot))
        {
            return OrderEventOutcome.UnknownOrder;
        }

        ref var o = ref _orders[slot];
        if (o.State != OrderState.PendingNew)
        {
            return o.State == OrderState.Unknown ? Duplicate() : Stale();
        }

        o.State = OrderState.Unknown;
        o.UpdatedMs = nowMs;
        return OrderEventOutcome.Applied;
    }

    /// <summary>The venue confirmed the cancel: Cancelled, the remaining reservation released.</summary>
    public OrderEventOutcome OnCancelConfirmed(in Hash32 orderId, long nowMs)
    {
        if (!Find(orderId, out var slot))
        {
            return OrderEventOutcome.UnknownOrder;
        }

        ref var o = ref _orders[slot];
        if (!o.State.IsOpen())
        {
            return o.State == OrderState.Cancelled ? Duplicate() : Stale();
        }

        o.UpdatedMs = nowMs;
        SetTerminal(ref o, slot, OrderState.Cancelled);
        return OrderEventOutcome.Applied;
    }

    /// <summary>
    /// The venue refused the cancel ("already canceled or matched", or a delayed order): the order goes back to its
    /// state before the cancel, keeping its reservation, until events or reconciliation say what happened.
    /// </summary>
    public OrderEventOutcome OnCancelRefused(in Hash32 orderId, long nowMs)
    {
        if (!Find(orderId, out var slot))
        {
            return OrderEventOutcome.UnknownOrder;
        }

        ref var o = ref _orders[slot];
        if (o.State != OrderState.PendingCancel)
        {
            return Stale();
        }

        var before = _stateBeforeCancel[slot];
        o.State = before == OrderState.None ? OrderState.Live : before;
        o.UpdatedMs = nowMs;
        Sync(ref o, slot);
        return OrderEventOutcome.Applied;
    }

    /// <summary>Applies a user-channel <c>order</c> event (PLACEMENT, UPDATE, CANCELLATION).</summary>
    /// <param name="e">The parsed event.</param>
    /// <param name="tokenIndex">The event's token resolved by the engine, or -1.</param>
    /// <param name="nowMs">Engine clock.</param>
    public OrderEventOutcome OnOrderEvent(in OrderEvent e, int tokenIndex, long nowMs)
    {
        if (!Find(e.OrderId, out var slot))
        {
            return OrderEventOutcome.UnknownOrder;
        }

        ref var o = ref _orders[slot];
        if (tokenIndex != o.TokenIndex || e.Side != o.Side || (e.Price.Raw != 0 && e.Price != o.Price))
        {
            MismatchEvents++;
            return OrderEventOutcome.Mismatch;
        }

        var raised = RaiseVenueMatched(ref o, e.SizeMatched);
        var stale = !raised && e.SizeMatched < o.VenueMatched;
        var cancels = e.Type == OrderEventType.Cancellation || e.Status is OrderStatusCode.Canceled
            or OrderStatusCode.CanceledMarketResolved or OrderStatusCode.CanceledWithReason or OrderStatusCode.Invalid;
        var changed = raised;
        if (o.State.IsOpen())
        {
            if (cancels)
            {
                SetTerminal(ref o, slot, IsExpiry(in o, in e) ? OrderState.Expired : OrderState.Cancelled);
                changed = true;
            }
            else if (o.State is OrderState.PendingNew or OrderState.Unknown)
            {
                // PLACEMENT, or an UPDATE that arrives before the POST reply: the order is at the venue.
                o.State = OrderState.Live;
                o.Delayed = e.Status == OrderStatusCode.Delayed;
                changed = true;
            }
        }
        else if (cancels || !raised)
        {
            return o.State is OrderState.Cancelled or OrderState.Expired && cancels ? Duplicate() : Stale();
        }

        o.UpdatedMs = nowMs;
        Sync(ref o, slot);
        if (changed)
        {
            return OrderEventOutcome.Applied;
        }

        return stale ? Stale() : Duplicate();
    }

    /// <summary>Start of a user-channel <c>trade</c> event: applies our taker leg, if the taker order is ours.</summary>
    /// <param name="t">The trade header.</param>
    /// <param name="tokenIndex">The taker's token resolved by the engine, or -1.</param>
    /// <param name="nowMs">Engine clock.</param>
    public OrderEventOutcome OnTrade(in TradeEvent t, int tokenIndex, long nowMs)
    {
        _trade = t;
        _inTrade = true;
        if (!_index.TryGetValue(t.TakerOrderId, out var slot))
        {
            // Normal when we are a maker; an unknown order of ours only when the trade says we took.
            if (t.TraderSide == TraderSide.Taker)
            {
                UnknownOrderEvents++;
            }
            else
            {
                ForeignTradeLegs++;
            }

            return OrderEventOutcome.UnknownOrder;
        }

        return ApplyLeg(slot, TradeRole.Taker, tokenIndex, t.Side, t.Size, t.Price, nowMs);
    }

    /// <summary>One maker leg of the current trade: applied if the maker order is ours.</summary>
    public OrderEventOutcome OnTradeMakerOrder(in MakerOrderFill m, int tokenIndex, long nowMs)
    {
        if (!_inTrade)
        {
            MismatchEvents++;
            return OrderEventOutcome.Mismatch;
        }

        if (!_index.TryGetValue(m.OrderId, out var slot))
        {
            // Other users' orders share our trades.
            ForeignTradeLegs++;
            return OrderEventOutcome.UnknownOrder;
        }

        // Our side on a maker leg: stated on newer payloads, else derived (cross-outcome matches keep the taker's side).
        Side side;
        if (m.HasSide)
        {
            side = m.Side;
        }
        else
        {
            side = m.AssetId != _trade.AssetId ? _trade.Side : Opposite(_trade.Side);
        }

        return ApplyLeg(slot, TradeRole.Maker, tokenIndex, side, m.MatchedAmount, m.Price, nowMs);
    }

    /// <summary>End of the current trade event.</summary>
    public void OnTradeEnd() => _inTrade = false;

    /// <summary>
    /// Restores one of our open orders from the durable store at start-up, before the first reconciliation (cold path):
    /// it keeps its id, origin and filled size (as the venue's matched size, so trades seen again do not count twice on
    /// the order), and is reserved for its remaining size. A PendingNew or PendingCancel
    /// order comes back as <see cref="OrderState.Unknown"/> (its request's fate is not known) and reconciliation
    /// settles it: live if the venue lists it, cancelled if not. Fills are not restored (positions are).
    /// </summary>
    /// <returns>Applied; Invalid for a bad order or a terminal state; DuplicateOrderId; NoCapacity.</returns>
    public OrderEventOutcome Restore(in Hash32 orderId, int tokenIndex, int marketIndex, Side side, Price price, Quantity originalSize,
        Quantity filled, OrderState state, OrderOrigin origin, bool postOnly, IntentTimeInForce timeInForce, long expirationSeconds, long createdMs)
    {
        if (!state.IsOpen() || !IsValidOrder(tokenIndex, marketIndex, price, originalSize) || filled.Raw < 0 || filled >= originalSize)
        {
            return OrderEventOutcome.Invalid;
        }

        var claimed = ClaimSlot(orderId, out var slot);
        if (claimed != OrderEventOutcome.Applied)
        {
            return claimed;
        }

        ref var o = ref _orders[slot];
        o = new TrackedOrder
        {
            Id = orderId,
            TokenIndex = tokenIndex,
            MarketIndex = marketIndex,
            IsYes = _registry.IsYes(tokenIndex),
            Side = side,
            Price = price,
            OriginalSize = originalSize,
            VenueMatched = filled,
            State = state is OrderState.Live or OrderState.PartiallyFilled ? state : OrderState.Unknown,
            Origin = origin,
            PostOnly = postOnly,
            TimeInForce = timeInForce,
            ExpirationSeconds = expirationSeconds,
            CrossedAtSubmit = -1,
            CreatedMs = createdMs,
            UpdatedMs = createdMs,
        };
        _index.Add(orderId, slot);
        LinkOpen(slot);
        Sync(ref o, slot);
        return OrderEventOutcome.Applied;
    }

    /// <summary>
    /// Restores a stored fill of a restored order (start-up, after <see cref="Restore"/>), so that the same trade seen
    /// again on the user channel is a duplicate or a status step, never a second fill. The position already holds it
    /// (restored from the store), so the fill carries no position delta: a later CONFIRMED settles nothing and a FAILED
    /// rolls nothing back (the periodic reconciliation would report that position difference).
    /// </summary>
    /// <returns>Applied; UnknownOrder when the order was not restored; Duplicate when already known; Invalid for a bad fill.</returns>
    public OrderEventOutcome RestoreFill(Guid tradeId, in Hash32 orderId, Quantity size, Price price, TradeStatusCode status,
        FillLiquidity liquidity, ClassificationSource source, long matchMs)
    {
        if (!_index.TryGetValue(orderId, out var slot))
        {
            return OrderEventOutcome.UnknownOrder;
        }

        var key = new FillKey(tradeId, orderId);
        if (_fillIndex.ContainsKey(key))
        {
            return Duplicate();
        }

        if (size.Raw <= 0 || !price.IsStrictlyBetweenZeroAndOne || (uint)liquidity >= (uint)_fillsByLiquidity.Length
            || (uint)SourceSlot(source) >= (uint)_fillsBySource.Length)
        {
            return OrderEventOutcome.Invalid;
        }

        ref var o = ref _orders[slot];
        var fi = NextFillSlot();
        _fills[fi] = new FillRecord
        {
            TradeId = tradeId,
            OrderId = orderId,
            TokenIndex = o.TokenIndex,
            Side = o.Side,
            Size = size,
            Price = price,
            Status = status,
            Origin = o.Origin,
            MatchMs = matchMs,
            Liquidity = liquidity,
            Source = source,
        };
        _fillUsed[fi] = true;
        _fillIndex.Add(key, fi);
        if (status != TradeStatusCode.Failed)
        {
            // Counted like an applied fill: the run's totals cover every trade of the orders it tracks.
            FillsApplied++;
            FillsRestored++;
            _fillsByLiquidity[(int)liquidity]++;
            _fillsBySource[SourceSlot(source)]++;
            o.TradeMatched = Quantity.FromRaw(o.TradeMatched.Raw + size.Raw);
            Sync(ref o, slot);
        }

        return OrderEventOutcome.Applied;
    }

    /// <summary>
    /// Reconciles with the venue's open orders taken at <paramref name="asOfMs"/> (cold path): venue size_matched is
    /// taken as truth for open orders, pending or unknown orders found resting become live, our open orders created
    /// before the snapshot and missing from it are cancelled (their fills arrive as trades), unknown venue orders are
    /// adopted or reported, and reservations are rebuilt from the open orders. Every difference is reported.
    /// </summary>
    public int Reconcile(ReadOnlySpan<VenueOpenOrder> venueOrders, long asOfMs, bool adoptUnknown, List<ReconcileDifference> differences)
    {
        ArgumentNullException.ThrowIfNull(differences);
        var start = differences.Count;
        var seen = new bool[_orders.Length];
        foreach (ref readonly var v in venueOrders)
        {
            if (!_index.TryGetValue(v.Id, out var slot))
            {
                if (adoptUnknown && IsValidOrder(v.TokenIndex, v.MarketIndex, v.Price, v.OriginalSize) && TryAdopt(in v, asOfMs, out slot))
                {
                    seen[slot] = true;
                    differences.Add(new ReconcileDifference(ReconcileDifferenceKind.Adopted, v.Id, 0, v.OriginalSize.Raw));
                }
                else
                {
                    differences.Add(new ReconcileDifference(ReconcileDifferenceKind.UnknownAtVenue, v.Id, 0, v.OriginalSize.Raw));
                }

                continue;
            }

            seen[slot] = true;
            ref var o = ref _orders[slot];
            if (!o.State.IsOpen())
            {
                differences.Add(new ReconcileDifference(ReconcileDifferenceKind.TerminalButOpenAtVenue, v.Id, (long)o.State, 0));
                continue;
            }

            if (v.SizeMatched != o.VenueMatched)
            {
                differences.Add(new ReconcileDifference(ReconcileDifferenceKind.MatchedSizeCorrected, v.Id, o.VenueMatched.Raw, v.SizeMatched.Raw));
                o.VenueMatched = v.SizeMatched;
            }

            if (o.State is OrderState.PendingNew or OrderState.Unknown)
            {
                differences.Add(new ReconcileDifference(ReconcileDifferenceKind.StateResolved, v.Id, (long)o.State, (long)OrderState.Live));
                o.State = OrderState.Live;
            }

            o.UpdatedMs = asOfMs;
            Sync(ref o, slot);
        }

        for (var slot = 0; slot < _orders.Length; slot++)
        {
            ref var o = ref _orders[slot];
            if (seen[slot] || !o.State.IsOpen() || o.CreatedMs >= asOfMs)
            {
                continue;
            }

            differences.Add(new ReconcileDifference(ReconcileDifferenceKind.MissingAtVenue, o.Id, (long)o.State, (long)OrderState.Cancelled));
            o.UpdatedMs = asOfMs;
            SetTerminal(ref o, slot, OrderState.Cancelled);
        }

        var before = _reservations.TotalCollateral;
        RebuildReservations();
        if (_reservations.TotalCollateral != before)
        {
            differences.Add(new ReconcileDifference(ReconcileDifferenceKind.ReservationDrift, Hash32.Zero, before, _reservations.TotalCollateral));
        }

        return differences.Count - start;
    }

    /// <summary>Clears the reservation ledger and counts every open order again from scratch.</summary>
    public void RebuildReservations()
    {
        _reservations.Clear();
        for (var slot = 0; slot < _orders.Length; slot++)
        {
            ref var o = ref _orders[slot];
            o.AccountedRemaining = Quantity.Zero;
            if (o.State.IsOpen())
            {
                _reservations.Move(ref o, o.Remaining);
            }
        }
    }

    private OrderEventOutcome ApplyLeg(int slot, TradeRole role, int tokenIndex, Side side, Quantity size, Price price, long nowMs)
    {
        ref var o = ref _orders[slot];
        var status = _trade.Status;
        var key = new FillKey(_trade.TradeId, o.Id);
        if (_fillIndex.TryGetValue(key, out var fi))
        {
            return AdvanceFill(ref _fills[fi], ref o, slot, status);
        }

        if (tokenIndex != o.TokenIndex || side != o.Side || size.Raw <= 0 || !price.IsStrictlyBetweenZeroAndOne)
        {
            MismatchEvents++;
            return OrderEventOutcome.Mismatch;
        }

        fi = NextFillSlot();
        ref var f = ref _fills[fi];
        f = new FillRecord
        {
            TradeId = _trade.TradeId,
            OrderId = o.Id,
            TokenIndex = o.TokenIndex,
            Side = o.Side,
            Size = size,
            Price = price,
            Status = status,
            Role = role,
            Origin = o.Origin,
            MatchMs = _trade.MatchTimeMs != 0 ? _trade.MatchTimeMs : nowMs,
        };
        _fillUsed[fi] = true;
        _fillIndex.Add(key, fi);
        if (status == TradeStatusCode.Failed)
        {
            // First seen as FAILED: nothing was applied, so nothing to roll back.
            return OrderEventOutcome.Applied;
        }

        f.Liquidity = FillClassifier.Classify(o.PostOnly, o.Origin, role, _trade.TraderSide, o.CrossedAtSubmit, out f.Source);
        var fee = role == TradeRole.Taker ? TakerFee(o.MarketIndex, size, price) : Amount.Zero;
        f.Delta = _positions.Apply(o.TokenIndex, o.Side, size, price, fee);
        if (status == TradeStatusCode.Confirmed)
        {
            _positions.Settle(in f.Delta);
        }

        FillsApplied++;
        _fillsByLiquidity[(int)f.Liquidity]++;
        _fillsBySource[(int)f.Source]++;
        o.TradeMatched = Quantity.FromRaw(o.TradeMatched.Raw + size.Raw);
        o.UpdatedMs = nowMs;
        if (o.State is OrderState.PendingNew or OrderState.Unknown)
        {
            o.State = OrderState.Live;
        }

        Sync(ref o, slot);
        return OrderEventOutcome.Applied;
    }

    private OrderEventOutcome AdvanceFill(ref FillRecord f, ref TrackedOrder o, int slot, TradeStatusCode status)
    {
        if (status == f.Status)
        {
            return Duplicate();
        }

        if (f.Status is TradeStatusCode.Confirmed or TradeStatusCode.Failed)
        {
            if (status == TradeStatusCode.Failed || f.Status == TradeStatusCode.Failed)
            {
                Anomalies++;
            }

            return Stale();
        }

        if (status == TradeStatusCode.Failed)
        {
            _positions.Revert(in f.Delta);
            f.Status = TradeStatusCode.Failed;
            FillsRolledBack++;
            o.TradeMatched = Quantity.FromRaw(Math.Max(0, o.TradeMatched.Raw - f.Size.Raw));

            // The venue's size_matched included this trade (or will be corrected by reconciliation).
            o.VenueMatched = Quantity.FromRaw(Math.Max(o.TradeMatched.Raw, o.VenueMatched.Raw - f.Size.Raw));
            Sync(ref o, slot);
            return OrderEventOutcome.RolledBack;
        }

        if (Rank(status) < Rank(f.Status))
        {
            return Stale();
        }

        if (status == TradeStatusCode.Confirmed)
        {
            _positions.Settle(in f.Delta);
        }

        f.Status = status;
        return OrderEventOutcome.Applied;
    }

    // The counter of a source: the classifier's own in enum order, then the fills recovery learnt from the venue's trade list.
    private static int SourceSlot(ClassificationSource source) => source == ClassificationSource.Reconciliation ? 5 : (int)source;

    private static int Rank(TradeStatusCode status) => status switch
    {
        TradeStatusCode.Matched => 0,
        TradeStatusCode.MatchedNotBroadcasted => 1,
        TradeStatusCode.Mined or TradeStatusCode.Retrying => 2,
        _ => 3,
    };

    private Amount TakerFee(int marketIndex, Quantity size, Price price)
    {
        var market = _registry.Market(marketIndex);
        var bps = market.TakerFeeRateBps ?? _trade.FeeRateBps;
        if (bps <= 0)
        {
            return Amount.Zero;
        }

        // fee = shares x rate x (p(1-p))^exponent, rounded to 5 decimals (10 raw units), at least 0.00001.
        Int128 pq = (Int128)price.Raw * (Price.Scale - price.Raw);
        Int128 factor = pq;
        for (var i = 1; i < Math.Max(1, market.FeeExponent); i++)
        {
            factor = factor * pq / ((Int128)Price.Scale * Price.Scale);
        }

        Int128 scaled = (Int128)size.Raw * bps * factor / ((Int128)10_000 * Price.Scale * Price.Scale);
        var raw = (long)scaled;
        if (raw <= 0 && factor > 0)
        {
            return Amount.FromRaw(10);
        }

        return Amount.FromRaw(Math.Max(10, (raw + 5) / 10 * 10));
    }

    private bool TryAdopt(in VenueOpenOrder v, long nowMs, out int slot)
    {
        if (!TryAllocate(out slot))
        {
            return false;
        }

        ref var o = ref _orders[slot];
        o = new TrackedOrder
        {
            Id = v.Id,
            TokenIndex = v.TokenIndex,
            MarketIndex = v.MarketIndex,
            IsYes = _registry.IsYes(v.TokenIndex),
            Side = v.Side,
            Price = v.Price,
            OriginalSize = v.OriginalSize,
            VenueMatched = v.SizeMatched,
            State = OrderState.Live,
            Origin = OrderOrigin.Adopted,
            TimeInForce = IntentTimeInForce.Gtc,
            CrossedAtSubmit = -1,
            CreatedMs = nowMs,
            UpdatedMs = nowMs,
        };
        _index.Add(v.Id, slot);
        LinkOpen(slot);
        Sync(ref o, slot);
        return true;
    }

    private bool IsValidOrder(int tokenIndex, int marketIndex, Price price, Quantity size)
    {
        if ((uint)tokenIndex >= (uint)_registry.TokenCount || (uint)marketIndex >= (uint)_registry.MarketCount)
        {
            return false;
        }

        return _registry.MarketOfToken(tokenIndex).MarketIndex == marketIndex && size.Raw > 0 && price.IsStrictlyBetweenZeroAndOne;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Find(in Hash32 orderId, out int slot)
    {
        if (_index.TryGetValue(orderId, out slot))
        {
            return true;
        }

        UnknownOrderEvents++;
        return false;
    }

    private static bool RaiseVenueMatched(ref TrackedOrder o, Quantity matched)
    {
        if (matched <= o.VenueMatched)
        {
            return false;
        }

        o.VenueMatched = matched;
        return true;
    }

    private static bool IsExpiry(in TrackedOrder o, in OrderEvent e)
    {
        // The venue reports a GTD expiry as a cancellation; it expires orders one minute before the stated time.
        if (o.TimeInForce != IntentTimeInForce.Gtd || o.ExpirationSeconds <= 0 || e.TimestampMs <= 0)
        {
            return false;
        }

        return e.TimestampMs >= (o.ExpirationSeconds * 1000) - 60_000;
    }

    /// <summary>Moves an open order to Filled when nothing remains, and makes the reservations count its remaining size.</summary>
    private void Sync(ref TrackedOrder o, int slot)
    {
        if (o.State.IsOpen() && o.Filled >= o.OriginalSize)
        {
            SetTerminal(ref o, slot, OrderState.Filled);
            return;
        }

        if (o.State == OrderState.Live && o.Filled.Raw > 0)
        {
            o.State = OrderState.PartiallyFilled;
        }
        else if (o.State == OrderState.PartiallyFilled && o.Filled.Raw == 0)
        {
            o.State = OrderState.Live;
        }

        _reservations.Move(ref o, o.Remaining);
    }

    private void SetTerminal(ref TrackedOrder o, int slot, OrderState state)
    {
        var wasOpen = o.State.IsOpen();
        o.State = state;
        _reservations.Move(ref o, Quantity.Zero);
        if (wasOpen)
        {
            UnlinkOpen(slot);
            _retired[(_retiredHead + _retiredCount) % _retired.Length] = slot;
            _retiredCount++;
        }
    }

    // Every order is created open (TryOpen, Restore, TryAdopt) and closes only through SetTerminal: those are the only
    // places the per-token lists change.
    private void LinkOpen(int slot)
    {
        var token = _orders[slot].TokenIndex;
        if (token >= _openHead.Length)
        {
            // Cold: a token beyond every one seen so far.
            Array.Resize(ref _openHead, Math.Max(_openHead.Length * 2, token + 1));
        }

        // Insert in slot order: a token has few open orders, and readers then see what a scan of all slots would.
        var prev = 0;
        var next = _openHead[token];
        while (next != 0 && next - 1 < slot)
        {
            prev = next;
            next = _openNext[next - 1];
        }

        _openPrev[slot] = prev;
        _openNext[slot] = next;
        if (prev == 0)
        {
            _openHead[token] = slot + 1;
        }
        else
        {
            _openNext[prev - 1] = slot + 1;
        }

        if (next != 0)
        {
            _openPrev[next - 1] = slot + 1;
        }
    }

    private void UnlinkOpen(int slot)
    {
        var prev = _openPrev[slot];
        var next = _openNext[slot];
        if (prev == 0)
        {
            _openHead[_orders[slot].TokenIndex] = next;
        }
        else
        {
            _openNext[prev - 1] = next;
        }

        if (next != 0)
        {
            _openPrev[next - 1] = prev;
        }

        _openPrev[slot] = 0;
        _openNext[slot] = 0;
    }

    private bool TryAllocate(out int slot)
    {
        if (_freeCount > 0)
        {
            slot = _free[--_freeCount];
            return true;
        }

        // Forget the oldest terminal order; open orders are never evicted.
        while (_retiredCount > 0)
        {
            var candidate = _retired[_retiredHead];
            _retiredHead = (_retiredHead + 1) % _retired.Length;
            _retiredCount--;
            if (_orders[candidate].State.IsTerminal())
            {
                _index.Remove(_orders[candidate].Id);
                _orders[candidate] = default;
                slot = candidate;
                return true;
            }
        }

        slot = -1;
        return false;
    }

    private int NextFillSlot()
    {
        var i = _fillCursor;
        _fillCursor = (_fillCursor + 1) % _fills.Length;
        if (_fillUsed[i])
        {
            ref var old = ref _fills[i];
            if (old.Status is not (TradeStatusCode.Confirmed or TradeStatusCode.Failed))
            {
                UnsettledFillsEvicted++;
            }

            _fillIndex.Remove(new FillKey(old.TradeId, old.OrderId));
        }

        return i;
    }

    private static Side Opposite(Side side) => side == Side.Buy ? Side.Sell : Side.Buy;

    private OrderEventOutcome Duplicate()
    {
        DuplicateEvents++;
        return OrderEventOutcome.Duplicate;
    }

    private OrderEventOutcome Stale()
    {
        StaleEvents++;
        return OrderEventOutcome.Stale;
    }
}
