using System.IO.Pipelines;
using System.Net.WebSockets;

namespace FastMaker.Polymarket.WebSockets;

/// <summary>
/// One CLOB WebSocket connection with its own Pipe. The receive loop reads the socket straight
/// into the Pipe's memory (a 16-byte chunk header, see <see cref="WsFrameHeader"/>, then the
/// payload; nothing is copied) and the consumer drains complete messages through
/// <see cref="Reader"/>. The connection sends the text <c>PING</c> on schedule, drops a socket
/// that is silent past the dead-connection timeout, reconnects with jittered exponential back-off,
/// resubscribes everything, and (market channel) watches every asset for silence.
/// All timers run on the given <see cref="TimeProvider"/>.
/// </summary>
public sealed class WsConnection : IAsyncDisposable
{
    private static readonly byte[] PingMessage = "PING"u8.ToArray();

    private readonly WsConnectionOptions _options;
    private readonly UserChannelAuth? _auth;
    private readonly TimeProvider _time;
    private readonly Pipe _pipe;
    private readonly ReconnectBackoff _backoff;
    private readonly AssetActivityTracker? _activity;
    private readonly object _subscriptionLock = new();
    private readonly List<string> _ids = new();
    private readonly HashSet<string> _idSet = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private ClientWebSocket? _socket;
    private bool _sessionLive;
    private bool _initialSent;
    private int _session;
    private long _lastReceive;
    private long _lastPingSent;
    private bool _receivedInSession;
    private volatile string? _abortReason;
    private ITimer? _timer;
    private int _tickBusy;
    private Task? _loop;
    private long _pingsSent;
    private long _pongsReceived;

    /// <summary>Creates a stopped connection; call <see cref="Start"/>. <paramref name="auth"/> is required for the user channel.</summary>
    public WsConnection(int id, WsChannel channel, WsConnectionOptions options, UserChannelAuth? auth = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (channel == WsChannel.User && auth is null)
            throw new ArgumentException("The user channel needs API credentials (auth).", nameof(auth));
        Id = id;
        Channel = channel;
        _options = options.Clone();
        _auth = auth;
        _time = timeProvider ?? TimeProvider.System;
        _pipe = new Pipe(new PipeOptions(
            pauseWriterThreshold: _options.PauseWriterThreshold,
            resumeWriterThreshold: _options.PauseWriterThreshold / 2,
            minimumSegmentSize: _options.ReceiveBufferSize + WsFrameHeader.Size,
            useSynchronizationContext: false));
        Reader = new WsFrameReader(_pipe.Reader);
        _backoff = ReconnectBackoff.From(_options);
        if (channel == WsChannel.Market && _options.AssetSilenceTimeout is not null)
            _activity = new AssetActivityTracker(_time);
    }

    /// <summary>The shard index within its feed.</summary>
    public int Id { get; }

    /// <summary>Market or user channel.</summary>
    public WsChannel Channel { get; }

    /// <summary>The consumer side of this connection's Pipe (single consumer).</summary>
    public WsFrameReader Reader { get; }

    /// <summary>Raised on the transport's threads for every status change; handlers must be quick and must not throw.</summary>
    public event Action<WsStatusEvent>? StatusChanged;

    /// <summary>The current session number (0 before the first connect).</summary>
    public int Session => Volatile.Read(ref _session);

    /// <summary>True while a socket is open and its subscriptions were sent.</summary>
    public bool IsLive
    {
        get { lock (_subscriptionLock) return _sessionLive; }
    }

    /// <summary>Text PINGs sent over the connection's life.</summary>
    public long PingsSent => Interlocked.Read(ref _pingsSent);

    /// <summary>PONGs received (they are consumed here and never reach the Pipe).</summary>
    public long PongsReceived => Interlocked.Read(ref _pongsReceived);

    /// <summary>How many ids (assets, or markets on the user channel) this connection carries.</summary>
    public int SubscriptionCount
    {
        get { lock (_subscriptionLock) return _ids.Count; }
    }

    /// <summary>A copy of the subscribed ids, in subscription order.</summary>
    public IReadOnlyList<string> Subscriptions
    {
        get { lock (_subscriptionLock) return _ids.ToArray(); }
    }

