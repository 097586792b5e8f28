using FastMaker.Engine;
using FastMaker.Engine.Books;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Journal;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Polymarket.Rest.Gamma;
using FastMaker.Polymarket.WebSockets;
using FastMaker.Primitives;
using FastMaker.Venue;
using FastMaker.Venue.Matching;
using EngineOptions = FastMaker.Engine.EngineOptions;
using FastMaker.Venue.Scenarios;
using Microsoft.Extensions.Time.Testing;
using BookLevel = FastMaker.Engine.Books.BookLevel;

namespace FastMaker.Integration.Tests;

/// <summary>
/// The market side live over real loopback sockets: the in-process venue running a scenario, our
/// <see cref="MarketDataFeed"/> (WsConnection -> Pipe) -> <see cref="WsFrameSource"/> -> <see cref="InboundPipeline"/>
/// (ingress thread, the single writer -> inbound ring -> engine thread: <see cref="EngineCore.OnEvent"/>, whose observer
/// is the <see cref="MarketDataTap"/>).
/// Metadata comes from the venue's Gamma and CLOB endpoints through <see cref="PolymarketMetadataSource"/>.
/// </summary>
/// <remarks>
/// One fake clock drives everything time-based: the venue's flow (it steps only when the test advances the clock, so
/// the venue is quiet at a checkpoint), the connections' PING, watchdog and reconnect back-off, the frames' receive
/// stamps (the engine's only clock) and the housekeeping timer. The sockets and threads are real, so the test waits
/// for conditions (with a generous real-time limit) and then asserts exactly. No gate is attached: the intents are the
/// quote, metadata and time stages' output, which the tap reads from <see cref="EngineCore.Intents"/>.
/// </remarks>
internal sealed class MarketDataRig : IAsyncDisposable
{
    /// <summary>Every built-in scenario starts here; the clock starts here so market end dates lie ahead.</summary>
    public static readonly DateTimeOffset ScenarioStart = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly HttpClientHandler _http = new();
    private readonly CancellationTokenSource _stopRelay = new();
    private Task? _relayLoop;
    private TimerSource? _timers;

    private MarketDataRig(FakeTimeProvider clock, FastMaker.Venue.Venue venue, EngineCore engine, FrameJournal? journal, ResyncMethod resyncMethod)
    {
        Clock = clock;
        Venue = venue;
        Engine = engine;
        Tap = new MarketDataTap(64);
        engine.Quotes.LiveOrders = Tap.Live;
        engine.Observer = Tap;
        // The engine's snapshot requests for untrusted books reach the feed as in the live host.
        Relay = new ResubscribeRelay();
        engine.Books.Resync.Sink = Relay;
        Pipeline = new InboundPipeline(engine, new PipelineOptions { RingSize = 4096, ControlQueueCapacity = 1024, Log = Log }, clock, journal);
        Markets = venue.WithEngine(static e => e.Markets.ToList());
        Feed = new MarketDataFeed(
            new WsConnectionOptions
            {
                Uri = new Uri(venue.WsUrl + "/market"),
                // Fake time moves much faster than the sockets: only the behaviour under test may drop a connection.
                ConnectTimeout = TimeSpan.FromHours(1),
                DeadConnectionTimeout = TimeSpan.FromHours(1),
                AssetSilenceTimeout = null,
                ReconnectInitialDelay = TimeSpan.FromSeconds(1),
                ReconnectMaxDelay = TimeSpan.FromSeconds(2),
                RandomSeed = 7,
                ResyncMethod = resyncMethod,
            },
            clock);
        Feed.StatusChanged += status =>
        {
            lock (StatusLog)
            {
                StatusLog.Add(status);
            }
        };
        Pipeline.Attach(Feed);
        Relay.Attach(Feed);
        _relayLoop = Task.Run(() => Relay.RunAsync(_stopRelay.Token));
    }

    public FakeTimeProvider Clock { get; }

    public FastMaker.Venue.Venue Venue { get; }

    /// <summary>The engine; touch it only through <see cref="OnEngineAsync{T}"/> while the rig runs.</summary>
    public EngineCore Engine { get; }

    public MarketDataTap Tap { get; }

    /// <summary>The live pipeline: ingress thread, inbound ring, engine thread.</summary>
    public InboundPipeline Pipeline { get; }

    public Ingress<RingInboundTarget> Ingress => Pipeline.Ingress;

    public MarketDataFeed Feed { get; }

    /// <summary>Carries the engine's resubscribe requests to <see cref="Feed"/>.</summary>
    public ResubscribeRelay Relay { get; }

    /// <summary>The venue's markets, in scenario order.</summary>
    public IReadOnlyList<VenueMarket> Markets { get; }

    /// <summary>Status changes seen from the feed, in order (transport threads append; read under the list's lock).</summary>
    public List<WsStatusEvent> StatusLog { get; } = new();

