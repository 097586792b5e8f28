using FastMaker.Primitives;
using VenueLedger = FastMaker.Venue.Ledger.Ledger;
using Asset = FastMaker.Venue.Ledger.Asset;

namespace FastMaker.Venue.Matching;

/// <summary>
/// The venue's exchange core: per market a unified YES/NO book with price-time priority, partial
/// fills, mint/merge/transfer settlement, taker fees, the reference's order checks and texts, GTD
/// expiry, settlement states, tick size changes, close and resolution.
/// Single-threaded: the caller serialises every call. Time comes only from the injected
/// <see cref="TimeProvider"/>, randomness only from <see cref="EngineOptions.Seed"/>, so the same
/// inputs at the same times give the same event stream.
/// </summary>
public sealed partial class MatchingEngine
{
    private readonly TimeProvider _time;
    private readonly IExchangeEvents _events;
    private readonly List<MarketBook> _books = new();
    private readonly Dictionary<Hash32, int> _bookByCondition = new();
    private readonly Dictionary<UInt256, TokenRef> _byToken = new();
    private readonly Dictionary<Hash32, int> _live = new();
    private readonly Dictionary<string, int> _ownerHead = new(StringComparer.Ordinal);
    private readonly Dictionary<Hash32, OrderView> _history = new();
    private readonly Queue<Hash32> _historyOrder = new();
    private readonly Queue<TradeRecord> _trades = new();
    private readonly PriorityQueue<(int Slot, int Generation), long> _expiries = new();
    private OrderSlot[] _slots = new OrderSlot[1024];
    private int _freeHead = -1;
    private int _slotHighWater;
    private long _tradeSequence;
    private ulong _rng;

    /// <summary>Creates an engine over <paramref name="ledger"/>, reading time from <paramref name="time"/>.</summary>
    public MatchingEngine(VenueLedger ledger, TimeProvider time, IExchangeEvents? events = null, EngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(time);
        Ledger = ledger;
        _time = time;
        _events = events ?? NullExchangeEvents.Instance;
        Options = options ?? new EngineOptions();
        if (Options.SettlementFailureRate is < 0 or > 1 || double.IsNaN(Options.SettlementFailureRate))
            ThrowHelper.ThrowArgument("SettlementFailureRate must be within [0, 1]", nameof(options));
        if (Options.MinedDelay < TimeSpan.Zero || Options.ConfirmedDelay < TimeSpan.Zero)
            ThrowHelper.ThrowArgument("settlement delays must not be negative", nameof(options));
        _rng = Options.Seed ^ 0x9E3779B97F4A7C15UL;
    }

    /// <summary>The balances the engine checks and moves.</summary>
    public VenueLedger Ledger { get; }

    /// <summary>Configuration.</summary>
    public EngineOptions Options { get; }

    /// <summary>The engine's clock.</summary>
    public TimeProvider Time => _time;

    /// <summary>Every market, in the order added.</summary>
    public IReadOnlyList<VenueMarket> Markets
    {
        get
        {
            var list = new VenueMarket[_books.Count];
            for (int i = 0; i < list.Length; i++)
                list[i] = _books[i].Market;
            return list;
        }
    }

    /// <summary>Number of orders resting on all books.</summary>
    public int LiveOrderCount => _live.Count;

    /// <summary>Trades made so far (including those dropped from history).</summary>
    public long TradeCount => _tradeSequence;

