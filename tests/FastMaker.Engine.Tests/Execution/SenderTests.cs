using System.Text;
using FastMaker.Engine.Execution;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Signing;
using FastMaker.Primitives;
using static FastMaker.Engine.Tests.Execution.SenderScriptedHandler;

namespace FastMaker.Engine.Tests.Execution;

public class SenderTests
{
    private static Task<HttpResponseMessage> Reply(int status, string json) => Task.FromResult(Json(status, json));

    private static string IdOfCancel(SeenRequest r) => Encoding.ASCII.GetString(r.Body).Split('"')[3];

    [Fact]
    public async Task Post_Accepted_SendsTheExactBytesWithTheSignStageSignature_AndRepliesAcceptedWithFeedback()
    {
        var handler = new SenderScriptedHandler((r, _) => Reply(200, Accepted(SenderTestKit.Id(1))));
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool), sink, TimeProvider.System);
        var request = SenderTestKit.Post(pool, 1, market: 2);
        byte[] body = request.Body.ToArray();
        string signature = Encoding.ASCII.GetString(request.L2Signature);
        long ts = request.L2TimestampSeconds;

        sender.Publish(request);
        var replies = await sink.WaitAsync(r => r.Count == 1);

        var seen = Assert.Single(handler.Seen);
        Assert.Equal(("POST", "/order"), (seen.Method, seen.Path));
        Assert.Equal(body, seen.Body);
        Assert.Equal(signature, seen.Headers["POLY_SIGNATURE"]);
        Assert.Equal(ts.ToString(), seen.Headers["POLY_TIMESTAMP"]);
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", seen.Headers["POLY_ADDRESS"]);
        Assert.True(SenderTestKit.SignatureValid(seen));
        Assert.Equal(OrderReplyKind.PostAccepted, replies[0].Kind);
        Assert.Equal(PostStatus.Live, replies[0].Status);
        Assert.Equal(SenderTestKit.Id(1), replies[0].OrderId);
        var feedback = Assert.Single(sink.Feedback());
        Assert.Equal((VenueReplyKind.OrderAccepted, 2), (feedback.Kind, feedback.MarketIndex));
        Assert.Equal(1, sender.Posted);
        Assert.Equal(1, sender.Accepted);
        await sender.StopAsync();
        Assert.Equal(8, pool.Available);
    }

    [Fact]
    public async Task Post_Rejected400_RepliesRejectedWithTheVenuesText_AndAnOrderRejectedFeedback()
    {
        var handler = new SenderScriptedHandler((r, _) => Reply(400, "{\"error\":\"order 0xab is invalid. Price (0.455) breaks minimum tick size rule: 0.01\"}"));
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool), sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Post(pool, 1, market: 1));
        var replies = await sink.WaitAsync(r => r.Count == 1);

        Assert.Equal(OrderReplyKind.PostRejected, replies[0].Kind);
        Assert.Equal("order 0xab is invalid. Price (0.455) breaks minimum tick size rule: 0.01", replies[0].Error);
        var feedback = Assert.Single(sink.Feedback());
        Assert.Equal((VenueReplyKind.OrderRejected, 1, SenderTestKit.Id(1)), (feedback.Kind, feedback.MarketIndex, feedback.OrderId));
        Assert.Equal(1, sender.Rejected);
    }

    [Fact]
    public async Task SameHashPublishedTwice_IsPostedOnce_TheSecondRefusedLocally_WithoutAReplyThatCouldRejectTheFirst()
    {
        var handler = new SenderScriptedHandler((r, _) => Reply(200, Accepted(SenderTestKit.Id(7))));
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool) with { BatchPosts = false }, sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Post(pool, 7));
        await sink.WaitAsync(r => r.Count == 1);
        sender.Publish(SenderTestKit.Post(pool, 7));
        await sender.StopAsync();

        Assert.Equal(1, handler.Count("POST", "/order"));
        Assert.Equal(1, sender.DuplicatesRefused);
        var reply = Assert.Single(sink.Replies());
        Assert.Equal(OrderReplyKind.PostAccepted, reply.Kind);
    }

    [Fact]
    public async Task Publish_SteadyState_AllocatesNothingOnTheEngineThread()
    {
        var handler = new SenderScriptedHandler((r, _) => Reply(200, "{\"canceled\":[],\"not_canceled\":{}}"));
        var pool = new SignedRequestPool(256);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool) with { QueueCapacity = 4096 }, sink, TimeProvider.System);
        var warm = new SignedRequest[64];
        for (int i = 0; i < warm.Length; i++) warm[i] = SenderTestKit.Cancel(pool, SenderTestKit.Id(i));
        foreach (var r in warm) sender.Publish(r);
        await sink.WaitAsync(r => r.Count == warm.Length);

        var requests = new SignedRequest[200];
        for (int i = 0; i < requests.Length; i++) requests[i] = SenderTestKit.Cancel(pool, SenderTestKit.Id(1000 + i));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < requests.Length; i++) sender.Publish(requests[i]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(264, sender.Published);
        Assert.Equal(0, sender.QueueFullRefusals);
        await sink.WaitAsync(r => r.Count == warm.Length + requests.Length);
    }

    [Fact]
    public async Task QueueFull_IsAnsweredAtOnceWithAFailure_WithoutBlockingTheEngine()
    {
        var release = new TaskCompletionSource();
        int calls = 0;
        var handler = new SenderScriptedHandler(async (r, ct) =>
        {
            if (Interlocked.Increment(ref calls) == 1) await release.Task.WaitAsync(ct);
            return Json(200, Accepted(SenderTestKit.Id(int.Parse(Encoding.ASCII.GetString(r.Body).Split(':')[2].Split('}')[0]))));
        });
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        var options = SenderTestKit.Options(handler, pool) with { MaxInFlight = 1, QueueCapacity = 2, BatchPosts = false, RequestTimeout = TimeSpan.FromSeconds(30) };
        await using var sender = new OrderSender(options, sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Post(pool, 1));
        for (int i = 0; i < 2000 && sender.InFlight == 0; i++) await Task.Delay(5);
        Assert.Equal(1, sender.InFlight);
        sender.Publish(SenderTestKit.Post(pool, 2));
        sender.Publish(SenderTestKit.Post(pool, 3));
        sender.Publish(SenderTestKit.Post(pool, 4)); // the queue holds 2: this one is refused here and now

        var refused = Assert.Single(sink.Replies());
        Assert.Equal((OrderReplyKind.PostRejected, SenderTestKit.Id(4)), (refused.Kind, refused.OrderId));
        Assert.Contains("queue is full", refused.Error);
        Assert.Equal(1, sender.QueueFullRefusals);

        release.SetResult();
        var replies = await sink.WaitAsync(r => r.Count == 4);
        Assert.Equal(3, replies.Count(r => r.Kind == OrderReplyKind.PostAccepted));
        Assert.Equal(3, handler.Count("POST", "/order"));
    }

    [Fact]
    public async Task PostTimeout_IsReportedUnknown_ThenResolvedLiveByLookingTheHashUp_NeverPostedAgain()
    {
        var id = SenderTestKit.Id(5);
        var handler = new SenderScriptedHandler(async (r, ct) =>
        {
            if (r.Path == "/order") await Task.Delay(Timeout.Infinite, ct); // the reply is lost
            Assert.True(SenderTestKit.SignatureValid(r));
            return Json(200, "{\"id\":\"" + id + "\",\"status\":\"LIVE\",\"owner\":\"k\",\"original_size\":\"10\",\"size_matched\":\"2.5\",\"price\":\"0.5\",\"side\":\"BUY\"}");
        });
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool) with { RequestTimeout = TimeSpan.FromMilliseconds(300) }, sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Post(pool, 5));
        var replies = await sink.WaitAsync(r => r.Count == 2);

        Assert.Equal(OrderReplyKind.PostTimedOut, replies[0].Kind);
        Assert.Equal(OrderReplyKind.PostAccepted, replies[1].Kind);
        Assert.Equal(PostStatus.Live, replies[1].Status);
        Assert.Equal(Quantity.Parse("2.5"), replies[1].MatchedShares);
        Assert.Equal(1, handler.Count("POST", "/order"));
        Assert.Equal(1, handler.Count("GET", "/data/order/" + id));
        Assert.Equal((1, 1), (sender.TimedOut, sender.ResolvedLive));
    }

    [Fact]
    public async Task PostTimeout_UnknownToTheVenueInEveryLookup_IsReportedRejected()
    {
        var handler = new SenderScriptedHandler(async (r, ct) =>
        {
            if (r.Path == "/order") await Task.Delay(Timeout.Infinite, ct);
            return Json(200, "null");
        });
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool) with { RequestTimeout = TimeSpan.FromMilliseconds(300), ResolveAttempts = 3 }, sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Post(pool, 6));
        var replies = await sink.WaitAsync(r => r.Count == 2);

        Assert.Equal(OrderReplyKind.PostTimedOut, replies[0].Kind);
        Assert.Equal(OrderReplyKind.PostRejected, replies[1].Kind);
        Assert.Contains("does not know the order after 3 lookups", replies[1].Error);
        Assert.Equal(1, handler.Count("POST", "/order"));
        Assert.Equal(3, handler.Count("GET", "/data/order/" + SenderTestKit.Id(6)));
        Assert.Equal(1, sender.ResolvedNotFound);
    }

    [Fact]
    public async Task Post500_IsAnUnknownOutcome_LookedUp_AndNeverRetried()
    {
        var handler = new SenderScriptedHandler((r, _) => r.Path == "/order"
            ? Reply(500, "{\"error\":\"order timed out\"}")
            : Reply(200, "{\"id\":\"" + SenderTestKit.Id(8) + "\",\"status\":\"CANCELED\",\"size_matched\":\"0\"}"));
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool), sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Post(pool, 8));
        var replies = await sink.WaitAsync(r => r.Count == 3);

        Assert.Equal(new[] { OrderReplyKind.PostTimedOut, OrderReplyKind.PostAccepted, OrderReplyKind.CancelConfirmed }, replies.Select(r => r.Kind));
        Assert.Equal(1, handler.Count("POST", "/order"));
    }

    [Fact]
    public async Task Connection_Failure_IsAnUnknownOutcome_NotARetry()
    {
        var handler = new SenderScriptedHandler((r, _) => r.Path == "/order"
            ? throw new HttpRequestException(HttpRequestError.ResponseEnded, "the response ended prematurely")
            : Reply(200, "null"));
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool) with { ResolveAttempts = 1 }, sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Post(pool, 9));
        var replies = await sink.WaitAsync(r => r.Count == 2);

        Assert.Equal(new[] { OrderReplyKind.PostTimedOut, OrderReplyKind.PostRejected }, replies.Select(r => r.Kind));
        Assert.Equal(1, handler.Count("POST", "/order"));
    }

    [Fact]
    public async Task RateLimited429_TellsTheEngine_AndHoldsLaterPostsBackUntilRetryAfter_WithoutSendingThem()
    {
        var handler = new SenderScriptedHandler((r, _) =>
        {
            var response = Json(429, "{\"error\":\"Too Many Requests\"}");
            response.Headers.Add("Retry-After", "30");
            response.Headers.Add("Poly-RateLimit-Remaining", "0");
            return Task.FromResult(response);
        });
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool) with { BatchPosts = false }, sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Post(pool, 1, market: 3));
        await sink.WaitAsync(r => r.Count == 1);
        sender.Publish(SenderTestKit.Post(pool, 2, market: 3));
        var replies = await sink.WaitAsync(r => r.Count == 2);

        Assert.Equal(OrderReplyKind.PostRejected, replies[0].Kind);
        Assert.Equal("Too Many Requests", replies[0].Error);
        Assert.Equal(OrderReplyKind.PostRejected, replies[1].Kind);
        Assert.Contains("Retry-After", replies[1].Error);
        Assert.Equal(1, handler.Count("POST", "/order"));
        Assert.Equal(1, sender.HeldBack);
        var feedback = Assert.Single(sink.Feedback());
        Assert.Equal(VenueReplyKind.RateLimited, feedback.Kind);
        Assert.Equal(30_000, feedback.RetryAfterMs);
        Assert.Equal(0, feedback.RateLimit.Remaining);
    }

    [Theory]
    [InlineData(425, "{\"error\":\"service not ready\"}", VenueReplyKind.EngineRestarting)]
    [InlineData(503, "{\"error\":\"Trading is currently cancel-only. New orders are not accepted, but cancels are allowed.\"}", VenueReplyKind.CancelOnlyMode)]
    [InlineData(503, "{\"error\":\"post-only mode: only post-only orders and cancels are allowed\",\"code\":\"post_only_mode\",\"retry_after_seconds\":79}", VenueReplyKind.PostOnlyMode)]
    [InlineData(503, "{\"error\":\"Trading is currently disabled. Check polymarket.com for updates\"}", VenueReplyKind.TradingDisabled)]
    public async Task VenueModes_RejectThePost_AndReachTheGateAsTheirOwnKind_NotAsRejects(int status, string json, VenueReplyKind expected)
    {
        var handler = new SenderScriptedHandler((r, _) => Reply(status, json));
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool), sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Post(pool, 1));
        var replies = await sink.WaitAsync(r => r.Count == 1);

        Assert.Equal(OrderReplyKind.PostRejected, replies[0].Kind);
        var feedback = Assert.Single(sink.Feedback());
        Assert.Equal(expected, feedback.Kind);
        if (expected == VenueReplyKind.PostOnlyMode) Assert.Equal(79_000, feedback.RetryAfterMs);
    }

    [Fact]
    public async Task Cancel_ConfirmedIdsAndRefusedIds_AreRepliedWithTheVenuesReason()
    {
        var handler = new SenderScriptedHandler((r, _) =>
        {
            string id = IdOfCancel(r);
            return id == SenderTestKit.Id(1).ToString()
                ? Reply(200, "{\"canceled\":[\"" + id + "\"],\"not_canceled\":{}}")
                : Reply(200, "{\"canceled\":[],\"not_canceled\":{\"" + id + "\":\"order can't be found - already canceled or matched\"}}");
        });
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool), sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Cancel(pool, SenderTestKit.Id(1)));
        sender.Publish(SenderTestKit.Cancel(pool, SenderTestKit.Id(2)));
        var replies = await sink.WaitAsync(r => r.Count == 2);

        var confirmed = Assert.Single(replies, r => r.Kind == OrderReplyKind.CancelConfirmed);
        Assert.Equal(SenderTestKit.Id(1), confirmed.OrderId);
        var refused = Assert.Single(replies, r => r.Kind == OrderReplyKind.CancelRefused);
        Assert.Equal((SenderTestKit.Id(2), "order can't be found - already canceled or matched"), (refused.OrderId, refused.Error));
        Assert.All(handler.Seen, s => Assert.Equal(("DELETE", "/order"), (s.Method, s.Path)));
        Assert.Equal((1, 1), (sender.Cancelled, sender.CancelsRefused));
    }

    [Fact]
    public async Task Cancel_IsRetriedAfterA500_ThenConfirmed_ButA400IsNotRetried()
    {
        int deletes = 0;
        var handler = new SenderScriptedHandler((r, _) =>
        {
            string id = IdOfCancel(r);
            if (id == SenderTestKit.Id(2).ToString()) return Reply(400, "{\"error\":\"Invalid orderID\"}");
            return Interlocked.Increment(ref deletes) == 1
                ? Reply(500, "{\"error\":\"Internal server error\"}")
                : Reply(200, "{\"canceled\":[\"" + id + "\"],\"not_canceled\":{}}");
        });
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool), sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Cancel(pool, SenderTestKit.Id(1)));
        sender.Publish(SenderTestKit.Cancel(pool, SenderTestKit.Id(2)));
        var replies = await sink.WaitAsync(r => r.Count == 2);

        Assert.Equal(OrderReplyKind.CancelConfirmed, Assert.Single(replies, r => r.OrderId == SenderTestKit.Id(1)).Kind);
        var refused = Assert.Single(replies, r => r.OrderId == SenderTestKit.Id(2));
        Assert.Equal((OrderReplyKind.CancelRefused, "Invalid orderID"), (refused.Kind, refused.Error));
        Assert.Equal(2, deletes);
        Assert.Equal(3, handler.Seen.Count);
        Assert.All(handler.Seen, s => Assert.True(SenderTestKit.SignatureValid(s)));
    }

    [Fact]
    public async Task Cancel_GivesUpAfterItsAttempts_AndRefusesSoTheOrderKeepsItsState()
    {
        var handler = new SenderScriptedHandler((r, _) => Reply(500, "{\"error\":\"Internal server error\"}"));
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool) with { CancelAttempts = 3 }, sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Cancel(pool, SenderTestKit.Id(1)));
        var replies = await sink.WaitAsync(r => r.Count == 1);

        Assert.Equal(OrderReplyKind.CancelRefused, replies[0].Kind);
        Assert.Equal(3, handler.Count("DELETE", "/order"));
        Assert.Equal(1, sender.Failed);
    }

    [Fact]
    public async Task CancelAll_ConfirmsEveryOrderTheVenueCancelled()
    {
        var handler = new SenderScriptedHandler((r, _) => Reply(200,
            "{\"canceled\":[\"" + SenderTestKit.Id(1) + "\",\"" + SenderTestKit.Id(2) + "\"],\"not_canceled\":{\"" + SenderTestKit.Id(3) + "\":\"delayed order\"}}"));
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool), sink, TimeProvider.System);

        sender.Publish(SenderTestKit.CancelAll(pool));
        var replies = await sink.WaitAsync(r => r.Count == 3);

        var seen = Assert.Single(handler.Seen);
        Assert.Equal(("DELETE", "/cancel-all", 0), (seen.Method, seen.Path, seen.Body.Length));
        Assert.True(SenderTestKit.SignatureValid(seen));
        Assert.Equal(2, replies.Count(r => r.Kind == OrderReplyKind.CancelConfirmed));
        Assert.Equal(SenderTestKit.Id(3), Assert.Single(replies, r => r.Kind == OrderReplyKind.CancelRefused).OrderId);
    }

    [Fact]
    public async Task PostsQueuedTogether_GoAsOneBatch_ReSignedOverTheJoinedExactBytes_WithOneReplyPerOrder()
    {
        var release = new TaskCompletionSource();
        var handler = new SenderScriptedHandler(async (r, ct) =>
        {
            if (r.Path == "/order")
            {
                await release.Task.WaitAsync(ct);
                return Json(200, Accepted(SenderTestKit.Id(1)));
            }

            return Json(200, "[" + Accepted(SenderTestKit.Id(2)) + ","
                + "{\"success\":true,\"errorMsg\":\"post-only mode: only post-only orders and cancels are allowed\",\"orderID\":\"\",\"status\":\"\",\"makingAmount\":\"\",\"takingAmount\":\"\"},"
                + Accepted(SenderTestKit.Id(4), "matched") + "]");
        });
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool) with { MaxInFlight = 1, RequestTimeout = TimeSpan.FromSeconds(30) }, sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Post(pool, 1));
        for (int i = 0; i < 2000 && sender.InFlight == 0; i++) await Task.Delay(5);
        var bodies = new List<byte[]>();
        for (int n = 2; n <= 4; n++)
        {
            var r = SenderTestKit.Post(pool, n, market: n);
            bodies.Add(r.Body.ToArray());
            sender.Publish(r);
        }

        release.SetResult();
        var replies = await sink.WaitAsync(r => r.Count == 4);

        var batch = Assert.Single(handler.Seen, s => s.Path == "/orders");
        byte[] expected = [(byte)'[', .. bodies[0], (byte)',', .. bodies[1], (byte)',', .. bodies[2], (byte)']'];
        Assert.Equal(expected, batch.Body);
        Assert.True(SenderTestKit.SignatureValid(batch));
        Assert.Equal(1, sender.Batches);
        Assert.Equal(4, sender.Posted);
        Assert.Equal(OrderReplyKind.PostAccepted, Assert.Single(replies, r => r.OrderId == SenderTestKit.Id(2)).Kind);
        var refused = Assert.Single(replies, r => r.OrderId == SenderTestKit.Id(3));
        Assert.Equal(OrderReplyKind.PostRejected, refused.Kind);
        Assert.StartsWith("post-only mode", refused.Error);
        Assert.Equal(PostStatus.Matched, Assert.Single(replies, r => r.OrderId == SenderTestKit.Id(4)).Status);
        Assert.Contains(sink.Feedback(), f => f.Kind == VenueReplyKind.PostOnlyMode && f.MarketIndex == 3);
    }

    [Fact]
    public async Task CancelsQueuedTogether_GoAsOneDeleteOrders_ReSigned_WithOneReplyPerOrder()
    {
        var release = new TaskCompletionSource();
        var handler = new SenderScriptedHandler(async (r, ct) =>
        {
            if (r.Path == "/order")
            {
                await release.Task.WaitAsync(ct);
                return Json(200, "{\"canceled\":[\"" + SenderTestKit.Id(1) + "\"],\"not_canceled\":{}}");
            }

            return Json(200, "{\"canceled\":[\"" + SenderTestKit.Id(2) + "\"],\"not_canceled\":{\"" + SenderTestKit.Id(3) + "\":\"order can't be found - already canceled or matched\"}}");
        });
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        var options = SenderTestKit.Options(handler, pool) with { MaxInFlight = 1, BatchCancels = true, RequestTimeout = TimeSpan.FromSeconds(30) };
        await using var sender = new OrderSender(options, sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Cancel(pool, SenderTestKit.Id(1)));
        for (int i = 0; i < 2000 && sender.InFlight == 0; i++) await Task.Delay(5);
        for (int n = 2; n <= 4; n++) sender.Publish(SenderTestKit.Cancel(pool, SenderTestKit.Id(n)));
        release.SetResult();
        var replies = await sink.WaitAsync(r => r.Count == 4);

        var batch = Assert.Single(handler.Seen, s => s.Path == "/orders");
        Assert.Equal("DELETE", batch.Method);
        Assert.Equal("[\"" + SenderTestKit.Id(2) + "\",\"" + SenderTestKit.Id(3) + "\",\"" + SenderTestKit.Id(4) + "\"]", Encoding.ASCII.GetString(batch.Body));
        Assert.True(SenderTestKit.SignatureValid(batch));
        Assert.Equal(OrderReplyKind.CancelConfirmed, Assert.Single(replies, r => r.OrderId == SenderTestKit.Id(2)).Kind);
        Assert.Equal("order can't be found - already canceled or matched", Assert.Single(replies, r => r.OrderId == SenderTestKit.Id(3)).Error);
        var unmentioned = Assert.Single(replies, r => r.OrderId == SenderTestKit.Id(4));
        Assert.Equal(OrderReplyKind.CancelRefused, unmentioned.Kind);
        Assert.Equal(1, sender.Batches);
        Assert.Equal(8, pool.Available);
    }

    [Fact]
    public async Task Cancel_WaitsForThePostOfItsOwnOrder_SoItNeverOvertakesIt()
    {
        var release = new TaskCompletionSource();
        var handler = new SenderScriptedHandler(async (r, ct) =>
        {
            if (r.Path == "/order" && r.Method == "POST")
            {
                await release.Task.WaitAsync(ct);
                return Json(200, Accepted(SenderTestKit.Id(1)));
            }

            return Json(200, "{\"canceled\":[\"" + SenderTestKit.Id(1) + "\"],\"not_canceled\":{}}");
        });
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool) with { RequestTimeout = TimeSpan.FromSeconds(30) }, sink, TimeProvider.System);

        sender.Publish(SenderTestKit.Post(pool, 1));
        sender.Publish(SenderTestKit.Cancel(pool, SenderTestKit.Id(1)));
        for (int i = 0; i < 2000 && sender.InFlight < 2; i++) await Task.Delay(5);
        await Task.Delay(50);
        Assert.Equal(0, handler.Count("DELETE", "/order"));

        release.SetResult();
        var replies = await sink.WaitAsync(r => r.Count == 2);
        Assert.Equal(new[] { OrderReplyKind.PostAccepted, OrderReplyKind.CancelConfirmed }, replies.Select(r => r.Kind));
        Assert.Equal(new[] { "POST", "DELETE" }, handler.Seen.Select(s => s.Method));
    }

    [Fact]
    public async Task AgedSignStageSignature_IsReSignedAtSendTime()
    {
        var handler = new SenderScriptedHandler((r, _) => Reply(200, Accepted(SenderTestKit.Id(1))));
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool), sink, TimeProvider.System);
        long old = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 60;

        sender.Publish(SenderTestKit.Post(pool, 1, nowSeconds: old));
        await sink.WaitAsync(r => r.Count == 1);

        var seen = Assert.Single(handler.Seen);
        Assert.True(long.Parse(seen.Headers["POLY_TIMESTAMP"]) > old + 30);
        Assert.True(SenderTestKit.SignatureValid(seen));
    }

    [Fact]
    public async Task Publish_AfterStop_IsRefusedAtOnce()
    {
        var handler = new SenderScriptedHandler((r, _) => Reply(200, Accepted(SenderTestKit.Id(1))));
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool), sink, TimeProvider.System);
        await sender.StopAsync();

        sender.Publish(SenderTestKit.Post(pool, 1));

        var reply = Assert.Single(sink.Replies());
        Assert.Equal(OrderReplyKind.PostRejected, reply.Kind);
        Assert.Contains("stopping", reply.Error);
        Assert.Empty(handler.Seen);
    }

    [Fact]
    public async Task RefusalOnTheEngineThread_WhenTheControlQueueIsFull_IsCountedAsADroppedReply()
    {
        var handler = new SenderScriptedHandler((r, _) => Reply(200, Accepted(SenderTestKit.Id(1))));
        var pool = new SignedRequestPool(8);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool), sink, TimeProvider.System);
        await sender.StopAsync();
        sink.Full = true;

        sender.Publish(SenderTestKit.Post(pool, 1));

        Assert.Equal(1, sender.RepliesDropped);
        Assert.Equal(1, sender.QueueFullRefusals);
        Assert.Equal(8, pool.Available);
    }

    [Fact]
    public async Task StopAsync_SendsWhatIsQueued_AndWaitsForTheReplies()
    {
        var handler = new SenderScriptedHandler(async (r, ct) =>
        {
            await Task.Delay(20, ct);
            return Json(200, "{\"canceled\":[\"" + IdOfCancel(r) + "\"],\"not_canceled\":{}}");
        });
        var pool = new SignedRequestPool(64);
        var sink = new SenderReplySink();
        await using var sender = new OrderSender(SenderTestKit.Options(handler, pool) with { MaxInFlight = 2 }, sink, TimeProvider.System);
        for (int i = 0; i < 10; i++) sender.Publish(SenderTestKit.Cancel(pool, SenderTestKit.Id(i)));

        await sender.StopAsync();

        Assert.Equal(10, sink.Replies().Count(r => r.Kind == OrderReplyKind.CancelConfirmed));
        Assert.Equal(0, sender.InFlight);
        Assert.Equal(64, pool.Available);
    }

    [Fact]
    public void InvalidOptions_AreRefusedWithAPreciseMessage()
    {
        var handler = new SenderScriptedHandler((r, _) => Reply(200, "{}"));
        var sink = new SenderReplySink();
        var good = SenderTestKit.Options(handler);
        Assert.Contains("power of 2", Assert.Throws<ArgumentException>(() => new OrderSender(good with { QueueCapacity = 1000 }, sink, TimeProvider.System)).Message);
        Assert.Contains("MaxBatchOrders must be 1 to 15", Assert.Throws<ArgumentException>(() => new OrderSender(good with { MaxBatchOrders = 16 }, sink, TimeProvider.System)).Message);
        Assert.Contains("ApiKey", Assert.Throws<ArgumentException>(() => new OrderSender(good with { ApiKey = "" }, sink, TimeProvider.System)).Message);
        Assert.Contains("Address", Assert.Throws<ArgumentException>(() => new OrderSender(good with { Address = default }, sink, TimeProvider.System)).Message);
        Assert.Contains("RequestTimeout", Assert.Throws<ArgumentException>(() => new OrderSender(good with { RequestTimeout = TimeSpan.Zero }, sink, TimeProvider.System)).Message);
        Assert.DoesNotContain(SenderTestKit.Credentials.Secret, good.ToString());
        Assert.DoesNotContain(SenderTestKit.Credentials.Passphrase, good.ToString());
    }
}
