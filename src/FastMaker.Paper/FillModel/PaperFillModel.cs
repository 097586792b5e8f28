using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Primitives;

namespace FastMaker.Paper.FillModel;

/// <summary>
/// The paper fill model: a simulated venue for our orders that never mutates the recorded market and never fills
/// more than actually traded. It reads the market channel (book snapshots, price changes, last-trade prints of both
/// tokens, on one unified YES book per market) and our commands (place, cancel) with their engine times, and reports
/// accepts, rejects, fills and cancels to an <see cref="IPaperEventSink"/>. Deterministic: the same seed and inputs
/// give the same events. Engine thread only; allocation-free per market event in steady state.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Latency: an order goes live at send time + <see cref="PaperFillParameters.PostLatency"/>; a cancel takes
/// effect at send time + <see cref="PaperFillParameters.CancelLatency"/>. Fills in between count. Timers due at or
/// before a market event's time run before it; ties run in the order they were scheduled.</item>
/// <item>Post-only orders are checked when they go live: one that would cross is rejected and counted. A crossing
/// order without post-only takes the displayed opposite levels up to its limit (taker, fee charged), each displayed
/// share once until the level changes; a FOK that cannot fill in full is refused, a FAK's rest is cancelled.</item>
/// <item>Queue: see <see cref="PaperFillParameters"/> for the exact rule. A print fills our orders on the side it hits,
/// at its price or better (a trade-through), best price first and then in arrival order; each order's queue ahead is
/// consumed first, and one print's volume is used once across all our orders.</item>
/// <item>Our orders have no market impact: the recorded book and flow are not changed by them.</item>
/// </list>
/// </remarks>
public sealed class PaperFillModel
{
    private const int NoMarket = -1;
    private const int ByOrder = -2;

    private readonly MarketRegistry _registry;
    private readonly IPaperEventSink _sink;
    private readonly PaperFillParameters _p;
    private readonly PaperOrder[] _orders;
    private readonly Dictionary<Hash32, int> _index;
    private readonly int[] _free;
    private int _freeCount;
    private readonly int[] _scratch;
    private UnifiedLevels?[] _markets = new UnifiedLevels?[8];
    private PendingCancel[] _cancels;
    private int _cancelCount;
    private SplitMix64 _random;
    private long _sequence;
    private long _tradeCounter;
    private long _nextDueMs = long.MaxValue;
    private int _inFlight;
    private int _snapshotMarket = NoMarket;
    private bool _snapshotYes;

    /// <summary>Creates a model over the engine's registry (tokens, markets, fee parameters).</summary>
    public PaperFillModel(MarketRegistry registry, PaperFillParameters parameters, IPaperEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(sink);
        parameters.Validate();
        _registry = registry;
        _p = parameters;
        _sink = sink;
        int n = parameters.OrderCapacity;
        _orders = new PaperOrder[n];
        _index = new Dictionary<Hash32, int>(n);
        _free = new int[n];
        for (int i = 0; i < n; i++) _free[i] = n - 1 - i;
        _freeCount = n;
        _scratch = new int[n];
        _cancels = new PendingCancel[Math.Max(16, n)];
        _random = new SplitMix64(parameters.Seed);
    }

    /// <summary>The parameters every event carries.</summary>
    public PaperFillParameters Parameters => _p;

    /// <summary>The earliest pending go-live or cancel, or <see cref="long.MaxValue"/>.</summary>
    public long NextDueMs => _nextDueMs;

    /// <summary>Post-only orders rejected because they would have crossed when they went live.</summary>
    public long PostOnlyRejects { get; private set; }

    /// <summary>Simulated fills reported.</summary>
    public long Fills { get; private set; }

    /// <summary>Raw shares filled in total.</summary>
    public long FilledShares { get; private set; }

    /// <summary>Market events whose token the registry does not know (ignored).</summary>
    public long UnknownTokenEvents { get; private set; }

    /// <summary>Market events with a price off the 0.0001 grid or outside (0, 1) (ignored).</summary>
    public long InvalidPriceEvents { get; private set; }

    /// <summary>Orders held (in flight or live).</summary>
    public int OpenOrders => _index.Count;

