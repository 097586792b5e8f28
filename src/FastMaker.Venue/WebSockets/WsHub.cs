using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using FastMaker.Venue.Faults;

namespace FastMaker.Venue.WebSockets;

/// <summary>
/// The WebSocket side of the venue: accepts market and user connections, keeps subscriptions, and fans
/// out pre-serialized messages. Publishing never blocks: each message is queued per subscriber and a slow
/// subscriber is disconnected when its queue fills.
/// </summary>
public sealed class WsHub
{
    private static readonly byte[] Pong = "PONG"u8.ToArray();
    private readonly VenueOptions _options;
    private readonly IMarketSnapshotSource _snapshots;
    private readonly IUserChannelAuthenticator _auth;
    private readonly ConcurrentDictionary<long, WsConnection> _connections = new();
    private readonly ConcurrentDictionary<string, WsConnection[]> _assetSubscribers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, WsConnection[]> _userSubscribers = new(StringComparer.Ordinal);
    private readonly object _subscriptionLock = new();
    private long _nextId;
    private long _disconnectedSlow;

    /// <summary>Creates a hub.</summary>
    public WsHub(VenueOptions options, IMarketSnapshotSource snapshots, IUserChannelAuthenticator auth)
    {
        _options = options;
        _snapshots = snapshots;
        _auth = auth;
    }

    /// <summary>Open connections.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>Clients disconnected because their send queue filled.</summary>
    public long SlowClientsDisconnected => Interlocked.Read(ref _disconnectedSlow);

    /// <summary>Runs one accepted socket until it closes.</summary>
    public async Task RunAsync(WebSocket socket, WsChannelKind kind, CancellationToken stopping)
    {
        var connection = new WsConnection(Interlocked.Increment(ref _nextId), kind, socket, _options.WebSocketSendQueueFrames, _options.CoalesceWebSocketFrames);
        _connections[connection.Id] = connection;
        using var stop = stopping.Register(static c => ((WsConnection)c!).Abort("venue stopping"), connection);
        var sendLoop = connection.RunSendLoopAsync();
        try
        {
            await ReceiveLoopAsync(connection, socket).ConfigureAwait(false);
        }
        finally
        {
            if (connection.AbortReason is { } r && r.StartsWith("send queue full", StringComparison.Ordinal)) Interlocked.Increment(ref _disconnectedSlow);
            connection.Abort(connection.AbortReason ?? "receive loop ended");
            Remove(connection);
            await sendLoop.ConfigureAwait(false);
        }
    }

    /// <summary>Connections subscribed to <paramref name="assetId"/> on the market channel.</summary>
    public int SubscriberCount(string assetId) => _assetSubscribers.TryGetValue(assetId, out var s) ? s.Length : 0;

    /// <summary>The longest send queue over all connections, in frames (for capacity runs that pace a publisher).</summary>
    internal int MaxQueuedFrames()
    {
        int max = 0;
        foreach (var pair in _connections) max = Math.Max(max, pair.Value.QueuedFrames);
        return max;
    }

    /// <summary>
    /// Sees every market-channel message as a subscriber to all assets with custom features on would (the scenario
    /// recorder journals these); null when nobody records. Set before publishing starts.
    /// </summary>
    internal Action<byte[]>? MarketTap { get; set; }

    /// <summary>Publishes a market-channel message for one asset to its subscribers.</summary>
    public void PublishMarket(string assetId, byte[] message, bool customFeatureOnly = false)
    {
        MarketTap?.Invoke(message);
        if (!_assetSubscribers.TryGetValue(assetId, out var subscribers)) return;
        for (int i = 0; i < subscribers.Length; i++)
        {
            var c = subscribers[i];
            if (customFeatureOnly && !c.CustomFeatures) continue;
            c.EnqueueData(message);
        }
    }

    /// <summary>Publishes a custom-feature message (new_market) to every market connection that enabled custom features.</summary>
    public void PublishToAllCustomFeature(byte[] message)
    {
        foreach (var pair in _connections)
        {
            var c = pair.Value;
            if (c.Kind == WsChannelKind.Market && c.CustomFeatures) c.EnqueueData(message);
        }
    }

    /// <summary>Publishes a user-channel message to the API key's connections that follow <paramref name="conditionId"/>.</summary>
    public void PublishUser(string apiKey, string conditionId, byte[] message)
    {
        if (!_userSubscribers.TryGetValue(apiKey, out var subscribers)) return;
        for (int i = 0; i < subscribers.Length; i++)
        {
            var c = subscribers[i];
            if (c.UserMarkets.Count == 0 || c.UserMarkets.Contains(conditionId)) c.EnqueueData(message);
        }
    }

    /// <summary>Applies a drop or silence fault.</summary>
    public void Apply(WebSocketFault fault)
    {
        foreach (var pair in _connections)
        {
            var c = pair.Value;
            if (fault.Target == WebSocketTarget.Market && c.Kind != WsChannelKind.Market) continue;
            if (fault.Target == WebSocketTarget.User && c.Kind != WsChannelKind.User) continue;
            switch (fault.Kind)
            {
                case WebSocketFaultKind.Drop: c.Abort("dropped by fault injection"); break;
                case WebSocketFaultKind.Silence: c.Silenced = true; break;
                case WebSocketFaultKind.Unsilence: c.Silenced = false; break;
            }
        }
    }