    /// <summary>Adds a market; its tokens are registered with the ledger.</summary>
    public void AddMarket(VenueMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        if (_bookByCondition.ContainsKey(market.ConditionId))
            ThrowHelper.ThrowArgument("market " + market.ConditionId.ToString() + " is already on the venue", nameof(market));
        if (market.YesToken == market.NoToken)
            ThrowHelper.ThrowArgument("the YES and NO token ids must differ", nameof(market));
        if (_byToken.ContainsKey(market.YesToken) || _byToken.ContainsKey(market.NoToken))
            ThrowHelper.ThrowArgument("a token of market " + market.ConditionId.ToString() + " already belongs to another market", nameof(market));
        if (!market.TickSize.IsValid)
            ThrowHelper.ThrowArgument("the market needs a valid tick size", nameof(market));
        if (market.TakerFeeRatePpm is < 0 or > 1_000_000 || market.TakerFeeExponent is < 0 or > 4)
            ThrowHelper.ThrowArgument("taker fee rate must be within [0, 1] and the exponent within [0, 4]", nameof(market));
        if (market.MinOrderSize.Raw < 0)
            ThrowHelper.ThrowArgument("min order size must not be negative", nameof(market));
        if (market.Outcomes.Length != 2)
            ThrowHelper.ThrowArgument("a binary market has exactly two outcomes", nameof(market));

        int yes = Asset.OfToken(Ledger.RegisterToken(market.YesToken));
        int no = Asset.OfToken(Ledger.RegisterToken(market.NoToken));
        int index = _books.Count;
        market.Index = index;
        _books.Add(new MarketBook(market, yes, no));
        _bookByCondition.Add(market.ConditionId, index);
        _byToken.Add(market.YesToken, new TokenRef(index, 0));
        _byToken.Add(market.NoToken, new TokenRef(index, 1));
    }

    /// <summary>The market with condition id <paramref name="conditionId"/>.</summary>
    public bool TryGetMarket(Hash32 conditionId, out VenueMarket market)
    {
        if (_bookByCondition.TryGetValue(conditionId, out int i))
        {
            market = _books[i].Market;
            return true;
        }
        market = null!;
        return false;
    }

    /// <summary>The market that trades <paramref name="token"/>, and the token's outcome index.</summary>
    public bool TryGetMarketByToken(UInt256 token, out VenueMarket market, out int outcome)
    {
        if (_byToken.TryGetValue(token, out TokenRef r))
        {
            market = _books[r.Book].Market;
            outcome = r.Outcome;
            return true;
        }
        market = null!;
        outcome = -1;
        return false;
    }

    /// <summary>The book of <paramref name="token"/>, best levels first; null for an unknown token.</summary>
    public BookSnapshot? GetBook(UInt256 token)
    {
        if (!_byToken.TryGetValue(token, out TokenRef r))
            return null;
        MarketBook book = _books[r.Book];
        var yesBids = new List<BookLevel>();
        for (int l = book.BestBid; l > 0; l--)
            if (book.BidSize[l] > 0)
                yesBids.Add(new BookLevel(Price.FromRaw(l * MarketBook.PriceUnit), Quantity.FromRaw(book.BidSize[l])));
        var yesAsks = new List<BookLevel>();
        for (int l = book.BestAsk; l < MarketBook.Levels; l++)
            if (book.AskSize[l] > 0)
                yesAsks.Add(new BookLevel(Price.FromRaw(l * MarketBook.PriceUnit), Quantity.FromRaw(book.AskSize[l])));

        BookLevel[] bids, asks;
        int last = book.LastTradeYes;
        if (r.Outcome == 0)
        {
            bids = yesBids.ToArray();
            asks = yesAsks.ToArray();
        }
        else
        {
            // The NO book mirrors the YES book: a YES ask at p is a NO bid at 1 - p.
            bids = Mirror(yesAsks);
            asks = Mirror(yesBids);
            last = last == 0 ? 0 : Price.Scale - last;
        }
        VenueMarket m = book.Market;
        return new BookSnapshot
        {
            Market = m.ConditionId,
            AssetId = token,
            Bids = bids,
            Asks = asks,
            TimestampMs = NowMs(),
            TickSize = m.TickSize,
            MinOrderSize = m.MinOrderSize,
            NegRisk = m.NegRisk,
            LastTradePrice = Price.FromRaw(last),
        };
    }

    /// <summary>Best bid and ask of <paramref name="token"/> (zero when a side is empty).</summary>
    public bool TryGetTopOfBook(UInt256 token, out Price bestBid, out Price bestAsk)
    {
        bestBid = bestAsk = Price.Zero;
        if (!_byToken.TryGetValue(token, out TokenRef r))
            return false;
        TopOf(_books[r.Book], r.Outcome, out bestBid, out bestAsk);
        return true;
    }

    /// <summary>An order by id: live orders and recent terminal ones.</summary>
    public OrderView? GetOrder(Hash32 orderId)
    {
        if (_live.TryGetValue(orderId, out int slot))
            return ViewOf(slot, OrderStatus.Live, snapshotTrades: true);
        return _history.TryGetValue(orderId, out OrderView view) ? view : null;
    }

