namespace FastMaker.Venue;

/// <summary>Configuration of a running venue: ports, timing windows, limits and the clock.</summary>
public sealed class VenueOptions
{
    /// <summary>CLOB REST and WebSocket port on 127.0.0.1; 0 picks a free port.</summary>
    public int ClobPort { get; init; }

    /// <summary>Gamma metadata port on 127.0.0.1; 0 picks a free port (Gamma and the CLOB both serve /markets).</summary>
    public int GammaPort { get; init; }

    /// <summary>Clock for heartbeats, rate limits, restart windows and timestamps.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Seed for derived API credentials, so that a key derived twice is the same.</summary>
    public string CredentialSeed { get; init; } = "fastmaker-venue";

    /// <summary>Chain id that L1 (ClobAuth) and order signatures are verified against (137 Polygon, 80002 Amoy).</summary>
    public long ChainId { get; init; } = 137;

    /// <summary>Largest accepted L2 timestamp skew, either direction, in seconds.</summary>
    public int L2TimestampWindowSeconds { get; init; } = 30;

    /// <summary>Largest accepted request body, in bytes; larger bodies get 400 without being read.</summary>
    public int MaxRequestBodyBytes { get; init; } = 64 * 1024;

    /// <summary>Orders accepted in one POST /orders (the reference allows 15).</summary>
    public int MaxBatchOrders { get; init; } = 15;

    /// <summary>Order ids accepted in one DELETE /orders (the reference allows 1000).</summary>
    public int MaxBatchCancels { get; init; } = 1000;

    /// <summary>After the first accepted heartbeat, silence longer than this cancels the API key's orders.</summary>
    public TimeSpan HeartbeatTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the heartbeat dead-man switch is checked (the reference checks every 5 s).</summary>
    public TimeSpan HeartbeatCheckInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long order endpoints answer 425 after an engine restart is triggered.</summary>
    public TimeSpan RestartDuration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Post-only window that follows a restart (the reference uses 2 minutes).</summary>
    public TimeSpan PostOnlyWindow { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Frames queued for one WebSocket client before it is judged too slow and disconnected.</summary>
    public int WebSocketSendQueueFrames { get; init; } = 8192;

    /// <summary>Largest accepted WebSocket text message from a client, in bytes.</summary>
    public int WebSocketMaxReceiveBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// Messages (subscriptions, PINGs) a WebSocket client may send in a burst; the allowance refills at this many per
    /// second of real time. A client that exceeds it is closed with a policy violation (flood protection).
    /// </summary>
    public int WebSocketMaxMessagesPerSecond { get; init; } = 100;

    /// <summary>Merge queued market messages into one JSON-array frame, as the reference does for dumps.</summary>
    public bool CoalesceWebSocketFrames { get; init; } = true;

    /// <summary>Matching engine settings (settlement delays, failure rate, seed).</summary>
    public Matching.EngineOptions Engine { get; init; } = new();

    /// <summary>Ledger settings; by default a new address that creates an API key is funded so outside clients can trade.</summary>
    public Ledger.LedgerOptions Ledger { get; init; } = new() { FundNewAddresses = true };

    /// <summary>How often settlement and expiry are processed between requests.</summary>
    public TimeSpan EngineTickInterval { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Rate limits per endpoint and per signer; <see cref="RateLimits.RateLimitSettings.Disabled"/> turns them off.</summary>
    public RateLimits.RateLimitSettings RateLimits { get; init; } = new();
}
