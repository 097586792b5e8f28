using FastMaker.Engine.Books;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Quoting;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Signals;

namespace FastMaker.Engine;

/// <summary>
/// The deterministic engine: every input arrives through <see cref="OnEvent"/> in one total order, on one thread,
/// and the engine reads time only from events. The ring's consumer calls it live; replay calls it directly.
/// Stages run in order: books, then (as they land) signals, quoting, the gate and the signer.
/// </summary>
public sealed class EngineCore
{
    private readonly long[] _eventsByKind = new long[Enum.GetValues<InboundKind>().Length];
    private long _lastFrame = -1;

    /// <summary>Creates an engine over a registry.</summary>
    public EngineCore(MarketRegistry registry, EngineOptions options)
        : this(registry, options, new SignalOptions(), new QuoteOptions())
    {
    }

    /// <summary>Creates an engine over a registry with explicit signal and quote settings.</summary>
    public EngineCore(MarketRegistry registry, EngineOptions options, SignalOptions signalOptions, QuoteOptions quoteOptions)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        Registry = registry;
        Options = options;
        Books = new BookStage(registry, options.StaleAfterMs);
        Signals = new SignalStage(registry, Books, signalOptions);
        Intents = new IntentBuffer(quoteOptions.IntentCapacity);
        Quotes = new QuoteStage(registry, Books, Signals, quoteOptions, Intents);
    }

    /// <summary>Markets and tokens.</summary>
    public MarketRegistry Registry { get; }

    /// <summary>The engine's settings.</summary>
    public EngineOptions Options { get; }

    /// <summary>Stage 1: books.</summary>
    public BookStage Books { get; }

    /// <summary>Stage 2: signals (fair value, flow, markouts, OFI, toxicity). The order stage reports our fills to it.</summary>
    public SignalStage Signals { get; }

    /// <summary>Stage 3: quoting and the differ.</summary>
    public QuoteStage Quotes { get; }

    /// <summary>Intents formed while processing the current event (cleared before each event; the gate reads them).</summary>
    public IntentBuffer Intents { get; }

    /// <summary>The engine's clock: the latest receive time seen (never goes backwards).</summary>
    public long NowMs { get; private set; }

    /// <summary>Number of events of one kind processed.</summary>
    public long EventCount(InboundKind kind) => _eventsByKind[(int)kind];

    /// <summary>Processes one inbound event.</summary>
    public void OnEvent(ref InboundEvent e)
    {
        if (e.FrameSequence != _lastFrame)
        {
            // The previous frame is complete: checks that need all of a frame run now.
            Books.VerifyFrame();
            _lastFrame = e.FrameSequence;
        }

        _eventsByKind[(int)e.Kind]++;
        if (e.ReceiveMs > NowMs)
        {
            NowMs = e.ReceiveMs;
        }

        e.TokenIndex = ResolveToken(ref e);
        Intents.Clear();
        var changed = Books.OnEvent(ref e);
        Signals.OnEvent(ref e, changed, NowMs);
        Quotes.OnEvent(ref e, changed, NowMs);
    }

    /// <summary>Finds the dense token index from the payload's asset id; the registry belongs to this thread.</summary>
    private int ResolveToken(ref InboundEvent e) => e.Kind switch
    {
        InboundKind.BookBegin or InboundKind.BookEnd => Registry.TokenIndexOf(e.Payload.Book.AssetId),
        InboundKind.PriceChange => Registry.TokenIndexOf(e.Payload.PriceChange.AssetId),
        InboundKind.TickSizeChange => Registry.TokenIndexOf(e.Payload.TickSizeChange.AssetId),
        InboundKind.LastTradePrice => Registry.TokenIndexOf(e.Payload.LastTrade.AssetId),
        InboundKind.BestBidAsk => Registry.TokenIndexOf(e.Payload.BestBidAsk.AssetId),
        InboundKind.OrderUpdate => Registry.TokenIndexOf(e.Payload.Order.AssetId),
        InboundKind.Trade or InboundKind.TradeEnd => Registry.TokenIndexOf(e.Payload.Trade.AssetId),
        InboundKind.TradeMakerOrder => Registry.TokenIndexOf(e.Payload.MakerOrder.AssetId),
        _ => -1,
    };
}
