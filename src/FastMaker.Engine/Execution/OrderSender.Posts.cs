using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Primitives;

namespace FastMaker.Engine.Execution;

/// <summary>Posts: POST /order, POST /orders batches, and the resolution of posts whose outcome is unknown.</summary>
public sealed partial class OrderSender
{
    private static readonly byte[] BatchPath = "/orders"u8.ToArray();
    private static readonly byte[] PostMethod = "POST"u8.ToArray();
    private static readonly byte[] GetMethod = "GET"u8.ToArray();

    /// <summary>What a reply about a sent order needs once its request went back to the pool.</summary>
    private readonly record struct PostTicket(Hash32 OrderId, Side Side, int MarketIndex);

    private void StartPosts(List<SignedRequest> batch)
    {
        Interlocked.Increment(ref _inFlight);
        if (batch.Count == 1)
        {
            _ = SendPostAsync(batch[0]);
            return;
        }

        _ = SendBatchAsync(batch.ToArray());
    }

    private async Task SendPostAsync(SignedRequest r)
    {
        var ticket = new PostTicket(r.OrderId, r.Intent.Side, r.MarketIndex);
        bool returned = false;
        try
        {
            L2HeaderValues? l2 = HeadersFor(r, forceFresh: false);
            if (l2 is null)
            {
                FailUnsigned(ticket);
                return;
            }

            Interlocked.Increment(ref _posted);
            ApiResult<OrderResponse?> result = await _client.PostOrderAsync(r.BodyMemory, l2.Value, _abort.Token).ConfigureAwait(false);
            ReturnToPool(r); // the body has been sent (or abandoned): the buffer is free
            returned = true;
            if (result.IsSuccess)
            {
                OnPostAnswered(ticket, result.Value!, result.RateLimit, first: true);
                SettlePost(ticket.OrderId);
            }
            else
            {
                OnPostsFailed([ticket], result.Error!, result.RateLimit);
            }
        }
        catch (Exception ex)
        {
            // Not an HTTP outcome (the transport maps those): we cannot know whether it left, so it is unknown.
            SenderLog.SendFailed(_logger, ex);
            OnPostsFailed([ticket], new ApiError(ApiErrorKind.UnknownOutcome, null, "send failed: " + ex.Message), default);
        }
        finally
        {
            if (!returned) ReturnToPool(r);
            SlotDone();
        }
    }

    private async Task SendBatchAsync(SignedRequest[] requests)
    {
        var tickets = new PostTicket[requests.Length];
        int length = 1 + requests.Length;
        for (int i = 0; i < requests.Length; i++)
        {
            tickets[i] = new PostTicket(requests[i].OrderId, requests[i].Intent.Side, requests[i].MarketIndex);
            length += requests[i].BodyLength;
        }

        // The exact bytes of each signed body, joined; the L2 signature then covers the whole array.
        byte[] body = new byte[length];
        int at = 0;
        body[at++] = (byte)'[';
        for (int i = 0; i < requests.Length; i++)
        {
            if (i > 0) body[at++] = (byte)',';
            requests[i].Body.CopyTo(body.AsSpan(at));
            at += requests[i].BodyLength;
            ReturnToPool(requests[i]);
        }

        body[at] = (byte)']';
        try
        {
            L2HeaderValues l2 = SignNow(PostMethod, BatchPath, body, _time.GetUtcNow().ToUnixTimeSeconds());
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _posted, tickets.Length);
            ApiResult<OrderResponse[]?> result = await _client.PostOrdersAsync(body, l2, _abort.Token).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                OnPostsFailed(tickets, result.Error!, result.RateLimit);
                return;
            }

            OrderResponse[] replies = result.Value!;
            if (replies.Length != tickets.Length)
            {
                var error = new ApiError(ApiErrorKind.InvalidResponse, null, "POST /orders answered " + replies.Length + " results for " + tickets.Length + " orders");
                OnPostsFailed(tickets, error, result.RateLimit);
                return;
            }

