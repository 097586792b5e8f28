using System.Runtime.CompilerServices;
using FastMaker.Primitives;
using Asset = FastMaker.Venue.Ledger.Asset;

namespace FastMaker.Venue.Matching;

public sealed partial class MatchingEngine
{
    private const int Scale = 1_000_000;
    private const long SizeQuantum = 10_000;        // shares: 2 decimals
    private const long MarketMakerQuantum = 10_000; // FOK/FAK maker amount: 2 decimals
    private const long MarketTakerQuantum = 100;    // FOK/FAK taker amount: 4 decimals
    private const long MarketBuyMinimum = 1_000_000; // $1

    private readonly List<TradeId> _submitTrades = new();

    /// <summary>
    /// Checks an order, matches what crosses, rests the rest (GTC/GTD) and returns the reference's
    /// answer. Rejections change nothing.
    /// </summary>
    public SubmitResult Submit(in OrderRequest request)
    {
        long now = NowMs();
        ProcessDue(now);

        if (!_byToken.TryGetValue(request.Token, out TokenRef tokenRef))
            return SubmitResult.Rejected(request.OrderId, RejectReasons.InvalidTokenId);
        MarketBook book = _books[tokenRef.Book];
        VenueMarket market = book.Market;
        if (market.Closed || market.Resolution == ResolutionState.Resolved)
            return SubmitResult.Rejected(request.OrderId, RejectReasons.MarketClosed);
        if (!market.AcceptingOrders)
            return SubmitResult.Rejected(request.OrderId, RejectReasons.MarketNotReady);
        if (_live.ContainsKey(request.OrderId) || _history.ContainsKey(request.OrderId))
            return SubmitResult.Rejected(request.OrderId, RejectReasons.Duplicated(request.OrderId.ToString()));
        if (request.MakerAmount <= 0 || request.TakerAmount <= 0 || string.IsNullOrEmpty(request.Owner)
            || request.Side is not (Side.Buy or Side.Sell) || request.Type is not (OrderType.Gtc or OrderType.Gtd or OrderType.Fok or OrderType.Fak))
            return SubmitResult.Rejected(request.OrderId, RejectReasons.InvalidOrderPayload);

        bool isLimit = request.Type is OrderType.Gtc or OrderType.Gtd;
        if (request.PostOnly && !isLimit)
            return SubmitResult.Rejected(request.OrderId, RejectReasons.PostOnlyNotLimit);
        if (request.Type == OrderType.Gtd)
        {
            long earliestMs = now + (long)(Options.GtdMinimumLifetime + Options.GtdSecurityThreshold).TotalMilliseconds;
            if (request.Expiration <= 0 || request.Expiration > long.MaxValue / 1000 || request.Expiration * 1000 < earliestMs)
                return SubmitResult.Rejected(request.OrderId, RejectReasons.InvalidExpiration);
        }
        else if (request.Expiration != 0)
        {
            return SubmitResult.Rejected(request.OrderId, RejectReasons.InvalidExpiration);
        }

        bool buy = request.Side == Side.Buy;
        long shares = buy ? request.TakerAmount : request.MakerAmount;
        long collateral = buy ? request.MakerAmount : request.TakerAmount;
        TickSize tick = market.TickSize;
        int tickRaw = tick.Value.Raw;

        int price;
        if (isLimit)
        {
            long collateralQuantum = Pow10(Price.Decimals - tick.AmountDecimals);
            if (shares % SizeQuantum != 0 || collateral % collateralQuantum != 0)
                return SubmitResult.Rejected(request.OrderId, buy
                    ? RejectReasons.LimitBuyPrecision(tick.AmountDecimals)
                    : RejectReasons.LimitSellPrecision(tick.AmountDecimals));
            if (collateral >= shares)
                return RejectPriceRange(request.OrderId, collateral, shares, tick);
            UInt128 scaled = (UInt128)(ulong)collateral * Scale;
            price = (int)(scaled / (ulong)shares);
            if (scaled % (ulong)shares != 0 || price % tickRaw != 0)
                return SubmitResult.Rejected(request.OrderId, RejectReasons.BreaksTick(
                    request.OrderId.ToString(), ImpliedPriceText(collateral, shares), tick.ToString()));
        }
        else
        {
            if (request.MakerAmount % MarketMakerQuantum != 0 || request.TakerAmount % MarketTakerQuantum != 0)
                return SubmitResult.Rejected(request.OrderId, buy ? RejectReasons.MarketBuyPrecision : RejectReasons.MarketSellPrecision);
            if (collateral >= shares)
                return RejectPriceRange(request.OrderId, collateral, shares, tick);
            // The worst price a marketable order accepts, on the tick grid: a BUY's implied price
            // is rounded down, a SELL's up (the clients round the taker leg, not the price).
            UInt128 scaled = (UInt128)(ulong)collateral * Scale;
            int implied = (int)(scaled / (ulong)shares);
            if (buy)
                price = implied - implied % tickRaw;
            else
            {
                if (scaled % (ulong)shares != 0)
                    implied++;
                price = implied % tickRaw == 0 ? implied : implied - implied % tickRaw + tickRaw;
            }
        }
        if (price < tickRaw || price > Scale - tickRaw)
            return RejectPriceRange(request.OrderId, collateral, shares, tick);
        if (isLimit && shares < market.MinOrderSize.Raw)
            return SubmitResult.Rejected(request.OrderId, RejectReasons.SizeBelowMinimum(
                request.OrderId.ToString(), Quantity.FromRaw(shares).ToString(), market.MinOrderSize.ToString()));
        if (!isLimit && buy && collateral < MarketBuyMinimum)
            return SubmitResult.Rejected(request.OrderId, RejectReasons.MarketBuyBelowMinimum(Amount.FromRaw(collateral).ToString()));

        int outcome = tokenRef.Outcome;
        bool isBid = (outcome == 0) == buy;
        int limitLevel = (outcome == 0 ? price : Scale - price) / MarketBook.PriceUnit;
        bool crosses = isBid ? book.HasAsk && book.BestAsk <= limitLevel : book.HasBid && book.BestBid >= limitLevel;
        if (request.PostOnly && crosses)
            return SubmitResult.Rejected(request.OrderId, RejectReasons.PostOnlyCrosses);

        WalkTotals walk = crosses ? PreWalk(book, isBid, limitLevel, shares, outcome, request.Side) : default;
        if (request.Type == OrderType.Fok && walk.Filled < shares)
            return SubmitResult.Rejected(request.OrderId, RejectReasons.FokNotFilled);
        if (request.Type == OrderType.Fak && walk.Filled == 0)
            return SubmitResult.Rejected(request.OrderId, RejectReasons.FakNotFilled);

        int account = Ledger.AccountOf(request.Maker);
        int tokenAsset = book.AssetOf(outcome);
        long rest = isLimit ? shares - walk.Filled : 0;
        if (buy)
        {
            long restReserve = BuyReservation(request.MakerAmount, request.TakerAmount, rest);
            long need = Math.Max(request.MakerAmount, walk.TakerCollateral + walk.Fees + restReserve);
            if (Ledger.Available(account, Asset.Collateral) < need)
                return SubmitResult.Rejected(request.OrderId, RejectReasons.NotEnoughBalance);
        }
        else
        {
            if (Ledger.Available(account, tokenAsset) < request.MakerAmount
                || (walk.DustFeeShortfall > 0 && Ledger.Available(account, Asset.Collateral) < walk.DustFeeShortfall))
                return SubmitResult.Rejected(request.OrderId, RejectReasons.NotEnoughBalance);
        }

        // Accepted: nothing below may fail.
        int slot = AllocateSlot();
        ref OrderSlot o = ref _slots[slot];
        o.Id = request.OrderId;
        o.Owner = request.Owner;
        o.Maker = request.Maker;
        o.Account = account;
        o.Book = tokenRef.Book;
        o.Outcome = outcome;
        o.Side = request.Side;
        o.IsBid = isBid;
        o.PriceRaw = price;
        o.LevelTicks = limitLevel;
        o.Original = shares;
        o.Filled = 0;
        o.MakerAmount = request.MakerAmount;
        o.TakerAmount = request.TakerAmount;
        o.Type = request.Type;
        o.Expiration = request.Expiration;
        o.CreatedAtMs = now;
        o.Reserved = 0;
        o.Trades = null;
        o.Resting = false;

        _submitTrades.Clear();
        long making = 0, taking = 0;
        if (crosses)
            Execute(book, slot, now, ref making, ref taking);

        ref OrderSlot taker = ref _slots[slot];
        TradeId[]? tradeIds = _submitTrades.Count > 0 ? _submitTrades.ToArray() : null;
        string status;
        if (isLimit && taker.Remaining > 0)
        {
            Rest(book, slot, now);
            status = taker.Filled > 0 ? SubmitResult.StatusMatched : SubmitResult.StatusLive;
            _events.OnOrder(new OrderEvent(OrderEventType.Placement, ViewOf(slot, OrderStatus.Live, snapshotTrades: false), now));
        }
        else
        {
            status = SubmitResult.StatusMatched;
            // FOK/FAK never rest; an accepted one always matched something (FAK drops its remainder).
            OrderView view = ViewOf(slot, OrderStatus.Matched, snapshotTrades: false);
            _events.OnOrder(new OrderEvent(OrderEventType.Placement, view, now));
            Retire(slot, view);
        }

        if (crosses && tradeIds is not null)
            CheckTickSizeThresholds(book, now);
        return SubmitResult.Accepted(request.OrderId, status, making, taking, tradeIds);
    }