    /// <summary>Starts the venue on <paramref name="scenario"/>, loads its markets into the engine, subscribes every token.</summary>
    public static async Task<MarketDataRig> StartAsync(
        string scenario, EngineOptions? options = null, FrameJournal? journal = null, ResyncMethod resyncMethod = ResyncMethod.UnsubscribeSubscribe)
    {
        var clock = new FakeTimeProvider(ScenarioStart);
        var venue = await FastMaker.Venue.Venue.StartAsync(ScenarioLoader.LoadBuiltIn(scenario), new VenueOptions { Time = clock });
        var engine = new EngineCore(new MarketRegistry(), options ?? DefaultOptions());
        var rig = new MarketDataRig(clock, venue, engine, journal, resyncMethod);
        rig.Pipeline.Start();

        var refresh = await rig.FetchMetadataAsync();
        Assert.Empty(refresh.Rejected);
        Assert.Equal(rig.Markets.Count, refresh.Markets.Count);
        rig.Enqueue(ControlItem.ForCold(InboundKind.MetadataRefresh, refresh, rig.NowMs));
        await rig.WaitUntilAsync(e => e.Registry.MarketCount == rig.Markets.Count, "the metadata refresh to register every market");

        rig._timers = new TimerSource(rig.Pipeline, clock, [(TimerKind.Housekeeping, TimeSpan.FromMilliseconds(250))]);
        await rig.Feed.SubscribeAsync(rig.AllTokens());
        await rig.WaitForVenueBooksAsync();
        return rig;
    }

    public long NowMs => Clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The engine options the rig uses unless told otherwise (a replay of its journal must use the same).</summary>
    public static EngineOptions DefaultOptions() => new() { StaleAfterMs = 3_000 };

    /// <summary>Drops every market socket at the venue and steps the fake clock until the feed has reconnected and resubscribed.</summary>
    public async Task DropAndReconnectAsync()
    {
        var connection = Feed.Connections[0];
        var session = connection.Session;
        Venue.Faults.DropWebSockets(FastMaker.Venue.Faults.WebSocketTarget.Market);
        var deadline = DateTime.UtcNow + WaitLimit;
        while (connection.Session == session || !connection.IsLive)
        {
            Assert.True(DateTime.UtcNow < deadline, "the feed did not reconnect after the drop");
            await AdvanceAsync(Step);
        }
    }

    /// <summary>Every token id of the venue's markets, as the wire spells them.</summary>
    public List<string> AllTokens()
    {
        var tokens = new List<string>();
        foreach (var market in Markets)
        {
            tokens.Add(market.YesToken.ToString());
            tokens.Add(market.NoToken.ToString());
        }

        return tokens;
    }

    /// <summary>The venue's Gamma and CLOB metadata for its markets, as the engine's refresh would fetch it.</summary>
    public Task<MetadataRefresh> FetchMetadataAsync()
    {
        var ids = new List<string>();
        foreach (var market in Markets)
        {
            ids.Add(market.ConditionId.ToString());
        }

        var source = new PolymarketMetadataSource(
            new GammaClient(_http, new Uri(Venue.GammaUrl)),
            new ClobClient(_http, new ClobClientOptions { BaseUri = new Uri(Venue.ClobUrl) }),
            ids);
        return source.FetchAsync(CancellationToken.None);
    }

    public void Enqueue(in ControlItem item) => Assert.True(Pipeline.EnqueueControl(item), "the control queue is full");

    /// <summary>Moves the fake clock forward in 100 ms steps, yielding real time so the sockets deliver.</summary>
    public async Task AdvanceAsync(TimeSpan span)
    {
        for (var t = TimeSpan.Zero; t < span; t += Step)
        {
            Clock.Advance(Step);
            await Task.Delay(3);
            ThrowIfFaulted();
        }
    }

    /// <summary>Runs <paramref name="probe"/> on the engine thread (after the next event, which this queues) and returns its result.</summary>
    public async Task<T> OnEngineAsync<T>(Func<EngineCore, T> probe)
    {
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        Tap.Enqueue(engine =>
        {
            try
            {
                done.SetResult(probe(engine));
            }
            catch (Exception exception)
            {
                done.SetException(exception);
            }
        });
        // An operator event the engine ignores: it only makes sure an event runs soon.
        Enqueue(ControlItem.ForCold(InboundKind.Operator, ProbeMarker.Instance, NowMs));
        return await done.Task.WaitAsync(WaitLimit);
    }

    /// <summary>Polls <paramref name="condition"/> on the engine thread until it holds; fails with <paramref name="what"/> after 30 s of real time.</summary>
    public async Task WaitUntilAsync(Func<EngineCore, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (!await OnEngineAsync(condition))
        {
            ThrowIfFaulted();
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(20);
        }
    }