    /// <summary>Reads an order's simulated state; false when the order is not held (finished or unknown).</summary>
    public bool TryGetOrder(in Hash32 orderId, out PaperOrder order)
    {
        if (_index.TryGetValue(orderId, out int slot))
        {
            order = _orders[slot];
            return true;
        }

        order = default;
        return false;
    }

    /// <summary>Displayed size of the unified book at a YES price (for tests and diagnostics).</summary>
    public Quantity DisplayedYes(int marketIndex, bool bid, Price yesPrice)
    {
        var m = (uint)marketIndex < (uint)_markets.Length ? _markets[marketIndex] : null;
        if (m is null || !TryLevel(yesPrice.Raw, out int level)) return Quantity.Zero;
        return Quantity.FromRaw(m.Size[UnifiedLevels.Index(bid, level)]);
    }

    /// <summary>Sends an order: it goes live after a drawn post latency (or is refused then).</summary>
    public void Place(in PaperOrderRequest request)
    {
        long liveAt = request.SentMs + _p.PostLatency.Draw(ref _random);
        bool valid = (uint)request.TokenIndex < (uint)_registry.TokenCount
            && (uint)request.MarketIndex < (uint)_registry.MarketCount
            && _registry.MarketOfToken(request.TokenIndex).MarketIndex == request.MarketIndex
            && request.Size.Raw > 0 && TryLevel(request.Price.Raw, out _);
        if (!valid || _index.ContainsKey(request.OrderId) || _freeCount == 0)
        {
            var reason = !valid ? PaperRejectReason.InvalidOrder
                : _index.ContainsKey(request.OrderId) ? PaperRejectReason.DuplicateOrderId : PaperRejectReason.NoCapacity;
            var e = Event(PaperEventKind.Rejected, request.OrderId, request.MarketIndex, request.TokenIndex, request.Side, request.Price,
                request.Size.Raw, 0, liveAt);
            e.Reject = reason;
            e.TimeInForce = request.TimeInForce;
            _sink.OnPaperEvent(in e);
            return;
        }

        int slot = _free[--_freeCount];
        bool yes = _registry.IsYes(request.TokenIndex);
        TryLevel(request.Price.Raw, out int tokenLevel);
        _orders[slot] = new PaperOrder
        {
            Id = request.OrderId,
            MarketIndex = request.MarketIndex,
            TokenIndex = request.TokenIndex,
            IsYes = yes,
            Side = request.Side,
            Price = request.Price,
            IsBid = yes == (request.Side == Side.Buy),
            Level = yes ? tokenLevel : UnifiedLevels.Levels - 1 - tokenLevel,
            Size = request.Size.Raw,
            PostOnly = request.PostOnly,
            TimeInForce = request.TimeInForce,
            State = PaperOrderState.InFlight,
            LiveAtMs = liveAt,
            Sequence = ++_sequence,
        };
        _index.Add(request.OrderId, slot);
        _inFlight++;
        Market(request.MarketIndex).AddOrder(slot);
        if (liveAt < _nextDueMs) _nextDueMs = liveAt;
    }

    /// <summary>Sends a cancel of one order: it takes effect after a drawn cancel latency.</summary>
    public void Cancel(in Hash32 orderId, long sentMs) => ScheduleCancel(orderId, ByOrder, sentMs);

    /// <summary>Sends a cancel of every order of a market (<paramref name="marketIndex"/> &gt;= 0) or of all markets (-1).</summary>
    public void CancelMarket(int marketIndex, long sentMs) => ScheduleCancel(Hash32.Zero, Math.Max(-1, marketIndex), sentMs);

    /// <summary>Runs every go-live and cancel due at or before <paramref name="nowMs"/>, in time order.</summary>
    public void AdvanceTo(long nowMs)
    {
        while (_nextDueMs <= nowMs)
        {
            RunNextTimer();
        }
    }