    private static SubmitResult RejectPriceRange(Hash32 orderId, long collateral, long shares, TickSize tick) =>
        SubmitResult.Rejected(orderId, RejectReasons.PriceOutOfRange(ImpliedPriceText(collateral, shares), tick.MinPrice.ToString(), tick.MaxPrice.ToString()));

    private static string ImpliedPriceText(long collateral, long shares)
    {
        decimal p = decimal.Round((decimal)collateral / shares, 6);
        return p.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long Pow10(int exponent)
    {
        long v = 1;
        for (int i = 0; i < exponent; i++)
            v *= 10;
        return v;
    }

    /// <summary>Collateral a BUY with signed amounts (maker, taker) reserves for <paramref name="remaining"/> shares: ceil(maker x remaining / taker).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long BuyReservation(long makerAmount, long takerAmount, long remaining)
    {
        if (remaining <= 0)
            return 0;
        UInt128 n = (UInt128)(ulong)makerAmount * (ulong)remaining;
        UInt128 q = n / (ulong)takerAmount;
        return (long)(n % (ulong)takerAmount == 0 ? q : q + 1);
    }

    /// <summary>
    /// Collateral legs of a fill of <paramref name="size"/> at YES price <paramref name="yesPrice"/>.
    /// The maker's leg is rounded in the maker's favour (a BUY pays the floor, a SELL receives the
    /// ceiling) so a maker never pays more than it reserved; the taker's leg equals it for a transfer
    /// and is size minus it for a mint or merge, so collateral is conserved exactly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FillLegs(long size, int yesPrice, int makerOutcome, Side makerSide, Side takerSide,
        out long makerCollateral, out long takerCollateral)
    {
        int makerPrice = makerOutcome == 0 ? yesPrice : Scale - yesPrice;
        UInt128 n = (UInt128)(ulong)size * (ulong)makerPrice;
        long floor = (long)(n / Scale);
        makerCollateral = makerSide == Side.Buy || n % Scale == 0 ? floor : floor + 1;
        takerCollateral = makerSide == takerSide ? size - makerCollateral : makerCollateral;
    }

