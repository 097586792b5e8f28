using System.Net.WebSockets;
using System.Text;
using FastMaker.Venue.WebSockets;

namespace FastMaker.Venue.Tests.WebSockets;

/// <summary>Clients that flood or send garbage are closed; the others on the same venue keep their stream.</summary>
public class WsMisbehaviourTests
{
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (int i = 0; i < 400 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition());
    }

    [Fact]
    public void InboundBudget_AllowsTheBurst_RefusesTheNext_RefillsWithTime()
    {
        var budget = new InboundMessageBudget(10);
        for (int i = 0; i < 10; i++) Assert.True(budget.TryTake(1000));
        Assert.False(budget.TryTake(1000));
        Assert.False(budget.TryTake(1050)); // half a token
        Assert.True(budget.TryTake(1100));  // one token after 100 ms at 10/s
        Assert.False(budget.TryTake(1100));
        for (int i = 0; i < 10; i++) Assert.True(budget.TryTake(60_000)); // refills to the burst, not beyond
        Assert.False(budget.TryTake(60_000));
    }

    [Fact]
    public async Task FloodingClient_IsClosedWithPolicyViolation_OthersKeepReceiving()
    {
        await using var venue = await Venue.StartAsync(new VenueOptions { WebSocketMaxMessagesPerSecond = 20 });
        await using var good = await TestWsClient.ConnectAsync(venue, "market");
        await using var flooder = await TestWsClient.ConnectAsync(venue, "market");
        await good.SendAndSyncAsync("""{"assets_ids":["1"]}""");
        try
        {
            for (int i = 0; i < 500 && !flooder.Closed; i++) await flooder.SendAsync("""{"assets_ids":["1"],"operation":"subscribe"}""");
        }
        catch (WebSocketException) { } // the venue closed it mid-flood
        string? m;
        do m = await flooder.NextAsync(); while (m is not null && m != "<timeout>");
        Assert.Null(m);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, flooder.CloseStatus);
        await WaitUntilAsync(() => venue.WebSockets.ConnectionCount == 1);
        venue.WebSockets.PublishMarket("1", Encoding.UTF8.GetBytes("""{"event_type":"x"}"""));
        Assert.Equal("""{"event_type":"x"}""", await good.NextAsync());
        await good.SendAndSyncAsync("PING"); // the good client's own budget is untouched
    }

    [Theory]
    [InlineData("{\"assets_ids\":\"1\"}")]
    [InlineData("{\"assets_ids\":[1]}")]
    [InlineData("[1,2,3]")]
    [InlineData("\u0000\u0001garbage")]
    public async Task MalformedSubscription_ClosesThatClientOnly(string text)
    {
        await using var venue = await Venue.StartAsync();
        await using var good = await TestWsClient.ConnectAsync(venue, "market");
        await using var bad = await TestWsClient.ConnectAsync(venue, "market");
        await good.SendAndSyncAsync("""{"assets_ids":["1"]}""");
        await bad.SendAsync(text);
        Assert.Null(await bad.NextAsync());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, bad.CloseStatus);
        await WaitUntilAsync(() => venue.WebSockets.ConnectionCount == 1);
        venue.WebSockets.PublishMarket("1", Encoding.UTF8.GetBytes("""{"event_type":"y"}"""));
        Assert.Equal("""{"event_type":"y"}""", await good.NextAsync());
    }

    [Fact]
    public async Task BinaryFrame_IsRefused()
    {
        await using var venue = await Venue.StartAsync();
        using var ws = new ClientWebSocket();
        await ws.ConnectAsync(new Uri(venue.WsUrl + "/market"), CancellationToken.None);
        await ws.SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        var buffer = new byte[256];
        var r = await ws.ReceiveAsync(buffer, new CancellationTokenSource(5000).Token);
        Assert.Equal(WebSocketMessageType.Close, r.MessageType);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, ws.CloseStatus);
    }
}
