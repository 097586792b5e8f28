using System.Buffers;
using System.Net.WebSockets;
using System.Threading.Channels;

namespace FastMaker.Venue.WebSockets;

/// <summary>
/// One client socket: a bounded send queue drained by its own send loop, so a slow or dead client
/// can never block the publisher. When the queue is full the client is disconnected.
/// </summary>
internal sealed class WsConnection
{
    private static readonly byte[] Comma = ","u8.ToArray();
    private const int MaxMergedMessages = 512;
    private const int MaxMergedBytes = 256 * 1024; // keeps merged frames small enough for ordinary client buffers
    private readonly WebSocket _socket;
    private readonly Channel<OutboundFrame> _queue;
    private readonly bool _coalesce;
    private readonly CancellationTokenSource _closed = new();
    private volatile bool _silenced;
    private int _aborted;

    public WsConnection(long id, WsChannelKind kind, WebSocket socket, int queueCapacity, bool coalesce)
    {
        Id = id;
        Kind = kind;
        _socket = socket;
        _coalesce = coalesce;
        _queue = Channel.CreateBounded<OutboundFrame>(new BoundedChannelOptions(queueCapacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping silently
        });
    }

    public long Id { get; }
    public WsChannelKind Kind { get; }

    /// <summary>Set for user connections once authenticated.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Condition ids a user connection filters on; empty means every market.</summary>
    public HashSet<string> UserMarkets { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Assets a market connection follows (guarded by the hub's subscription lock).</summary>
    public HashSet<string> Assets { get; } = new(StringComparer.Ordinal);

    /// <summary>True when the client asked for best_bid_ask, new_market and market_resolved.</summary>
    public volatile bool CustomFeatures;

    /// <summary>Data stops while silenced; PONG continues.</summary>
    public bool Silenced { get => _silenced; set => _silenced = value; }

    public bool IsClosed => Volatile.Read(ref _aborted) != 0;

    /// <summary>Frames waiting in the send queue (capacity runs pace their publisher on it).</summary>
    public int QueuedFrames => _queue.Reader.Count;
    public CancellationToken Closed => _closed.Token;

    /// <summary>Why the connection was aborted, for tests and logs.</summary>
    public string? AbortReason { get; private set; }

    /// <summary>Queues a data message; a full queue disconnects the client.</summary>
    public void EnqueueData(byte[] json)
    {
        if (_silenced || IsClosed) return;
        if (!_queue.Writer.TryWrite(new OutboundFrame(json, true))) Abort("send queue full: client is not reading");
    }

    /// <summary>Queues a control text frame (PONG); unaffected by silence.</summary>
    public void EnqueueControl(byte[] text)
    {
        if (IsClosed) return;
        if (!_queue.Writer.TryWrite(new OutboundFrame(text, false))) Abort("send queue full: client is not reading");
    }

    public void Abort(string reason)
    {
        if (Interlocked.Exchange(ref _aborted, 1) != 0) return;
        AbortReason = reason;
        _queue.Writer.TryComplete();
        try { _closed.Cancel(); } catch (ObjectDisposedException) { }
        _socket.Abort();
    }

    /// <summary>Closes politely with a status, then aborts if the peer does not answer.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (IsClosed) return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync(status, reason, timeout.Token).ConfigureAwait(false);
            // Wait briefly for the peer's close frame so the status reaches it before the abort.
            var scratch = new byte[256];
            while (_socket.State == WebSocketState.CloseSent)
            {
                var r = await _socket.ReceiveAsync(scratch, timeout.Token).ConfigureAwait(false);
                if (r.MessageType == WebSocketMessageType.Close) break;
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException) { }
        Abort(reason);
    }

    /// <summary>Drains the queue until the connection closes; merges queued JSON into array frames.</summary>
    public async Task RunSendLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new ArrayBufferWriter<byte>(16 * 1024);
        try
        {
            while (await reader.WaitToReadAsync(_closed.Token).ConfigureAwait(false))
            {
                while (reader.TryRead(out var frame))
                {
                    if (!frame.IsJson || !_coalesce || !reader.TryPeek(out var next) || !next.IsJson)
                    {
                        await _socket.SendAsync(frame.Payload, WebSocketMessageType.Text, true, _closed.Token).ConfigureAwait(false);
                        continue;
                    }
                    batch.ResetWrittenCount();
                    batch.Write("["u8);
                    AppendInner(batch, frame.Payload);
                    int merged = 1;
                    while (merged < MaxMergedMessages
                           && reader.TryPeek(out next) && next.IsJson && batch.WrittenCount + next.Payload.Length < MaxMergedBytes && reader.TryRead(out var more))
                    {
                        batch.Write(Comma);
                        AppendInner(batch, more.Payload);
                        merged++;
                    }
                    batch.Write("]"u8);
                    await _socket.SendAsync(batch.WrittenMemory, WebSocketMessageType.Text, true, _closed.Token).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or ChannelClosedException)
        {
            Abort(IsClosed ? AbortReason ?? "closed" : "send failed: " + e.Message);
        }
    }

    // A payload that is itself an array (a book dump) is flattened into the merged array.
    private static void AppendInner(ArrayBufferWriter<byte> batch, byte[] payload)
    {
        if (payload.Length >= 2 && payload[0] == (byte)'[' && payload[^1] == (byte)']')
            batch.Write(payload.AsSpan(1, payload.Length - 2));
        else
            batch.Write(payload);
    }
}
