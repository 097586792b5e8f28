using System.Buffers;
using System.Text;
using FastMaker.Polymarket.WebSockets;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Polymarket.Tests.WebSockets;

public sealed class WsConnectionTests
{
    private const string AssetA = "21742633143463906290569050155826241533067272736897614950488156847949938836455";
    private const string AssetB = "48331043336612883890938759509493159234755048973500640148014422747788308965732";
    private const string AssetC = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    private const string ConditionId = "0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917";

    private static WsConnectionOptions Options(Uri uri) => new()
    {
        Uri = uri,
        RandomSeed = 42,
        WatchdogTick = TimeSpan.FromSeconds(1),
        ReconnectInitialDelay = TimeSpan.FromSeconds(1),
    };

    private static Task WaitUntilAsync(Func<bool> condition, string what) => Eventually.WaitUntilAsync(condition, what);

    private static async Task<WsFrame> ReadFrameAsync(WsFrameReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            if (reader.TryGetFrame(out WsFrame frame)) return frame;
            Assert.True(await reader.ReadAsync(timeout.Token), "the reader completed before a frame arrived");
        }
    }

    [Fact]
    public async Task MessageSplitAcrossReceives_ArrivesWholeAsOneFrame()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        WsConnectionOptions options = Options(server.MarketUri);
        options.ReceiveBufferSize = 64;
        await using var connection = new WsConnection(0, WsChannel.Market, options);
        await connection.SubscribeAsync(new[] { AssetA });
        connection.Start();
        ServerConnection peer = await server.NextConnectionAsync();
        await peer.NextMessageAsync();

        var sb = new StringBuilder("{\"event_type\":\"book\",\"asset_id\":\"" + AssetA + "\",\"bids\":[");
        for (int i = 0; i < 40; i++) sb.Append(i == 0 ? "" : ",").Append("{\"price\":\"0.").Append(10 + i).Append("\",\"size\":\"").Append(1000 + i).Append(".5\"}");
        sb.Append("],\"asks\":[]}");
        byte[] big = Encoding.UTF8.GetBytes(sb.ToString());
        await peer.SendFragmentedAsync(big, 100);
        await peer.SendAsync("[]");

        WsFrame first = await ReadFrameAsync(connection.Reader);
        Assert.False(first.Payload.IsSingleSegment);
        Assert.Equal(big, first.Payload.ToArray());
        Assert.Equal(1, first.Session);
        Assert.False(first.IsBinary);
        WsFrame second = await ReadFrameAsync(connection.Reader);
        Assert.Equal("[]", Encoding.UTF8.GetString(second.Payload.ToArray()));
    }

    [Fact]
    public async Task MarketInitialSubscribe_IsByteExact()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        await using var connection = new WsConnection(0, WsChannel.Market, Options(server.MarketUri));
        await connection.SubscribeAsync(new[] { AssetA, AssetB });
        connection.Start();
        ServerConnection peer = await server.NextConnectionAsync();
        Assert.Equal("/ws/market", peer.Path);
        Assert.Equal("{\"assets_ids\":[\"" + AssetA + "\",\"" + AssetB + "\"],\"type\":\"market\",\"custom_feature_enabled\":true}", await peer.NextMessageAsync());
    }

    [Fact]
    public async Task UserInitialSubscribe_CarriesAuthObjectAndMarkets()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        var auth = new UserChannelAuth("00000000-0000-0000-0000-000000000001", "c2VjcmV0LXNlY3JldA-_=", "pass+phrase");
        WsConnectionOptions options = Options(server.UserUri);
        await using var connection = new WsConnection(0, WsChannel.User, options, auth);
        await connection.SubscribeAsync(new[] { ConditionId });
        connection.Start();
        ServerConnection peer = await server.NextConnectionAsync();
        Assert.Equal("/ws/user", peer.Path);
        Assert.Equal(
            "{\"auth\":{\"apiKey\":\"00000000-0000-0000-0000-000000000001\",\"secret\":\"c2VjcmV0LXNlY3JldA-_=\",\"passphrase\":\"pass+phrase\"},\"markets\":[\"" + ConditionId + "\"],\"type\":\"user\"}",
            await peer.NextMessageAsync());
        Assert.DoesNotContain("c2VjcmV0", auth.ToString());
    }

    [Fact]
    public async Task DynamicSubscribeAndUnsubscribe_SendOperationMessages()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        var recorder = new StatusRecorder();
        await using var connection = new WsConnection(0, WsChannel.Market, Options(server.MarketUri));
        connection.StatusChanged += recorder.OnStatus;
        await connection.SubscribeAsync(new[] { AssetA });
        connection.Start();
        ServerConnection peer = await server.NextConnectionAsync();
        await peer.NextMessageAsync();
        await WaitUntilAsync(() => connection.IsLive, "live session");

        await connection.SubscribeAsync(new[] { AssetB, AssetA });
        Assert.Equal("{\"assets_ids\":[\"" + AssetB + "\"],\"operation\":\"subscribe\",\"custom_feature_enabled\":true}", await peer.NextMessageAsync());
        await connection.UnsubscribeAsync(new[] { AssetA });
        Assert.Equal("{\"assets_ids\":[\"" + AssetA + "\"],\"operation\":\"unsubscribe\",\"custom_feature_enabled\":true}", await peer.NextMessageAsync());
        Assert.Equal(new[] { AssetB }, connection.Subscriptions);
        WsStatusEvent unsubscribed = await recorder.NextAsync(WsStatusKind.Unsubscribed);
        Assert.Equal(new[] { AssetA }, unsubscribed.Ids);
    }

    [Fact]
    public async Task FirstAssetsOnAnEmptySession_GoOutAsTheInitialMessage()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        await using var connection = new WsConnection(0, WsChannel.Market, Options(server.MarketUri));
        connection.Start();
        ServerConnection peer = await server.NextConnectionAsync();
        await WaitUntilAsync(() => connection.IsLive, "live session");
        await connection.SubscribeAsync(new[] { AssetC });
        Assert.Equal("{\"assets_ids\":[\"" + AssetC + "\"],\"type\":\"market\",\"custom_feature_enabled\":true}", await peer.NextMessageAsync());
    }

    [Fact]
    public async Task InvalidIds_AreRejectedWithAClearMessage()
    {
        await using var market = new WsConnection(0, WsChannel.Market, Options(new Uri("ws://127.0.0.1:1/ws/market")));
        ArgumentException bad = await Assert.ThrowsAsync<ArgumentException>(() => market.SubscribeAsync(new[] { "12ab" }));
        Assert.Contains("decimal digits", bad.Message);
        Assert.Throws<ArgumentException>(() => new WsConnection(0, WsChannel.User, Options(new Uri("ws://127.0.0.1:1/ws/user"))));
        Assert.Throws<ArgumentException>(() => new WsConnection(0, WsChannel.Market, new WsConnectionOptions { Uri = new Uri("http://x/") }));
    }

    [Fact]
    public async Task Ping_IsSentOnTheFakeClockSchedule_AndPongNeverReachesTheReader()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        var time = new FakeTimeProvider();
        await using var connection = new WsConnection(0, WsChannel.Market, Options(server.MarketUri), null, time);
        await connection.SubscribeAsync(new[] { AssetA });
        connection.Start();
        ServerConnection peer = await server.NextConnectionAsync();
        await peer.NextMessageAsync();
        await WaitUntilAsync(() => connection.IsLive, "live session");

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, connection.PingsSent);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, connection.PingsSent);
        Assert.Equal("PING", await peer.NextMessageAsync());
        await WaitUntilAsync(() => connection.PongsReceived == 1, "PONG");
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("PING", await peer.NextMessageAsync());
        await WaitUntilAsync(() => connection.PongsReceived == 2, "second PONG");

        Assert.False(connection.Reader.TryRead() && connection.Reader.TryGetFrame(out _));
    }

    [Fact]
    public async Task DroppedServerConnection_ReconnectsAfterSeededBackoff_AndResubscribesEverything()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        var time = new FakeTimeProvider();
        var recorder = new StatusRecorder();
        WsConnectionOptions options = Options(server.MarketUri);
        await using var connection = new WsConnection(0, WsChannel.Market, options, null, time);
        connection.StatusChanged += recorder.OnStatus;
        await connection.SubscribeAsync(new[] { AssetA });
        connection.Start();
        ServerConnection first = await server.NextConnectionAsync();
        await first.NextMessageAsync();
        await recorder.NextAsync(WsStatusKind.Subscribed);
        await connection.SubscribeAsync(new[] { AssetB });
        await first.NextMessageAsync();

        first.Abort();
        WsStatusEvent disconnected = await recorder.NextAsync(WsStatusKind.Disconnected);
        Assert.False(string.IsNullOrEmpty(disconnected.Reason));
        WsStatusEvent reconnecting = await recorder.NextAsync(WsStatusKind.Reconnecting);
        TimeSpan expected = ReconnectBackoff.From(options).NextDelay(1);
        Assert.Equal(1, reconnecting.Attempt);
        Assert.Equal(expected, reconnecting.Delay);
        Assert.InRange(reconnecting.Delay, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));

        time.Advance(reconnecting.Delay - TimeSpan.FromMilliseconds(2));
        await Task.Delay(50);
        Assert.Single(server.All);
        time.Advance(TimeSpan.FromMilliseconds(2));
        ServerConnection second = await server.NextConnectionAsync();
        Assert.Equal("{\"assets_ids\":[\"" + AssetA + "\",\"" + AssetB + "\"],\"type\":\"market\",\"custom_feature_enabled\":true}", await second.NextMessageAsync());
        await recorder.NextAsync(WsStatusKind.Connected);
        Assert.Equal(2, connection.Session);
    }

    [Fact]
    public async Task ConnectFailures_BackOffExponentially()
    {
        var time = new FakeTimeProvider();
        var recorder = new StatusRecorder();
        WsConnectionOptions options = Options(new Uri("ws://127.0.0.1:1/ws/market"));
        options.ReconnectJitter = 0;
        await using var connection = new WsConnection(0, WsChannel.Market, options, null, time);
        connection.StatusChanged += recorder.OnStatus;
        connection.Start();
        WsStatusEvent r1 = await recorder.NextAsync(WsStatusKind.Reconnecting);
        Assert.Equal(TimeSpan.FromSeconds(1), r1.Delay);
        time.Advance(r1.Delay);
        WsStatusEvent r2 = await recorder.NextAsync(WsStatusKind.Reconnecting);
        Assert.Equal(2, r2.Attempt);
        Assert.Equal(TimeSpan.FromSeconds(2), r2.Delay);
        time.Advance(r2.Delay);
        WsStatusEvent r3 = await recorder.NextAsync(WsStatusKind.Reconnecting);
        Assert.Equal(TimeSpan.FromSeconds(4), r3.Delay);
    }

    [Fact]
    public async Task NoPongAndNoData_DropsTheConnectionAfterTheDeadTimeout()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        server.AnswerPing = false;
        var time = new FakeTimeProvider();
        var recorder = new StatusRecorder();
        WsConnectionOptions options = Options(server.MarketUri);
        options.AssetSilenceTimeout = null;
        await using var connection = new WsConnection(0, WsChannel.Market, options, null, time);
        connection.StatusChanged += recorder.OnStatus;
        await connection.SubscribeAsync(new[] { AssetA });
        connection.Start();
        ServerConnection peer = await server.NextConnectionAsync();
        await peer.NextMessageAsync();
        await WaitUntilAsync(() => connection.IsLive, "live session");

        for (int i = 0; i < 29; i++) time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(connection.IsLive);
        time.Advance(TimeSpan.FromSeconds(1));
        WsStatusEvent disconnected = await recorder.NextAsync(WsStatusKind.Disconnected);
        Assert.Contains("dead-connection timeout", disconnected.Reason);
        // PINGs at 10 s and 20 s; at 30 s the connection is declared dead before a third is due.
        Assert.Equal(2, connection.PingsSent);
    }

    [Fact]
    public async Task SilentAsset_IsReportedAndResubscribed_WhilePongsAndOtherAssetsContinue()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        var time = new FakeTimeProvider();
        var recorder = new StatusRecorder();
        WsConnectionOptions options = Options(server.MarketUri);
        options.AssetSilenceTimeout = TimeSpan.FromSeconds(20);
        options.SilencePolicy = SilencePolicy.Resubscribe;
        await using var connection = new WsConnection(0, WsChannel.Market, options, null, time);
        connection.StatusChanged += recorder.OnStatus;
        await connection.SubscribeAsync(new[] { AssetA, AssetB });
        connection.Start();
        ServerConnection peer = await server.NextConnectionAsync();
        await peer.NextMessageAsync();
        await WaitUntilAsync(() => connection.IsLive, "live session");

        string tradeA = "{\"asset_id\":\"" + AssetA + "\",\"event_type\":\"last_trade_price\",\"price\":\"0.491\",\"side\":\"SELL\",\"size\":\"85.36\"}";
        for (int second = 1; second <= 20; second++)
        {
            if (second % 5 == 0)
            {
                await peer.SendAsync(tradeA);
                await ReadFrameAsync(connection.Reader);
            }
            time.Advance(TimeSpan.FromSeconds(1));
            if (second % 10 == 0) await WaitUntilAsync(() => connection.PongsReceived == second / 10, "PONG");
        }

        WsStatusEvent stale = await recorder.NextAsync(WsStatusKind.AssetStale);
        Assert.Equal(new[] { AssetB }, stale.Ids);
        Assert.Equal("{\"assets_ids\":[\"" + AssetB + "\"],\"operation\":\"subscribe\",\"custom_feature_enabled\":true}",
            await peer.NextMessageAsync(m => m != "PING"));
        Assert.True(connection.IsLive);
        Assert.DoesNotContain(recorder.Drain(), e => e.Kind == WsStatusKind.Disconnected);
        Assert.Equal(2, connection.PongsReceived);
    }

    [Fact]
    public async Task SilentAsset_WithReconnectPolicy_ReconnectsAndResubscribes()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        var time = new FakeTimeProvider();
        var recorder = new StatusRecorder();
        WsConnectionOptions options = Options(server.MarketUri);
        options.AssetSilenceTimeout = TimeSpan.FromSeconds(5);
        options.SilencePolicy = SilencePolicy.Reconnect;
        await using var connection = new WsConnection(0, WsChannel.Market, options, null, time);
        connection.StatusChanged += recorder.OnStatus;
        await connection.SubscribeAsync(new[] { AssetA });
        connection.Start();
        ServerConnection peer = await server.NextConnectionAsync();
        await peer.NextMessageAsync();
        await WaitUntilAsync(() => connection.IsLive, "live session");
        for (int i = 0; i < 5; i++) time.Advance(TimeSpan.FromSeconds(1));
        WsStatusEvent disconnected = await recorder.NextAsync(WsStatusKind.Disconnected);
        Assert.Contains("silent", disconnected.Reason);
        WsStatusEvent reconnecting = await recorder.NextAsync(WsStatusKind.Reconnecting);
        time.Advance(reconnecting.Delay);
        ServerConnection second = await server.NextConnectionAsync();
        Assert.Contains(AssetA, await second.NextMessageAsync());
    }

    [Fact]
    public async Task Sharding_450Assets_OpensThreeConnectionsOf200_200_50()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        var ids = new string[450];
        for (int i = 0; i < ids.Length; i++) ids[i] = (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var feed = new MarketDataFeed(Options(server.MarketUri));
        var added = new List<WsConnection>();
        feed.ConnectionAdded += added.Add;
        await feed.SubscribeAsync(ids);

        Assert.Equal(3, feed.Connections.Count);
        Assert.Equal(3, added.Count);
        var received = new List<string>();
        var counts = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            ServerConnection peer = await server.NextConnectionAsync();
            using var doc = System.Text.Json.JsonDocument.Parse(await peer.NextMessageAsync());
            var assets = doc.RootElement.GetProperty("assets_ids");
            counts.Add(assets.GetArrayLength());
            foreach (var a in assets.EnumerateArray()) received.Add(a.GetString()!);
        }
        counts.Sort();
        Assert.Equal(new[] { 50, 200, 200 }, counts);
        received.Sort(StringComparer.Ordinal);
        Assert.Equal(ids, received);

        await feed.UnsubscribeAsync(new[] { ids[0] });
        Assert.Null(feed.ConnectionOf(ids[0]));
        await feed.SubscribeAsync(new[] { "9" });
        Assert.Same(feed.Connections[0], feed.ConnectionOf("9"));
        Assert.Equal(3, feed.Connections.Count);
    }

    [Fact]
    public async Task Dispose_CompletesTheReader()
    {
        await using TestWsServer server = await TestWsServer.StartAsync();
        var connection = new WsConnection(0, WsChannel.Market, Options(server.MarketUri));
        await connection.SubscribeAsync(new[] { AssetA });
        connection.Start();
        ServerConnection peer = await server.NextConnectionAsync();
        await peer.NextMessageAsync();
        await peer.SendAsync("{}");
        await WaitUntilAsync(() => connection.IsLive, "live");
        WsFrame frame = await ReadFrameAsync(connection.Reader);
        Assert.Equal("{}", Encoding.UTF8.GetString(frame.Payload.ToArray()));
        await connection.DisposeAsync();
        Assert.False(await connection.Reader.ReadAsync());
        Assert.True(connection.Reader.IsCompleted);
    }
}