    /// <summary>Waits (without moving the clock, so the venue is quiet) until the engine's books equal the venue's, then asserts it exactly.</summary>
    public async Task WaitForVenueBooksAsync()
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            var venue = VenueBooks();
            var engine = await OnEngineAsync(e => EngineBooks(e, venue));
            if (SameBooks(venue, engine) || DateTime.UtcNow > deadline)
            {
                AssertBooksEqual(venue, engine);
                return;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The venue's current books, per token.</summary>
    public List<BookSnapshot> VenueBooks() => Venue.WithEngine(e =>
    {
        var books = new List<BookSnapshot>();
        foreach (var market in e.Markets)
        {
            books.Add(e.GetBook(market.YesToken)!);
            books.Add(e.GetBook(market.NoToken)!);
        }

        return books;
    });

    /// <summary>The engine's view of the same tokens (engine thread).</summary>
    public static List<EngineBook> EngineBooks(EngineCore engine, List<BookSnapshot> tokens)
    {
        var result = new List<EngineBook>(tokens.Count);
        var scratch = new BookLevel[512];
        foreach (var venueBook in tokens)
        {
            var index = engine.Registry.TokenIndexOf(venueBook.AssetId);
            var book = index < 0 ? null : engine.Books.Book(index);
            if (book is null)
            {
                result.Add(new EngineBook(venueBook.AssetId, null, BookUntrustedReason.NoSnapshot, [], []));
                continue;
            }

            var bids = Copy(book, Side.Buy, scratch);
            var asks = Copy(book, Side.Sell, scratch);
            result.Add(new EngineBook(venueBook.AssetId, book.Tick, book.UntrustedReason, bids, asks));
        }

        return result;

        static (Price, Quantity)[] Copy(OrderBook book, Side side, BookLevel[] scratch)
        {
            var count = book.CopyLevels(side, scratch);
            var levels = new (Price, Quantity)[count];
            for (var i = 0; i < count; i++)
            {
                levels[i] = (scratch[i].Price, scratch[i].Size);
            }

            return levels;
        }
    }

    public static bool SameBooks(List<BookSnapshot> venue, List<EngineBook> engine)
    {
        for (var i = 0; i < venue.Count; i++)
        {
            var v = venue[i];
            var e = engine[i];
            if (e.Reason != BookUntrustedReason.None || e.Tick is not { } tick || tick != v.TickSize
                || !v.Bids.Select(l => (l.Price, l.Size)).SequenceEqual(e.Bids) || !v.Asks.Select(l => (l.Price, l.Size)).SequenceEqual(e.Asks))
            {
                return false;
            }
        }

        return true;
    }

    public static void AssertBooksEqual(List<BookSnapshot> venue, List<EngineBook> engine)
    {
        Assert.Equal(venue.Count, engine.Count);
        for (var i = 0; i < venue.Count; i++)
        {
            var v = venue[i];
            var e = engine[i];
            Assert.True(e.Reason == BookUntrustedReason.None, "book " + v.AssetId + " is not trusted: " + e.Reason);
            Assert.Equal(v.TickSize, e.Tick);
            Assert.Equal(v.Bids.Select(l => (l.Price, l.Size)), e.Bids);
            Assert.Equal(v.Asks.Select(l => (l.Price, l.Size)), e.Asks);
        }
    }

    /// <summary>Live orders of a market's two tokens in the instant-ack order stage (engine thread).</summary>
    public static int LiveOrderCount(EngineCore engine, int marketIndex)
    {
        var market = engine.Registry.Market(marketIndex);
        Span<Engine.Orders.LiveOrderView> orders = stackalloc Engine.Orders.LiveOrderView[16];
        var live = engine.Quotes.LiveOrders!;
        return live.CopyLiveOrders(market.YesIndex, orders) + live.CopyLiveOrders(market.NoIndex, orders);
    }

    /// <summary>Stops the feed, the timers and the pipeline (draining); rethrows a pipeline fault.</summary>
    public async ValueTask DisposeAsync()
    {
        _timers?.Dispose();
        await _stopRelay.CancelAsync();
        try
        {
            await _relayLoop!;
        }
        catch (OperationCanceledException)
        {
        }

        _stopRelay.Dispose();
        await Feed.DisposeAsync();
        try
        {
            await Pipeline.StopAsync().WaitAsync(WaitLimit);
        }
        finally
        {
            await Venue.DisposeAsync();
            _http.Dispose();
        }
    }

    private void ThrowIfFaulted()
    {
        if (Pipeline.Fault is { } fault)
        {
            throw new InvalidOperationException("the pipeline failed: " + fault.Message, fault);
        }
    }

    private static void Log(string line) => Console.Error.WriteLine("rig: " + line);

    /// <summary>The cold object of the rig's probe events.</summary>
    internal sealed class ProbeMarker
    {
        public static readonly ProbeMarker Instance = new();
    }
}

/// <summary>The engine's book of one token, copied on the engine thread.</summary>
internal sealed record EngineBook(UInt256 AssetId, TickSize? Tick, BookUntrustedReason Reason, (Price, Quantity)[] Bids, (Price, Quantity)[] Asks);
