using FastMaker.Engine.Books;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

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
    /// <param name="registry">Markets and tokens.</param>
    /// <param name="options">Settings.</param>
    /// <param name="intents">Where intents go, in order; null for a new <see cref="IntentBuffer"/>.</param>
    /// <param name="logger">Cold-path log lines (metadata problems, time data errors); null for none.</param>
    public EngineCore(MarketRegistry registry, EngineOptions options, IIntentSink? intents = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        Registry = registry;
        Options = options;
        Intents = intents ?? new IntentBuffer();
        var log = logger ?? NullLogger.Instance;
        Books = new BookStage(registry, options.StaleAfterMs);
        Metadata = new MetadataStage(registry, Intents, log);
        States = new MarketStateStage(registry, options.TimeModel, Intents, log);
    }

    /// <summary>Where the engine's intents go, in the order they were formed.</summary>
    public IIntentSink Intents { get; }

    /// <summary>Applies metadata refreshes to the registry (cancel-all and halt on negRisk or binding changes).</summary>
    public MetadataStage Metadata { get; }

    /// <summary>The time model: market states from the three clocks.</summary>
    public MarketStateStage States { get; }

    /// <summary>Cold events whose object was missing or of the wrong type (counted, ignored).</summary>
    public long MalformedColdEvents { get; private set; }

    /// <summary>Markets and tokens.</summary>
    public MarketRegistry Registry { get; }

    /// <summary>The engine's settings.</summary>
    public EngineOptions Options { get; }

    /// <summary>Stage 1: books.</summary>
    public BookStage Books { get; }

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
        switch (e.Kind)
        {
            case InboundKind.MetadataRefresh:
                // First, so that its cancel-alls precede anything else this event causes.
                OnMetadataRefresh(ref e);
                break;
            case InboundKind.Timer when e.Payload.Timer.Kind == TimerKind.Housekeeping:
                States.EvaluateAll(NowMs);
                break;
        }

        Books.OnEvent(ref e);
    }

    private void OnMetadataRefresh(ref InboundEvent e)
    {
        if (e.Cold is not MetadataRefresh refresh)
        {
            MalformedColdEvents++;
            return;
        }

        var changes = Metadata.Apply(refresh, NowMs);
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if ((change.Kinds & MarketChangeKind.TickSize) != 0)
            {
                // Same effect as a tick_size_change: re-grid both books of the market.
                var market = Registry.Market(change.MarketIndex);
                var tick = market.Tick!.Value;
                Books.Book(market.YesIndex)?.ChangeTickSize(tick);
                Books.Book(market.NoIndex)?.ChangeTickSize(tick);
            }
        }

        States.EvaluateAll(NowMs);
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