    private struct WalkTotals
    {
        public long Filled;
        public long TakerCollateral;
        public long Fees;
        public long DustFeeShortfall;
    }

    /// <summary>What matching would do, without changing anything: the FOK/FAK and balance checks use it.</summary>
    private WalkTotals PreWalk(MarketBook book, bool isBid, int limitLevel, long size, int takerOutcome, Side takerSide)
    {
        WalkTotals w = default;
        VenueMarket m = book.Market;
        long remaining = size;
        int level = isBid ? book.BestAsk : book.BestBid;
        while (remaining > 0 && (isBid ? level <= limitLevel && level < MarketBook.Levels : level >= limitLevel && level > 0))
        {
            int yesPrice = level * MarketBook.PriceUnit;
            int takerPrice = takerOutcome == 0 ? yesPrice : Scale - yesPrice;
            for (int s = isBid ? book.AskHead[level] : book.BidHead[level]; s >= 0 && remaining > 0; s = _slots[s].Next)
            {
                ref OrderSlot mk = ref _slots[s];
                long fill = Math.Min(remaining, mk.Remaining);
                FillLegs(fill, yesPrice, mk.Outcome, mk.Side, takerSide, out _, out long takerCollateral);
                long fee = FeeCalculator.TakerFee(fill, takerPrice, m.TakerFeeRatePpm, m.TakerFeeExponent);
                w.Filled += fill;
                w.TakerCollateral += takerCollateral;
                w.Fees += fee;
                if (takerSide == Side.Sell && fee > takerCollateral)
                    w.DustFeeShortfall += fee - takerCollateral;
                remaining -= fill;
            }
            level = isBid ? level + 1 : level - 1;
        }
        return w;
    }

