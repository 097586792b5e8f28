using System.Globalization;
using FastMaker.Venue.Api;
using FastMaker.Venue.Auth;
using FastMaker.Venue.Faults;
using FastMaker.Venue.RateLimits;
using FastMaker.Venue.Server;
using FastMaker.Venue.WebSockets;
using Microsoft.AspNetCore.Builder;

namespace FastMaker.Venue;

/// <summary>
/// A Polymarket-compatible exchange on loopback: CLOB REST and WebSockets on one port, Gamma on another.
/// <c>await using var venue = await Venue.StartAsync(options);</c>
/// </summary>
public sealed class Venue : IAsyncDisposable
{
    private readonly VenueRuntime _runtime;
    private readonly WebApplication _clob;
    private readonly WebApplication _gamma;
    private readonly CancellationTokenSource _stopping;

    private Venue(VenueRuntime runtime, WebApplication clob, WebApplication gamma, CancellationTokenSource stopping, int clobPort, int gammaPort)
    {
        _runtime = runtime;
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

    /// <summary>The options the venue runs with.</summary>
    public VenueOptions Options => _runtime.Options;

    /// <summary>Starts the venue on loopback and returns once both ports accept connections.</summary>
    public static async Task<Venue> StartAsync(VenueOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new VenueOptions();
        var stopping = new CancellationTokenSource();
        VenueRuntime? runtime = null;
        runtime = new VenueRuntime(options, NoSnapshots.Instance, _ => { });

        var clob = LoopbackHost.Build(options.ClobPort, options.MaxRequestBodyBytes);
        var guard = new RequestGuard(runtime);
        clob.UseRouting();
        clob.Use(guard.InvokeAsync);
        WebSocketEndpoints.Map(clob, runtime, stopping.Token);
        PublicEndpoints.Map(clob, runtime);
        ControlEndpoints.Map(clob, runtime, () => runtime.Faults.TriggerRestart(options.RestartDuration, options.PostOnlyWindow));

        var gamma = LoopbackHost.Build(options.GammaPort, options.MaxRequestBodyBytes);

        await clob.StartAsync(cancellationToken).ConfigureAwait(false);
        await gamma.StartAsync(cancellationToken).ConfigureAwait(false);
        return new Venue(runtime, clob, gamma, stopping, LoopbackHost.BoundPort(clob), LoopbackHost.BoundPort(gamma));
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
        _runtime.Dispose();
        _stopping.Dispose();
    }

    private sealed class NoSnapshots : IMarketSnapshotSource
    {
        public static readonly NoSnapshots Instance = new();
        public byte[]? BookSnapshot(string assetId) => null;
    }
}
