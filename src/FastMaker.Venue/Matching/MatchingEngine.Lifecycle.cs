using FastMaker.Primitives;
using Asset = FastMaker.Venue.Ledger.Asset;

namespace FastMaker.Venue.Matching;

public sealed partial class MatchingEngine
{
    /// <summary>Cancels one order of <paramref name="owner"/>.</summary>
    public CancelResult Cancel(string owner, Hash32 orderId)
    {
        long now = NowMs();
        ProcessDue(now);
        var result = new CancelResult();
        CancelOne(owner, orderId, result, now);
        return result;
    }

    /// <summary>Cancels several orders of <paramref name="owner"/>; duplicates are ignored.</summary>
    public CancelResult CancelMany(string owner, IEnumerable<Hash32> orderIds)
    {
        ArgumentNullException.ThrowIfNull(orderIds);
        long now = NowMs();
        ProcessDue(now);
        var result = new CancelResult();
        var seen = new HashSet<Hash32>();
        foreach (Hash32 id in orderIds)
            if (seen.Add(id))
                CancelOne(owner, id, result, now);
        return result;
    }

    /// <summary>Cancels every open order of <paramref name="owner"/> (also what a missed heartbeat does).</summary>
    public CancelResult CancelAll(string owner) => CancelMarket(owner, null, null);

    /// <summary>Cancels the open orders of <paramref name="owner"/> in a market and/or token (null = any).</summary>
    public CancelResult CancelMarket(string owner, Hash32? conditionId, UInt256? assetId)
    {
        long now = NowMs();
        ProcessDue(now);
        var result = new CancelResult();
        if (!_ownerHead.TryGetValue(owner, out int slot))
            return result;
        var victims = new List<int>();
        for (; slot >= 0; slot = _slots[slot].OwnerNext)
        {
            ref OrderSlot o = ref _slots[slot];
            VenueMarket m = _books[o.Book].Market;
            if (conditionId is { } c && c != m.ConditionId)
                continue;
            if (assetId is { } a && a != m.TokenOf(o.Outcome))
                continue;
            victims.Add(slot);
        }
        // Oldest first, as they were placed.
        for (int i = victims.Count - 1; i >= 0; i--)
        {
            result.Canceled.Add(_slots[victims[i]].Id);
            RemoveResting(victims[i], OrderStatus.Canceled, now);
        }
        return result;
    }

    /// <summary>Changes a market's tick size and announces it for both tokens. Resting orders keep their prices.</summary>
    public void SetTickSize(Hash32 conditionId, TickSize tickSize)
    {
        if (!tickSize.IsValid)
            ThrowHelper.ThrowArgument("invalid tick size", nameof(tickSize));
        MarketBook book = BookOf(conditionId);
        long now = NowMs();
        ProcessDue(now);
        ChangeTick(book, tickSize, now);
    }

    /// <summary>Opens or closes a market for new orders without touching resting orders.</summary>
    public void SetAcceptingOrders(Hash32 conditionId, bool accepting) => BookOf(conditionId).Market.AcceptingOrders = accepting;

    /// <summary>Closes a market: no more orders; every resting order is cancelled (CANCELED_MARKET_RESOLVED).</summary>
    public void CloseMarket(Hash32 conditionId)
    {
        MarketBook book = BookOf(conditionId);
        long now = NowMs();
        ProcessDue(now);
        VenueMarket m = book.Market;
        m.AcceptingOrders = false;
        m.Closed = true;
        ClearBook(book, OrderStatus.CanceledMarketResolved, now);
    }

    /// <summary>Records a UMA proposal (the challenge window opens); trading continues until close.</summary>
    public void ProposeResolution(Hash32 conditionId, int winningOutcome)
    {
        if (winningOutcome is not (0 or 1))
            ThrowHelper.ThrowArgument("the winning outcome is 0 (YES) or 1 (NO)", nameof(winningOutcome));
        VenueMarket m = BookOf(conditionId).Market;
        if (m.Resolution == ResolutionState.Resolved)
            return;
        m.Resolution = ResolutionState.Proposed;
        m.WinningOutcome = winningOutcome;
    }

    /// <summary>
    /// Resolves a market: closes it (cancelling resting orders), records the winner and announces
    /// <c>market_resolved</c>. Balances are not redeemed automatically; see <see cref="Redeem"/>.
    /// </summary>
    public void Resolve(Hash32 conditionId, int winningOutcome)
    {
        if (winningOutcome is not (0 or 1))
            ThrowHelper.ThrowArgument("the winning outcome is 0 (YES) or 1 (NO)", nameof(winningOutcome));
        MarketBook book = BookOf(conditionId);
        VenueMarket m = book.Market;
        if (m.Resolution == ResolutionState.Resolved)
            return;
        CloseMarket(conditionId);
        m.Resolution = ResolutionState.Resolved;
        m.WinningOutcome = winningOutcome;
        _events.OnMarketResolved(new MarketResolved(m, m.TokenOf(winningOutcome), m.Outcomes[winningOutcome], NowMs()));
    }

