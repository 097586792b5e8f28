using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Venue;
using FastMaker.Venue.RateLimits;

namespace FastMaker.Integration.Tests;

/// <summary>The sender against the in-process Venue over real loopback sockets.</summary>
public sealed class SenderVenueTests
{
    [Fact]
    public async Task Post_IsAcceptedByTheVenue_AndTheVenueHoldsTheOrderUnderTheHashWeComputed()
    {
        await using var h = await SenderVenueHarness.StartAsync();

        var id = h.Bid("0.45");
        var replies = await h.Replies.WaitAsync(r => r.Count == 1);

        Assert.Equal((OrderReplyKind.PostAccepted, PostStatus.Live, id), (replies[0].Kind, replies[0].Status, replies[0].OrderId));
        Assert.Equal(1, h.VenueLiveOrders);
        Assert.NotNull(h.Venue.WithEngine(e => e.GetOrder(id)));
        Assert.Contains(h.Replies.Feedback, f => f.Kind == VenueReplyKind.OrderAccepted && f.OrderId == id && f.MarketIndex == 0);
        Assert.Equal((1, 1), (h.Sender.Posted, h.Sender.Accepted));
    }

    [Fact]
    public async Task Post_RejectedByTheVenue_CarriesTheVenuesErrorText_AndCountsAsARejectForTheMarket()
    {
        await using var h = await SenderVenueHarness.StartAsync();
        h.Venue.Faults.RejectStormMarket = h.Market.ConditionId.ToString();

        var id = h.Bid("0.45");
        var replies = await h.Replies.WaitAsync(r => r.Count == 1);

        Assert.Equal((OrderReplyKind.PostRejected, id), (replies[0].Kind, replies[0].OrderId));
        Assert.Equal("the market is not yet ready to process new orders", replies[0].Error);
        Assert.Contains(h.Replies.Feedback, f => f.Kind == VenueReplyKind.OrderRejected && f.MarketIndex == 0);
        Assert.Equal(0, h.VenueLiveOrders);
    }

    [Fact]
    public async Task Cancel_IsConfirmed_ThenASecondCancelIsRefusedWithTheVenuesReason()
    {
        await using var h = await SenderVenueHarness.StartAsync();
        var id = h.Bid("0.45");
        await h.Replies.WaitAsync(r => r.Count == 1);

        h.Cancel(id);
        await h.Replies.WaitAsync(r => r.Count == 2);
        h.Cancel(id);
        var replies = await h.Replies.WaitAsync(r => r.Count == 3);

        Assert.Equal(OrderReplyKind.CancelConfirmed, replies[1].Kind);
        Assert.Equal(OrderReplyKind.CancelRefused, replies[2].Kind);
        Assert.False(string.IsNullOrEmpty(replies[2].Error));
        Assert.Equal(0, h.VenueLiveOrders);
        Assert.Equal((1, 1), (h.Sender.Cancelled, h.Sender.CancelsRefused));
    }

    [Fact]
    public async Task CancelAll_ConfirmsEveryLiveOrder()
    {
        await using var h = await SenderVenueHarness.StartAsync();
        var ids = new[] { h.Bid("0.40"), h.Bid("0.41"), h.Bid("0.42") };
        await h.Replies.WaitAsync(r => r.Count(x => x.Kind == OrderReplyKind.PostAccepted) == 3);
        Assert.Equal(3, h.VenueLiveOrders);

        h.CancelAll();
        var replies = await h.Replies.WaitAsync(r => r.Count(x => x.Kind == OrderReplyKind.CancelConfirmed) == 3);

        Assert.Equal(ids.OrderBy(i => i.ToString()), replies.Where(r => r.Kind == OrderReplyKind.CancelConfirmed).Select(r => r.OrderId).OrderBy(i => i.ToString()));
        Assert.Equal(0, h.VenueLiveOrders);
    }