    /// <summary>
    /// Applies one market-channel event (book snapshot parts, price change, last-trade print); other kinds are
    /// ignored. Run <see cref="AdvanceTo"/> with the event's time first.
    /// </summary>
    public void OnMarketEvent(in InboundEvent e)
    {
        switch (e.Kind)
        {
            case InboundKind.BookBegin:
                BeginSnapshot(in e);
                break;
            case InboundKind.BookLevel:
                if (_snapshotMarket != NoMarket) SnapshotLevel(in e);
                break;
            case InboundKind.BookEnd:
                if (_snapshotMarket != NoMarket) EndSnapshot(e.ReceiveMs);
                break;
            case InboundKind.PriceChange:
                OnPriceChange(in e);
                break;
            case InboundKind.LastTradePrice:
                OnLastTrade(in e);
                break;
        }
    }

    private void BeginSnapshot(in InboundEvent e)
    {
        int token = _registry.TokenIndexOf(e.Payload.Book.AssetId);
        if (token < 0)
        {
            UnknownTokenEvents++;
            _snapshotMarket = NoMarket;
            return;
        }

        _snapshotMarket = _registry.MarketOfToken(token).MarketIndex;
        _snapshotYes = _registry.IsYes(token);
        Market(_snapshotMarket).Generation++;
    }

    private void SnapshotLevel(in InboundEvent e)
    {
        ref readonly var l = ref e.Payload.BookLevel;
        if (!TryLevel(l.Price.Raw, out int level))
        {
            InvalidPriceEvents++;
            return;
        }

        var m = Market(_snapshotMarket);
        bool bid = _snapshotYes == (l.Side == Side.Buy);
        int unified = _snapshotYes ? level : UnifiedLevels.Levels - 1 - level;
        m.Seen[UnifiedLevels.Index(bid, unified)] = m.Generation;
        SetLevel(m, _snapshotMarket, bid, unified, l.Size.Raw, e.ReceiveMs);
    }

    private void EndSnapshot(long nowMs)
    {
        // A snapshot is the whole book of a token, and so of both unified sides: what it omits is gone.
        int market = _snapshotMarket;
        var m = Market(market);
        for (int side = 0; side < 2; side++)
        {
            bool bid = side == 0;
            for (int level = 1; level < UnifiedLevels.Levels - 1; level++)
            {
                int i = UnifiedLevels.Index(bid, level);
                if (m.Size[i] != 0 && m.Seen[i] != m.Generation) SetLevel(m, market, bid, level, 0, nowMs);
            }
        }

        _snapshotMarket = NoMarket;
    }

    private void OnPriceChange(in InboundEvent e)
    {
        ref readonly var c = ref e.Payload.PriceChange;
        if (!c.HasSize) return;
        int token = _registry.TokenIndexOf(c.AssetId);
        if (token < 0)
        {
            UnknownTokenEvents++;
            return;
        }

        if (!TryLevel(c.Price.Raw, out int level))
        {
            InvalidPriceEvents++;
            return;
        }

        bool yes = _registry.IsYes(token);
        int market = _registry.MarketOfToken(token).MarketIndex;
        SetLevel(Market(market), market, yes == (c.Side == Side.Buy), yes ? level : UnifiedLevels.Levels - 1 - level, c.Size.Raw, e.ReceiveMs);
    }

    private void OnLastTrade(in InboundEvent e)
    {
        ref readonly var t = ref e.Payload.LastTrade;
        int token = _registry.TokenIndexOf(t.AssetId);
        if (token < 0)
        {
            UnknownTokenEvents++;
            return;
        }

        if (!TryLevel(t.Price.Raw, out int level) || t.Size.Raw <= 0)
        {
            InvalidPriceEvents++;
            return;
        }

        bool yes = _registry.IsYes(token);
        int market = _registry.MarketOfToken(token).MarketIndex;

        // A taker SELL of YES or BUY of NO hits the unified bids (the second is the cross-asset mint against our BUY YES).
        bool hitsBid = yes == (t.Side == Side.Sell);
        OnPrint(Market(market), hitsBid, yes ? level : UnifiedLevels.Levels - 1 - level, t.Size.Raw, e.ReceiveMs);
    }

