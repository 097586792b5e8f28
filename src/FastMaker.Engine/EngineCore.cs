using FastMaker.Engine.Books;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Positions;
using FastMaker.Engine.Quoting;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Risk;
using FastMaker.Engine.Signals;
using FastMaker.Engine.Time;
using FastMaker.Primitives;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;

namespace FastMaker.Engine;

/// <summary>
/// The deterministic engine: every input arrives through <see cref="OnEvent"/> in one total order, on one thread,
/// and the engine reads time only from events. The ring's consumer calls it live; replay calls it directly.
/// Stages run in order: books, then (as they land) signals, quoting, the gate and the signer.
/// </summary>
public sealed class EngineCore
{
    private readonly long[] _eventsByKind = new long[Enum.GetValues<InboundKind>().Length];
    private readonly TrackerLiveOrders _liveOrders;
    private long _lastFrame = -1;
    private UInt256 _lastAssetId;
    private int _lastTokenIndex = -1;

    /// <summary>Creates an engine over a registry.</summary>
    /// <param name="registry">Markets and tokens.</param>
    /// <param name="options">Settings.</param>
    /// <param name="intents">Where this event's intents go; null for a new <see cref="IntentBuffer"/>.</param>
    /// <param name="logger">Cold-path log lines (metadata problems, time data errors); null for none.</param>
    /// <param name="signalOptions">Signal settings; null for the defaults.</param>
    /// <param name="quoteOptions">Quote settings; null for the defaults.</param>
    public EngineCore(
        MarketRegistry registry,
        EngineOptions options,
        IntentBuffer? intents = null,
        ILogger? logger = null,
        SignalOptions? signalOptions = null,
        QuoteOptions? quoteOptions = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        Registry = registry;
        Options = options;
        Intents = intents ?? new IntentBuffer();
        var log = logger ?? NullLogger.Instance;
        Books = new BookStage(registry, options.StaleAfterMs, options.Resync);
        Reservations = new Reservations(Math.Max(32, registry.MarketCount));
        Positions = new PositionBook(Math.Max(64, registry.TokenCount));
        Orders = new OrderTracker(registry, Reservations, Positions, options.OrderCapacity, options.FillCapacity);
        Risk = new RiskEngine(registry, options.Risk, Reservations, Positions, Orders, Books);
        Metadata = new MetadataStage(registry, Intents, log);
        States = new MarketStateStage(registry, options.TimeModel, Intents, log);
        quoteOptions ??= new QuoteOptions();
        Signals = new SignalStage(registry, Books, signalOptions ?? new SignalOptions());
        Quotes = new QuoteStage(registry, Books, Signals, quoteOptions, Intents);
        _liveOrders = new TrackerLiveOrders(Orders);
    }

    /// <summary>Intents formed while processing the current event, in order (cleared before each event; the gate reads them).</summary>
    public IntentBuffer Intents { get; }

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

    /// <summary>Our orders: the state machine fed by the gate, REST replies and the user channel.</summary>
    public OrderTracker Orders { get; }

    /// <summary>What open orders hold back (collateral per market, shares per token).</summary>
    public Reservations Reservations { get; }

    /// <summary>Shares, collateral, fees and realized PnL.</summary>
    public PositionBook Positions { get; }

    /// <summary>Caps, available balances and the kill switch; the gate's <see cref="IPreTradeRisk"/>.</summary>
    public RiskEngine Risk { get; }

    /// <summary>Stage 4: the execution firewall and, behind it, the sign stage; null until attached.</summary>
    public ExecutionGate? Gate { get; private set; }

    /// <summary>
    /// Attaches the gate (composition root, before the first event). From then on every intent the stages form goes
    /// through it, in order, at the end of its event; without a gate (replay) intents stay in <see cref="Intents"/>.
    /// The quote stage's live orders and inventory come from the order tracker and the position book.
    /// </summary>
    public void AttachGate(ExecutionGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        Gate = gate;
        Quotes.LiveOrders ??= _liveOrders;
        Quotes.Inventory ??= new PositionInventory(Positions);
        SyncGateStates();
    }

