using System.Collections.Concurrent;
using System.Text;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;
using FastMaker.Ring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FastMaker.Engine.Execution;

/// <summary>
/// Sends the engine's signed requests to the venue over one pooled keep-alive HTTP handler, and turns every outcome
/// into control items for the engine: an <see cref="OrderReply"/> per order and a <see cref="VenueFeedback"/> for every
/// reply that carries venue state (accept, reject, 429, 425, 503 modes, rate-limit headers).
/// </summary>
/// <remarks>
/// <see cref="Publish"/> runs on the engine thread: it enqueues into a bounded lock-free queue and wakes the dispatcher
/// thread; it never blocks, never does I/O and allocates nothing in steady state. A full queue is answered at once
/// with a failure reply. The dispatcher sends the exact body bytes the sign stage produced with its L2 signature,
/// joins posts queued together into POST /orders and single cancels into DELETE /orders (re-signed), and never posts an order hash twice. Only cancels are
/// retried. A post whose reply was lost is reported as <see cref="OrderReplyKind.PostTimedOut"/> and resolved by
/// looking its hash up, never by posting again. A 429 or 425 holds the sender back until the venue's Retry-After.
/// </remarks>
public sealed partial class OrderSender : ISignedRequestSink, IAsyncDisposable
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(50);

    private readonly SenderOptions _options;
    private readonly IControlSink _replies;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MpscQueue<SignedRequest> _queue;
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 1);
    private readonly HttpMessageHandler _handler;
    private readonly bool _ownsHandler;
    private readonly PresignedClobClient _client;
    private readonly L2Signer? _l2;
    private readonly string _address;
    private readonly HashSet<Hash32> _everPosted = new(4096);
    private readonly ConcurrentDictionary<Hash32, TaskCompletionSource> _postsUnsettled = new();
    private readonly List<SignedRequest> _batch;
    private readonly List<SignedRequest> _cancelBatch;
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _dispatcherDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _dispatcher;
    private SignedRequest? _carry;
    private volatile bool _stopping;
    private int _stopRequested;
    private int _disposed;
    private long _holdPostsUntilTicks;
    private long _holdCancelsUntilTicks;

    private long _published;
    private long _queueFullRefusals;
    private long _posted;
    private long _accepted;
    private long _rejected;
    private long _timedOut;
    private long _resolvedLive;
    private long _resolvedNotFound;
    private long _unresolved;
    private long _cancelRequests;
    private long _cancelled;
    private long _cancelsRefused;
    private long _failed;
    private long _duplicatesRefused;
    private long _heldBack;
    private long _batches;
    private long _inFlight;
    private long _resolving;
    private long _repliesDropped;

    /// <summary>Creates the sender and starts its dispatcher thread.</summary>
    /// <param name="options">Venue address, L2 identity, limits.</param>
    /// <param name="replies">Where replies go (the ingress's control queue); called from sender threads.</param>
    /// <param name="time">Clock for deadlines, hold-backs and reply timestamps.</param>
    /// <param name="logger">Optional logger (never given secrets).</param>
    public OrderSender(SenderOptions options, IControlSink replies, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(replies);
        ArgumentNullException.ThrowIfNull(time);
        Validate(options);
        _options = options;
        _replies = replies;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
        _queue = new MpscQueue<SignedRequest>(options.QueueCapacity);
        _batch = new List<SignedRequest>(options.MaxBatchOrders);
        _cancelBatch = new List<SignedRequest>(options.MaxBatchCancels);
        _address = options.Address.ToChecksumString();
        _l2 = options.Credentials is null ? null : new L2Signer(options.Credentials, _address);
        _ownsHandler = options.Handler is null;
        _handler = options.Handler ?? PolyHttpHandlerFactory.Create(new PolyHttpOptions { RequestTimeout = options.RequestTimeout });
        var clobOptions = new ClobClientOptions { BaseUri = options.ClobBaseUrl, Http = new PolyHttpOptions { RequestTimeout = options.RequestTimeout } };
        _client = new PresignedClobClient(_handler, clobOptions, time);
        _dispatcher = new Thread(RunDispatcher) { IsBackground = true, Name = "fm-sender" };
        _dispatcher.Start();
    }

    /// <summary>Requests the engine published (accepted into the queue).</summary>
    public long Published => Volatile.Read(ref _published);

    /// <summary>Requests refused at once because the queue was full or the sender was stopping.</summary>
    public long QueueFullRefusals => Interlocked.Read(ref _queueFullRefusals);

    /// <summary>Orders sent to the venue (in POST /order or POST /orders).</summary>
    public long Posted => Interlocked.Read(ref _posted);

    /// <summary>Orders the venue accepted (from the post reply or a lookup).</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Orders the venue refused (its error text went to the engine).</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Posts whose reply was lost (timeout, connection failure, 5xx): reported as PostTimedOut.</summary>
    public long TimedOut => Interlocked.Read(ref _timedOut);

    /// <summary>Unknown posts a lookup found at the venue.</summary>
    public long ResolvedLive => Interlocked.Read(ref _resolvedLive);

    /// <summary>Unknown posts the venue did not know after every lookup (reported as rejected).</summary>
    public long ResolvedNotFound => Interlocked.Read(ref _resolvedNotFound);

    /// <summary>Unknown posts no lookup could resolve (left Unknown for the user channel and reconciliation).</summary>
    public long Unresolved => Interlocked.Read(ref _unresolved);

    /// <summary>Cancel requests sent (each attempt counts).</summary>
    public long CancelRequests => Interlocked.Read(ref _cancelRequests);

    /// <summary>Orders the venue confirmed cancelled.</summary>
    public long Cancelled => Interlocked.Read(ref _cancelled);

    /// <summary>Orders whose cancel the venue refused (in <c>not_canceled</c>) or that failed after every attempt.</summary>
    public long CancelsRefused => Interlocked.Read(ref _cancelsRefused);

    /// <summary>Requests that failed without a venue verdict (refused locally, cancel attempts exhausted, no signature).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Posts refused because their order hash was already posted by this process.</summary>
    public long DuplicatesRefused => Interlocked.Read(ref _duplicatesRefused);

    /// <summary>Posts refused locally while the venue's Retry-After held the sender back.</summary>
    public long HeldBack => Interlocked.Read(ref _heldBack);

    /// <summary>Batches sent: POST /orders and DELETE /orders.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>HTTP requests in flight now (a batch counts once).</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>Unknown posts being looked up now.</summary>
    public long Resolving => Interlocked.Read(ref _resolving);

    /// <summary>Replies lost because the engine's control queue stayed full (should stay 0).</summary>
    public long RepliesDropped => Interlocked.Read(ref _repliesDropped);

    /// <summary>Requests waiting in the queue (approximate).</summary>
    public int Queued => _queue.Count;

    /// <summary>
    /// Takes a signed request (engine thread): enqueues it for the dispatcher without blocking or allocating. When
    /// the queue is full, or the sender is stopping, the request is answered at once with a failure reply.
    /// </summary>
    public void Publish(SignedRequest request)
    {
        if (request is null) SenderThrowHelper.ThrowRequestNull();
        if (_stopping || !_queue.TryEnqueue(request))
        {
            RefuseAtOnce(request, _stopping ? "not sent: the sender is stopping" : "not sent: the sender queue is full", mayWait: false);
            return;
        }

        // Written by the engine thread only; read by monitors.
        Volatile.Write(ref _published, _published + 1);
        _wake.Set();
    }

    /// <summary>Stops taking requests, sends what is queued, and waits (up to DrainTimeout) for replies and lookups.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopRequested, 1) == 0)
        {
            _stopping = true;
            _wake.Set();
        }

        await _dispatcherDone.Task.ConfigureAwait(false);
        // A Publish that raced with the stop may have enqueued after the dispatcher's last look.
        while (_queue.TryDequeue(out SignedRequest r)) RefuseAtOnce(r, "not sent: the sender stopped", mayWait: true);
        long deadline = _time.GetTimestamp() + (long)(_options.DrainTimeout.TotalSeconds * _time.TimestampFrequency);
        while ((InFlight > 0 || Resolving > 0) && _time.GetTimestamp() < deadline)
        {
            await Task.Delay(10).ConfigureAwait(false);
        }

        if (InFlight > 0 || Resolving > 0) SenderLog.DrainTimedOut(_logger, InFlight, Resolving);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await StopAsync().ConfigureAwait(false);
        _abort.Cancel();
        for (int i = 0; i < 200 && (InFlight > 0 || Resolving > 0); i++) await Task.Delay(10).ConfigureAwait(false);
        if (_ownsHandler) _handler.Dispose();
        _abort.Dispose();
    }

    private static void Validate(SenderOptions options) => ValidateCore(options, nameof(options));

    private static void ValidateCore(SenderOptions o, string name)
    {
        if (o.ClobBaseUrl is null || !o.ClobBaseUrl.IsAbsoluteUri) throw new ArgumentException("ClobBaseUrl must be an absolute URI.", name);
        if (o.Address.IsZero) throw new ArgumentException("Address (POLY_ADDRESS) must be set.", name);
        if (string.IsNullOrEmpty(o.ApiKey)) throw new ArgumentException("ApiKey (POLY_API_KEY) must be set.", name);
        if (string.IsNullOrEmpty(o.Passphrase)) throw new ArgumentException("Passphrase (POLY_PASSPHRASE) must be set.", name);
        if (o.Credentials is not null && (o.Credentials.ApiKey != o.ApiKey || o.Credentials.Passphrase != o.Passphrase))
            throw new ArgumentException("Credentials must carry the same ApiKey and Passphrase as the options.", name);
        if (o.RequestTimeout <= TimeSpan.Zero) throw new ArgumentException("RequestTimeout must be positive, got " + o.RequestTimeout + ".", name);
        if (o.QueueCapacity < 2 || (o.QueueCapacity & (o.QueueCapacity - 1)) != 0)
            throw new ArgumentException("QueueCapacity must be a power of 2 of at least 2, got " + o.QueueCapacity + ".", name);
        if (o.MaxInFlight < 1) throw new ArgumentException("MaxInFlight must be at least 1, got " + o.MaxInFlight + ".", name);
        if (o.MaxBatchOrders < 1 || o.MaxBatchOrders > ClobClient.MaxOrdersPerBatch)
            throw new ArgumentException("MaxBatchOrders must be 1 to " + ClobClient.MaxOrdersPerBatch + ", got " + o.MaxBatchOrders + ".", name);
        if (o.MaxBatchCancels < 1 || o.MaxBatchCancels > ClobClient.MaxCancelsPerBatch)
            throw new ArgumentException("MaxBatchCancels must be 1 to " + ClobClient.MaxCancelsPerBatch + ", got " + o.MaxBatchCancels + ".", name);
        if (o.CancelAttempts < 1) throw new ArgumentException("CancelAttempts must be at least 1, got " + o.CancelAttempts + ".", name);
        if (o.ResolveAttempts < 1) throw new ArgumentException("ResolveAttempts must be at least 1, got " + o.ResolveAttempts + ".", name);
        if (o.RetryBaseDelay < TimeSpan.Zero || o.RetryMaxDelay < o.RetryBaseDelay)
            throw new ArgumentException("RetryBaseDelay must be non-negative and at most RetryMaxDelay.", name);
        if (o.ResolveDelay < TimeSpan.Zero || o.DefaultHoldBack < TimeSpan.Zero) throw new ArgumentException("ResolveDelay and DefaultHoldBack must be non-negative.", name);
    }

    // ---- dispatcher thread ----

    private void RunDispatcher()
    {
        try
        {
            while (true)
            {
                _wake.Reset();
                DispatchReady();
                if (_stopping && _carry is null && _queue.Count == 0) break;
                _wake.Wait(IdleWait);
            }
        }
        catch (Exception ex)
        {
            SenderLog.DispatcherFailed(_logger, ex);
        }
        finally
        {
            _dispatcherDone.TrySetResult();
        }
    }

    /// <summary>Starts as many queued requests as the in-flight limit allows; posts queued together become one batch.</summary>
    private void DispatchReady()
    {
        while (Interlocked.Read(ref _inFlight) < _options.MaxInFlight)
        {
            SignedRequest? r = _carry;
            _carry = null;
            if (r is null && !_queue.TryDequeue(out r)) return;
            if (r.Kind == RequestKind.CancelOrder && _options.BatchCancels && _l2 is not null)
            {
                CollectCancels(r);
                continue;
            }

            if (r.Kind != RequestKind.PostOrder)
            {
                StartCancel(r);
                continue;
            }

            if (!AdmitPost(r)) continue;
            _batch.Clear();
            _batch.Add(r);
            if (_options.BatchPosts && _l2 is not null)
            {
                while (_batch.Count < _options.MaxBatchOrders && _queue.TryDequeue(out SignedRequest next))
                {
                    if (next.Kind != RequestKind.PostOrder)
                    {
                        _carry = next;
                        break;
                    }

                    if (AdmitPost(next)) _batch.Add(next);
                }
            }

            StartPosts(_batch);
        }
    }

    /// <summary>Takes the single-order cancels queued right behind <paramref name="first"/>; two or more go as one DELETE /orders.</summary>
    private void CollectCancels(SignedRequest first)
    {
        _cancelBatch.Clear();
        _cancelBatch.Add(first);
        while (_cancelBatch.Count < _options.MaxBatchCancels && _queue.TryDequeue(out SignedRequest next))
        {
            if (next.Kind != RequestKind.CancelOrder)
            {
                _carry = next;
                break;
            }

            _cancelBatch.Add(next);
        }

        if (_cancelBatch.Count == 1)
        {
            StartCancel(first);
            return;
        }

        Interlocked.Increment(ref _inFlight);
        _ = SendCancelBatchAsync(_cancelBatch.ToArray());
    }

    /// <summary>Refuses a duplicate hash or a post during a hold-back; otherwise records the hash as posted.</summary>
    private bool AdmitPost(SignedRequest r)
    {
        if (_everPosted.Contains(r.OrderId))
        {
            // A second post of one hash is an upstream bug. No reply: a reject would mark the first (live) order rejected.
            // The request is not returned to the pool either: it may be the very object still being sent.
            Interlocked.Increment(ref _duplicatesRefused);
            SenderLog.DuplicateRefused(_logger, r.OrderId);
            return false;
        }

        long now = _time.GetUtcNow().UtcTicks;
        long until = Interlocked.Read(ref _holdPostsUntilTicks);
        if (now < until)
        {
            Interlocked.Increment(ref _heldBack);
            string reason = "not sent: the venue asked us to wait " + ((until - now) / TimeSpan.TicksPerMillisecond) + " ms more (Retry-After)";
            DeliverReply(new OrderReply { Kind = OrderReplyKind.PostRejected, OrderId = r.OrderId, Error = reason }, mayWait: true);
            ReturnToPool(r);
            return false;
        }

        _everPosted.Add(r.OrderId);
        _postsUnsettled[r.OrderId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return true;
    }

    // ---- replies ----

    /// <summary>Answers a request that will not be sent (engine thread when the queue is full: no waiting there).</summary>
    private void RefuseAtOnce(SignedRequest r, string reason, bool mayWait)
    {
        Interlocked.Increment(ref _queueFullRefusals);
        Interlocked.Increment(ref _failed);
        switch (r.Kind)
        {
            case RequestKind.PostOrder:
                DeliverReply(new OrderReply { Kind = OrderReplyKind.PostRejected, OrderId = r.OrderId, Error = reason }, mayWait);
                break;
            case RequestKind.CancelOrder:
                DeliverReply(new OrderReply { Kind = OrderReplyKind.CancelRefused, OrderId = r.OrderId, Error = reason }, mayWait);
                break;
            default:
                SenderLog.BulkCancelNotSent(_logger, r.Kind, reason);
                break;
        }

        ReturnToPool(r);
    }

    private void DeliverReply(OrderReply reply, bool mayWait = true) => Deliver(reply, mayWait);

    private void DeliverFeedback(VenueReplyKind kind, int marketIndex, Hash32 orderId, long retryAfterMs, RateLimitInfo rateLimit) =>
        Deliver(new VenueFeedback { Kind = kind, MarketIndex = marketIndex, OrderId = orderId, RetryAfterMs = retryAfterMs, RateLimit = rateLimit }, true);

    private void Deliver(object cold, bool mayWait)
    {
        var item = ControlItem.ForCold(InboundKind.RestReply, cold, _time.GetUtcNow().ToUnixTimeMilliseconds());
        // The control queue drains within microseconds; a sender thread may wait a little, the engine thread may not.
        int attempts = mayWait ? 200 : 1;
        for (int i = 0; i < attempts; i++)
        {
            if (_replies.EnqueueControl(in item)) return;
            if (i + 1 < attempts) Thread.Sleep(1);
        }

        Interlocked.Increment(ref _repliesDropped);
        SenderLog.ReplyDropped(_logger, cold.GetType().Name);
    }

    private void ReturnToPool(SignedRequest r) => _options.RequestPool?.Return(r);

    // ---- signing and hold-back ----

    /// <summary>
    /// The L2 headers of a request: the sign stage's signature while fresh, else a new one when credentials are
    /// configured, else the old one (the venue decides). Null when there is no signature at all.
    /// </summary>
    private L2HeaderValues? HeadersFor(SignedRequest r, bool forceFresh)
    {
        long nowSeconds = _time.GetUtcNow().ToUnixTimeSeconds();
        bool fresh = r.HasL2Signature && nowSeconds - r.L2TimestampSeconds <= (long)_options.MaxSignatureAge.TotalSeconds;
        if (fresh && !forceFresh) return Headers(Encoding.ASCII.GetString(r.L2Signature), r.L2TimestampSeconds);
        if (_l2 is not null) return SignNow(r.Method, r.Path, r.Body, nowSeconds);
        if (r.HasL2Signature) return Headers(Encoding.ASCII.GetString(r.L2Signature), r.L2TimestampSeconds);
        return null;
    }

    private L2HeaderValues SignNow(ReadOnlySpan<byte> method, ReadOnlySpan<byte> path, ReadOnlySpan<byte> body, long nowSeconds)
    {
        Span<byte> signature = stackalloc byte[L2Signer.SignatureLength];
        _l2!.Sign(nowSeconds, method, path, body, signature);
        return Headers(Encoding.ASCII.GetString(signature), nowSeconds);
    }

    private L2HeaderValues Headers(string signature, long timestampSeconds) =>
        new(_address, signature, timestampSeconds, _options.ApiKey, _options.Passphrase);

    /// <summary>Holds posts or cancels back until the venue's hint (or the default) has passed.</summary>
    private long HoldBack(ref long untilTicks, TimeSpan? retryAfter)
    {
        TimeSpan wait = retryAfter is { } r && r > TimeSpan.Zero ? r : _options.DefaultHoldBack;
        long until = _time.GetUtcNow().UtcTicks + wait.Ticks;
        long current = Interlocked.Read(ref untilTicks);
        // CAS loop: only ever extend the hold.
        while (current < until)
        {
            long observed = Interlocked.CompareExchange(ref untilTicks, until, current);
            if (observed == current) break;
            current = observed;
        }

        return (long)wait.TotalMilliseconds;
    }

    private void SlotDone()
    {
        Interlocked.Decrement(ref _inFlight);
        _wake.Set();
    }
}
