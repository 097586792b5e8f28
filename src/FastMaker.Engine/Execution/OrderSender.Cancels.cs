using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Primitives;

namespace FastMaker.Engine.Execution;

/// <summary>
/// Cancels: DELETE /order, /orders (single cancels queued together, re-signed), /cancel-market-orders and /cancel-all,
/// retried with bounded back-off (they are idempotent).
/// </summary>
public sealed partial class OrderSender
{
    private static readonly byte[] DeleteMethod = "DELETE"u8.ToArray();
    private static readonly byte[] CancelBatchPath = "/orders"u8.ToArray();

    private void StartCancel(SignedRequest r)
    {
        Interlocked.Increment(ref _inFlight);
        _ = SendCancelAsync(r);
    }

    private async Task SendCancelAsync(SignedRequest r)
    {
        RequestKind kind = r.Kind;
        Hash32[] targets = kind == RequestKind.CancelOrder ? [r.OrderId] : [];
        string path = kind switch
        {
            RequestKind.CancelOrder => "/order",
            RequestKind.CancelMarket => "/cancel-market-orders",
            _ => "/cancel-all",
        };
        try
        {
            await RunCancelAsync(kind, path, r.BodyMemory, targets, r.MarketIndex, attempt => HeadersFor(r, forceFresh: attempt > 1)).ConfigureAwait(false);
        }
        finally
        {
            ReturnToPool(r);
            SlotDone();
        }
    }

    private async Task SendCancelBatchAsync(SignedRequest[] requests)
    {
        var targets = new Hash32[requests.Length];
        int market = requests[0].MarketIndex;
        // ["0x...","0x..."]: 66 characters and two quotes per id, commas, brackets.
        byte[] body = new byte[2 + requests.Length * 69];
        int at = 0;
        body[at++] = (byte)'[';
        for (int i = 0; i < requests.Length; i++)
        {
            targets[i] = requests[i].OrderId;
            if (requests[i].MarketIndex != market) market = -1;
            if (i > 0) body[at++] = (byte)',';
            body[at++] = (byte)'"';
            targets[i].TryFormat(body.AsSpan(at), out int written);
            at += written;
            body[at++] = (byte)'"';
            ReturnToPool(requests[i]);
        }

        body[at++] = (byte)']';
        var memory = new ReadOnlyMemory<byte>(body, 0, at);
        Interlocked.Increment(ref _batches);
        try
        {
            await RunCancelAsync(RequestKind.CancelOrder, "/orders", memory, targets, market,
                _ => SignNow(DeleteMethod, CancelBatchPath, memory.Span, _time.GetUtcNow().ToUnixTimeSeconds())).ConfigureAwait(false);
        }
        finally
        {
            SlotDone();
        }
    }

