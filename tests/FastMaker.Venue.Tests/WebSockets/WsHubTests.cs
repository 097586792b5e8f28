using System.Net.WebSockets;
using System.Text;
using FastMaker.Venue.Faults;

namespace FastMaker.Venue.Tests.WebSockets;

public class WsHubTests
{
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 400 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition());
    }

    private static byte[] U(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public async Task Ping_GetsPong_OnBothChannels()
    {
        await using var venue = await Venue.StartAsync();
        foreach (string channel in new[] { "market", "user" })
        {
            await using var ws = await TestWsClient.ConnectAsync(venue, channel);
            await ws.SendAsync("PING");
            Assert.Equal("PONG", await ws.NextAsync());
        }
    }

    [Fact]
    public async Task Subscribe_ReceivesOnlySubscribedAssets_UnsubscribeStops()
    {
        await using var venue = await Venue.StartAsync();
        await using var ws = await TestWsClient.ConnectAsync(venue, "market");
        await ws.SendAndSyncAsync("""{"assets_ids":["111"],"type":"market"}""");
        venue.WebSockets.PublishMarket("222", U("""{"event_type":"x","asset_id":"222"}"""));
        venue.WebSockets.PublishMarket("111", U("""{"event_type":"x","asset_id":"111"}"""));
        Assert.Equal("""{"event_type":"x","asset_id":"111"}""", await ws.NextAsync());

        await ws.SendAndSyncAsync("""{"assets_ids":["111"],"operation":"unsubscribe"}""");
        venue.WebSockets.PublishMarket("111", U("""{"event_type":"x","asset_id":"111"}"""));
        Assert.Equal("<timeout>", await ws.NextAsync(300));
    }

    [Fact]
    public async Task Garbage_DisconnectsThatClient_OthersUnaffected()
    {
        await using var venue = await Venue.StartAsync();
        await using var good = await TestWsClient.ConnectAsync(venue, "market");
        await using var bad = await TestWsClient.ConnectAsync(venue, "market");
        await good.SendAndSyncAsync("""{"assets_ids":["1"]}""");
        await bad.SendAsync("{not json");
        Assert.Null(await bad.NextAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, bad.CloseStatus);
        await WaitUntilAsync(() => venue.WebSockets.ConnectionCount == 1);
        venue.WebSockets.PublishMarket("1", U("""{"event_type":"x"}"""));
        Assert.Equal("""{"event_type":"x"}""", await good.NextAsync());
    }

    [Fact]
    public async Task OversizedMessage_ClosesWithMessageTooBig()
    {
        await using var venue = await Venue.StartAsync(new VenueOptions { WebSocketMaxReceiveBytes = 1024 });
        await using var ws = await TestWsClient.ConnectAsync(venue, "market");
        await ws.SendAsync("{\"assets_ids\":[\"" + new string('1', 5000) + "\"]}");
        Assert.Null(await ws.NextAsync());
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, ws.CloseStatus);
    }

    [Fact]
    public async Task ClientThatNeverReads_IsDisconnected_OthersKeepReceiving()
    {
        await using var venue = await Venue.StartAsync(new VenueOptions { WebSocketSendQueueFrames = 64 });
        await using var reader = await TestWsClient.ConnectAsync(venue, "market");
        await using var stuck = await TestWsClient.ConnectAsync(venue, "market");
        await reader.SendAndSyncAsync("""{"assets_ids":["1"]}""");
        await stuck.SendAndSyncAsync("""{"assets_ids":["1"]}""");
        stuck.PauseReading();
        // From here on the stuck client's socket is never read: its TCP buffers fill, then its queue.
        byte[] big = U("{\"event_type\":\"x\",\"pad\":\"" + new string('a', 60_000) + "\"}");
        var drain = Task.Run(async () =>
        {
            int n = 0;
            while (await reader.NextAsync(2000) is { } m && m != "<timeout>") n++;
            return n;
        });
        for (int i = 0; i < 5000 && venue.WebSockets.SlowClientsDisconnected == 0; i++)
        {
            venue.WebSockets.PublishMarket("1", big);
            if (i % 5 == 0) await Task.Delay(2);
        }
        await WaitUntilAsync(() => venue.WebSockets.SlowClientsDisconnected >= 1);
        int received = await drain;
        Assert.True(received > 0);
        Assert.Equal(1, venue.WebSockets.SlowClientsDisconnected);
        Assert.False(reader.Closed);
    }

    [Fact]
    public async Task Silence_StopsDataButNotPong_UnsilenceResumes()
    {
        await using var venue = await Venue.StartAsync();
        await using var ws = await TestWsClient.ConnectAsync(venue, "market");
        await ws.SendAndSyncAsync("""{"assets_ids":["1"]}""");
        venue.Faults.SilenceWebSockets(WebSocketTarget.Market);
        venue.WebSockets.PublishMarket("1", U("""{"n":1}"""));
        await ws.SendAsync("PING");
        Assert.Equal("PONG", await ws.NextAsync());
        Assert.Equal("<timeout>", await ws.NextAsync(300));
        venue.Faults.UnsilenceWebSockets(WebSocketTarget.All);
        venue.WebSockets.PublishMarket("1", U("""{"n":2}"""));
        Assert.Equal("""{"n":2}""", await ws.NextAsync());
    }

    [Fact]
    public async Task Drop_AbortsConnections()
    {
        await using var venue = await Venue.StartAsync();
        await using var ws = await TestWsClient.ConnectAsync(venue, "market");
        await ws.SendAndSyncAsync("""{"assets_ids":["1"]}""");
        venue.Faults.DropWebSockets(WebSocketTarget.All);
        Assert.Null(await ws.NextAsync());
        await WaitUntilAsync(() => venue.WebSockets.ConnectionCount == 0);
    }

    [Fact]
    public async Task UserChannel_WithoutValidAuth_IsClosed()
    {
        await using var venue = await Venue.StartAsync();
        await using var ws = await TestWsClient.ConnectAsync(venue, "user");
        await ws.SendAsync("""{"auth":{"apiKey":"x","secret":"y","passphrase":"z"},"type":"user","markets":[]}""");
        Assert.Null(await ws.NextAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, ws.CloseStatus);
    }

    [Fact]
    public async Task UserChannel_Authenticated_GetsOnlyItsKeysEvents_FilteredByMarket()
    {
        await using var venue = await Venue.StartAsync();
        var mine = venue.ApiKeys.Register("0x00000000000000000000000000000000000000aa");
        var other = venue.ApiKeys.Register("0x00000000000000000000000000000000000000bb");
        await using var ws = await TestWsClient.ConnectAsync(venue, "user");
        await ws.SendAndSyncAsync($$"""{"auth":{"apiKey":"{{mine.ApiKey}}","secret":"{{mine.Secret}}","passphrase":"{{mine.Passphrase}}"},"type":"user","markets":["0xc1"]}""");
        venue.WebSockets.PublishUser(other.ApiKey, "0xc1", U("""{"who":"other"}"""));
        venue.WebSockets.PublishUser(mine.ApiKey, "0xc2", U("""{"who":"other-market"}"""));
        venue.WebSockets.PublishUser(mine.ApiKey, "0xc1", U("""{"who":"me"}"""));
        Assert.Equal("""{"who":"me"}""", await ws.NextAsync());
    }

    [Fact]
    public async Task QueuedMessages_AreMergedIntoOneArrayFrame()
    {
        await using var venue = await Venue.StartAsync();
        await using var ws = await TestWsClient.ConnectAsync(venue, "market");
        await ws.SendAndSyncAsync("""{"assets_ids":["1"]}""");
        int total = 0;
        for (int i = 0; i < 200; i++) venue.WebSockets.PublishMarket("1", U("{\"n\":" + i + "}"));
        var seen = new List<int>();
        while (seen.Count < 200)
        {
            string? frame = await ws.NextAsync();
            Assert.NotNull(frame);
            total++;
            using var doc = System.Text.Json.JsonDocument.Parse(frame!);
            if (doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Array)
                foreach (var e in doc.RootElement.EnumerateArray()) seen.Add(e.GetProperty("n").GetInt32());
            else seen.Add(doc.RootElement.GetProperty("n").GetInt32());
        }
        Assert.Equal(Enumerable.Range(0, 200), seen); // order kept, nothing lost or duplicated
        Assert.True(total <= 200);
    }
}
