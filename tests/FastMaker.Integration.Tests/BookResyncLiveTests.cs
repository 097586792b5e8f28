using System.Text;
using FastMaker.Engine.Books;
using FastMaker.Engine.Orders;
using FastMaker.Polymarket.WebSockets;
using Xunit.Abstractions;

namespace FastMaker.Integration.Tests;

/// <summary>
/// An inconsistent delta over real loopback WebSockets: the engine's book goes untrusted, quoting pulls, the engine asks
/// for a fresh snapshot, the feed unsubscribes and resubscribes that one asset on its live socket, the venue's snapshot
/// makes the books equal again, and quoting resumes.
/// </summary>
[Trait("Category", "Integration")]
public sealed class BookResyncLiveTests(ITestOutputHelper output)
{
    [Fact]
    public async Task LockedDelta_MakesTheBookUntrusted_EngineResubscribesTheAsset_BooksEqualTheVenuesAgain_AndQuotingResumes()
    {
        await using var rig = await MarketDataRig.StartAsync("calm");
        await rig.AdvanceAsync(TimeSpan.FromSeconds(3));
        await rig.WaitForVenueBooksAsync();
        await rig.WaitUntilAsync(e => MarketDataRig.LiveOrderCount(e, 0) > 0 && MarketDataRig.LiveOrderCount(e, 1) > 0, "both markets to be quoted");

        var market = rig.Markets[0];
        var asset = market.YesToken.ToString();
        var connection = rig.Feed.ConnectionOf(asset)!;
        var session = connection.Session;
        var venueBook = rig.Venue.WithEngine(e => e.GetBook(market.YesToken)!);
        Assert.NotEmpty(venueBook.Asks);
        var mark = rig.Tap.IntentCount;
        int statusMark;
        lock (rig.StatusLog)
        {
            statusMark = rig.StatusLog.Count;
        }

        // Only our side sees this change: a bid at the venue's best ask, which the venue's own book never had.
        rig.Venue.WebSockets.PublishMarket(asset, LockingDelta(market.ConditionId.ToString(), asset, venueBook.Asks[0].Price.ToString()));

        // The clock does not move: the venue is quiet, so only the resubscribe's snapshot can make the books equal again.
        await rig.WaitUntilAsync(e => e.Books.Resync.Requests == 1, "the engine to request a snapshot");
        await rig.WaitForVenueBooksAsync();
        await rig.WaitUntilAsync(e => e.Books.Resync.Restored == 1 && e.Books.Resync.Pending == 0, "the snapshot to end the episode");
        await rig.WaitUntilAsync(e => MarketDataRig.LiveOrderCount(e, 0) > 0, "quoting to resume on the resynced market");

        Assert.Equal(1, await rig.OnEngineAsync(e => e.Books.Resync.Requests));
        // The relay counts, and the connection reports, once its sends returned: possibly after the snapshot was handled.
        await WaitAsync(() => rig.Relay.Resubscribed == 1, "the relay to report the resubscribe");
        await WaitAsync(() => StatusCount(rig, statusMark, WsStatusKind.Subscribed) == 1, "the resubscribe status");
        Assert.Equal(0, rig.Relay.Reconnects);
        Assert.Equal(session, connection.Session); // the socket stayed up: no reconnect
        List<WsStatusEvent> statuses;
        lock (rig.StatusLog)
        {
            statuses = rig.StatusLog.Skip(statusMark).ToList();
        }

        var unsubscribed = Assert.Single(statuses, s => s.Kind == WsStatusKind.Unsubscribed);
        var resubscribed = Assert.Single(statuses, s => s.Kind == WsStatusKind.Subscribed);
        Assert.Equal([asset], unsubscribed.Ids!);
        Assert.Equal([asset], resubscribed.Ids!);
        Assert.Equal("resync", resubscribed.Reason);
        Assert.DoesNotContain(statuses, s => s.Kind is WsStatusKind.Disconnected or WsStatusKind.Reconnecting);

        // Quotes of the market were pulled while its book was untrusted, then placed again after the snapshot.
        var after = rig.Tap.Intents().Skip(mark).Where(i => i.Intent.MarketIndex == 0).ToList();
        output.WriteLine(string.Join(", ", after.Select(i => i.Intent.Kind + "@" + i.EventKind)));
        var firstPlace = after.FindIndex(i => i.Intent.Kind is IntentKind.Place or IntentKind.Replace);
        Assert.True(firstPlace > 0, "no quote was placed after the snapshot");
        Assert.All(after.Take(firstPlace), i => Assert.Equal(IntentKind.Cancel, i.Intent.Kind));
        Assert.NotEmpty(after.Take(firstPlace));
        Assert.True(await rig.OnEngineAsync(e => MarketDataRig.LiveOrderCount(e, 1)) > 0, "the other market lost its quotes");
    }

    [Fact]
    public async Task ResyncByReconnect_Policy_DropsTheSocket_AndTheReconnectRestoresTheBook()
    {
        await using var rig = await MarketDataRig.StartAsync("calm", resyncMethod: ResyncMethod.Reconnect);
        await rig.AdvanceAsync(TimeSpan.FromSeconds(3));
        await rig.WaitForVenueBooksAsync();
        var market = rig.Markets[1];
        var asset = market.NoToken.ToString();
        var connection = rig.Feed.ConnectionOf(asset)!;
        var session = connection.Session;
        var venueBook = rig.Venue.WithEngine(e => e.GetBook(market.NoToken)!);

        rig.Venue.WebSockets.PublishMarket(asset, LockingDelta(market.ConditionId.ToString(), asset, venueBook.Asks[0].Price.ToString()));
        await rig.WaitUntilAsync(e => e.Books.Resync.Requests == 1, "the engine to request a snapshot");

        // The reconnect runs on the fake clock's back-off.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (connection.Session == session || !connection.IsLive)
        {
            Assert.True(DateTime.UtcNow < deadline, "the connection did not reconnect");
            await rig.AdvanceAsync(TimeSpan.FromMilliseconds(100));
        }

        await rig.WaitForVenueBooksAsync();
        await WaitAsync(() => rig.Relay.Reconnects == 1, "the relay to report the reconnect");
        Assert.Equal(0, rig.Relay.Resubscribed);
        Assert.Equal(BookUntrustedReason.None, await rig.OnEngineAsync(e => e.Books.Book(e.Registry.TokenIndexOf(market.NoToken))!.UntrustedReason));
    }

    private static int StatusCount(MarketDataRig rig, int from, WsStatusKind kind)
    {
        lock (rig.StatusLog)
        {
            return rig.StatusLog.Skip(from).Count(s => s.Kind == kind);
        }
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for " + what);
            await Task.Delay(10);
        }
    }

    /// <summary>A price_change in the venue's shape that puts a bid at <paramref name="price"/> (the best ask) and states that top of book: our book is locked, the venue's is not.</summary>
    private static byte[] LockingDelta(string condition, string asset, string price) => Encoding.UTF8.GetBytes(
        "{\"event_type\":\"price_change\",\"market\":\"" + condition + "\",\"price_changes\":[{\"asset_id\":\"" + asset
        + "\",\"price\":\"" + price + "\",\"size\":\"7\",\"side\":\"BUY\",\"hash\":\"bf32b3746fff40c76c98021b7f3f07261169dd26\","
        + "\"best_bid\":\"" + price + "\",\"best_ask\":\"" + price + "\"}],\"timestamp\":\"1777636800000\"}");
}
