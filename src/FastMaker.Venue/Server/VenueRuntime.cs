using FastMaker.Venue.Auth;
using FastMaker.Venue.Faults;
using FastMaker.Venue.RateLimits;
using FastMaker.Venue.WebSockets;

namespace FastMaker.Venue.Server;

/// <summary>The services every endpoint shares: options, keys, limits, faults, the hub and the heartbeat switch.</summary>
internal sealed class VenueRuntime : IDisposable
{
    public VenueRuntime(VenueOptions options, IMarketSnapshotSource snapshots, Action<string> cancelAllForApiKey)
    {
        Options = options;
        Time = options.Time;
        Keys = new ApiKeyStore(options.CredentialSeed);
        L2 = new L2Verifier(Keys, Time, options.L2TimestampWindowSeconds);
        Limiter = new VenueRateLimiter(options.RateLimits, Time);
        Faults = new VenueFaults(Time);
        Hub = new WsHub(options, snapshots, Keys);
        Faults.WebSocketFaultRequested += Hub.Apply;
        Heartbeats = new HeartbeatRegistry(Time, options.HeartbeatTimeout, options.HeartbeatCheckInterval, cancelAllForApiKey);
    }

    public VenueOptions Options { get; }
    public TimeProvider Time { get; }
    public ApiKeyStore Keys { get; }
    public L2Verifier L2 { get; }
    public VenueRateLimiter Limiter { get; }
    public VenueFaults Faults { get; }
    public WsHub Hub { get; }
    public HeartbeatRegistry Heartbeats { get; }

    /// <summary>REST requests received, by "METHOD /route" (control and WebSocket routes excluded).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, long> Requests { get; } = new(StringComparer.Ordinal);

    public void Dispose() => Heartbeats.Dispose();
}
