namespace FastMaker.Polymarket.WebSockets;

/// <summary>
/// The market channel sharded across connections: each connection carries at most
/// <see cref="WsConnectionOptions.MaxAssetsPerConnection"/> assets; new assets fill the first
/// connection with room and open a new one when all are full. Each connection has its own Pipe;
/// the consumer drains every <see cref="WsConnection.Reader"/> (see <see cref="ConnectionAdded"/>).
/// </summary>
public sealed class MarketDataFeed : IAsyncDisposable
{
    private readonly WsConnectionOptions _options;
    private readonly TimeProvider _time;
    private readonly object _lock = new();
    private readonly List<WsConnection> _connections = new();
    private readonly Dictionary<string, WsConnection> _assetToConnection = new(StringComparer.Ordinal);
    private bool _disposed;

    public MarketDataFeed(WsConnectionOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options.Clone();
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Raised (on the transport's threads) for every status change of every connection.</summary>
    public event Action<WsStatusEvent>? StatusChanged;

    /// <summary>Raised when a new connection is opened, before it connects, so the consumer can start draining its reader.</summary>
    public event Action<WsConnection>? ConnectionAdded;

    /// <summary>A copy of the current connections, in shard order.</summary>
    public IReadOnlyList<WsConnection> Connections
    {
        get { lock (_lock) return _connections.ToArray(); }
    }

    /// <summary>Subscribes token ids, opening connections as needed. Already subscribed ids are ignored.</summary>
    public async Task SubscribeAsync(IReadOnlyList<string> assetIds)
    {
        ArgumentNullException.ThrowIfNull(assetIds);
        foreach (string id in assetIds) SubscriptionMessages.ValidateAssetId(id);
        var plan = new Dictionary<WsConnection, List<string>>();
        var opened = new List<WsConnection>();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var load = new Dictionary<WsConnection, int>();
            foreach (WsConnection c in _connections) load[c] = c.SubscriptionCount;
            foreach (string id in assetIds)
            {
                if (_assetToConnection.ContainsKey(id)) continue;
                WsConnection? target = null;
                foreach (WsConnection c in _connections)
                {
                    if (load[c] < _options.MaxAssetsPerConnection) { target = c; break; }
                }
                if (target is null)
                {
                    target = new WsConnection(_connections.Count, WsChannel.Market, _options, null, _time);
                    target.StatusChanged += OnStatus;
                    _connections.Add(target);
                    load[target] = 0;
                    opened.Add(target);
                }
                load[target]++;
                _assetToConnection[id] = target;
                if (!plan.TryGetValue(target, out List<string>? list)) plan[target] = list = new List<string>();
                list.Add(id);
            }
        }
        // Subscriptions first, so a new connection's first message already carries its assets.
        var sends = new List<Task>(plan.Count);
        foreach (KeyValuePair<WsConnection, List<string>> entry in plan) sends.Add(entry.Key.SubscribeAsync(entry.Value));
        await Task.WhenAll(sends).ConfigureAwait(false);
        foreach (WsConnection c in opened)
        {
            ConnectionAdded?.Invoke(c);
            c.Start();
        }
    }

    /// <summary>Unsubscribes token ids from whichever connection carries them; unknown ids are ignored.</summary>
    public async Task UnsubscribeAsync(IReadOnlyList<string> assetIds)
    {
        ArgumentNullException.ThrowIfNull(assetIds);
        var plan = new Dictionary<WsConnection, List<string>>();
        lock (_lock)
        {
            foreach (string id in assetIds)
            {
                if (id is null || !_assetToConnection.Remove(id, out WsConnection? c)) continue;
                if (!plan.TryGetValue(c, out List<string>? list)) plan[c] = list = new List<string>();
                list.Add(id);
            }
        }
        var sends = new List<Task>(plan.Count);
        foreach (KeyValuePair<WsConnection, List<string>> entry in plan) sends.Add(entry.Key.UnsubscribeAsync(entry.Value));
        await Task.WhenAll(sends).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks for fresh books of <paramref name="assetIds"/> on the connections that carry them (see
    /// <see cref="WsConnection.ResyncAsync"/>); returns the strongest outcome over those connections (Reconnecting over
    /// Resubscribed over Deferred), or NotSubscribed when none carries any of them.
    /// </summary>
    public async Task<ResyncOutcome> ResyncAsync(IReadOnlyList<string> assetIds)
    {
        ArgumentNullException.ThrowIfNull(assetIds);
        var plan = new Dictionary<WsConnection, List<string>>();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (string id in assetIds)
            {
                if (id is null || !_assetToConnection.TryGetValue(id, out WsConnection? c)) continue;
                if (!plan.TryGetValue(c, out List<string>? list)) plan[c] = list = new List<string>();
                list.Add(id);
            }
        }
        var outcome = ResyncOutcome.NotSubscribed;
        foreach (KeyValuePair<WsConnection, List<string>> entry in plan)
        {
            ResyncOutcome one = await entry.Key.ResyncAsync(entry.Value).ConfigureAwait(false);
            if (Rank(one) > Rank(outcome)) outcome = one;
        }
        return outcome;

        static int Rank(ResyncOutcome o) => o switch
        {
            ResyncOutcome.Reconnecting => 3,
            ResyncOutcome.Resubscribed => 2,
            ResyncOutcome.Deferred => 1,
            _ => 0,
        };
    }

    /// <summary>The connection that carries <paramref name="assetId"/>, or null.</summary>
    public WsConnection? ConnectionOf(string assetId)
    {
        lock (_lock) return _assetToConnection.TryGetValue(assetId, out WsConnection? c) ? c : null;
    }

    public async ValueTask DisposeAsync()
    {
        WsConnection[] all;
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            all = _connections.ToArray();
        }
        foreach (WsConnection c in all) await c.DisposeAsync().ConfigureAwait(false);
    }

    private void OnStatus(WsStatusEvent e) => StatusChanged?.Invoke(e);
}