    /// <summary>Starts connecting (and reconnecting until disposed).</summary>
    public void Start()
    {
        if (_loop is not null) throw new InvalidOperationException("The connection was already started.");
        _timer = _time.CreateTimer(static state => ((WsConnection)state!).OnTick(), this, _options.WatchdogTick, _options.WatchdogTick);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>
    /// Adds ids (token ids on the market channel, condition ids on the user channel). Sent at once
    /// when a session is live, otherwise with the next session's first message. Duplicates are ignored.
    /// </summary>
    public async Task SubscribeAsync(IReadOnlyList<string> ids)
    {
        ValidateIds(ids);
        var added = new List<string>(ids.Count);
        ClientWebSocket? socket;
        lock (_subscriptionLock)
        {
            foreach (string id in ids)
            {
                if (_idSet.Add(id))
                {
                    _ids.Add(id);
                    added.Add(id);
                }
            }
            socket = _sessionLive ? _socket : null;
            _activity?.Rebuild(_ids, _time.GetTimestamp());
        }
        if (added.Count == 0 || socket is null) return;
        await SendChangeAsync(socket, added, subscribe: true).ConfigureAwait(false);
    }

    /// <summary>Removes ids; sends an unsubscribe when a session is live. Unknown ids are ignored.</summary>
    public async Task UnsubscribeAsync(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var removed = new List<string>(ids.Count);
        ClientWebSocket? socket;
        bool initialSent;
        lock (_subscriptionLock)
        {
            foreach (string id in ids)
            {
                if (id is not null && _idSet.Remove(id))
                {
                    _ids.Remove(id);
                    removed.Add(id);
                }
            }
            socket = _sessionLive ? _socket : null;
            initialSent = _initialSent;
            _activity?.Rebuild(_ids, _time.GetTimestamp());
        }
        if (removed.Count == 0 || socket is null || !initialSent) return;
        byte[] message = Channel == WsChannel.Market
            ? SubscriptionMessages.MarketUpdate(removed, subscribe: false, _options.CustomFeatureEnabled)
            : SubscriptionMessages.UserUpdate(removed, subscribe: false);
        if (await SendAsync(socket, message).ConfigureAwait(false))
            Raise(WsStatusKind.Unsubscribed, Session, 0, TimeSpan.Zero, null, removed);
    }

    /// <summary>
    /// Asks the venue for a fresh book of <paramref name="assetIds"/> (market channel): by default an unsubscribe then a
    /// subscribe of just those assets on the live socket, which the venue answers with a <c>book</c> snapshot; with
    /// <see cref="ResyncMethod.Reconnect"/>, or when those messages cannot be sent, the socket is dropped and the
    /// reconnect resubscribes everything. Ids this connection does not carry are ignored.
    /// </summary>
    public async Task<ResyncOutcome> ResyncAsync(IReadOnlyList<string> assetIds)
    {
        ArgumentNullException.ThrowIfNull(assetIds);
        if (Channel != WsChannel.Market)
            throw new InvalidOperationException("Resync is for market-channel connections (book snapshots).");
        var carried = new List<string>(assetIds.Count);
        ClientWebSocket? socket;
        lock (_subscriptionLock)
        {
            foreach (string id in assetIds)
            {
                if (id is not null && _idSet.Contains(id) && !carried.Contains(id)) carried.Add(id);
            }
            socket = _sessionLive && _initialSent ? _socket : null;
        }
        if (carried.Count == 0) return ResyncOutcome.NotSubscribed;
        if (socket is null) return ResyncOutcome.Deferred;
        if (_options.ResyncMethod == ResyncMethod.Reconnect)
        {
            Abort(socket, "resync of " + carried.Count + " asset(s) by reconnect");
            return ResyncOutcome.Reconnecting;
        }
        byte[] unsubscribe = SubscriptionMessages.MarketUpdate(carried, subscribe: false, _options.CustomFeatureEnabled);
        byte[] subscribe = SubscriptionMessages.MarketUpdate(carried, subscribe: true, _options.CustomFeatureEnabled);
        // Both under one hold of the send lock: nothing else goes out between them on this socket.
        switch (await SendPairAsync(socket, unsubscribe, subscribe).ConfigureAwait(false))
        {
            case true:
                Raise(WsStatusKind.Unsubscribed, Session, 0, TimeSpan.Zero, "resync", carried);
                Raise(WsStatusKind.Subscribed, Session, 0, TimeSpan.Zero, "resync", carried);
                return ResyncOutcome.Resubscribed;
            case false:
                Abort(socket, "resync: the unsubscribe/subscribe could not be sent");
                return ResyncOutcome.Reconnecting;
            default:
                // The session ended meanwhile: the next one resubscribes everything.
                return ResyncOutcome.Deferred;
        }
    }

    /// <summary>The last time a message named this asset (market channel), or null when it is not tracked.</summary>
    public long? LastAssetActivity(string assetId) => _activity?.LastSeen(assetId);

    /// <summary>Stops reconnecting, closes the socket and completes the Pipe (the reader drains what is left).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _timer?.Dispose();
        _socket?.Abort();
        _pipe.Writer.CancelPendingFlush();
        if (_loop is not null)
        {
            try { await _loop.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
        else
        {
            _pipe.Writer.Complete();
        }
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        int failures = 0;
        CancellationToken stop = _stop.Token;
        while (!stop.IsCancellationRequested)
        {
            Raise(WsStatusKind.Connecting, Session, failures + 1, TimeSpan.Zero, null, null);
            var socket = new ClientWebSocket();
            // The venue's liveness protocol is the text PING; protocol pings would only add noise.
            socket.Options.KeepAliveInterval = TimeSpan.Zero;
            string reason;
            _receivedInSession = false;
            try
            {
                using (var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time))
                using (var linked = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token))
                {
                    try
                    {
                        await socket.ConnectAsync(_options.Uri, linked.Token).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (timeout.IsCancellationRequested && !stop.IsCancellationRequested)
                    {
                        throw new TimeoutException("connect timed out after " + _options.ConnectTimeout.TotalSeconds + " s");
                    }
                }
                int session = Interlocked.Increment(ref _session);
                long now = _time.GetTimestamp();
                Volatile.Write(ref _lastReceive, now);
                Volatile.Write(ref _lastPingSent, now);
                _abortReason = null;
                _activity?.ResetAll(now);
                Raise(WsStatusKind.Connected, session, failures + 1, TimeSpan.Zero, null, null);
                await SendInitialAsync(socket, session).ConfigureAwait(false);
                reason = await ReceiveLoopAsync(socket, session, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                reason = "connection disposed";
            }
            catch (Exception ex)
            {
                reason = _abortReason ?? Describe(ex);
            }
            finally
            {
                lock (_subscriptionLock)
                {
                    _sessionLive = false;
                    _initialSent = false;
                    _socket = null;
                }
                socket.Dispose();
            }
            Raise(WsStatusKind.Disconnected, Session, failures + 1, TimeSpan.Zero, reason, null);
            if (stop.IsCancellationRequested) break;
            failures = _receivedInSession ? 1 : failures + 1;
            TimeSpan delay = _backoff.NextDelay(failures);
            // The timer starts before the event goes out, so a listener that advances a fake clock on it is never early.
            Task wait = Task.Delay(delay, _time, stop);
            Raise(WsStatusKind.Reconnecting, Session, failures, delay, reason, null);
            try
            {
                await wait.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        Raise(WsStatusKind.Stopped, Session, 0, TimeSpan.Zero, "connection disposed", null);
        await _pipe.Writer.CompleteAsync().ConfigureAwait(false);
    }

    private async Task SendInitialAsync(ClientWebSocket socket, int session)
    {
        string[] snapshot;
        await _sendLock.WaitAsync(_stop.Token).ConfigureAwait(false);
        try
        {
            lock (_subscriptionLock)
            {
                snapshot = _ids.ToArray();
                _socket = socket;
                _sessionLive = true;
                // An empty market subscription would mean "new_market for every market": wait for ids.
                _initialSent = Channel == WsChannel.User || snapshot.Length > 0;
            }
            if (!_initialSent) return;
            byte[] message = Channel == WsChannel.Market
                ? SubscriptionMessages.MarketInitial(snapshot, _options.CustomFeatureEnabled)
                : SubscriptionMessages.UserInitial(_auth!, snapshot);
            await socket.SendAsync(message, WebSocketMessageType.Text, true, _stop.Token).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
        Raise(WsStatusKind.Subscribed, session, 0, TimeSpan.Zero, "initial", snapshot);
    }

    private async Task SendChangeAsync(ClientWebSocket socket, List<string> added, bool subscribe)
    {
        string[]? initialSnapshot = null;
        byte[] message;
        await _sendLock.WaitAsync(_stop.Token).ConfigureAwait(false);
        try
        {
            lock (_subscriptionLock)
            {
                if (!ReferenceEquals(_socket, socket) || !_sessionLive) return;
                if (!_initialSent)
                {
                    initialSnapshot = _ids.ToArray();
                    _initialSent = true;
                }
            }
            if (initialSnapshot is not null)
            {
                message = Channel == WsChannel.Market
                    ? SubscriptionMessages.MarketInitial(initialSnapshot, _options.CustomFeatureEnabled)
                    : SubscriptionMessages.UserInitial(_auth!, initialSnapshot);
            }
            else
            {
                message = Channel == WsChannel.Market
                    ? SubscriptionMessages.MarketUpdate(added, subscribe, _options.CustomFeatureEnabled)
                    : SubscriptionMessages.UserUpdate(added, subscribe);
            }
            await socket.SendAsync(message, WebSocketMessageType.Text, true, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The receive loop sees the same failure and reconnects; the ids are resent then.
            return;
        }
        finally
        {
            _sendLock.Release();
        }
        Raise(WsStatusKind.Subscribed, Session, 0, TimeSpan.Zero, initialSnapshot is null ? "dynamic" : "initial", (IReadOnlyList<string>?)initialSnapshot ?? added);
    }

    private async Task<bool> SendAsync(ClientWebSocket socket, byte[] message)
    {
        try
        {
            await _sendLock.WaitAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            return false;
        }
        try
        {
            if (socket.State != WebSocketState.Open) return false;
            await socket.SendAsync(message, WebSocketMessageType.Text, true, _stop.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends two messages back to back; null when the session ended before they could go out, false when a send failed.</summary>
    private async Task<bool?> SendPairAsync(ClientWebSocket socket, byte[] first, byte[] second)
    {
        try
        {
            await _sendLock.WaitAsync(_stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            return null;
        }
        try
        {
            lock (_subscriptionLock)
            {
                if (!ReferenceEquals(_socket, socket) || !_sessionLive) return null;
            }
            if (socket.State != WebSocketState.Open) return null;
            await socket.SendAsync(first, WebSocketMessageType.Text, true, _stop.Token).ConfigureAwait(false);
            await socket.SendAsync(second, WebSocketMessageType.Text, true, _stop.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<string> ReceiveLoopAsync(ClientWebSocket socket, int session, CancellationToken stop)
    {
        PipeWriter writer = _pipe.Writer;
        int bufferSize = _options.ReceiveBufferSize;
        bool midMessage = false;
        try
        {
            while (true)
            {
                Memory<byte> memory = writer.GetMemory(WsFrameHeader.Size + bufferSize);
                Memory<byte> payload = memory.Slice(WsFrameHeader.Size, Math.Min(memory.Length - WsFrameHeader.Size, bufferSize));
                ValueWebSocketReceiveResult result = await socket.ReceiveAsync(payload, stop).ConfigureAwait(false);
                long now = _time.GetTimestamp();
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return "server closed the connection (" + socket.CloseStatus + " " + socket.CloseStatusDescription + ")";
                }
                // Volatile: the watchdog tick reads the stamp from the timer thread.
                Volatile.Write(ref _lastReceive, now);
                _receivedInSession = true;
                if (!midMessage && result.EndOfMessage && result.Count == 4 && payload.Span.Slice(0, 4).SequenceEqual("PONG"u8))
                {
                    // Liveness only: nothing is advanced, the memory is reused by the next receive.
                    Interlocked.Increment(ref _pongsReceived);
                    continue;
                }
                if (_activity is not null && result.MessageType == WebSocketMessageType.Text)
                    _activity.OnChunk(payload.Span.Slice(0, result.Count), result.EndOfMessage, now);
                WsFrameHeader.Write(memory.Span, result.Count, result.EndOfMessage, result.MessageType == WebSocketMessageType.Binary, discard: false, session, now);
                writer.Advance(WsFrameHeader.Size + result.Count);
                midMessage = !result.EndOfMessage;
                if (result.EndOfMessage)
                {
                    FlushResult flush = await writer.FlushAsync(stop).ConfigureAwait(false);
                    if (flush.IsCompleted) return "the frame reader was completed";
                }
            }
        }
        finally
        {
            if (midMessage)
            {
                // The partial message is already in the Pipe (unflushed): tell the reader to drop it.
                Memory<byte> marker = writer.GetMemory(WsFrameHeader.Size);
                WsFrameHeader.Write(marker.Span, 0, endOfMessage: false, binary: false, discard: true, session, _time.GetTimestamp());
                writer.Advance(WsFrameHeader.Size);
            }
        }
    }

    private void OnTick()
    {
        // Timer callbacks can overlap on a busy pool; one tick at a time is enough.
        if (Interlocked.Exchange(ref _tickBusy, 1) == 1) return;
        try
        {
            ClientWebSocket? socket;
            lock (_subscriptionLock) socket = _sessionLive ? _socket : null;
            if (socket is null) return;
            long now = _time.GetTimestamp();
            TimeSpan silentFor = _time.GetElapsedTime(Volatile.Read(ref _lastReceive), now);
            if (silentFor >= _options.DeadConnectionTimeout)
            {
                Abort(socket, "no data or PONG for " + silentFor.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s (dead-connection timeout)");
                return;
            }
            if (_time.GetElapsedTime(Volatile.Read(ref _lastPingSent), now) >= _options.PingInterval)
            {
                Volatile.Write(ref _lastPingSent, now);
                Interlocked.Increment(ref _pingsSent);
                _ = SendAsync(socket, PingMessage);
            }
            if (_activity is not null && _options.AssetSilenceTimeout is { } silence)
            {
                List<string>? stale = _activity.CollectStale(now, silence);
                if (stale is not null) HandleStale(socket, stale, silence);
            }
        }
        finally
        {
            Volatile.Write(ref _tickBusy, 0);
        }
    }

    private void HandleStale(ClientWebSocket socket, List<string> stale, TimeSpan silence)
    {
        string reason = "no message for " + silence.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s";
        Raise(WsStatusKind.AssetStale, Session, 0, TimeSpan.Zero, reason, stale);
        switch (_options.SilencePolicy)
        {
            case SilencePolicy.Resubscribe:
                _ = SendChangeAsync(socket, stale, subscribe: true);
                break;
            case SilencePolicy.Reconnect:
                Abort(socket, stale.Count + " asset(s) silent: " + reason);
                break;
        }
    }

    private void Abort(ClientWebSocket socket, string reason)
    {
        _abortReason = reason;
        socket.Abort();
    }

    private void ValidateIds(IReadOnlyList<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        foreach (string id in ids)
        {
            if (Channel == WsChannel.Market) SubscriptionMessages.ValidateAssetId(id);
            else SubscriptionMessages.ValidateConditionId(id);
        }
    }

    private void Raise(WsStatusKind kind, int session, int attempt, TimeSpan delay, string? reason, IReadOnlyList<string>? ids)
    {
        Action<WsStatusEvent>? handler = StatusChanged;
        if (handler is null) return;
        try
        {
            handler(new WsStatusEvent(kind, Id, session, _time.GetTimestamp(), attempt, delay, reason, ids));
        }
        catch (Exception)
        {
            // A faulty status handler must not take the transport down.
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        WebSocketException ws => "websocket error (" + ws.WebSocketErrorCode + "): " + ws.Message,
        TimeoutException t => t.Message,
        _ => ex.GetType().Name + ": " + ex.Message,
    };
}