    /// <summary>A view of the order tracker for the gate (is a cancel or replace target one of our open orders?).</summary>
    public IOrderLookup OrderLookup => _liveOrders;

    /// <summary>Intents the gate approved since start.</summary>
    public long IntentsApproved { get; private set; }

    /// <summary>Intents the gate rejected since start (per reason: <see cref="ExecutionGate.Stats"/>).</summary>
    public long IntentsRejected { get; private set; }

    /// <summary>Called on the engine thread after each event, once its intents went through the gate (the store feed, metrics); null for none.</summary>
    public IEngineObserver? Observer { get; set; }

    /// <summary>Hands one intent to the gate at the engine clock; the only way an intent reaches the signer.</summary>
    public GateRejectReason Submit(in OrderIntent intent) =>
        Gate is { } gate ? gate.Submit(intent, NowMs) : GateRejectReason.KillSwitch;

    /// <summary>Stage 2: signals (fair value, flow, markouts, OFI, toxicity). The order stage reports our fills to it.</summary>
    public SignalStage Signals { get; }

    /// <summary>Stage 3: quoting and the differ.</summary>
    public QuoteStage Quotes { get; }


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
        switch (e.Kind)
        {
            case InboundKind.MetadataRefresh:
                // First, so that its cancel-alls precede anything else this event causes.
                OnMetadataRefresh(ref e);
                break;
            case InboundKind.Timer when e.Payload.Timer.Kind == TimerKind.Housekeeping:
                States.EvaluateAll(NowMs);
                SyncGateStates();
                break;
        }

        var changed = Books.OnEvent(ref e);
        // Repeats due snapshot requests of books still untrusted (a compare when none is due).
        Books.Resync.Poll(NowMs);
        Signals.OnEvent(ref e, changed, NowMs);
        Quotes.OnEvent(ref e, changed, NowMs);
        OnOrderEvents(ref e);
        if (Gate is { } gate)
        {
            RunGate(gate);
        }

