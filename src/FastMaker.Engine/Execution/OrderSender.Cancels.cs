using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Primitives;

namespace FastMaker.Engine.Execution;

/// <summary>Cancels: DELETE /order, /cancel-market-orders and /cancel-all, retried with bounded back-off (they are idempotent).</summary>
public sealed partial class OrderSender
{
    private void StartCancel(SignedRequest r)
    {
        Interlocked.Increment(ref _inFlight);
        _ = SendCancelAsync(r);
    }

    private async Task SendCancelAsync(SignedRequest r)
    {
        RequestKind kind = r.Kind;
        Hash32 target = r.OrderId;
        int market = r.MarketIndex;
        string path = kind switch
        {
            RequestKind.CancelOrder => "/order",
            RequestKind.CancelMarket => "/cancel-market-orders",
            _ => "/cancel-all",
        };
        try
        {
            // A cancel that overtakes its own order's post would be refused as unknown; wait until the post settled.
            if (kind == RequestKind.CancelOrder && _postsUnsettled.TryGetValue(target, out TaskCompletionSource? pending))
            {
                TimeSpan bound = _options.RequestTimeout + (_options.ResolveDelay + _options.RequestTimeout) * _options.ResolveAttempts;
                try
                {
                    await pending.Task.WaitAsync(bound, _time, _abort.Token).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Send it anyway: a refused cancel only puts the order back to its state before the cancel.
                }
            }

            for (int attempt = 1; ; attempt++)
            {
                await WaitForCancelHold().ConfigureAwait(false);
                L2HeaderValues? l2 = HeadersFor(r, forceFresh: attempt > 1);
                if (l2 is null)
                {
                    CancelFailed(kind, target, "not sent: the request has no L2 signature and the sender has no credentials");
                    return;
                }

                Interlocked.Increment(ref _cancelRequests);
                ApiResult<CancelResponse?> result = await _client.CancelAsync(path, r.BodyMemory, l2.Value, _abort.Token).ConfigureAwait(false);
                if (result.IsSuccess)
                {
                    OnCancelAnswered(kind, target, result.Value!);
                    if (result.RateLimit.IsPresent) DeliverFeedback(VenueReplyKind.Other, market, target, -1, result.RateLimit);
                    return;
                }

                ApiError error = result.Error!;
                VenueReplyKind feedback = VenueFeedback.KindOf(error.Kind);
                long retryAfterMs = error.RetryAfter is { } ra ? (long)ra.TotalMilliseconds : -1;
                if (feedback is VenueReplyKind.RateLimited or VenueReplyKind.EngineRestarting)
                {
                    retryAfterMs = HoldBack(ref _holdCancelsUntilTicks, error.RetryAfter);
                    SenderLog.HeldBack(_logger, error.ToString(), retryAfterMs);
                }

                // OrderRejected is about new orders: a refused cancel never counts toward reject storms.
                if (feedback == VenueReplyKind.OrderRejected) feedback = VenueReplyKind.Other;
                if (feedback != VenueReplyKind.Other || result.RateLimit.IsPresent) DeliverFeedback(feedback, market, target, retryAfterMs, result.RateLimit);

                bool retryable = error.Kind is ApiErrorKind.UnknownOutcome or ApiErrorKind.Timeout or ApiErrorKind.NetworkError
                    or ApiErrorKind.ServerError or ApiErrorKind.ServiceUnavailable or ApiErrorKind.RateLimited
                    or ApiErrorKind.EngineRestarting or ApiErrorKind.TradingDisabled or ApiErrorKind.InvalidResponse;
                if (!retryable || attempt >= _options.CancelAttempts)
                {
                    CancelFailed(kind, target, error.Message);
                    return;
                }

                SenderLog.CancelRetry(_logger, kind, attempt, error.ToString());
                await Task.Delay(RetryDelay(attempt), _time, _abort.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            CancelFailed(kind, target, "not confirmed: the sender was disposed");
        }
        catch (Exception ex)
        {
            SenderLog.SendFailed(_logger, ex);
            CancelFailed(kind, target, "cancel failed: " + ex.Message);
        }
        finally
        {
            ReturnToPool(r);
            SlotDone();
        }
    }

    private TimeSpan RetryDelay(int attempt)
    {
        double factor = Math.Pow(2, Math.Min(attempt - 1, 16));
        TimeSpan delay = TimeSpan.FromTicks((long)Math.Min(_options.RetryBaseDelay.Ticks * factor, _options.RetryMaxDelay.Ticks));
        return delay;
    }

    private async Task WaitForCancelHold()
    {
        long wait = Interlocked.Read(ref _holdCancelsUntilTicks) - _time.GetUtcNow().UtcTicks;
        if (wait > 0) await Task.Delay(TimeSpan.FromTicks(wait), _time, _abort.Token).ConfigureAwait(false);
    }

    /// <summary>Every id in <c>canceled</c> is confirmed, every id in <c>not_canceled</c> refused with the venue's reason.</summary>
    private void OnCancelAnswered(RequestKind kind, Hash32 target, CancelResponse response)
    {
        bool targetMentioned = false;
        if (response.Canceled is { } canceled)
        {
            foreach (string text in canceled)
            {
                if (!Hash32.TryParse(text.AsSpan(), out Hash32 id)) continue;
                targetMentioned |= id == target;
                Interlocked.Increment(ref _cancelled);
                DeliverReply(new OrderReply { Kind = OrderReplyKind.CancelConfirmed, OrderId = id });
            }
        }

        if (response.NotCanceled is { } refused)
        {
            foreach (KeyValuePair<string, string> pair in refused)
            {
                if (!Hash32.TryParse(pair.Key.AsSpan(), out Hash32 id)) continue;
                targetMentioned |= id == target;
                Interlocked.Increment(ref _cancelsRefused);
                DeliverReply(new OrderReply { Kind = OrderReplyKind.CancelRefused, OrderId = id, Error = pair.Value });
            }
        }

        if (kind == RequestKind.CancelOrder && !targetMentioned)
        {
            Interlocked.Increment(ref _cancelsRefused);
            DeliverReply(new OrderReply { Kind = OrderReplyKind.CancelRefused, OrderId = target, Error = "the venue's cancel reply does not mention the order" });
        }
    }

    private void CancelFailed(RequestKind kind, Hash32 target, string reason)
    {
        Interlocked.Increment(ref _failed);
        if (kind == RequestKind.CancelOrder)
        {
            Interlocked.Increment(ref _cancelsRefused);
            DeliverReply(new OrderReply { Kind = OrderReplyKind.CancelRefused, OrderId = target, Error = reason });
            return;
        }

        // A failed bulk cancel names no order: the engine learns the truth from events and reconciliation.
        SenderLog.BulkCancelNotSent(_logger, kind, reason);
    }
}