    /// <summary>
    /// Sends one cancel request until the venue answers it, or a verdict or the attempt limit ends it; every target
    /// gets exactly one reply (confirmed, refused with the venue's reason, or refused because it failed).
    /// </summary>
    private async Task RunCancelAsync(RequestKind kind, string path, ReadOnlyMemory<byte> body, Hash32[] targets, int market, Func<int, L2HeaderValues?> headers)
    {
        try
        {
            await WaitForPostsOf(targets).ConfigureAwait(false);
            for (int attempt = 1; ; attempt++)
            {
                await WaitForCancelHold().ConfigureAwait(false);
                L2HeaderValues? l2 = headers(attempt);
                if (l2 is null)
                {
                    CancelFailed(kind, targets, "not sent: the request has no L2 signature and the sender has no credentials");
                    return;
                }

                Interlocked.Increment(ref _cancelRequests);
                ApiResult<CancelResponse?> result = await _client.CancelAsync(path, body, l2.Value, _abort.Token).ConfigureAwait(false);
                Hash32 single = targets.Length == 1 ? targets[0] : default;
                if (result.IsSuccess)
                {
                    OnCancelAnswered(kind, targets, result.Value!);
                    if (result.RateLimit.IsPresent) DeliverFeedback(VenueReplyKind.Other, market, single, -1, result.RateLimit);
                    return;
                }

                ApiError error = result.Error!;
                VenueReplyKind feedback = VenueFeedback.KindOf(error.Kind);
                long retryAfterMs = error.RetryAfter is { } ra ? (long)ra.TotalMilliseconds : -1;
                if (feedback is VenueReplyKind.RateLimited or VenueReplyKind.EngineRestarting)
                {
                    // The engine hears the venue's own hint (-1 when it gave none); the sender holds back either way.
                    long heldMs = HoldBack(ref _holdCancelsUntilTicks, error.RetryAfter);
                    SenderLog.HeldBack(_logger, error.ToString(), heldMs);
                }

                // OrderRejected is about new orders: a refused cancel never counts toward reject storms.
                if (feedback == VenueReplyKind.OrderRejected) feedback = VenueReplyKind.Other;
                if (feedback != VenueReplyKind.Other || result.RateLimit.IsPresent) DeliverFeedback(feedback, market, single, retryAfterMs, result.RateLimit);

                bool retryable = error.Kind is ApiErrorKind.UnknownOutcome or ApiErrorKind.Timeout or ApiErrorKind.NetworkError
                    or ApiErrorKind.ServerError or ApiErrorKind.ServiceUnavailable or ApiErrorKind.RateLimited
                    or ApiErrorKind.EngineRestarting or ApiErrorKind.TradingDisabled or ApiErrorKind.InvalidResponse;
                if (!retryable || attempt >= _options.CancelAttempts)
                {
                    CancelFailed(kind, targets, error.Message);
                    return;
                }

                SenderLog.CancelRetry(_logger, kind, attempt, error.ToString());
                await Task.Delay(RetryDelay(attempt), _time, _abort.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            CancelFailed(kind, targets, "not confirmed: the sender was disposed");
        }
        catch (Exception ex)
        {
            SenderLog.SendFailed(_logger, ex);
            CancelFailed(kind, targets, "cancel failed: " + ex.Message);
        }
    }

    /// <summary>A cancel that overtakes its own order's post would be refused as unknown: wait until those posts settled.</summary>
    private async Task WaitForPostsOf(Hash32[] targets)
    {
        TimeSpan bound = _options.RequestTimeout + (_options.ResolveDelay + _options.RequestTimeout) * _options.ResolveAttempts;
        foreach (Hash32 target in targets)
        {
            if (!_postsUnsettled.TryGetValue(target, out TaskCompletionSource? pending)) continue;
            try
            {
                await pending.Task.WaitAsync(bound, _time, _abort.Token).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Send it anyway: a refused cancel only puts the order back to its state before the cancel.
            }
        }
    }

    private TimeSpan RetryDelay(int attempt)
    {
        double factor = Math.Pow(2, Math.Min(attempt - 1, 16));
        return TimeSpan.FromTicks((long)Math.Min(_options.RetryBaseDelay.Ticks * factor, _options.RetryMaxDelay.Ticks));
    }

    private async Task WaitForCancelHold()
    {
        long wait = Interlocked.Read(ref _holdCancelsUntilTicks) - _time.GetUtcNow().UtcTicks;
        if (wait > 0) await Task.Delay(TimeSpan.FromTicks(wait), _time, _abort.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Every id in <c>canceled</c> is confirmed, every id in <c>not_canceled</c> refused with the venue's reason; a target
    /// of a single-order cancel the reply does not mention is refused.
    /// </summary>
    private void OnCancelAnswered(RequestKind kind, Hash32[] targets, CancelResponse response)
    {
        var mentioned = new HashSet<Hash32>();
        if (response.Canceled is { } canceled)
        {
            foreach (string text in canceled)
            {
                if (!Hash32.TryParse(text.AsSpan(), out Hash32 id) || !mentioned.Add(id)) continue;
                Interlocked.Increment(ref _cancelled);
                DeliverReply(new OrderReply { Kind = OrderReplyKind.CancelConfirmed, OrderId = id });
            }
        }

        if (response.NotCanceled is { } refused)
        {
            foreach (KeyValuePair<string, string> pair in refused)
            {
                if (!Hash32.TryParse(pair.Key.AsSpan(), out Hash32 id) || !mentioned.Add(id)) continue;
                Interlocked.Increment(ref _cancelsRefused);
                DeliverReply(new OrderReply { Kind = OrderReplyKind.CancelRefused, OrderId = id, Error = pair.Value });
            }
        }

        if (kind != RequestKind.CancelOrder) return;
        foreach (Hash32 target in targets)
        {
            if (mentioned.Contains(target)) continue;
            Interlocked.Increment(ref _cancelsRefused);
            DeliverReply(new OrderReply { Kind = OrderReplyKind.CancelRefused, OrderId = target, Error = "the venue's cancel reply does not mention the order" });
        }
    }

    private void CancelFailed(RequestKind kind, Hash32[] targets, string reason)
    {
        Interlocked.Increment(ref _failed);
        if (kind == RequestKind.CancelOrder)
        {
            foreach (Hash32 target in targets)
            {
                Interlocked.Increment(ref _cancelsRefused);
                DeliverReply(new OrderReply { Kind = OrderReplyKind.CancelRefused, OrderId = target, Error = reason });
            }

            return;
        }

        // A failed bulk cancel names no order: the engine learns the truth from events and reconciliation.
        SenderLog.BulkCancelNotSent(_logger, kind, reason);
    }
}