        Observer?.AfterEvent(this, ref e);
    }

    /// <summary>Stage 4 and 5: each intent of this event, then risk's own (the kill switch's CancelAll), through the gate to the signer and the sink.</summary>
    private void RunGate(ExecutionGate gate)
    {
        // The order tracker changes with each approval; the live-order view reads it directly, so the next intent's
        // lookups see it.
        for (var i = 0; i < Intents.Count; i++)
        {
            Count(gate.Submit(in Intents[i], NowMs));
        }

        while (Risk.TryDequeueIntent(out var intent))
        {
            Count(gate.Submit(in intent, NowMs));
        }
    }

    private void Count(GateRejectReason reason)
    {
        if (reason == GateRejectReason.None)
        {
            IntentsApproved++;
        }
        else
        {
            IntentsRejected++;
        }
    }

    /// <summary>The gate's per-market states follow the time model's (kept on each market).</summary>
    private void SyncGateStates()
    {
        if (Gate is not { } gate)
        {
            return;
        }

        var count = Registry.MarketCount;
        for (var m = 0; m < count; m++)
        {
            var state = Registry.Market(m).State;
            if (gate.StateOf(m) != state)
            {
                gate.SetMarketState(m, state);
            }
        }
    }

    /// <summary>Orders, positions and risk: user-channel events, REST replies, reconciliation and operator commands.</summary>
    private void OnOrderEvents(ref InboundEvent e)
    {
        switch (e.Kind)
        {
            case InboundKind.OrderUpdate:
                Orders.OnOrderEvent(in e.Payload.Order, e.TokenIndex, NowMs);
                RiskAfter(e.TokenIndex);
                break;
            case InboundKind.Trade:
                Orders.OnTrade(in e.Payload.Trade, e.TokenIndex, NowMs);
                RiskAfter(e.TokenIndex);
                break;
            case InboundKind.TradeMakerOrder:
                Orders.OnTradeMakerOrder(in e.Payload.MakerOrder, e.TokenIndex, NowMs);
                RiskAfter(e.TokenIndex);
                break;
            case InboundKind.TradeEnd:
                Orders.OnTradeEnd();
                break;
            case InboundKind.RestReply:
                OnRestReply(e.Cold);
                break;
            case InboundKind.Operator when e.Cold is KillSwitchCommand command:
                if (command.On)
                {
                    Risk.Kill(NowMs);
                }
                else
                {
                    Risk.ResetKillSwitch();
                }

                break;
            case InboundKind.Operator when e.Cold is OperatorOrderCommand order:
                // Through the gate with this event's other intents; stamped with the engine clock.
                var intent = order.Intent;
                intent.CreatedMs = NowMs;
                Intents.Submit(in intent);
                break;
            case InboundKind.MetadataRefresh:
                Risk.RebuildClusters();
                break;
        }
    }

    private void OnRestReply(object? reply)
    {
        if (reply is VenueFeedback feedback)
        {
            Gate?.OnVenueFeedback(feedback, NowMs);
        }
        else if (reply is OrderReply orderReply)
        {
            Orders.OnReply(orderReply, NowMs);
            RiskAfter(Orders.TryGetSlot(orderReply.OrderId, out var slot) ? Orders[slot].TokenIndex : -1);
        }
        else if (reply is VenueOrdersSnapshot snapshot)
        {
            Orders.Reconcile(snapshot.Orders, snapshot.AsOfMs, snapshot.AdoptUnknown, snapshot.Differences);
            Risk.RefreshAll();
            Risk.OnOrdersChanged(-1, NowMs);
        }
    }

    private void RiskAfter(int tokenIndex)
    {
        var market = (uint)tokenIndex < (uint)Registry.TokenCount ? Registry.MarketOfToken(tokenIndex).MarketIndex : -1;
        Risk.OnOrdersChanged(market, NowMs);
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
        SyncGateStates();
    }

    /// <summary>Finds the dense token index from the payload's asset id; the registry belongs to this thread.</summary>
    private int ResolveToken(ref InboundEvent e) => e.Kind switch
    {
        InboundKind.BookBegin or InboundKind.BookEnd => TokenIndexOf(e.Payload.Book.AssetId),
        InboundKind.PriceChange => TokenIndexOf(e.Payload.PriceChange.AssetId),
        InboundKind.TickSizeChange => TokenIndexOf(e.Payload.TickSizeChange.AssetId),
        InboundKind.LastTradePrice => TokenIndexOf(e.Payload.LastTrade.AssetId),
        InboundKind.BestBidAsk => TokenIndexOf(e.Payload.BestBidAsk.AssetId),
        InboundKind.OrderUpdate => TokenIndexOf(e.Payload.Order.AssetId),
        InboundKind.Trade or InboundKind.TradeEnd => TokenIndexOf(e.Payload.Trade.AssetId),
        InboundKind.TradeMakerOrder => TokenIndexOf(e.Payload.MakerOrder.AssetId),
        _ => -1,
    };

    /// <summary>
    /// The registry lookup with a one-entry memo: consecutive events (a frame's entries, a snapshot's begin and end)
    /// mostly name the same asset, and a known token's index never changes. Unknown ids are not remembered (they
    /// may be added by a metadata refresh).
    /// </summary>
    private int TokenIndexOf(in UInt256 assetId)
    {
        if (_lastTokenIndex >= 0 && assetId == _lastAssetId)
        {
            return _lastTokenIndex;
        }

        var index = Registry.TokenIndexOf(assetId);
        if (index >= 0)
        {
            _lastAssetId = assetId;
            _lastTokenIndex = index;
        }

        return index;
    }
}