    [Fact]
    public async Task OneRequestPublishedTwice_ReachesTheVenueOnce()
    {
        await using var h = await SenderVenueHarness.StartAsync(o => o with { BatchPosts = false });
        h.Tap.PublishTwice = true;

        var id = h.Bid("0.45");
        await h.Replies.WaitAsync(r => r.Count == 1);
        await h.Sender.StopAsync();

        Assert.Equal(1, h.Sender.DuplicatesRefused);
        Assert.Equal(1, h.Sender.Posted);
        Assert.Equal(OrderReplyKind.PostAccepted, Assert.Single(h.Replies.Replies).Kind);
        Assert.Equal(1, h.VenueLiveOrders);
        Assert.NotNull(h.Venue.WithEngine(e => e.GetOrder(id)));
    }

    [Fact]
    public async Task PostsQueuedTogether_GoAsOneReSignedBatch_ThatTheVenueAccepts()
    {
        SenderFaultyNetwork? network = null;
        await using var h = await SenderVenueHarness.StartAsync(o => o with { MaxInFlight = 1 }, wrap: inner => network = new SenderFaultyNetwork(inner));
        var hold = new TaskCompletionSource();
        network!.HoldFirst = hold;

        var first = h.Bid("0.30");
        for (int i = 0; i < 2000 && h.Sender.InFlight == 0; i++) await Task.Delay(5);
        var batched = new[] { h.Bid("0.31"), h.Bid("0.32"), h.Bid("0.33"), h.Bid("0.34") };
        hold.SetResult();
        var replies = await h.Replies.WaitAsync(r => r.Count == 5);

        Assert.All(replies, r => Assert.Equal(OrderReplyKind.PostAccepted, r.Kind));
        Assert.Equal(1, h.Sender.Batches);
        Assert.Equal(new[] { "POST /order", "POST /orders" }, network.Seen);
        Assert.Equal(5, h.VenueLiveOrders);
        Assert.All(batched, id => Assert.NotNull(h.Venue.WithEngine(e => e.GetOrder(id))));
        Assert.NotNull(h.Venue.WithEngine(e => e.GetOrder(first)));
    }

    [Fact]
    public async Task CancelsQueuedTogether_GoAsOneReSignedDeleteOrders_ThatTheVenueHonours()
    {
        SenderFaultyNetwork? network = null;
        await using var h = await SenderVenueHarness.StartAsync(o => o with { MaxInFlight = 1, BatchPosts = false }, wrap: inner => network = new SenderFaultyNetwork(inner));
        var ids = new[] { h.Bid("0.40"), h.Bid("0.41"), h.Bid("0.42"), h.Bid("0.43") };
        await h.Replies.WaitAsync(r => r.Count(x => x.Kind == OrderReplyKind.PostAccepted) == 4);
        var hold = new TaskCompletionSource();
        network!.HoldFirst = hold;

        h.Cancel(ids[0]);
        for (int i = 0; i < 2000 && h.Sender.InFlight == 0; i++) await Task.Delay(5);
        h.Cancel(ids[1]);
        h.Cancel(ids[2]);
        h.Cancel(ids[3]);
        hold.SetResult();
        var replies = await h.Replies.WaitAsync(r => r.Count(x => x.Kind == OrderReplyKind.CancelConfirmed) == 4);

        Assert.Equal(1, network.Seen.Count(s => s == "DELETE /order"));
        Assert.Equal(1, network.Seen.Count(s => s == "DELETE /orders"));
        Assert.Equal(1, h.Sender.Batches);
        Assert.DoesNotContain(replies, r => r.Kind == OrderReplyKind.CancelRefused);
        Assert.Equal(0, h.VenueLiveOrders);
    }

    [Fact]
    public async Task PostWhoseReplyIsLost_IsReportedUnknown_ThenFoundLiveByLookup_AndNeverPostedAgain()
    {
        SenderFaultyNetwork? network = null;
        await using var h = await SenderVenueHarness.StartAsync(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(800) }, wrap: inner => network = new SenderFaultyNetwork(inner));
        network!.LoseOrderReplies = true;

        var id = h.Bid("0.45");
        var replies = await h.Replies.WaitAsync(r => r.Count == 2);