    /// <summary>Open orders of <paramref name="owner"/> matching <paramref name="filter"/>, oldest first.</summary>
    public List<OrderView> OpenOrders(string owner, OrderFilter filter = default)
    {
        var result = new List<OrderView>();
        if (!_ownerHead.TryGetValue(owner, out int slot))
            return result;
        for (; slot >= 0; slot = _slots[slot].OwnerNext)
        {
            ref OrderSlot o = ref _slots[slot];
            VenueMarket m = _books[o.Book].Market;
            if (filter.Id is { } id && id != o.Id)
                continue;
            if (filter.Market is { } market && market != m.ConditionId)
                continue;
            if (filter.AssetId is { } asset && asset != m.TokenOf(o.Outcome))
                continue;
            result.Add(ViewOf(slot, OrderStatus.Live, snapshotTrades: true));
        }
        // The owner list is newest first.
        result.Reverse();
        return result;
    }

    /// <summary>Recent trades in which <paramref name="owner"/> was taker or maker, matching <paramref name="filter"/>, oldest first.</summary>
    public List<TradeRecord> Trades(string owner, TradeFilter filter = default)
    {
        var result = new List<TradeRecord>();
        foreach (TradeRecord t in _trades)
        {
            if (!string.Equals(t.TakerOwner, owner, StringComparison.Ordinal) && !string.Equals(t.MakerOwner, owner, StringComparison.Ordinal))
                continue;
            if (filter.Id is { } id && id != t.Id)
                continue;
            if (filter.MakerAddress is { } addr && addr != t.MakerAddress && addr != t.TakerAddress)
                continue;
            if (filter.Market is { } market && market != t.Market.ConditionId)
                continue;
            if (filter.AssetId is { } asset && asset != t.TakerAssetId && asset != t.MakerAssetId)
                continue;
            long seconds = t.MatchTimeMs / 1000;
            if (filter.Before is { } before && seconds >= before)
                continue;
            if (filter.After is { } after && seconds <= after)
                continue;
            result.Add(t);
        }
        return result;
    }

    private long NowMs() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private static BookLevel[] Mirror(List<BookLevel> levels)
    {
        var result = new BookLevel[levels.Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = new BookLevel(Price.FromRaw(Price.Scale - levels[i].Price.Raw), levels[i].Size);
        return result;
    }

    private static void TopOf(MarketBook book, int outcome, out Price bestBid, out Price bestAsk)
    {
        int bid = book.HasBid ? book.BestBid * MarketBook.PriceUnit : 0;
        int ask = book.HasAsk ? book.BestAsk * MarketBook.PriceUnit : 0;
        if (outcome == 0)
        {
            bestBid = Price.FromRaw(bid);
            bestAsk = Price.FromRaw(ask);
        }
        else
        {
            bestBid = Price.FromRaw(ask == 0 ? 0 : Price.Scale - ask);
            bestAsk = Price.FromRaw(bid == 0 ? 0 : Price.Scale - bid);
        }
    }

    private OrderView ViewOf(int slot, OrderStatus status, bool snapshotTrades)
    {
        ref OrderSlot o = ref _slots[slot];
        VenueMarket m = _books[o.Book].Market;
        IReadOnlyList<TradeId> trades = o.Trades is null ? Array.Empty<TradeId>()
            : snapshotTrades ? o.Trades.ToArray() : o.Trades;
        return new OrderView
        {
            Id = o.Id,
            Status = status,
            Owner = o.Owner,
            MakerAddress = o.Maker,
            Market = m.ConditionId,
            AssetId = m.TokenOf(o.Outcome),
            Outcome = m.Outcomes[o.Outcome],
            Side = o.Side,
            Price = Price.FromRaw(o.PriceRaw),
            OriginalSize = Quantity.FromRaw(o.Original),
            SizeMatched = Quantity.FromRaw(o.Filled),
            OrderType = o.Type,
            CreatedAtMs = o.CreatedAtMs,
            Expiration = o.Expiration,
            AssociateTrades = trades,
        };
    }

    private readonly record struct TokenRef(int Book, int Outcome);
}
