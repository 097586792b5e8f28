using FastMaker.Polymarket.WebSockets;

namespace FastMaker.Polymarket.Tests.WebSockets;

/// <summary>A resync asks the venue for fresh books of some assets: unsubscribe+subscribe on the live socket, or a reconnect.</summary>
public sealed class WsConnectionResyncTests
{
    private const string AssetA = "21742633143463906290569050155826241533067272736897614950488156847949938836455";
    private const string AssetB = "48331043336612883890938759509493159234755048973500640148014422747788308965732";
    private const string ConditionId = "0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917";

    private static WsConnectionOptions Options(Uri uri) => new()
    {
        Uri = uri,
        RandomSeed = 42,
        ReconnectInitialDelay = TimeSpan.FromMilliseconds(10),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(20),
    };

    private static Task WaitUntilAsync(Func<bool> condition, string what) => Eventually.WaitUntilAsync(condition, what);

    private static async Task<(TestWsServer Server, WsConnection Connection, ServerConnection Peer, StatusRecorder Recorder)> LiveAsync(ResyncMethod method = ResyncMethod.UnsubscribeSubscribe)
    {
        TestWsServer server = await TestWsServer.StartAsync();
        var recorder = new StatusRecorder();
        WsConnectionOptions options = Options(server.MarketUri);
        options.ResyncMethod = method;
        var connection = new WsConnection(0, WsChannel.Market, options);
        connection.StatusChanged += recorder.OnStatus;
        await connection.SubscribeAsync(new[] { AssetA, AssetB });
        connection.Start();
        ServerConnection peer = await server.NextConnectionAsync();
        await peer.NextMessageAsync();
        await WaitUntilAsync(() => connection.IsLive, "live session");
        return (server, connection, peer, recorder);
    }

    [Fact]
    public async Task Resync_SendsUnsubscribeThenSubscribe_OfJustThatAsset_OnTheSameSocket()
    {
        var (server, connection, peer, recorder) = await LiveAsync();
        await using (server)
        await using (connection)
        {
            Assert.Equal(ResyncOutcome.Resubscribed, await connection.ResyncAsync(new[] { AssetB, AssetB }));

            Assert.Equal("{\"assets_ids\":[\"" + AssetB + "\"],\"operation\":\"unsubscribe\",\"custom_feature_enabled\":true}", await peer.NextMessageAsync());
            Assert.Equal("{\"assets_ids\":[\"" + AssetB + "\"],\"operation\":\"subscribe\",\"custom_feature_enabled\":true}", await peer.NextMessageAsync());
            Assert.Equal(new[] { AssetA, AssetB }, connection.Subscriptions);
            Assert.Equal(1, connection.Session);
            WsStatusEvent subscribed = await recorder.NextAsync(WsStatusKind.Subscribed);
            while (subscribed.Reason != "resync") subscribed = await recorder.NextAsync(WsStatusKind.Subscribed);
            Assert.Equal(new[] { AssetB }, subscribed.Ids);
        }
    }

    [Fact]
    public async Task Resync_OfAnAssetTheConnectionDoesNotCarry_SendsNothing()
    {
        var (server, connection, peer, _) = await LiveAsync();
        await using (server)
        await using (connection)
        {
            Assert.Equal(ResyncOutcome.NotSubscribed, await connection.ResyncAsync(new[] { "123" }));
            // The next message the server sees is the one sent after: nothing went out for "123".
            await connection.UnsubscribeAsync(new[] { AssetA });
            Assert.Contains("\"unsubscribe\"", await peer.NextMessageAsync());
            Assert.Equal(ResyncOutcome.NotSubscribed, await connection.ResyncAsync(new[] { AssetA }));
        }
    }

    [Fact]
    public async Task Resync_BeforeTheFirstSession_IsDeferredToTheInitialMessage()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        await using var connection = new WsConnection(0, WsChannel.Market, Options(server.MarketUri));
        await connection.SubscribeAsync(new[] { AssetA });
        Assert.Equal(ResyncOutcome.Deferred, await connection.ResyncAsync(new[] { AssetA }));
        connection.Start();
        ServerConnection peer = await server.NextConnectionAsync();
        Assert.Contains("\"type\":\"market\"", await peer.NextMessageAsync());
    }

    [Fact]
    public async Task Resync_WithTheReconnectMethod_DropsTheSocket_AndTheNextSessionResubscribesEverything()
    {
        var (first, connection, _, recorder) = await LiveAsync(ResyncMethod.Reconnect);
        await using (first)
        await using (connection)
        {
            Assert.Equal(ResyncOutcome.Reconnecting, await connection.ResyncAsync(new[] { AssetA }));
            WsStatusEvent disconnected = await recorder.NextAsync(WsStatusKind.Disconnected);
            Assert.Contains("resync", disconnected.Reason);
            ServerConnection second = await first.NextConnectionAsync();
            Assert.Equal("{\"assets_ids\":[\"" + AssetA + "\",\"" + AssetB + "\"],\"type\":\"market\",\"custom_feature_enabled\":true}", await second.NextMessageAsync());
        }
    }

    [Fact]
    public async Task Resync_OnTheUserChannel_IsRefused()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        await using var connection = new WsConnection(1, WsChannel.User, Options(server.UserUri), new UserChannelAuth("k", "s", "p"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => connection.ResyncAsync(new[] { ConditionId }));
    }

    [Fact]
    public async Task FeedResync_GoesToTheConnectionThatCarriesTheAsset()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        WsConnectionOptions options = Options(server.MarketUri);
        options.MaxAssetsPerConnection = 1;
        await using var feed = new MarketDataFeed(options);
        await feed.SubscribeAsync(new[] { AssetA, AssetB });
        var peers = new[] { await server.NextConnectionAsync(), await server.NextConnectionAsync() };
        var first = new[] { await peers[0].NextMessageAsync(), await peers[1].NextMessageAsync() };
        await WaitUntilAsync(() => feed.Connections.All(c => c.IsLive), "both sessions live");
        ServerConnection carrier = first[0].Contains(AssetB, StringComparison.Ordinal) ? peers[0] : peers[1];

        Assert.Equal(ResyncOutcome.Resubscribed, await feed.ResyncAsync(new[] { AssetB, "777" }));
        Assert.Contains("\"unsubscribe\"", await carrier.NextMessageAsync());
        Assert.Contains(AssetB, await carrier.NextMessageAsync());
        Assert.Equal(ResyncOutcome.NotSubscribed, await feed.ResyncAsync(new[] { "777" }));
    }
}