        Assert.Equal(new[] { OrderReplyKind.PostTimedOut, OrderReplyKind.PostAccepted }, replies.Select(r => r.Kind));
        Assert.Equal(PostStatus.Live, replies[1].Status);
        Assert.Equal(1, network.Seen.Count(s => s == "POST /order"));
        Assert.Contains("GET /data/order/" + id, network.Seen);
        Assert.Equal(1, h.VenueLiveOrders);
        Assert.Equal((1, 1), (h.Sender.TimedOut, h.Sender.ResolvedLive));
    }

    [Fact]
    public async Task PostThatNeverReachedTheVenue_IsReportedUnknown_ThenRejectedWhenNoLookupFindsIt()
    {
        SenderFaultyNetwork? network = null;
        await using var h = await SenderVenueHarness.StartAsync(o => o with { RequestTimeout = TimeSpan.FromMilliseconds(800), ResolveAttempts = 2 }, wrap: inner => network = new SenderFaultyNetwork(inner));
        network!.SwallowOrders = true;

        h.Bid("0.45");
        var replies = await h.Replies.WaitAsync(r => r.Count == 2);

        Assert.Equal(new[] { OrderReplyKind.PostTimedOut, OrderReplyKind.PostRejected }, replies.Select(r => r.Kind));
        Assert.Equal(1, network.Seen.Count(s => s == "POST /order"));
        Assert.Equal(2, network.Seen.Count(s => s.StartsWith("GET /data/order/", StringComparison.Ordinal)));
        Assert.Equal(0, h.VenueLiveOrders);
        Assert.Equal(1, h.Sender.ResolvedNotFound);
    }

    [Fact]
    public async Task VenueSays429_TheEngineHearsRetryAfter_AndTheSenderHoldsTheNextPostBack()
    {
        SenderFaultyNetwork? network = null;
        await using var h = await SenderVenueHarness.StartAsync(o => o with { BatchPosts = false }, wrap: inner => network = new SenderFaultyNetwork(inner));
        h.Venue.Faults.Burst429(1);

        h.Bid("0.45");
        await h.Replies.WaitAsync(r => r.Count == 1);
        h.Bid("0.44");
        var replies = await h.Replies.WaitAsync(r => r.Count == 2);

        Assert.All(replies, r => Assert.Equal(OrderReplyKind.PostRejected, r.Kind));
        var limited = Assert.Single(h.Replies.Feedback, f => f.Kind == VenueReplyKind.RateLimited);
        Assert.True(limited.RetryAfterMs >= 1000, "RetryAfterMs " + limited.RetryAfterMs);
        Assert.Equal(1, network!.Seen.Count(s => s == "POST /order"));
        Assert.Equal(1, h.Sender.HeldBack);
        Assert.Equal(0, h.VenueLiveOrders);
    }

    [Fact]
    public async Task EngineRestart425_AndCancelOnly503_ReachTheGateAsVenueModes_AndCancelsStillWork()
    {
        await using var h = await SenderVenueHarness.StartAsync(venueOptions: new VenueOptions { RateLimits = RateLimitSettings.Disabled, RestartDuration = TimeSpan.FromSeconds(30) });
        var live = h.Bid("0.40");
        await h.Replies.WaitAsync(r => r.Count == 1);

        h.Venue.Faults.CancelOnly = true;
        h.Bid("0.41");
        await h.Replies.WaitAsync(r => r.Count == 2);
        h.Cancel(live);
        await h.Replies.WaitAsync(r => r.Count == 3);
        h.Venue.Faults.CancelOnly = false;
        h.Venue.RestartEngine();
        h.Bid("0.42");
        var replies = await h.Replies.WaitAsync(r => r.Count == 4);

        Assert.Equal(new[] { OrderReplyKind.PostAccepted, OrderReplyKind.PostRejected, OrderReplyKind.CancelConfirmed, OrderReplyKind.PostRejected },
            replies.Select(r => r.Kind));
        Assert.StartsWith("Trading is currently cancel-only", replies[1].Error);
        Assert.Equal("service not ready", replies[3].Error);
        Assert.Contains(h.Replies.Feedback, f => f.Kind == VenueReplyKind.CancelOnlyMode);
        var restarting = Assert.Single(h.Replies.Feedback, f => f.Kind == VenueReplyKind.EngineRestarting);
        Assert.True(restarting.RetryAfterMs > 0);
        Assert.DoesNotContain(h.Replies.Feedback, f => f.Kind == VenueReplyKind.OrderRejected);
        Assert.Equal(0, h.VenueLiveOrders);
    }
}
