using System.Globalization;
using FastMaker.Engine.Budget;
using FastMaker.Engine.Execution;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Reconciliation;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Risk;
using FastMaker.Engine.Signing;
using FastMaker.Engine.Store;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Polymarket.Rest.Gamma;
using FastMaker.Polymarket.Signing;
using FastMaker.Polymarket.WebSockets;
using FastMaker.Primitives;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FastMaker.Engine.Hosting;

/// <summary>
/// The composition root of the live engine, in start-up order: signer, API key over L1, markets from Gamma into the
/// registry, collateral balance, store (load, then a writer fed from the engine thread), sign stage, pipeline, sender,
/// gate; reconciliation with the venue's open orders BEFORE any market data (so before any quote); then the user and
/// market WebSockets, timers, the venue heartbeat, metadata refresh and periodic reconciliation. <see cref="StopAsync"/>
/// trips the kill switch (cancel-all through the gate), waits for the cancels to be confirmed, stops every source,
/// drains the pipeline and flushes the store. Every piece comes from <see cref="LiveEngineOptions"/>, so tests replace
/// any of them.
/// </summary>
public sealed class LiveEngineHost : IAsyncDisposable
{
    private readonly LiveEngineOptions _options;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _background = new();
    private SocketsHttpHandler? _http;
    private EthSigner? _signer;
    private NoncePool? _nonces;
    private SignStage? _signStage;
    private SqliteStore? _store;
    private StoreWriter? _writer;
    private ISignedRequestSink? _sender;
    private MarketDataFeed? _marketFeed;
    private ResubscribeRelay? _resync;
    private WsConnection? _userConnection;
    private TimerSource? _timers;
    private VenueHeartbeat? _heartbeat;
    private int _state;

    private LiveEngineHost(LiveEngineOptions options)
    {
        _options = options;
        _log = options.LoggerFactory?.CreateLogger("FastMaker.Host") ?? NullLogger.Instance;
    }

    /// <summary>The engine (touch its state only after <see cref="StopAsync"/>; read <see cref="Summary"/> while it runs).</summary>
    public EngineCore Engine { get; private set; } = null!;

    /// <summary>The inbound pipeline (its counters are safe to read from any thread).</summary>
    public InboundPipeline Pipeline { get; private set; } = null!;

    /// <summary>The CLOB client with our L2 credentials (reconciliation, heartbeat, final comparison).</summary>
    public ClobClient Clob { get; private set; } = null!;

    /// <summary>Our address (the signer's, or the funder's for proxy signature types).</summary>
    public EthAddress Address { get; private set; }

    /// <summary>The API key derived at start-up (not secret; the secret and passphrase are never exposed).</summary>
    public string ApiKey { get; private set; } = "";

    /// <summary>Markets loaded from Gamma and quoted.</summary>
    public int MarketCount => Engine.Registry.MarketCount;

    /// <summary>Summaries published from the engine thread about once a second.</summary>
    public SummaryPublisher Summary { get; private set; } = null!;

    /// <summary>The store feed, or null without a store.</summary>
    public StoreFeed? StoreFeed { get; private set; }

    /// <summary>The differences the start-up reconciliation found (read after <see cref="StopAsync"/>).</summary>
    public VenueOrdersSnapshot? StartupReconciliation { get; private set; }

    /// <summary>Venue heartbeats that succeeded (read from any thread).</summary>
    public long HeartbeatsSucceeded => _heartbeatsSucceeded + (_heartbeat?.Succeeded ?? 0);

    private long _heartbeatsSucceeded;