    private async Task ReceiveLoopAsync(WsConnection connection, WebSocket socket)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(_options.WebSocketMaxReceiveBytes);
        var flood = new InboundMessageBudget(_options.WebSocketMaxMessagesPerSecond);
        try
        {
            while (!connection.IsClosed)
            {
                int length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    if (length == buffer.Length)
                    {
                        await connection.CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big").ConfigureAwait(false);
                        return;
                    }
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), connection.Closed).ConfigureAwait(false);
                    length += result.Count;
                } while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await connection.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye").ConfigureAwait(false);
                    return;
                }
                if (!flood.TryTake(Environment.TickCount64))
                {
                    await connection.CloseAsync(WebSocketCloseStatus.PolicyViolation, "too many messages").ConfigureAwait(false);
                    return;
                }
                var message = buffer.AsSpan(0, length);
                if (message.SequenceEqual("PING"u8)) { connection.EnqueueControl(Pong); continue; }
                if (message.IsEmpty) continue;
                if (!HandleSubscription(connection, message, out string error))
                {
                    await connection.CloseAsync(WebSocketCloseStatus.PolicyViolation, error).ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The peer vanished or we aborted it; RunAsync cleans up.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private bool HandleSubscription(WsConnection connection, ReadOnlySpan<byte> message, out string error)
    {
        if (!SubscriptionRequest.TryParse(message, out var request, out error)) return false;
        if (request!.CustomFeatureEnabled is { } custom) connection.CustomFeatures = custom;
        return connection.Kind == WsChannelKind.Market
            ? HandleMarketSubscription(connection, request)
            : HandleUserSubscription(connection, request, out error);
    }

    private bool HandleMarketSubscription(WsConnection connection, SubscriptionRequest request)
    {
        foreach (string asset in request.AssetIds)
        {
            if (request.Unsubscribe)
            {
                lock (_subscriptionLock)
                    if (connection.Assets.Remove(asset)) RemoveSubscriber(_assetSubscribers, asset, connection);
                continue;
            }
            lock (_subscriptionLock)
                if (connection.Assets.Contains(asset)) continue;
            if (request.InitialDump)
                _snapshots.SubscribeWithSnapshot(asset, (this, connection, asset), static (s, book) =>
                {
                    s.Item1.AddAssetSubscriber(s.connection, s.asset);
                    if (book is not null) s.connection.EnqueueData(book);
                });
            else
                AddAssetSubscriber(connection, asset);
        }
        return true;
    }

    private void AddAssetSubscriber(WsConnection connection, string asset)
    {
        lock (_subscriptionLock)
            if (connection.Assets.Add(asset)) AddSubscriber(_assetSubscribers, asset, connection);
    }

    private bool HandleUserSubscription(WsConnection connection, SubscriptionRequest request, out string error)
    {
        if (connection.ApiKey is null)
        {
            if (request.AuthApiKey is null || request.AuthSecret is null || request.AuthPassphrase is null
                || !_auth.Authenticate(request.AuthApiKey, request.AuthSecret, request.AuthPassphrase))
            {
                error = "invalid authentication";
                return false;
            }
            lock (_subscriptionLock)
            {
                connection.ApiKey = request.AuthApiKey;
                AddSubscriber(_userSubscribers, request.AuthApiKey, connection);
            }
        }
        lock (_subscriptionLock)
        {
            foreach (string market in request.Markets)
            {
                if (request.Unsubscribe) connection.UserMarkets.Remove(market);
                else connection.UserMarkets.Add(market);
            }
        }
        error = "";
        return true;
    }

    private void Remove(WsConnection connection)
    {
        _connections.TryRemove(connection.Id, out _);
        lock (_subscriptionLock)
        {
            foreach (string asset in connection.Assets) RemoveSubscriber(_assetSubscribers, asset, connection);
            connection.Assets.Clear();
            if (connection.ApiKey is { } key) RemoveSubscriber(_userSubscribers, key, connection);
        }
    }

    // Copy-on-write arrays: publishers read a stable snapshot without locking.
    private static void AddSubscriber(ConcurrentDictionary<string, WsConnection[]> map, string key, WsConnection connection)
    {
        var current = map.TryGetValue(key, out var existing) ? existing : Array.Empty<WsConnection>();
        var next = new WsConnection[current.Length + 1];
        current.CopyTo(next, 0);
        next[^1] = connection;
        map[key] = next;
    }

    private static void RemoveSubscriber(ConcurrentDictionary<string, WsConnection[]> map, string key, WsConnection connection)
    {
        if (!map.TryGetValue(key, out var current)) return;
        int index = Array.IndexOf(current, connection);
        if (index < 0) return;
        if (current.Length == 1) { map.TryRemove(key, out _); return; }
        var next = new WsConnection[current.Length - 1];
        Array.Copy(current, 0, next, 0, index);
        Array.Copy(current, index + 1, next, index, current.Length - index - 1);
        map[key] = next;
    }
}