    private void SetLevel(UnifiedLevels m, int market, bool bid, int level, long newSize, long nowMs)
    {
        int i = UnifiedLevels.Index(bid, level);
        long old = m.Size[i];
        if (newSize == old) return;
        m.Size[i] = newSize;
        m.Taken[i] = 0;
        if (newSize > old) return; // joins the back of the level: never ahead of us

        long decrease = old - newSize;
        if (nowMs - m.PrintMs[i] <= _p.PrintMatchWindowMs)
        {
            long explained = Math.Min(decrease, m.PrintCredit[i]);
            m.PrintCredit[i] -= explained;
            decrease -= explained;
        }
        else
        {
            m.PrintCredit[i] = 0;
        }

        if (decrease == 0) return;
        long displayedBefore = newSize + decrease;
        m.Unexplained[i] = (nowMs - m.UnexplainedMs[i] <= _p.PrintMatchWindowMs ? m.Unexplained[i] : 0) + decrease;
        m.UnexplainedMs[i] = nowMs;
        for (int k = 0; k < m.OrderCount; k++)
        {
            ref var o = ref _orders[m.Orders[k]];
            if (o.State == PaperOrderState.Live && o.IsBid == bid && o.Level == level)
            {
                CreditCancel(ref o, decrease, displayedBefore, nowMs);
            }
        }
    }

    /// <summary>An unexplained decrease of <paramref name="cancelled"/> shares at the order's level: the rule in <see cref="PaperFillParameters"/>.</summary>
    private void CreditCancel(ref PaperOrder o, long cancelled, long displayedBefore, long nowMs)
    {
        long ahead = o.Ahead;
        if (ahead <= 0) return;
        long behind = Math.Max(0, displayedBefore - ahead);
        long forced = Math.Max(0, cancelled - behind);
        long credit = 0;
        if (_p.CancelCreditFactor > 0)
        {
            double fa = Math.Pow(ahead, _p.CancelCreditPower);
            double fb = Math.Pow(behind, _p.CancelCreditPower);
            credit = (long)Math.Floor(_p.CancelCreditFactor * cancelled * (fa / (fa + fb)));
        }

        long cut = Math.Min(ahead, Math.Max(credit, forced));
        if (cut == 0) return;
        o.Ahead = ahead - cut;
        o.Cut = (nowMs - o.CutMs <= _p.PrintMatchWindowMs ? o.Cut : 0) + cut;
        o.CutMs = nowMs;
    }

    private void OnPrint(UnifiedLevels m, bool hitsBid, int level, long volume, long nowMs)
    {
        int i = UnifiedLevels.Index(hitsBid, level);

        // The part of the print whose decrease already arrived (as an unexplained one) undoes what that decrease moved us.
        long explained = 0;
        if (nowMs - m.UnexplainedMs[i] <= _p.PrintMatchWindowMs)
        {
            explained = Math.Min(volume, m.Unexplained[i]);
            m.Unexplained[i] -= explained;
        }

        m.PrintCredit[i] = (nowMs - m.PrintMs[i] <= _p.PrintMatchWindowMs ? m.PrintCredit[i] : 0) + (volume - explained);
        m.PrintMs[i] = nowMs;

        // Our resting orders the print reaches: at its price or better, best price first, then arrival order.
        int n = 0;
        for (int k = 0; k < m.OrderCount; k++)
        {
            int slot = m.Orders[k];
            ref var o = ref _orders[slot];
            if (o.State != PaperOrderState.Live || o.IsBid != hitsBid) continue;
            if (hitsBid ? o.Level < level : o.Level > level) continue;
            if (explained > 0 && o.Level == level && nowMs - o.CutMs <= _p.PrintMatchWindowMs)
            {
                long restore = Math.Min(o.Cut, explained);
                o.Ahead += restore;
                o.Cut -= restore;
            }

            // Insertion by priority (a handful of orders at most).
            int j = n++;
            while (j > 0 && Before(in o, in _orders[_scratch[j - 1]]))
            {
                _scratch[j] = _scratch[j - 1];
                j--;
            }

            _scratch[j] = slot;
        }

        // Displayed shares ahead of an order are also ahead of our later orders at the same level: what the print
        // took of them is taken once, and every order at the level moves up by it, filled or not.
        long left = volume;
        long consumedAtLevel = 0;
        int currentLevel = -1;
        for (int k = 0; k < n; k++)
        {
            int slot = _scratch[k];
            ref var o = ref _orders[slot];
            if (o.Level != currentLevel)
            {
                currentLevel = o.Level;
                consumedAtLevel = 0;
            }

            long ahead = Math.Max(0, o.Ahead - consumedAtLevel);
            long fromAhead = Math.Min(ahead, left);
            left -= fromAhead;
            consumedAtLevel += fromAhead;
            o.Ahead = ahead - fromAhead;
            long fill = Math.Min(o.Remaining, left);
            if (fill <= 0) continue;
            left -= fill;
            Fill(slot, fill, o.Price, FillLiquidity.Maker, Amount.Zero, nowMs);
        }
    }