    /// <summary>Starts everything; returns once the engine is running and subscribed. Throws with a precise message on a start-up failure (after undoing what it started).</summary>
    public static async Task<LiveEngineHost> StartAsync(LiveEngineOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = new LiveEngineHost(options);
        try
        {
            await host.StartCoreAsync(ct).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task StartCoreAsync(CancellationToken ct)
    {
        var o = _options;
        var time = o.Time;

        // 1. Who we are: the key never leaves the signer; an API key is created (or re-derived) over L1.
        _nonces = o.SigningMode == SigningMode.Fast ? new NoncePool(1024) : null;
        _signer = o.SignerFactory is { } factory
            ? factory(_nonces)
            : o.PrivateKeyFile is { } file ? EthSigner.FromFile(file, _nonces) : EthSigner.FromEnvironment(o.PrivateKeyVariable, _nonces);
        Address = o.Funder ?? EthAddress.FromBytes(_signer.Address);
        _http = PolyHttpHandlerFactory.Create();
        var publicClob = new ClobClient(_http, new ClobClientOptions { BaseUri = o.ClobUrl }, null, time);
        // Paper trading never authenticates: local throwaway credentials sign requests that are never sent.
        var credentials = o.PaperTrading ? ThrowawayCredentials() : await DeriveCredentialsAsync(publicClob, ct).ConfigureAwait(false);
        ApiKey = credentials.ApiKey;
        var l2 = new L2Signer(credentials, _signer.AddressChecksummed);
        Clob = new ClobClient(_http, new ClobClientOptions { BaseUri = o.ClobUrl }, l2, time);

        // 2. Markets: metadata into the registry before the engine is built (its tables are sized from it).
        var gamma = new GammaClient(_http, o.GammaUrl, null, time);
        var conditionIds = o.ConditionIds is { Count: > 0 } ids ? ids : await DiscoverMarketsAsync(gamma, ct).ConfigureAwait(false);
        var metadata = new PolymarketMetadataSource(gamma, o.PaperTrading ? publicClob : Clob, conditionIds);
        var refresh = await metadata.FetchAsync(ct).ConfigureAwait(false);
        var registry = new MarketRegistry();
        var loggerFactory = o.LoggerFactory;
        new MetadataStage(registry, new IntentBuffer(), loggerFactory?.CreateLogger("FastMaker.Metadata") ?? NullLogger.Instance)
            .Apply(refresh, time.GetUtcNow().ToUnixTimeMilliseconds());
        if (registry.MarketCount == 0)
        {
            throw new InvalidOperationException("no market to quote: Gamma at " + o.GammaUrl + " returned none of the " + conditionIds.Count
                + " requested (" + refresh.Rejected.Count + " rejected as malformed)");
        }

        Engine = new EngineCore(registry, o.Engine, null, loggerFactory?.CreateLogger("FastMaker.Engine"), o.Signals, o.Quote);

        // 3. Money: the venue's collateral balance is the starting point; positions come from the store, then reconciliation.
        Engine.Positions.SetCollateral(o.PaperTrading ? o.PaperCollateral : await ReadCollateralAsync(ct).ConfigureAwait(false));

        // 4. Store: load what the last run left, then write every change off the hot path.
        Summary = new SummaryPublisher(null);
        if (o.StorePath is { } paperPath && o.PaperTrading)
        {
            // A paper run starts flat and writes every fill as simulated; nothing is recovered from the venue.
            _store = SqliteStore.Open(paperPath);
            _writer = new StoreWriter(_store, null, loggerFactory?.CreateLogger("FastMaker.Store"));
            StoreFeed = new StoreFeed(_writer, simulated: true);
        }
        else if (o.StorePath is { } path)
        {
            _store = SqliteStore.Open(path);
            var stored = _store.Load();
            foreach (var p in stored.Positions)
            {
                var token = registry.TokenIndexOf(p.TokenId);
                if (token >= 0 && p.Shares > 0)
                {
                    Engine.Positions.SetShares(token, Quantity.FromRaw(p.Shares), Amount.FromRaw(p.CostBasis));
                }
            }

            // After an unclean stop the venue knows more than the store: fills, closed orders, balances. Then the store's
            // open orders (as corrected) and their fills go back into the tracker, so a re-sent trade is not counted twice.
            await StartupRecovery.RunAsync(Clob, _store, stored, Engine, Address, ApiKey, (int)o.SignatureType, !o.CancelRestingOrdersOnRecovery,
                    Now(), _log, ct)
                .ConfigureAwait(false);
            RestoreOpenOrders(_store.Load());
            _writer = new StoreWriter(_store, null, loggerFactory?.CreateLogger("FastMaker.Store"));
            StoreFeed = new StoreFeed(_writer);
        }

        // 5. The execution side: sign stage, pipeline, sender, gate.
        var builder = new OrderBuilder(_signer, o.ChainId, o.SignatureType, o.Funder, credentials.ApiKey, o.OrderVersion);
        _signStage = new SignStage(builder, l2, o.SigningMode, (ulong)time.GetTimestamp() | 1);
        Summary = new SummaryPublisher(_signStage);
        Engine.Observer = new ObserverChain(StoreFeed, Summary, o.Observer);
        Pipeline = new InboundPipeline(Engine, o.Pipeline, time, o.Journal);
        _sender = o.SenderFactory(new SenderContext(o.ClobUrl, Address, credentials, Pipeline, time, _signStage.Pool) { Engine = Engine });
        if (o.PaperTrading && _sender is OrderSender)
        {
            throw new InvalidOperationException("paper trading never sends orders: its sender must be a simulated venue, not the HTTP OrderSender");
        }

        Pipeline.Route = _sender as IEngineEventRoute;
        // An untrusted book's snapshot requests go to the market feed (attached when market data starts) through this relay.
        _resync = new ResubscribeRelay(log: loggerFactory?.CreateLogger("FastMaker.Resync"));
        Engine.Books.Resync.Sink = _resync;
        var budget = new MutationBudget(o.Budget, Math.Max(16, registry.MarketCount));
        Engine.AttachGate(new ExecutionGate(registry, Engine.Risk, Engine.OrderLookup, budget, _signStage, _sender, o.Gate));

        if (o.PaperTrading)
        {
            // 6-7 for paper: the simulated venue is the only record of our orders; market data, timers and refresh only.
            Pipeline.Start();
            await StartMarketDataAsync(registry, time).ConfigureAwait(false);
            StartMetadataRefresh(metadata, time);
            _log.LogInformation("paper engine started: {Markets} markets, address {Address}, nothing is sent to the venue", registry.MarketCount, Address);
            Volatile.Write(ref _state, 1);
            return;
        }

        // 6. Reconcile before quoting: the snapshot is the first item the engine sees, before any market data.
        var reconciler = new ReconciliationRunner(
            Clob, snapshot => DeliverReconciliation(snapshot), new ReconciliationOptions { IntervalSeconds = o.ReconcileIntervalSeconds },
            Address.ToString(), credentials.ApiKey, time, loggerFactory?.CreateLogger("FastMaker.Reconciliation"));
        var first = await reconciler.FetchAsync(ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the start-up reconciliation failed (see the log): refusing to quote without it");
        StartupReconciliation = DeliverReconciliation(first, graceMs: 0);
        Pipeline.Start();

        // 7. Sources: the user channel first (our order events), then market data, timers, heartbeat, refresh, reconcile.
        _userConnection = new WsConnection(1000, WsChannel.User, new WsConnectionOptions { Uri = o.UserWsUrl },
            new UserChannelAuth(credentials.ApiKey, credentials.Secret, credentials.Passphrase), time);
        Pipeline.Attach(_userConnection);
        _userConnection.Start();
        await _userConnection.SubscribeAsync(ConditionIdsOf(registry)).ConfigureAwait(false);

        await StartMarketDataAsync(registry, time).ConfigureAwait(false);
        _heartbeat = new VenueHeartbeat(Clob, o.Heartbeat, time);
        _heartbeat.Lapsed += lapse => _log.LogError("venue heartbeat lapsed for {Silence}: the venue has probably cancelled our orders ({Error})",
            lapse.Silence, lapse.LastError);
        _heartbeat.Start();

        StartMetadataRefresh(metadata, time);
        _background.Add(RunQuietly(() => WaitThenAsync(TimeSpan.FromSeconds(o.ReconcileIntervalSeconds), reconciler.RunAsync), "reconciliation"));
        _log.LogInformation("live engine started: {Markets} markets, address {Address}, api key {ApiKey}", registry.MarketCount, Address, ApiKey);
        Volatile.Write(ref _state, 1);
    }

    /// <summary>
    /// Stops cleanly: the kill switch cancels every open order through the gate; the host waits (up to
    /// <see cref="LiveEngineOptions.StopDrainTimeout"/>) for the engine to see them closed; then every source stops, the
    /// pipeline drains, the sender finishes, and the store is flushed with every order and position as they are.
    /// With <see cref="LiveEngineOptions.CancelAllOnStop"/> false nothing is cancelled: our orders stay at the venue.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.CompareExchange(ref _state, 2, 1) != 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_background).ConfigureAwait(false);
        if (_options.CancelAllOnStop)
        {
            await CancelAllAndDrainAsync().ConfigureAwait(false);
        }

        await StopSourcesAsync().ConfigureAwait(false);
        await StopPipelineAsync().ConfigureAwait(false);
    }

    // The kill switch cancels every open order through the gate; wait for the replies (they come back through the pipeline).
    private async Task CancelAllAndDrainAsync()
    {
        Pipeline.EnqueueControl(ControlItem.ForCold(InboundKind.Operator, new KillSwitchCommand { On = true }, Now()));

        // The summary is the thread-safe view.
        var deadline = Now() + (long)_options.StopDrainTimeout.TotalMilliseconds;
        var killSeenAt = Pipeline.EventsPublished;
        while (Now() < deadline)
        {
            await Task.Delay(100).ConfigureAwait(false);
            if (Summary.Latest is { } s && s.KillSwitchOn && s.OpenOrders == 0 && Pipeline.EventsHandled > killSeenAt)
            {
                break;
            }

            // Housekeeping keeps the summary fresh; without a tick in a while, ask for one.
            Pipeline.EnqueueControl(ControlItem.ForTimer(TimerKind.Housekeeping, Now(), Now()));
        }
    }

    private async Task StopPipelineAsync()
    {
        await Pipeline.StopAsync().ConfigureAwait(false);
        if (_sender is IAsyncDisposable sender)
        {
            await sender.DisposeAsync().ConfigureAwait(false);
            _sender = null;
        }

        // The engine thread has ended (StopAsync joined it): this thread may read the engine now.
        StoreFeed?.WriteAll(Engine);
        Summary.Publish(Engine);
        if (_writer is { } writer && StoreFeed is { } feed && feed.LastGroup >= 0 && !writer.WaitForCommit(feed.LastGroup, TimeSpan.FromSeconds(10)))
        {
            _log.LogError("store: the final group was not committed within 10 s");
        }
    }

    /// <summary>
    /// Hands an operator's intent to the running engine (any thread): it goes through the gate like every other intent,
    /// and an order it places is never touched by the quote stage. False when the engine is not running or its control
    /// queue is full.
    /// </summary>
    public bool SubmitOperatorOrder(in OrderIntent intent)
    {
        if (Volatile.Read(ref _state) != 1)
        {
            return false;
        }

        var command = new OperatorOrderCommand { Intent = intent with { Origin = OrderOrigin.Operator } };
        return Pipeline.EnqueueControl(ControlItem.ForCold(InboundKind.Operator, command, Now()));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _log.LogError(e, "stop failed");
        }

        await StopSourcesAsync().ConfigureAwait(false);
        if (Pipeline is not null)
        {
            await Pipeline.DisposeAsync().ConfigureAwait(false);
        }

        if (_sender is IAsyncDisposable sender)
        {
            await sender.DisposeAsync().ConfigureAwait(false);
        }

        _writer?.Dispose();
        _store?.Dispose();
        _signStage?.Dispose();
        _signer?.Dispose();
        _nonces?.Dispose();
        _http?.Dispose();
        _stopping.Dispose();
    }

    private async Task StopSourcesAsync()
    {
        if (!_stopping.IsCancellationRequested)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }

        _timers?.Dispose();
        _timers = null;
        if (_heartbeat is { } heartbeat)
        {
            _heartbeat = null;
            _heartbeatsSucceeded = heartbeat.Succeeded;
            await heartbeat.DisposeAsync().ConfigureAwait(false);
        }

        if (_marketFeed is { } feed)
        {
            _marketFeed = null;
            await feed.DisposeAsync().ConfigureAwait(false);
        }

        if (_userConnection is { } user)
        {
            _userConnection = null;
            await user.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task StartMarketDataAsync(MarketRegistry registry, TimeProvider time)
    {
        _marketFeed = new MarketDataFeed(new WsConnectionOptions { Uri = _options.MarketWsUrl }, time);
        Pipeline.Attach(_marketFeed);
        await _marketFeed.SubscribeAsync(TokenIdsOf(registry)).ConfigureAwait(false);
        _resync!.Attach(_marketFeed);
        _background.Add(RunQuietly(() => _resync.RunAsync(_stopping.Token), "book resync"));
        _timers = new TimerSource(Pipeline, time, [(TimerKind.Housekeeping, _options.HousekeepingInterval)]);
    }

    private void StartMetadataRefresh(PolymarketMetadataSource metadata, TimeProvider time)
    {
        var refresher = new MetadataRefresher(metadata, r => Pipeline.EnqueueControl(
            ControlItem.ForCold(InboundKind.MetadataRefresh, r, time.GetUtcNow().ToUnixTimeMilliseconds())),
            _options.MetadataRefreshInterval, time, _options.LoggerFactory?.CreateLogger("FastMaker.Metadata"));
        _background.Add(RunQuietly(() => WaitThenAsync(_options.MetadataRefreshInterval, refresher.RunAsync), "metadata refresh"));
    }

    private async Task<Amount> ReadCollateralAsync(CancellationToken ct)
    {
        var balance = await Clob.GetBalanceAllowanceAsync(AssetType.Collateral, null, (int)_options.SignatureType, ct).ConfigureAwait(false);
        if (!balance.IsSuccess || !long.TryParse(balance.Value!.Balance, NumberStyles.Integer, CultureInfo.InvariantCulture, out var collateral))
        {
            throw new InvalidOperationException("could not read the collateral balance: " + (balance.Error?.ToString() ?? "unparseable balance"));
        }

        return Amount.FromRaw(collateral);
    }

    // Random, local, never registered anywhere: the L2 headers of paper requests are computed (same cost) and never sent.
    private static ApiCredentials ThrowawayCredentials() =>
        new(Guid.NewGuid().ToString(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_'),
            Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    private async Task<ApiCredentials> DeriveCredentialsAsync(ClobClient clob, CancellationToken ct)
    {
        var headers = L1Headers.Create(_signer!, _options.ChainId, Now() / 1000);
        var l1 = new L1AuthHeaders(headers.Address, headers.Signature,
            long.Parse(headers.Timestamp, CultureInfo.InvariantCulture), long.Parse(headers.Nonce, CultureInfo.InvariantCulture));
        var created = await clob.CreateApiKeyAsync(l1, ct).ConfigureAwait(false);
        var result = created.IsSuccess ? created : await clob.DeriveApiKeyAsync(l1, ct).ConfigureAwait(false);
        if (!result.IsSuccess || result.Value is not { ApiKey: { Length: > 0 } key, Secret: { Length: > 0 } secret, Passphrase: { Length: > 0 } pass })
        {
            throw new InvalidOperationException("could not create or derive an API key at " + _options.ClobUrl + ": "
                + (result.Error?.ToString() ?? "the reply lacked a key, secret or passphrase") + " (create: " + created.Error + ")");
        }

        return new ApiCredentials(key, secret, pass);
    }

    private static async Task<IReadOnlyList<string>> DiscoverMarketsAsync(GammaClient gamma, CancellationToken ct)
    {
        var page = await gamma.GetMarketsAsync(new GammaQuery { Limit = 100, Closed = false }, ct).ConfigureAwait(false);
        if (!page.IsSuccess)
        {
            throw new InvalidOperationException("could not list markets from Gamma: " + page.Error);
        }

        var ids = new List<string>();
        foreach (var market in page.Value!)
        {
            if (!string.IsNullOrEmpty(market.ConditionId))
            {
                ids.Add(market.ConditionId);
            }
        }

        if (ids.Count == 0)
        {
            throw new InvalidOperationException("Gamma lists no open market to quote");
        }

        return ids;
    }

    /// <summary>
    /// Our open orders as the last run stored them go back into the tracker (and reservations) before the start-up
    /// reconciliation, which then confirms them against the venue or closes them; orders of markets no longer loaded are
    /// left to the reconciliation's report.
    /// </summary>
    private void RestoreOpenOrders(StoreSnapshot stored)
    {
        var registry = Engine.Registry;
        var restored = 0;
        foreach (var s in stored.Orders)
        {
            var state = (OrderState)(byte)s.State;
            if (!state.IsOpen())
            {
                continue;
            }

            var token = registry.TokenIndexOf(s.TokenId);
            var outcome = token < 0
                ? OrderEventOutcome.Invalid
                : Engine.Orders.Restore(s.OrderId, token, registry.MarketOfToken(token).MarketIndex, s.Side, s.Price, s.OriginalSize, s.FilledSize,
                    state, s.Origin, s.PostOnly, s.TimeInForce, s.ExpirationSeconds, s.CreatedMs);
            if (outcome == OrderEventOutcome.Applied)
            {
                restored++;
            }
            else
            {
                _log.LogWarning("store: open order {Order} not restored ({Outcome}); reconciliation will report it if the venue still has it",
                    s.OrderId, outcome);
            }
        }

        foreach (var f in stored.Fills)
        {
            // Only fills of restored orders matter: trades of orders we no longer track are not applied again.
            // A fill not restored would count twice when its trade's later statuses arrive: say so.
            if (Engine.Orders.RestoreFill(f.TradeId, f.OrderId, f.Size, f.Price, f.Status, (FillLiquidity)(byte)f.Liquidity,
                    (ClassificationSource)(byte)f.ClassificationSource, f.MatchMs) == OrderEventOutcome.Invalid)
            {
                _log.LogError("store: fill {Trade} of order {Order} could not be restored (liquidity {Liquidity}, source {Source})",
                    f.TradeId, f.OrderId, f.Liquidity, f.ClassificationSource);
            }
        }

        if (restored > 0)
        {
            Engine.Risk.RefreshAll();
            _log.LogInformation("store: {Count} open orders restored before reconciliation", restored);
        }
    }

    /// <summary>Hands a venue snapshot to the engine; orders created within the grace period are left to the next one.</summary>
    private VenueOrdersSnapshot DeliverReconciliation(ReconciliationSnapshot snapshot, long graceMs = -1)
    {
        var registry = Engine.Registry;
        var orders = new List<VenueOpenOrder>(snapshot.Orders.Count);
        foreach (var v in snapshot.Orders)
        {
            var token = registry.TokenIndexOf(v.TokenId);
            if (token < 0)
            {
                _log.LogWarning("reconciliation: venue order {Order} is for token {Token}, outside our markets; left alone", v.Id, v.TokenId);
                continue;
            }

            orders.Add(new VenueOpenOrder(v.Id, token, registry.MarketOfToken(token).MarketIndex, v.Side, v.Price, v.OriginalSize, v.SizeMatched));
        }

        var grace = graceMs >= 0 ? graceMs : _options.ReconcileInFlightGraceMs;
        var venue = new VenueOrdersSnapshot { Orders = [.. orders], AsOfMs = snapshot.AsOfMs - grace, AdoptUnknown = _options.AdoptUnknownOrders };
        Pipeline.EnqueueControl(ControlItem.ForCold(InboundKind.RestReply, venue, Now()));
        return venue;
    }

    private async Task WaitThenAsync(TimeSpan delay, Func<CancellationToken, Task> run)
    {
        // The start-up fetch already happened: the loops begin one period later.
        await Task.Delay(delay, _options.Time, _stopping.Token).ConfigureAwait(false);
        await run(_stopping.Token).ConfigureAwait(false);
    }

    private async Task RunQuietly(Func<Task> run, string name)
    {
        try
        {
            await run().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _log.LogError(e, "{Name} loop failed", name);
        }
    }

    private long Now() => _options.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private static List<string> ConditionIdsOf(MarketRegistry registry)
    {
        var ids = new List<string>(registry.MarketCount);
        for (var m = 0; m < registry.MarketCount; m++)
        {
            ids.Add(registry.Market(m).ConditionId.ToString());
        }

        return ids;
    }

    private static List<string> TokenIdsOf(MarketRegistry registry)
    {
        var ids = new List<string>(registry.TokenCount);
        for (var m = 0; m < registry.MarketCount; m++)
        {
            var market = registry.Market(m);
            ids.Add(market.YesToken.ToString());
            ids.Add(market.NoToken.ToString());
        }

        return ids;
    }
}
