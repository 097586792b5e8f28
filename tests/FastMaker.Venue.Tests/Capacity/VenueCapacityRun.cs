using System.Diagnostics;
using System.Text;
using FastMaker.Primitives;
using FastMaker.Venue.RateLimits;
using FastMaker.Venue.Tests.Api;
using FastMaker.Venue.Tests.WebSockets;
using Xunit.Abstractions;

namespace FastMaker.Venue.Tests.Capacity;

/// <summary>
/// Measured capacity runs (not timed assertions): order posts per second over loopback HTTP and market
/// messages per second fanned out. Runs only with FASTMAKER_VENUE_CAPACITY=1; prints the numbers.
/// </summary>
public class VenueCapacityRun(ITestOutputHelper output)
{
    private static bool Enabled => Environment.GetEnvironmentVariable("FASTMAKER_VENUE_CAPACITY") == "1";

    [Fact]
    public async Task OrderPostsPerSecond_OverLoopback()
    {
        if (!Enabled) return;
        var market = TestTrader.Market(1);
        await using var venue = await Venue.StartAsync(new VenueOptions { RateLimits = RateLimitSettings.Disabled }, s => s.Engine.AddMarket(market));
        const int clients = 4, perClient = 2500;
        var traders = new TestTrader[clients];
        var bodies = new string[clients][];
        for (int c = 0; c < clients; c++)
        {
            traders[c] = new TestTrader(venue, (byte)(10 + c));
            await traders[c].CreateKeyAsync();
            bodies[c] = new string[perClient];
            for (int i = 0; i < perClient; i++) // resting bids that never cross: pure post cost
                bodies[c][i] = traders[c].OrderBody(market, market.YesToken, Side.Buy, 10_000 + 10_000 * (i % 40), 5_000_000);
        }
        for (int c = 0; c < clients; c++) await traders[c].L2Async(HttpMethod.Post, "/order", bodies[c][0]); // warm-up
        var sw = Stopwatch.StartNew();
        var tasks = new Task<int>[clients];
        for (int c = 0; c < clients; c++)
        {
            int cc = c;
            tasks[c] = Task.Run(async () =>
            {
                int ok = 0;
                for (int i = 1; i < perClient; i++)
                    if ((await traders[cc].L2Async(HttpMethod.Post, "/order", bodies[cc][i])).Status == 200) ok++;
                return ok;
            });
        }
        int accepted = (await Task.WhenAll(tasks)).Sum();
        sw.Stop();
        output.WriteLine($"order posts: {accepted} accepted of {clients * (perClient - 1)} in {sw.Elapsed.TotalSeconds:F2} s = {accepted / sw.Elapsed.TotalSeconds:F0}/s ({clients} client tasks, keep-alive HTTP/1.1, signature recovery per order)");
        Assert.Equal(clients * (perClient - 1), accepted);
    }

    [Fact]
    public async Task MarketMessagesPerSecond_FannedOut()
    {
        if (!Enabled) return;
        await using var venue = await Venue.StartAsync(new VenueOptions { WebSocketSendQueueFrames = 1 << 16 });
        const int subscribers = 4, messages = 200_000;
        var clients = new TestWsClient[subscribers];
        for (int i = 0; i < subscribers; i++)
        {
            clients[i] = await TestWsClient.ConnectAsync(venue, "market");
            await clients[i].SendAndSyncAsync("""{"assets_ids":["1"]}""");
        }
        var payloads = new byte[1024][];
        for (int i = 0; i < payloads.Length; i++)
            payloads[i] = Encoding.UTF8.GetBytes("{\"event_type\":\"price_change\",\"market\":\"0x01\",\"price_changes\":[{\"asset_id\":\"1\",\"price\":\"0.5\",\"size\":\"" + i + "\",\"side\":\"BUY\",\"hash\":\"\",\"best_bid\":\"0.5\",\"best_ask\":\"0.51\"}],\"timestamp\":\"1\"}");
        var sw = Stopwatch.StartNew();
        var counts = new Task<int>[subscribers];
        for (int s = 0; s < subscribers; s++)
        {
            var c = clients[s];
            counts[s] = Task.Run(async () =>
            {
                int n = 0;
                while (n < messages && await c.NextAsync(10_000) is { } frame && frame != "<timeout>")
                    n += frame[0] == '[' ? CountObjects(frame) : 1;
                return n;
            });
        }
        for (int i = 0; i < messages; i++)
        {
            venue.WebSockets.PublishMarket("1", payloads[i & 1023]);
            if ((i & 4095) == 4095) await Task.Yield();
        }
        int[] received = await Task.WhenAll(counts);
        sw.Stop();
        long total = received.Sum();
        output.WriteLine($"fan-out: {total} messages delivered to {subscribers} subscribers in {sw.Elapsed.TotalSeconds:F2} s = {total / sw.Elapsed.TotalSeconds:F0} msg/s; slow disconnects {venue.WebSockets.SlowClientsDisconnected}");
        foreach (var c in clients) await c.DisposeAsync();
        Assert.Equal((long)subscribers * messages, total);
    }

    // Each merged frame is an array of flat objects: count top-level '{'.
    private static int CountObjects(string frame)
    {
        int depth = 0, n = 0;
        foreach (char ch in frame)
        {
            if (ch == '{') { if (depth == 1) n++; depth++; }
            else if (ch == '}') depth--;
            else if (ch == '[' && depth == 0) depth = 1;
        }
        return n;
    }
}