    private static bool Before(in PaperOrder a, in PaperOrder b)
    {
        if (a.Level != b.Level) return a.IsBid ? a.Level > b.Level : a.Level < b.Level;
        return a.Sequence < b.Sequence;
    }

    private void Fill(int slot, long shares, Price price, FillLiquidity liquidity, Amount fee, long nowMs)
    {
        ref var o = ref _orders[slot];
        o.Filled += shares;
        Fills++;
        FilledShares += shares;
        var e = Event(PaperEventKind.Fill, in o, nowMs);
        e.Price = price;
        e.Size = Quantity.FromRaw(shares);
        e.Fee = fee;
        e.Liquidity = liquidity;
        e.TradeId = NextTradeId();
        _sink.OnPaperEvent(in e);
        if (o.Remaining == 0 && o.State == PaperOrderState.Live) Forget(slot);
    }

    private void RunNextTimer()
    {
        // The earliest due timer: go-lives and cancels, ties in the order they were scheduled.
        long bestMs = long.MaxValue, bestSeq = long.MaxValue;
        int bestOrder = -1, bestCancel = -1;
        if (_inFlight > 0)
        {
            foreach (int slot in _index.Values)
            {
                ref var o = ref _orders[slot];
                if (o.State == PaperOrderState.InFlight && (o.LiveAtMs < bestMs || (o.LiveAtMs == bestMs && o.Sequence < bestSeq)))
                {
                    bestMs = o.LiveAtMs;
                    bestSeq = o.Sequence;
                    bestOrder = slot;
                }
            }
        }

        for (int i = 0; i < _cancelCount; i++)
        {
            ref var c = ref _cancels[i];
            if (c.AtMs < bestMs || (c.AtMs == bestMs && c.Sequence < bestSeq))
            {
                bestMs = c.AtMs;
                bestSeq = c.Sequence;
                bestCancel = i;
                bestOrder = -1;
            }
        }

        if (bestCancel >= 0)
        {
            var c = _cancels[bestCancel];
            _cancels[bestCancel] = _cancels[--_cancelCount];
            ApplyCancel(in c);
        }
        else if (bestOrder >= 0)
        {
            GoLive(bestOrder);
        }

        RecomputeNextDue();
    }

    private void RecomputeNextDue()
    {
        long next = long.MaxValue;
        if (_inFlight > 0)
        {
            foreach (int slot in _index.Values)
            {
                ref var o = ref _orders[slot];
                if (o.State == PaperOrderState.InFlight && o.LiveAtMs < next) next = o.LiveAtMs;
            }
        }

        for (int i = 0; i < _cancelCount; i++) next = Math.Min(next, _cancels[i].AtMs);
        _nextDueMs = next;
    }

