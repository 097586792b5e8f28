using FastMaker.Engine.Books;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Signals;
using FastMaker.Primitives;

namespace FastMaker.Engine.Quoting;

/// <summary>
/// Stage 3 of the engine: each time a market's book changes (or on the housekeeping timer) it builds the market's
/// <see cref="QuoteInputs"/> from the books, signals, registry, holdings and clock, runs <see cref="QuoteModel"/>
/// for both tokens, and diffs the result against our live orders into intents (<see cref="QuoteDiffer"/>).
/// Engine thread only; allocation-free in steady state.
/// </summary>
public sealed class QuoteStage
{
    private const int MaxLiveOrdersPerToken = 16;

    private readonly MarketRegistry _registry;
    private readonly BookStage _books;
    private readonly SignalStage _signals;
    private readonly QuoteOptions _options;
    private readonly IIntentSink _sink;
    private DesiredQuote[] _desired = new DesiredQuote[64];
    private readonly LiveOrderView[] _live = new LiveOrderView[MaxLiveOrdersPerToken];
    private long _refused;

    /// <summary>Creates the stage.</summary>
    public QuoteStage(MarketRegistry registry, BookStage books, SignalStage signals, QuoteOptions options, IIntentSink sink)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sink);
        options.Validate();
        _registry = registry;
        _books = books;
        _signals = signals;
        _options = options;
        _sink = sink;
        for (var i = 0; i < _desired.Length; i++)
        {
            _desired[i].TokenIndex = i;
            _desired[i].Reset();
        }
    }

    /// <summary>The stage's settings.</summary>
    public QuoteOptions Options => _options;

    /// <summary>Our live orders (null: none are known, every wanted quote is placed).</summary>
    public ILiveOrderSource? LiveOrders { get; set; }

    /// <summary>Our holdings (null: flat).</summary>
    public IInventorySource? Inventory { get; set; }

    /// <summary>Markets quoted (model runs) since creation.</summary>
    public long MarketsQuoted { get; private set; }

    /// <summary>Intents the sink refused (full).</summary>
    public long RefusedIntents => _refused;

    /// <summary>The last desired quote of a token.</summary>
    public ref readonly DesiredQuote Desired(int tokenIndex)
    {
        if ((uint)tokenIndex >= (uint)_desired.Length)
        {
            ThrowToken(tokenIndex);
        }

        return ref _desired[tokenIndex];
    }

    /// <summary>Processes one event after the signal stage; <paramref name="changedToken"/> is the book it changed, or -1.</summary>
    public void OnEvent(ref InboundEvent e, int changedToken, long nowMs)
    {
        if (changedToken >= 0)
        {
            QuoteMarket(_registry.MarketOfToken(changedToken).MarketIndex, nowMs);
        }
        else if (e.Kind == InboundKind.Timer && e.Payload.Timer.Kind == TimerKind.Housekeeping)
        {
            QuoteAll(nowMs);
        }
    }

    /// <summary>Requotes every market (housekeeping).</summary>
    public void QuoteAll(long nowMs)
    {
        for (var m = 0; m < _registry.MarketCount; m++)
        {
            QuoteMarket(m, nowMs);
        }
    }

    /// <summary>Builds inputs, runs the model for both tokens and diffs both against live orders.</summary>
    public void QuoteMarket(int marketIndex, long nowMs)
    {
        var market = _registry.Market(marketIndex);
        EnsureDesired(Math.Max(market.YesIndex, market.NoIndex));
        var input = default(QuoteInputs);
        BuildInputs(market, nowMs, ref input);
        ref var yes = ref _desired[market.YesIndex];
        ref var no = ref _desired[market.NoIndex];
        QuoteModel.Compute(in input, _options, ref yes, ref no);
        MarketsQuoted++;

        // Without a known tick nothing can be priced; cancels still need one for the tolerance check.
        var tick = market.Tick ?? TickSize.Hundredth;
        // A field, not a stackalloc: zeroing 16 views (over 1 KB) on every requote cost more than the diff.
        Span<LiveOrderView> live = _live;
        var source = LiveOrders;
        var count = source is null ? 0 : source.CopyLiveOrders(market.YesIndex, live);
        QuoteDiffer.Diff(in yes, live[..count], tick, marketIndex, nowMs, _options, _sink, ref _refused);
        count = source is null ? 0 : source.CopyLiveOrders(market.NoIndex, live);
        QuoteDiffer.Diff(in no, live[..count], tick, marketIndex, nowMs, _options, _sink, ref _refused);
    }

    private void BuildInputs(MarketInfo market, long nowMs, ref QuoteInputs input)
    {
        input.FairValueRaw = double.NaN;
        input.RewardMidRaw = double.NaN;
        input.State = market.State;
        if (market.NotQuotableReason is not null || market.NegRiskOther || market.Tick is not { } tick
            || market.MinOrderSize is not { } minSize || market.EndMs is not { } endMs || market.TakerFeeRateBps is not { } feeBps)
        {
            input.MetadataComplete = false;
            return;
        }

        input.MetadataComplete = true;
        input.Tick = tick;
        input.MinSize = minSize;
        input.TakerFeeRateBps = feeBps;
        input.FeeExponent = market.FeeExponent;
        input.TimeToEndMs = endMs - nowMs;
        var inventory = Inventory;
        input.HoldYes = inventory?.Position(market.YesIndex) ?? Quantity.Zero;
        input.HoldNo = inventory?.Position(market.NoIndex) ?? Quantity.Zero;

        input.BooksQuotable = _books.IsQuotable(market.YesIndex, nowMs) && _books.IsQuotable(market.NoIndex, nowMs);
        if (!input.BooksQuotable)
        {
            return;
        }

        var yesBook = _books.Book(market.YesIndex)!;
        var noBook = _books.Book(market.NoIndex)!;
        input.FairValueRaw = _signals.FairValueRaw(market.YesIndex);
        input.HasBestBid = UnifiedBook.TryGetBest(yesBook, noBook, Side.Buy, out input.BestBid);
        input.HasBestAsk = UnifiedBook.TryGetBest(yesBook, noBook, Side.Sell, out input.BestAsk);
        input.Toxicity = Math.Max(_signals.Toxicity(market.YesIndex, nowMs), _signals.Toxicity(market.NoIndex, nowMs));

        if (market.RewardsMaxSpread is { } maxSpread && market.RewardsMinSize is { } rewardMin && maxSpread.Raw > 0)
        {
            input.HasRewards = true;
            input.RewardsMaxSpread = maxSpread;
            input.RewardsMinSize = rewardMin;
            input.RewardMidRaw = AdjustedMid(yesBook, noBook, rewardMin);
        }
    }

    /// <summary>
    /// The rewards' size-cutoff-adjusted midpoint: the mid of the best unified bid and ask whose level holds at least
    /// the reward min size (smaller levels are ignored), or NaN when either side has none in the scanned levels.
    /// </summary>
    private double AdjustedMid(OrderBook yesBook, OrderBook noBook, Quantity minSize)
    {
        Span<BookLevel> levels = stackalloc BookLevel[UnifiedBook.MaxLevels];
        var k = _options.RewardMidScanLevels;
        var bids = UnifiedBook.CopyLevels(yesBook, noBook, Side.Buy, levels[..k]);
        var bid = -1;
        for (var i = 0; i < bids; i++)
        {
            if (levels[i].Size >= minSize)
            {
                bid = levels[i].Price.Raw;
                break;
            }
        }

        var asks = UnifiedBook.CopyLevels(yesBook, noBook, Side.Sell, levels[..k]);
        var ask = -1;
        for (var i = 0; i < asks; i++)
        {
            if (levels[i].Size >= minSize)
            {
                ask = levels[i].Price.Raw;
                break;
            }
        }

        return bid < 0 || ask < 0 ? double.NaN : (bid + ask) / 2.0;
    }

    private void EnsureDesired(int tokenIndex)
    {
        if (tokenIndex < _desired.Length)
        {
            return;
        }

        var old = _desired.Length;
        Array.Resize(ref _desired, Math.Max(old * 2, tokenIndex + 1));
        for (var i = old; i < _desired.Length; i++)
        {
            _desired[i].TokenIndex = i;
            _desired[i].Reset();
        }
    }

    private static void ThrowToken(int tokenIndex) =>
        throw new ArgumentOutOfRangeException(nameof(tokenIndex), tokenIndex, "no such token");
}