    private void Execute(MarketBook book, int takerSlot, long now, ref long making, ref long taking)
    {
        ref OrderSlot taker = ref _slots[takerSlot];
        bool isBid = taker.IsBid;
        int limitLevel = taker.LevelTicks;
        while (taker.Remaining > 0)
        {
            int level = isBid ? book.BestAsk : book.BestBid;
            if (isBid ? level > limitLevel || level >= MarketBook.Levels : level < limitLevel || level <= 0)
                break;
            int yesPrice = level * MarketBook.PriceUnit;
            int s = isBid ? book.AskHead[level] : book.BidHead[level];
            while (s >= 0 && taker.Remaining > 0)
            {
                int next = _slots[s].Next;
                Fill(book, takerSlot, s, yesPrice, now, ref making, ref taking);
                if (_slots[s].Remaining == 0)
                {
                    OrderView view = ViewOf(s, OrderStatus.Matched, snapshotTrades: false);
                    Unlink(book, s);
                    UnlinkOwner(s);
                    _live.Remove(_slots[s].Id);
                    Retire(s, view);
                }
                s = next;
            }
            PublishLevel(book, !isBid, level, now);
        }
    }

    private void Fill(MarketBook book, int takerSlot, int makerSlot, int yesPrice, long now, ref long making, ref long taking)
    {
        ref OrderSlot taker = ref _slots[takerSlot];
        ref OrderSlot mk = ref _slots[makerSlot];
        VenueMarket market = book.Market;
        long size = Math.Min(taker.Remaining, mk.Remaining);
        FillLegs(size, yesPrice, mk.Outcome, mk.Side, taker.Side, out long makerCollateral, out long takerCollateral);
        int takerPrice = taker.Outcome == 0 ? yesPrice : Scale - yesPrice;
        int makerPrice = mk.Outcome == 0 ? yesPrice : Scale - yesPrice;
        long fee = FeeCalculator.TakerFee(size, takerPrice, market.TakerFeeRatePpm, market.TakerFeeExponent);
        int makerAsset = book.AssetOf(mk.Outcome);
        int takerAsset = book.AssetOf(taker.Outcome);

        // Maker: pays from its reservation, receives into pending.
        long makerCredit;
        if (mk.Side == Side.Buy)
        {
            Ledger.Debit(mk.Account, Asset.Collateral, makerCollateral);
            Ledger.CreditPending(mk.Account, makerAsset, size);
            makerCredit = size;
        }
        else
        {
            Ledger.Debit(mk.Account, makerAsset, size);
            Ledger.CreditPending(mk.Account, Asset.Collateral, makerCollateral);
            makerCredit = makerCollateral;
        }
        mk.Filled += size;
        long newReserve = mk.Side == Side.Buy ? BuyReservation(mk.MakerAmount, mk.TakerAmount, mk.Remaining) : mk.Remaining;
        Ledger.AddReserved(mk.Account, mk.Side == Side.Buy ? Asset.Collateral : makerAsset, newReserve - mk.Reserved);
        mk.Reserved = newReserve;
        if (mk.IsBid)
            book.BidSize[mk.LevelTicks] -= size;
        else
            book.AskSize[mk.LevelTicks] -= size;

        // Taker: checked up front by the pre-walk; the fee comes out of collateral.
        long takerCredit;
        if (taker.Side == Side.Buy)
        {
            Ledger.Debit(taker.Account, Asset.Collateral, takerCollateral + fee);
            Ledger.CreditPending(taker.Account, takerAsset, size);
            takerCredit = size;
            making += takerCollateral + fee;
            taking += size;
        }
        else
        {
            Ledger.Debit(taker.Account, takerAsset, size);
            long net = takerCollateral - fee;
            if (net >= 0)
            {
                Ledger.CreditPending(taker.Account, Asset.Collateral, net);
                takerCredit = net;
            }
            else
            {
                Ledger.Debit(taker.Account, Asset.Collateral, -net);
                takerCredit = net;
            }
            making += size;
            taking += net;
        }
        Ledger.AddFee(fee);
        taker.Filled += size;

        var trade = new TradeRecord
        {
            Id = new TradeId(++_tradeSequence),
            Market = market,
            Kind = mk.Side == taker.Side ? (mk.Side == Side.Buy ? SettlementKind.Mint : SettlementKind.Merge) : SettlementKind.Transfer,
            Size = Quantity.FromRaw(size),
            MatchTimeMs = now,
            TakerOrderId = taker.Id,
            TakerOwner = taker.Owner,
            TakerAddress = taker.Maker,
            TakerOutcome = taker.Outcome,
            TakerSide = taker.Side,
            TakerPrice = Price.FromRaw(takerPrice),
            TakerCollateral = Amount.FromRaw(takerCollateral),
            Fee = Amount.FromRaw(fee),
            MakerOrderId = mk.Id,
            MakerOwner = mk.Owner,
            MakerAddress = mk.Maker,
            MakerOutcome = mk.Outcome,
            MakerSide = mk.Side,
            MakerPrice = Price.FromRaw(makerPrice),
            MakerCollateral = Amount.FromRaw(makerCollateral),
            LastUpdateMs = now,
            TakerAccount = taker.Account,
            MakerAccount = mk.Account,
            TakerCredit = takerCredit,
            MakerCredit = makerCredit,
            WillFail = Options.SettlementFailureRate > 0 && NextUnit() < Options.SettlementFailureRate,
        };
        (taker.Trades ??= new List<TradeId>()).Add(trade.Id);
        (mk.Trades ??= new List<TradeId>()).Add(trade.Id);
        _submitTrades.Add(trade.Id);
        book.LastTradeYes = yesPrice;
        RecordTrade(trade);
        _events.OnTrade(trade);
        if (mk.Remaining > 0)
            _events.OnOrder(new OrderEvent(OrderEventType.Update, ViewOf(makerSlot, OrderStatus.Live, snapshotTrades: false), now));
        else
            _events.OnOrder(new OrderEvent(OrderEventType.Update, ViewOf(makerSlot, OrderStatus.Matched, snapshotTrades: false), now));
    }

