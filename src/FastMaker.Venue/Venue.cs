using System.Globalization;
using FastMaker.Venue.Api;
using FastMaker.Venue.Auth;
using FastMaker.Venue.Faults;
using FastMaker.Venue.RateLimits;
using FastMaker.Venue.Server;
using FastMaker.Venue.WebSockets;
using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using Microsoft.AspNetCore.Builder;
using VenueLedger = FastMaker.Venue.Ledger.Ledger;

namespace FastMaker.Venue;

/// <summary>
/// A Polymarket-compatible exchange on loopback: CLOB REST and WebSockets on one port, Gamma on another.
/// <c>await using var venue = await Venue.StartAsync(options);</c>
/// </summary>
public sealed class Venue : IAsyncDisposable
{
    private readonly VenueRuntime _runtime;
    private readonly ExchangeGate _gate;
    private readonly ExchangeEventPublisher _publisher;
    private readonly WebApplication _clob;
    private readonly WebApplication _gamma;
    private readonly CancellationTokenSource _stopping;

    private Venue(VenueRuntime runtime, ExchangeGate gate, ExchangeEventPublisher publisher, WebApplication clob, WebApplication gamma, CancellationTokenSource stopping, int clobPort, int gammaPort)
    {
        _runtime = runtime;
        _gate = gate;
        _publisher = publisher;
        _clob = clob;
        _gamma = gamma;
        _stopping = stopping;
        ClobUrl = "http://127.0.0.1:" + clobPort.ToString(CultureInfo.InvariantCulture);
        WsUrl = "ws://127.0.0.1:" + clobPort.ToString(CultureInfo.InvariantCulture) + "/ws";
        GammaUrl = "http://127.0.0.1:" + gammaPort.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>CLOB REST base URL, e.g. http://127.0.0.1:5123.</summary>
    public string ClobUrl { get; }

    /// <summary>WebSocket base URL; channels are <c>{WsUrl}/market</c> and <c>{WsUrl}/user</c>.</summary>
    public string WsUrl { get; }

    /// <summary>Gamma metadata base URL (its own port, since both services have /markets).</summary>
    public string GammaUrl { get; }

    /// <summary>Faults on demand (also reachable over POST /control/... on the CLOB port).</summary>
    public VenueFaults Faults => _runtime.Faults;

    /// <summary>Issued API keys.</summary>
    public ApiKeyStore ApiKeys => _runtime.Keys;

    /// <summary>The WebSocket hub (connection counts, slow-client disconnects).</summary>
    public WsHub WebSockets => _runtime.Hub;

    /// <summary>The heartbeat dead-man switch.</summary>
    public HeartbeatRegistry Heartbeats => _runtime.Heartbeats;

    /// <summary>
    /// REST requests received so far by "METHOD /route" (for example "POST /order"), before rate limits and faults; control
    /// and WebSocket routes are not counted. Tests prove with it which endpoints a client used.
    /// </summary>
    public IReadOnlyDictionary<string, long> RequestCounts => new Dictionary<string, long>(_runtime.Requests, StringComparer.Ordinal);

    /// <summary>The options the venue runs with.</summary>
    public VenueOptions Options => _runtime.Options;

    /// <summary>Starts the venue on loopback with markets added by <paramref name="setup"/> (no scripted flow).</summary>
    /// <param name="options">Ports, windows, limits, clock; defaults when null.</param>
    /// <param name="setup">Adds markets and funds accounts before the servers start (scenarios do this).</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static Task<Venue> StartAsync(VenueOptions? options = null, Action<VenueSetup>? setup = null, CancellationToken cancellationToken = default)
    {
        options ??= new VenueOptions();
        var o = options;
        return StartCoreAsync(o, events =>
        {
            var ledger = new VenueLedger(o.Ledger);
            var engine = new MatchingEngine(ledger, o.Time, events, o.Engine);
            setup?.Invoke(new VenueSetup(engine, ledger));
            return (engine, null);
        }, cancellationToken);
    }

    /// <summary>
    /// Starts the venue on a scenario (a built-in name or a JSON file loaded with <see cref="Scenarios.ScenarioLoader"/>):
    /// its markets, accounts, initial books, and its flow agents stepped on the venue's clock.
    /// </summary>
    public static Task<Venue> StartAsync(Scenarios.Scenario scenario, VenueOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new VenueOptions();
        var time = options.Time;
        return StartCoreAsync(options, events =>
        {
            var runner = Flow.ScenarioRunner.Create(scenario, time, events);
            return (runner.Engine, runner);
        }, cancellationToken);
    }

    private static async Task<Venue> StartCoreAsync(VenueOptions options, Func<IExchangeEvents, (MatchingEngine Engine, Flow.ScenarioRunner? Runner)> build, CancellationToken cancellationToken)
    {
        var stopping = new CancellationTokenSource();
        var gate = new ExchangeGate();
        var runtime = new VenueRuntime(options, gate, apiKey => gate.Run(apiKey, static (e, k) => e.CancelAll(k)));
        var publisher = new ExchangeEventPublisher(runtime.Hub, runtime.Faults, options.Time);
        var (engine, runner) = build(publisher);
        gate.Attach(engine, publisher, options.Time, options.EngineTickInterval, runner);

        var clob = LoopbackHost.Build(options.ClobPort, options.MaxRequestBodyBytes);
        var guard = new RequestGuard(runtime);
        clob.UseRouting();
        clob.Use(guard.InvokeAsync);
        WebSocketEndpoints.Map(clob, runtime, stopping.Token);
        PublicEndpoints.Map(clob, runtime);
        AuthEndpoints.Map(clob, runtime, address => gate.Run(EthAddress.Parse(address), static (e, a) => e.Ledger.EnsureFunded(a)));
        OrderEndpoints.Map(clob, runtime, gate);
        DataEndpoints.Map(clob, runtime, gate);
        MarketDataEndpoints.Map(clob, runtime, gate);
        ControlEndpoints.Map(clob, runtime, () => runtime.Faults.TriggerRestart(options.RestartDuration, options.PostOnlyWindow));

        var gamma = LoopbackHost.Build(options.GammaPort, options.MaxRequestBodyBytes);
        GammaEndpoints.Map(gamma, gate);

        await clob.StartAsync(cancellationToken).ConfigureAwait(false);
        await gamma.StartAsync(cancellationToken).ConfigureAwait(false);
        return new Venue(runtime, gate, publisher, clob, gamma, stopping, LoopbackHost.BoundPort(clob), LoopbackHost.BoundPort(gamma));
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the engine under the engine lock (events it causes are published).
    /// Use it for assertions and for driving markets (tick size, close, resolve) while the venue runs.
    /// </summary>
    public T WithEngine<T>(Func<MatchingEngine, T> action) => _gate.Run(action, static (e, a) => a(e));

    /// <summary>Adds a market while running and announces it (new_market) to custom-feature subscribers.</summary>
    public void AddMarket(VenueMarket market)
    {
        _gate.Run((market, _publisher, _runtime.Time), static (e, s) =>
        {
            e.AddMarket(s.market);
            s._publisher.PublishNewMarket(s.market, s.Time.GetUtcNow().ToUnixTimeMilliseconds());
            return 0;
        });
        _gate.RefreshMarkets();
    }

    /// <summary>Simulates a matching-engine restart: 425 for <see cref="VenueOptions.RestartDuration"/>, then the post-only window.</summary>
    public void RestartEngine() => _runtime.Faults.TriggerRestart(_runtime.Options.RestartDuration, _runtime.Options.PostOnlyWindow);

    /// <summary>Stops both servers and closes every socket.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _clob.StopAsync().ConfigureAwait(false);
        await _gamma.StopAsync().ConfigureAwait(false);
        await _clob.DisposeAsync().ConfigureAwait(false);
        await _gamma.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
        _runtime.Dispose();
        _stopping.Dispose();
    }
}