    private void GoLive(int slot)
    {
        ref var o = ref _orders[slot];
        long now = o.LiveAtMs;
        var m = Market(o.MarketIndex);
        if (m.Crosses(o.IsBid, o.Level))
        {
            if (o.PostOnly)
            {
                PostOnlyRejects++;
                RejectAndForget(slot, PaperRejectReason.PostOnlyCrosses, now);
                return;
            }

            if (!Take(slot, m, now)) return;
            if (o.Remaining == 0)
            {
                Accept(in o, now);
                Forget(slot);
                return;
            }

            if (o.TimeInForce is IntentTimeInForce.Fak or IntentTimeInForce.Fok)
            {
                Accept(in o, now);
                var cancelled = Event(PaperEventKind.Cancelled, in o, now);
                _sink.OnPaperEvent(in cancelled);
                Forget(slot);
                return;
            }
        }
        else if (o.TimeInForce is IntentTimeInForce.Fak or IntentTimeInForce.Fok)
        {
            RejectAndForget(slot, o.TimeInForce == IntentTimeInForce.Fok ? PaperRejectReason.FokNotFilled : PaperRejectReason.FakNoMatch, now);
            return;
        }

        // Rest at the back of the displayed queue at our price.
        o.State = PaperOrderState.Live;
        _inFlight--;
        o.Ahead = m.Size[UnifiedLevels.Index(o.IsBid, o.Level)];
        o.Cut = 0;
        o.CutMs = long.MinValue / 2;
        Accept(in o, now);
    }

    /// <summary>Takes displayed opposite liquidity up to the limit. False when the order was refused (a FOK short of size).</summary>
    private bool Take(int slot, UnifiedLevels m, long now)
    {
        ref var o = ref _orders[slot];
        bool oppositeBid = !o.IsBid;
        if (o.TimeInForce == IntentTimeInForce.Fok)
        {
            long available = 0;
            for (int level = Best(m, oppositeBid); level >= 0 && Reaches(in o, level); level = NextLevel(m, oppositeBid, level))
            {
                int i = UnifiedLevels.Index(oppositeBid, level);
                available += Math.Max(0, m.Size[i] - m.Taken[i]);
            }

            if (available < o.Remaining)
            {
                RejectAndForget(slot, PaperRejectReason.FokNotFilled, now);
                return false;
            }
        }

        var market = _registry.Market(o.MarketIndex);
        for (int level = Best(m, oppositeBid); level >= 0 && Reaches(in o, level) && o.Remaining > 0; level = NextLevel(m, oppositeBid, level))
        {
            int i = UnifiedLevels.Index(oppositeBid, level);
            long take = Math.Min(o.Remaining, m.Size[i] - m.Taken[i]);
            if (take <= 0) continue;
            m.Taken[i] += take;
            var price = Price.FromRaw((o.IsYes ? level : UnifiedLevels.Levels - 1 - level) * 100);
            var fee = PaperFees.TakerFee(Quantity.FromRaw(take), price, market.TakerFeeRateBps ?? 0, market.FeeExponent);
            Fill(slot, take, price, FillLiquidity.Taker, fee, now);
        }

        return true;
    }

    private static bool Reaches(in PaperOrder o, int oppositeLevel) => o.IsBid ? oppositeLevel <= o.Level : oppositeLevel >= o.Level;

    private static int Best(UnifiedLevels m, bool bid) => NextLevel(m, bid, bid ? UnifiedLevels.Levels - 1 : 0);

    private static int NextLevel(UnifiedLevels m, bool bid, int from)
    {
        if (bid)
        {
            for (int l = from - 1; l >= 1; l--) if (m.Size[l] > 0) return l;
        }
        else
        {
            for (int l = from + 1; l < UnifiedLevels.Levels - 1; l++) if (m.Size[UnifiedLevels.Levels + l] > 0) return l;
        }

        return -1;
    }

    private void Accept(in PaperOrder o, long now)
    {
        var e = Event(PaperEventKind.Accepted, in o, now);
        _sink.OnPaperEvent(in e);
    }

    private void RejectAndForget(int slot, PaperRejectReason reason, long now)
    {
        ref var o = ref _orders[slot];
        var e = Event(PaperEventKind.Rejected, in o, now);
        e.Reject = reason;
        _sink.OnPaperEvent(in e);
        Forget(slot);
    }

    private void ScheduleCancel(in Hash32 orderId, int market, long sentMs)
    {
        long at = sentMs + _p.CancelLatency.Draw(ref _random);
        if (_cancelCount == _cancels.Length) Array.Resize(ref _cancels, _cancels.Length * 2);
        _cancels[_cancelCount++] = new PendingCancel(orderId, market, at, ++_sequence);
        if (at < _nextDueMs) _nextDueMs = at;
    }