    private void Rest(MarketBook book, int slot, long now)
    {
        ref OrderSlot o = ref _slots[slot];
        o.Resting = true;
        int level = o.LevelTicks;
        if (o.IsBid)
        {
            AppendToLevel(book.BidHead, book.BidTail, level, slot);
            book.MarkOccupied(true, level);
            book.BidSize[level] += o.Remaining;
            if (level > book.BestBid)
                book.BestBid = level;
        }
        else
        {
            AppendToLevel(book.AskHead, book.AskTail, level, slot);
            book.MarkOccupied(false, level);
            book.AskSize[level] += o.Remaining;
            if (level < book.BestAsk)
                book.BestAsk = level;
        }
        o.Reserved = o.Side == Side.Buy ? BuyReservation(o.MakerAmount, o.TakerAmount, o.Remaining) : o.Remaining;
        Ledger.AddReserved(o.Account, o.Side == Side.Buy ? Asset.Collateral : book.AssetOf(o.Outcome), o.Reserved);
        _live.Add(o.Id, slot);
        LinkOwner(slot);
        if (o.Type == OrderType.Gtd)
        {
            long expiresAtMs = o.Expiration * 1000 - (long)Options.GtdSecurityThreshold.TotalMilliseconds;
            _expiries.Enqueue((slot, o.Generation), expiresAtMs);
        }
        PublishLevel(book, o.IsBid, level, now);
    }

    private void AppendToLevel(int[] head, int[] tail, int level, int slot)
    {
        ref OrderSlot o = ref _slots[slot];
        int last = tail[level];
        o.Prev = last;
        o.Next = -1;
        if (last < 0)
            head[level] = slot;
        else
            _slots[last].Next = slot;
        tail[level] = slot;
    }