    /// <summary>
    /// Redeems an address's settled position in a resolved market: each winning token pays 1 collateral,
    /// losing tokens are burnt. Returns the collateral paid.
    /// </summary>
    public long Redeem(Hash32 conditionId, EthAddress address)
    {
        MarketBook book = BookOf(conditionId);
        VenueMarket m = book.Market;
        if (m.Resolution != ResolutionState.Resolved || !Ledger.TryGetAccount(address, out int account))
            return 0;
        int win = book.AssetOf(m.WinningOutcome);
        int lose = book.AssetOf(1 - m.WinningOutcome);
        long winning = Ledger.Balance(account, win) - Ledger.Pending(account, win);
        long losing = Ledger.Balance(account, lose) - Ledger.Pending(account, lose);
        Ledger.Debit(account, win, winning);
        Ledger.Debit(account, lose, losing);
        Ledger.Credit(account, Asset.Collateral, winning);
        return winning;
    }

    /// <summary>A sports game started: when the market clears its book on start, every resting order is cancelled.</summary>
    public void StartGame(Hash32 conditionId)
    {
        MarketBook book = BookOf(conditionId);
        long now = NowMs();
        ProcessDue(now);
        if (book.Market.ClearBookOnStart)
            ClearBook(book, OrderStatus.Canceled, now);
    }

    /// <summary>
    /// Runs everything due by now: GTD expiries and settlement transitions. Every entry point calls it;
    /// the server's timer and the scenario runner call it too, so time-driven events are not late.
    /// </summary>
    public void ProcessDue() => ProcessDue(NowMs());

    private void ProcessDue(long now)
    {
        while (_expiries.TryPeek(out (int Slot, int Generation) e, out long due) && due <= now)
        {
            _expiries.Dequeue();
            ref OrderSlot o = ref _slots[e.Slot];
            if (o.InUse && o.Generation == e.Generation && o.Resting)
                RemoveResting(e.Slot, OrderStatus.Canceled, due);
        }
        ProcessSettlement(now);
    }

    private void CancelOne(string owner, Hash32 orderId, CancelResult result, long now)
    {
        if (_live.TryGetValue(orderId, out int slot) && string.Equals(_slots[slot].Owner, owner, StringComparison.Ordinal))
        {
            RemoveResting(slot, OrderStatus.Canceled, now);
            result.Canceled.Add(orderId);
        }
        else if (_history.TryGetValue(orderId, out OrderView view) && string.Equals(view.Owner, owner, StringComparison.Ordinal))
        {
            result.NotCanceled[orderId] = RejectReasons.AlreadyCanceledOrMatched;
        }
        else
        {
            result.NotCanceled[orderId] = RejectReasons.OrderNotFound;
        }
    }

    private void ClearBook(MarketBook book, OrderStatus status, long now)
    {
        var victims = new List<int>();
        for (int l = 1; l < MarketBook.Levels; l++)
        {
            for (int s = book.BidHead[l]; s >= 0; s = _slots[s].Next)
                victims.Add(s);
            for (int s = book.AskHead[l]; s >= 0; s = _slots[s].Next)
                victims.Add(s);
        }
        foreach (int s in victims)
            RemoveResting(s, status, now);
    }

    /// <summary>Takes a resting order off the book, releases its reservation and announces the cancellation.</summary>
    private void RemoveResting(int slot, OrderStatus status, long now)
    {
        ref OrderSlot o = ref _slots[slot];
        MarketBook book = _books[o.Book];
        bool bid = o.IsBid;
        int level = o.LevelTicks;
        Unlink(book, slot);
        UnlinkOwner(slot);
        _live.Remove(o.Id);
        Ledger.AddReserved(o.Account, o.Side == Side.Buy ? Asset.Collateral : book.AssetOf(o.Outcome), -o.Reserved);
        o.Reserved = 0;
        OrderView view = ViewOf(slot, status, snapshotTrades: false);
        PublishLevel(book, bid, level, now);
        _events.OnOrder(new OrderEvent(OrderEventType.Cancellation, view, now));
        Retire(slot, view);
    }

    private void CheckTickSizeThresholds(MarketBook book, long now)
    {
        if (!Options.AutomaticTickSizeChanges)
            return;
        TickSize tick = book.Market.TickSize;
        int p = book.LastTradeYes;
        if (tick == TickSize.Hundredth && (p > 960_000 || p < 40_000))
            ChangeTick(book, TickSize.Thousandth, now);
        else if (tick == TickSize.Thousandth && p >= 40_000 && p <= 960_000)
            ChangeTick(book, TickSize.Hundredth, now);
    }

    private void ChangeTick(MarketBook book, TickSize tickSize, long now)
    {
        VenueMarket m = book.Market;
        TickSize old = m.TickSize;
        if (old == tickSize)
            return;
        m.TickSize = tickSize;
        _events.OnTickSizeChange(new TickSizeChange(m.ConditionId, m.YesToken, old, tickSize, now));
        _events.OnTickSizeChange(new TickSizeChange(m.ConditionId, m.NoToken, old, tickSize, now));
    }

    private MarketBook BookOf(Hash32 conditionId)
    {
        if (!_bookByCondition.TryGetValue(conditionId, out int index))
            ThrowHelper.ThrowUnknownMarket(conditionId.ToString());
        return _books[index];
    }
}