    private void ApplyCancel(in PendingCancel c)
    {
        if (c.Market == ByOrder)
        {
            if (_index.TryGetValue(c.OrderId, out int slot) && _orders[slot].State == PaperOrderState.Live)
            {
                CancelLive(slot, c.AtMs);
                return;
            }

            // Unknown, finished, or not yet live: the venue has nothing to cancel.
            var refused = new PaperEvent
            {
                Kind = PaperEventKind.CancelRefused,
                Reject = PaperRejectReason.NotFound,
                OrderId = c.OrderId,
                MarketIndex = -1,
                TokenIndex = -1,
                TimeMs = c.AtMs,
                Simulated = true,
                Parameters = _p,
            };
            if (_index.TryGetValue(c.OrderId, out slot))
            {
                refused.MarketIndex = _orders[slot].MarketIndex;
                refused.TokenIndex = _orders[slot].TokenIndex;
                refused.Side = _orders[slot].Side;
                refused.Price = _orders[slot].Price;
            }

            _sink.OnPaperEvent(in refused);
            return;
        }

        for (int market = 0; market < _markets.Length; market++)
        {
            var m = _markets[market];
            if (m is null || (c.Market >= 0 && c.Market != market)) continue;
            for (int k = m.OrderCount - 1; k >= 0; k--)
            {
                int slot = m.Orders[k];
                if (_orders[slot].State == PaperOrderState.Live) CancelLive(slot, c.AtMs);
            }
        }
    }

    private void CancelLive(int slot, long now)
    {
        ref var o = ref _orders[slot];
        var e = Event(PaperEventKind.Cancelled, in o, now);
        _sink.OnPaperEvent(in e);
        Forget(slot);
    }

    private void Forget(int slot)
    {
        ref var o = ref _orders[slot];
        if (o.State == PaperOrderState.InFlight) _inFlight--;
        _index.Remove(o.Id);
        Market(o.MarketIndex).RemoveOrder(slot);
        o = default;
        _free[_freeCount++] = slot;
    }

    private PaperEvent Event(PaperEventKind kind, in PaperOrder o, long timeMs)
    {
        var e = Event(kind, o.Id, o.MarketIndex, o.TokenIndex, o.Side, o.Price, o.Size, o.Filled, timeMs);
        e.TimeInForce = o.TimeInForce;
        return e;
    }

    private PaperEvent Event(PaperEventKind kind, in Hash32 id, int market, int token, Side side, Price price, long size, long filled, long timeMs) => new()
    {
        Kind = kind,
        LimitPrice = price,
        OrderId = id,
        MarketIndex = market,
        TokenIndex = token,
        Side = side,
        Price = price,
        OriginalSize = Quantity.FromRaw(size),
        Filled = Quantity.FromRaw(filled),
        TimeMs = timeMs,
        Simulated = true,
        Parameters = _p,
    };

    // "PAPR" in the first four bytes marks a simulated trade id; the rest is the seed's stream and a counter.
    private Guid NextTradeId()
    {
        ulong r = _random.Next();
        long n = ++_tradeCounter;
        return new Guid(0x50415052u, (ushort)(n >> 16), (ushort)n, (byte)r, (byte)(r >> 8), (byte)(r >> 16), (byte)(r >> 24),
            (byte)(r >> 32), (byte)(r >> 40), (byte)(r >> 48), (byte)(r >> 56));
    }

    private UnifiedLevels Market(int marketIndex)
    {
        if (marketIndex >= _markets.Length) Array.Resize(ref _markets, Math.Max(marketIndex + 1, _markets.Length * 2));
        return _markets[marketIndex] ??= new UnifiedLevels(_orders.Length);
    }

    /// <summary>A price strictly inside (0, 1) on the 0.0001 grid, as a level.</summary>
    private static bool TryLevel(int priceRaw, out int level)
    {
        level = priceRaw / 100;
        return priceRaw > 0 && priceRaw < Price.Scale && priceRaw % 100 == 0;
    }

    private readonly record struct PendingCancel(Hash32 OrderId, int Market, long AtMs, long Sequence);
}