    /// <summary>Takes a resting order out of its level (sizes and best prices updated; no event).</summary>
    private void Unlink(MarketBook book, int slot)
    {
        ref OrderSlot o = ref _slots[slot];
        int level = o.LevelTicks;
        int[] head = o.IsBid ? book.BidHead : book.AskHead;
        int[] tail = o.IsBid ? book.BidTail : book.AskTail;
        if (o.Prev < 0)
            head[level] = o.Next;
        else
            _slots[o.Prev].Next = o.Next;
        if (o.Next < 0)
            tail[level] = o.Prev;
        else
            _slots[o.Next].Prev = o.Prev;
        o.Prev = o.Next = -1;
        o.Resting = false;
        if (head[level] < 0)
            book.MarkEmpty(o.IsBid, level);
        if (o.IsBid)
        {
            book.BidSize[level] -= o.Remaining;
            if (head[level] < 0 && level == book.BestBid)
                book.RecomputeBestBidFrom(level);
        }
        else
        {
            book.AskSize[level] -= o.Remaining;
            if (head[level] < 0 && level == book.BestAsk)
                book.RecomputeBestAskFrom(level);
        }
    }

    /// <summary>Announces a unified-book level's size for both tokens: a YES bid at p is a NO ask at 1 - p.</summary>
    private void PublishLevel(MarketBook book, bool bidSide, int level, long now)
    {
        VenueMarket m = book.Market;
        int yesPrice = level * MarketBook.PriceUnit;
        long size = bidSide ? book.BidSize[level] : book.AskSize[level];
        TopOf(book, 0, out Price yesBid, out Price yesAsk);
        TopOf(book, 1, out Price noBid, out Price noAsk);
        _events.OnBookLevel(new BookLevelChange(m.ConditionId, m.YesToken, bidSide ? Side.Buy : Side.Sell,
            Price.FromRaw(yesPrice), Quantity.FromRaw(size), yesBid, yesAsk, now));
        _events.OnBookLevel(new BookLevelChange(m.ConditionId, m.NoToken, bidSide ? Side.Sell : Side.Buy,
            Price.FromRaw(Scale - yesPrice), Quantity.FromRaw(size), noBid, noAsk, now));
    }

    private int AllocateSlot()
    {
        int slot;
        if (_freeHead >= 0)
        {
            slot = _freeHead;
            _freeHead = _slots[slot].Next;
        }
        else
        {
            if (_slotHighWater == _slots.Length)
                Array.Resize(ref _slots, _slots.Length * 2);
            slot = _slotHighWater++;
        }
        ref OrderSlot o = ref _slots[slot];
        o.InUse = true;
        o.Generation++;
        o.Prev = o.Next = o.OwnerPrev = o.OwnerNext = -1;
        return slot;
    }

    /// <summary>Moves a finished order to history and frees its slot.</summary>
    private void Retire(int slot, OrderView view)
    {
        ref OrderSlot o = ref _slots[slot];
        if (o.Trades is not null && !ReferenceEquals(view.AssociateTrades, o.Trades))
            view = view with { AssociateTrades = o.Trades };
        _history[o.Id] = view;
        _historyOrder.Enqueue(o.Id);
        while (_historyOrder.Count > Options.OrderHistoryLimit)
            _history.Remove(_historyOrder.Dequeue());
        o.InUse = false;
        o.Trades = null;
        o.Owner = null!;
        o.Next = _freeHead;
        _freeHead = slot;
    }

    private void RecordTrade(TradeRecord trade)
    {
        _trades.Enqueue(trade);
        while (_trades.Count > Options.TradeHistoryLimit)
            _trades.Dequeue();
        EnqueueSettlement(trade);
    }

    private void LinkOwner(int slot)
    {
        ref OrderSlot o = ref _slots[slot];
        ref int head = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ownerHead, o.Owner, out bool exists);
        if (!exists)
            head = -1;
        o.OwnerPrev = -1;
        o.OwnerNext = head;
        if (head >= 0)
            _slots[head].OwnerPrev = slot;
        head = slot;
    }

    private void UnlinkOwner(int slot)
    {
        ref OrderSlot o = ref _slots[slot];
        if (o.OwnerPrev >= 0)
            _slots[o.OwnerPrev].OwnerNext = o.OwnerNext;
        else if (o.OwnerNext >= 0)
            _ownerHead[o.Owner] = o.OwnerNext;
        else
            _ownerHead.Remove(o.Owner);
        if (o.OwnerNext >= 0)
            _slots[o.OwnerNext].OwnerPrev = o.OwnerPrev;
        o.OwnerPrev = o.OwnerNext = -1;
    }

    /// <summary>Uniform [0, 1) from the engine's seeded SplitMix64 stream.</summary>
    private double NextUnit()
    {
        ulong z = _rng += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53));
    }
}
