using FastMaker.Engine.Books;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Quoting;
using FastMaker.Engine.Registry;
using FastMaker.Primitives;

namespace FastMaker.Engine.Signals;

/// <summary>
/// Stage 2 of the engine: per token, the fair value, trade flow and intensity, markouts of public trades and of our
/// own fills, order-flow imbalance and the toxicity score (<see cref="ToxicityModel"/>). Runs on the engine thread
/// after the book stage; reads time only from events; allocation-free except when a token is first seen.
/// </summary>
public sealed class SignalStage
{
    private readonly MarketRegistry _registry;
    private readonly BookStage _books;
    private readonly SignalOptions _options;
    private TokenSignals?[] _tokens = new TokenSignals?[64];

    /// <summary>Creates the stage.</summary>
    public SignalStage(MarketRegistry registry, BookStage books, SignalOptions options)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(books);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _registry = registry;
        _books = books;
        _options = options;
    }

    /// <summary>The stage's settings.</summary>
    public SignalOptions Options => _options;

    /// <summary>Public trades seen for tokens not in the registry (ignored).</summary>
    public long UnknownTokenTrades { get; private set; }

    /// <summary>Own fills reported for tokens not in the registry or with bad values (ignored).</summary>
    public long RejectedOwnFills { get; private set; }

    /// <summary>The signals of a token, or null before the token's first book or trade.</summary>
    public TokenSignals? Signals(int tokenIndex) => (uint)tokenIndex < (uint)_tokens.Length ? _tokens[tokenIndex] : null;

    /// <summary>Fair value of a token in raw price units, NaN when unknown.</summary>
    public double FairValueRaw(int tokenIndex) => Signals(tokenIndex)?.FairValueRaw ?? double.NaN;

    /// <summary>Processes one event after the book stage; <paramref name="changedToken"/> is the book it changed, or -1.</summary>
    public void OnEvent(ref InboundEvent e, int changedToken, long nowMs)
    {
        if (changedToken >= 0)
        {
            OnBookChanged(changedToken, nowMs);
        }

        switch (e.Kind)
        {
            case InboundKind.LastTradePrice:
                ref readonly var trade = ref e.Payload.LastTrade;
                OnMarketTrade(e.TokenIndex, trade.Side, trade.Price, trade.Size, nowMs);
                break;
            case InboundKind.Timer when e.Payload.Timer.Kind == TimerKind.Housekeeping:
                OnHousekeeping(nowMs);
                break;
        }
    }

    /// <summary>Recomputes the market's fair value (both tokens), the token's OFI, and resolves due markouts.</summary>
    public void OnBookChanged(int tokenIndex, long nowMs)
    {
        if ((uint)tokenIndex >= (uint)_registry.TokenCount)
        {
            return;
        }

        var market = _registry.MarketOfToken(tokenIndex);
        var yes = Ensure(market.YesIndex);
        var no = Ensure(market.NoIndex);
        var yesBook = _books.Book(market.YesIndex);
        var noBook = _books.Book(market.NoIndex);
        var fair = double.NaN;
        if (yesBook is { IsTrusted: true })
        {
            fair = FairValue.MicropriceRaw(yesBook, noBook is { IsTrusted: true } ? noBook : null, _options.FairValueLevels);
        }
        else if (noBook is { IsTrusted: true })
        {
            var noFair = FairValue.MicropriceRaw(noBook, null, _options.FairValueLevels);
            fair = Price.Scale - noFair;
        }

        yes.FairValueRaw = fair;
        no.FairValueRaw = double.IsNaN(fair) ? double.NaN : Price.Scale - fair;

        var signals = tokenIndex == market.YesIndex ? yes : no;
        var book = _books.Book(tokenIndex);
        if (book is { IsTrusted: true } && book.TryGetBestBid(out var bid, out var bidSize) && book.TryGetBestAsk(out var ask, out var askSize))
        {
            signals.Ofi.OnTop(nowMs, bid, bidSize, ask, askSize);
        }
        else
        {
            signals.Ofi.ResetTop();
        }

        Resolve(yes, nowMs);
        Resolve(no, nowMs);
    }

    /// <summary>Records a public trade (<c>last_trade_price</c>): flow, intensity and a maker-side markout sample.</summary>
    public void OnMarketTrade(int tokenIndex, Side aggressorSide, Price price, Quantity size, long nowMs)
    {
        if ((uint)tokenIndex >= (uint)_registry.TokenCount || !price.IsStrictlyBetweenZeroAndOne || size.Raw <= 0)
        {
            UnknownTokenTrades++;
            return;
        }

        var signals = Ensure(tokenIndex);
        var aggressorBuy = aggressorSide == Side.Buy;
        signals.Flow.Add(nowMs, aggressorBuy, size.Raw);
        // The passive side sold when the aggressor bought.
        signals.MarketMarkouts.Record(nowMs, price.Raw, aggressorBuy ? -1 : 1, size.Raw / (double)Quantity.Scale);
        Resolve(signals, nowMs);
    }

    /// <summary>
    /// Our own fill, reported by the order stage: its markouts feed the toxicity score. <paramref name="side"/> is our
    /// side of the fill (Buy when we bought the token).
    /// </summary>
    public void OnOwnFill(int tokenIndex, Side side, Price price, Quantity size, long nowMs)
    {
        if ((uint)tokenIndex >= (uint)_registry.TokenCount || !price.IsStrictlyBetweenZeroAndOne || size.Raw <= 0)
        {
            RejectedOwnFills++;
            return;
        }

        var signals = Ensure(tokenIndex);
        signals.OwnMarkouts.Record(nowMs, price.Raw, side == Side.Buy ? 1 : -1, size.Raw / (double)Quantity.Scale);
        Resolve(signals, nowMs);
    }

    /// <summary>The housekeeping timer: resolves due markouts and expires windows for every token.</summary>
    public void OnHousekeeping(long nowMs)
    {
        var tokens = _tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] is { } signals)
            {
                Resolve(signals, nowMs);
                signals.Flow.Expire(nowMs);
                signals.Ofi.Expire(nowMs);
            }
        }
    }

    /// <summary>Computes (and caches) the toxicity score of a token at <paramref name="nowMs"/>; 0 for an unseen token.</summary>
    public double Toxicity(int tokenIndex, long nowMs)
    {
        if (Signals(tokenIndex) is not { } signals)
        {
            return 0;
        }

        signals.Flow.Expire(nowMs);
        var score = ToxicityModel.Combine(
            ToxicityModel.AdverseMarkout(signals.MarketMarkouts, _options.MarkoutMinSamples, _options.ToxicMarkoutScaleRaw),
            ToxicityModel.AdverseMarkout(signals.OwnMarkouts, _options.MarkoutMinSamples, _options.ToxicMarkoutScaleRaw),
            ToxicityModel.FlowTerm(signals.Flow, _options.FlowMinTrades),
            _options.FlowWeight);
        signals.Toxicity = score;
        return score;
    }

    private static void Resolve(TokenSignals signals, long nowMs)
    {
        signals.MarketMarkouts.Resolve(nowMs, signals.FairValueRaw);
        signals.OwnMarkouts.Resolve(nowMs, signals.FairValueRaw);
    }

    private TokenSignals Ensure(int tokenIndex)
    {
        if (tokenIndex >= _tokens.Length)
        {
            Array.Resize(ref _tokens, Math.Max(_tokens.Length * 2, tokenIndex + 1));
        }

        return _tokens[tokenIndex] ??= new TokenSignals(_options);
    }
}
