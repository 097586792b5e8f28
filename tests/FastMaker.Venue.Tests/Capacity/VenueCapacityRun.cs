using System.Diagnostics;
using System.Text;
using FastMaker.Primitives;
using FastMaker.Venue.RateLimits;
using FastMaker.Venue.Tests.Api;
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
        // Raw readers that count messages on the bytes: a string-decoding test client would take the venue's CPU.
        var clients = new System.Net.WebSockets.ClientWebSocket[subscribers];
        for (int i = 0; i < subscribers; i++)
        {
            clients[i] = new System.Net.WebSockets.ClientWebSocket();
            await clients[i].ConnectAsync(new Uri(venue.WsUrl + "/market"), CancellationToken.None);
            await clients[i].SendAsync("""{"assets_ids":["1"]}"""u8.ToArray(), System.Net.WebSockets.WebSocketMessageType.Text, true, CancellationToken.None);
        }
        for (int i = 0; i < 200 && venue.WebSockets.SubscriberCount("1") < subscribers; i++) await Task.Delay(10);
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
                var buffer = new byte[512 * 1024];
                int n = 0, carry = 0;
                using var idle = new CancellationTokenSource();
                try
                {
                    while (n < messages)
                    {
                        idle.CancelAfter(10_000);
                        var r = await c.ReceiveAsync(buffer.AsMemory(carry), idle.Token);
                        if (r.MessageType == System.Net.WebSockets.WebSocketMessageType.Close) break;
                        int length = carry + r.Count;
                        n += CountMessageStarts(buffer.AsSpan(0, length), out int tail);
                        // A key split across two receives is completed by carrying the unmatched tail forward.
                        carry = Math.Min(tail, EventTypeKey.Length - 1);
                        buffer.AsSpan(length - carry, carry).CopyTo(buffer);
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or System.Net.WebSockets.WebSocketException) { }
                return n;
            });
        }
        // Paced like an engine that cannot outrun its readers forever: after every 4,096 messages the publisher waits
        // while any send queue holds more than 16,384 frames (a quarter of the slow-client limit). Without pacing
        // the run measures how fast a burst fills the queues, not sustained fan-out.
        int waits = 0;
        for (int i = 0; i < messages; i++)
        {
            venue.WebSockets.PublishMarket("1", payloads[i & 1023]);
            if ((i & 4095) != 4095) continue;
            while (venue.WebSockets.MaxQueuedFrames() > 16_384) { waits++; await Task.Delay(1); }
        }
        int[] received = await Task.WhenAll(counts);
        sw.Stop();
        long total = received.Sum();
        output.WriteLine($"fan-out: {total} messages delivered to {subscribers} subscribers in {sw.Elapsed.TotalSeconds:F2} s = {total / sw.Elapsed.TotalSeconds:F0} msg/s; slow disconnects {venue.WebSockets.SlowClientsDisconnected}; publisher pacing waits {waits}");
        foreach (var c in clients) c.Dispose();
        Assert.Equal((long)subscribers * messages, total);
    }

    private static ReadOnlySpan<byte> EventTypeKey => "\"event_type\""u8;

    // Every message carries one "event_type" key. tail = bytes after the last match, which may start a split key.
    private static int CountMessageStarts(ReadOnlySpan<byte> data, out int tail)
    {
        int n = 0, at;
        while ((at = data.IndexOf(EventTypeKey)) >= 0) { n++; data = data[(at + EventTypeKey.Length)..]; }
        tail = data.Length;
        return n;
    }
}