            for (int i = 0; i < tickets.Length; i++)
            {
                OnPostAnswered(tickets[i], replies[i], result.RateLimit, first: i == 0);
                SettlePost(tickets[i].OrderId);
            }
        }
        catch (Exception ex)
        {
            SenderLog.SendFailed(_logger, ex);
            OnPostsFailed(tickets, new ApiError(ApiErrorKind.UnknownOutcome, null, "send failed: " + ex.Message), default);
        }
        finally
        {
            SlotDone();
        }
    }

    /// <summary>A 2xx reply for one order: accepted, or refused inside a batch.</summary>
    private void OnPostAnswered(PostTicket t, OrderResponse response, RateLimitInfo rateLimit, bool first)
    {
        OrderReply reply = OrderReply.FromPostResponse(response, t.OrderId, t.Side);
        DeliverReply(reply);
        // Rate-limit headers are per reply: a batch passes them once.
        RateLimitInfo headers = first ? rateLimit : default;
        if (reply.Kind == OrderReplyKind.PostAccepted)
        {
            Interlocked.Increment(ref _accepted);
            DeliverFeedback(VenueReplyKind.OrderAccepted, t.MarketIndex, t.OrderId, -1, headers);
            return;
        }

        Interlocked.Increment(ref _rejected);
        VenueReplyKind kind = response.IsPostOnlyModeRejection ? VenueReplyKind.PostOnlyMode : VenueReplyKind.OrderRejected;
        DeliverFeedback(kind, t.MarketIndex, t.OrderId, -1, headers);
    }

    /// <summary>
    /// A post (or batch) without a 2xx reply. A lost reply, a connection failure or a 5xx leaves the orders in an
    /// unknown state: PostTimedOut, then a lookup. A venue verdict (400, 401, 425, 429, 503 modes) rejects them.
    /// </summary>
    private void OnPostsFailed(PostTicket[] tickets, ApiError error, RateLimitInfo rateLimit)
    {
        switch (error.Kind)
        {
            case ApiErrorKind.UnknownOutcome:
            case ApiErrorKind.Timeout:
            case ApiErrorKind.NetworkError:
            case ApiErrorKind.ServerError:
            case ApiErrorKind.ServiceUnavailable:
            case ApiErrorKind.InvalidResponse:
                foreach (PostTicket t in tickets)
                {
                    Interlocked.Increment(ref _timedOut);
                    DeliverReply(new OrderReply { Kind = OrderReplyKind.PostTimedOut, OrderId = t.OrderId, Error = error.Message });
                    Interlocked.Increment(ref _resolving);
                    _ = ResolveAsync(t);
                }

                SenderLog.PostUnknown(_logger, tickets.Length, error.ToString());
                if (rateLimit.IsPresent) DeliverFeedback(VenueReplyKind.Other, -1, default, -1, rateLimit);
                return;
        }

        long retryAfterMs = error.RetryAfter is { } ra ? (long)ra.TotalMilliseconds : -1;
        VenueReplyKind kind = VenueFeedback.KindOf(error.Kind);
        if (kind is VenueReplyKind.RateLimited or VenueReplyKind.EngineRestarting)
        {
            // The engine hears the venue's own hint (-1 when it gave none); the sender holds back either way.
            long heldMs = HoldBack(ref _holdPostsUntilTicks, error.RetryAfter);
            SenderLog.HeldBack(_logger, error.ToString(), heldMs);
        }

        foreach (PostTicket t in tickets)
        {
            if (error.Kind == ApiErrorKind.RejectedLocally) Interlocked.Increment(ref _failed);
            else Interlocked.Increment(ref _rejected);
            DeliverReply(new OrderReply { Kind = OrderReplyKind.PostRejected, OrderId = t.OrderId, Error = error.Message });
            if (kind == VenueReplyKind.OrderRejected) DeliverFeedback(kind, t.MarketIndex, t.OrderId, -1, rateLimit);
            SettlePost(t.OrderId);
        }

        if (kind != VenueReplyKind.OrderRejected && (kind != VenueReplyKind.Other || rateLimit.IsPresent))
        {
            DeliverFeedback(kind, tickets.Length == 1 ? tickets[0].MarketIndex : -1, tickets.Length == 1 ? tickets[0].OrderId : default, retryAfterMs, rateLimit);
        }
    }

    private void FailUnsigned(PostTicket t)
    {
        Interlocked.Increment(ref _failed);
        DeliverReply(new OrderReply { Kind = OrderReplyKind.PostRejected, OrderId = t.OrderId, Error = "not sent: the request has no L2 signature and the sender has no credentials" });
        SettlePost(t.OrderId);
    }

    /// <summary>
    /// Finds out what became of a post whose reply was lost: GET /data/order/{hash} after a delay, a few times. Found:
    /// PostAccepted with the venue's status (and CancelConfirmed when it is already cancelled). Unknown to the venue in
    /// every lookup: PostRejected. No answer at all: left Unknown for the user channel and reconciliation. Never posts again.
    /// </summary>
    private async Task ResolveAsync(PostTicket t)
    {
        try
        {
            if (_l2 is null)
            {
                Interlocked.Increment(ref _unresolved);
                SenderLog.CannotLookUp(_logger, t.OrderId);
                return;
            }

            string id = t.OrderId.ToString();
            string path = PresignedClobClient.OrderPath(id);
            byte[] pathBytes = System.Text.Encoding.ASCII.GetBytes(path);
            int notFound = 0;
            for (int attempt = 0; attempt < _options.ResolveAttempts; attempt++)
            {
                await Task.Delay(_options.ResolveDelay, _time, _abort.Token).ConfigureAwait(false);
                L2HeaderValues l2 = SignNow(GetMethod, pathBytes, default, _time.GetUtcNow().ToUnixTimeSeconds());
                ApiResult<OpenOrder?> found = await _client.GetOrderAsync(id, l2, _abort.Token).ConfigureAwait(false);
                if (!found.IsSuccess)
                {
                    SenderLog.LookupFailed(_logger, t.OrderId, found.Error!.ToString());
                    continue;
                }

                if (found.Value is null)
                {
                    notFound++;
                    continue;
                }

                ReportFound(t, found.Value);
                return;
            }

            if (notFound == _options.ResolveAttempts)
            {
                Interlocked.Increment(ref _resolvedNotFound);
                DeliverReply(new OrderReply
                {
                    Kind = OrderReplyKind.PostRejected,
                    OrderId = t.OrderId,
                    Error = "post outcome unknown; the venue does not know the order after " + notFound + " lookups",
                });
                return;
            }

            Interlocked.Increment(ref _unresolved);
            SenderLog.Unresolved(_logger, t.OrderId);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            Interlocked.Increment(ref _unresolved);
        }
        catch (Exception ex)
        {
            Interlocked.Increment(ref _unresolved);
            SenderLog.SendFailed(_logger, ex);
        }
        finally
        {
            SettlePost(t.OrderId);
            Interlocked.Decrement(ref _resolving);
        }
    }

    private void ReportFound(PostTicket t, OpenOrder order)
    {
        Interlocked.Increment(ref _resolvedLive);
        Interlocked.Increment(ref _accepted);
        var matched = Quantity.Zero;
        if (!string.IsNullOrEmpty(order.SizeMatched) && !Quantity.TryParse(order.SizeMatched.AsSpan(), out matched, out _)) matched = Quantity.Zero;
        string status = order.Status ?? "";
        PostStatus postStatus = status.Equals("MATCHED", StringComparison.OrdinalIgnoreCase) ? PostStatus.Matched
            : status.Equals("UNMATCHED", StringComparison.OrdinalIgnoreCase) ? PostStatus.Unmatched
            : PostStatus.Live;
        DeliverReply(new OrderReply { Kind = OrderReplyKind.PostAccepted, OrderId = t.OrderId, Status = postStatus, MatchedShares = matched });
        DeliverFeedback(VenueReplyKind.OrderAccepted, t.MarketIndex, t.OrderId, -1, default);
        if (status.StartsWith("CANCELED", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _cancelled);
            DeliverReply(new OrderReply { Kind = OrderReplyKind.CancelConfirmed, OrderId = t.OrderId });
        }
    }

    /// <summary>The post's outcome is known (or given up on): cancels of this order waiting for it may go.</summary>
    private void SettlePost(Hash32 orderId)
    {
        if (_postsUnsettled.TryRemove(orderId, out TaskCompletionSource? settled)) settled.TrySetResult();
    }
}
