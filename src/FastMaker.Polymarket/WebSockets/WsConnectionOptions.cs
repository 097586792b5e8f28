namespace FastMaker.Polymarket.WebSockets;

/// <summary>Settings of a CLOB WebSocket connection and of the feeds that shard across several of them.</summary>
public sealed class WsConnectionOptions
{
    /// <summary>The production market channel.</summary>
    public static readonly Uri PolymarketMarketUri = new("wss://ws-subscriptions-clob.polymarket.com/ws/market");

    /// <summary>The production user channel.</summary>
    public static readonly Uri PolymarketUserUri = new("wss://ws-subscriptions-clob.polymarket.com/ws/user");

    /// <summary>The endpoint to connect to (<c>ws://</c> or <c>wss://</c>).</summary>
    public Uri Uri { get; set; } = PolymarketMarketUri;

    /// <summary>How often the text <c>PING</c> is sent (the venue answers <c>PONG</c>). Default 10 s, as the reference clients.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A connection that received neither data nor a <c>PONG</c> for this long is dropped and reconnected. Default 30 s.</summary>
    public TimeSpan DeadConnectionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the WebSocket handshake may take. Default 10 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Period of the housekeeping tick that sends PINGs and checks liveness and silence. Default 1 s.</summary>
    public TimeSpan WatchdogTick { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First reconnect delay, before jitter. Default 1 s.</summary>
    public TimeSpan ReconnectInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the reconnect delay, before jitter. Default 60 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Growth factor of the reconnect delay per failed attempt. Default 2.</summary>
    public double ReconnectMultiplier { get; set; } = 2.0;

    /// <summary>Fraction in [0, 1] of the delay that is randomized downwards, so that many clients do not reconnect in step. Default 0.5.</summary>
    public double ReconnectJitter { get; set; } = 0.5;

    /// <summary>Seed of the jitter's random generator; null seeds from the OS (production), a number makes delays reproducible (tests).</summary>
    public int? RandomSeed { get; set; }

    /// <summary>At most this many assets per market connection; more open another connection. Default 200 (the venue stops sending snapshots somewhere near 500).</summary>
    public int MaxAssetsPerConnection { get; set; } = 200;

    /// <summary>An asset with no message for this long is reported stale (market channel only); null disables the watchdog. Default 60 s.</summary>
    public TimeSpan? AssetSilenceTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>What to do with a stale asset. Default <see cref="SilencePolicy.Resubscribe"/>.</summary>
    public SilencePolicy SilencePolicy { get; set; } = SilencePolicy.Resubscribe;

    /// <summary>How a resync (a fresh book for assets the consumer no longer trusts) is done. Default <see cref="ResyncMethod.UnsubscribeSubscribe"/>.</summary>
    public ResyncMethod ResyncMethod { get; set; } = ResyncMethod.UnsubscribeSubscribe;

    /// <summary>Sends <c>custom_feature_enabled: true</c> on the market channel (adds best_bid_ask, new_market, market_resolved). Default true.</summary>
    public bool CustomFeatureEnabled { get; set; } = true;

    /// <summary>The most bytes one receive may write; also the Pipe's minimum segment size. Default 16 KiB.</summary>
    public int ReceiveBufferSize { get; set; } = 16 * 1024;

    /// <summary>Unread bytes at which the receive loop stops reading the socket until the consumer catches up. Default 8 MiB.</summary>
    public long PauseWriterThreshold { get; set; } = 8L * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Uri is null || (Uri.Scheme != "ws" && Uri.Scheme != "wss"))
            throw new ArgumentException("Uri must be a ws:// or wss:// address.", nameof(Uri));
        RequirePositive(PingInterval, nameof(PingInterval));
        RequirePositive(DeadConnectionTimeout, nameof(DeadConnectionTimeout));
        RequirePositive(ConnectTimeout, nameof(ConnectTimeout));
        RequirePositive(WatchdogTick, nameof(WatchdogTick));
        RequirePositive(ReconnectInitialDelay, nameof(ReconnectInitialDelay));
        if (ReconnectMaxDelay < ReconnectInitialDelay)
            throw new ArgumentException("ReconnectMaxDelay must be at least ReconnectInitialDelay.", nameof(ReconnectMaxDelay));
        if (!(ReconnectMultiplier >= 1.0))
            throw new ArgumentException("ReconnectMultiplier must be at least 1.", nameof(ReconnectMultiplier));
        if (!(ReconnectJitter >= 0.0 && ReconnectJitter <= 1.0))
            throw new ArgumentException("ReconnectJitter must be within [0, 1].", nameof(ReconnectJitter));
        if (MaxAssetsPerConnection < 1)
            throw new ArgumentException("MaxAssetsPerConnection must be at least 1.", nameof(MaxAssetsPerConnection));
        if (AssetSilenceTimeout is { } silence)
            RequirePositive(silence, nameof(AssetSilenceTimeout));
        if (ReceiveBufferSize < 16)
            throw new ArgumentException("ReceiveBufferSize must be at least 16 bytes.", nameof(ReceiveBufferSize));
        if (PauseWriterThreshold < ReceiveBufferSize)
            throw new ArgumentException("PauseWriterThreshold must be at least ReceiveBufferSize.", nameof(PauseWriterThreshold));
    }

    /// <summary>A copy, so that one options object can configure several connections safely.</summary>
    public WsConnectionOptions Clone() => (WsConnectionOptions)MemberwiseClone();

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
            throw new ArgumentException(name + " must be positive.", name);
    }
}
