using System.Globalization;
using System.Text.Json;
using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using FastMaker.Venue.RateLimits;
using FastMaker.Venue.Scenarios;
using FastMaker.Venue.Tests.Api;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Venue.Tests.WebSockets;

/// <summary>
/// The market and user channels carry a running scenario's flow the way Polymarket does: a client that applies
/// the stream (book snapshot, then price_change levels) holds exactly the venue's book at a checkpoint.
/// </summary>
public class ScenarioStreamTests
{
    /// <summary>One side of a rebuilt book: price text -> size text.</summary>
    private sealed class RebuiltBook
    {
        public readonly SortedDictionary<decimal, decimal> Bids = new();
        public readonly SortedDictionary<decimal, decimal> Asks = new();
        public int Snapshots;
        public int PriceChanges;
    }

    private sealed class StreamCounts
    {
        public int LastTradePrices;
        public int TickSizeChanges;
        public int BestBidAsks;
    }

    [Fact]
    public async Task CalmScenario_MarketChannel_RebuildsTheVenueBookExactly_AtACheckpoint()
    {
        var scenario = ScenarioLoader.LoadBuiltIn("calm");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var venue = await Venue.StartAsync(scenario, new VenueOptions { Time = clock, RateLimits = RateLimitSettings.Disabled });
        var tokens = new List<UInt256>();
        foreach (var m in venue.WithEngine(e => new List<VenueMarket>(e.Markets))) { tokens.Add(m.YesToken); tokens.Add(m.NoToken); }

        // The flow runs on its own while the client subscribes, so snapshots race with level changes.
        using var stopFlow = new CancellationTokenSource();
        var flow = Task.Run(async () =>
        {
            for (int i = 0; i < 3000 && !stopFlow.IsCancellationRequested; i++)
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
                if ((i & 7) == 0) await Task.Yield();
            }
        });

        await using var ws = await TestWsClient.ConnectAsync(venue, "market");
        var books = new Dictionary<string, RebuiltBook>();
        var counts = new StreamCounts();
        foreach (var t in tokens) books[t.ToString()] = new RebuiltBook();
        string ids = string.Join(",", tokens.ConvertAll(t => "\"" + t + "\""));
        await ws.SendAsync("{\"assets_ids\":[" + ids + "],\"type\":\"market\",\"custom_feature_enabled\":true}");

        await flow; // the checkpoint: the clock stops, so the engine is idle
        await ws.SendAsync("PING");
        // Everything the engine published before the checkpoint was queued before the PONG.
        while (true)
        {
            string? m = await ws.NextAsync(30_000);
            Assert.NotNull(m);
            Assert.NotEqual("<timeout>", m);
            if (m == "PONG") break;
            Apply(m!, books, counts);
        }

        var venueBooks = venue.WithEngine(e =>
        {
            var all = new List<BookSnapshot>();
            foreach (var t in tokens) all.Add(e.GetBook(t)!);
            return all;
        });
        int levels = 0;
        foreach (var snapshot in venueBooks)
        {
            var rebuilt = books[snapshot.AssetId.ToString()];
            Assert.Equal(1, rebuilt.Snapshots);
            AssertSide(snapshot.Bids, rebuilt.Bids, "bids of " + snapshot.AssetId);
            AssertSide(snapshot.Asks, rebuilt.Asks, "asks of " + snapshot.AssetId);
            levels += snapshot.Bids.Length + snapshot.Asks.Length;
        }
        // The flow really ran through the stream: levels changed and trades printed.
        int priceChanges = 0;
        foreach (var b in books.Values) priceChanges += b.PriceChanges;
        Assert.True(levels > 0, "the calm books are empty at the checkpoint");
        Assert.True(priceChanges > 50, "only " + priceChanges + " price_change entries in 300 s of calm flow");
        Assert.True(counts.LastTradePrices > 0, "no last_trade_price in 300 s of calm flow");
        Assert.True(counts.BestBidAsks > 0, "no best_bid_ask for a custom-feature subscriber");
    }

    [Fact]
    public async Task CalmScenario_UserChannel_CarriesTheKeysPlacementAndFillsByFlow()
    {
        var scenario = ScenarioLoader.LoadBuiltIn("calm");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var venue = await Venue.StartAsync(scenario, new VenueOptions { Time = clock, RateLimits = RateLimitSettings.Disabled });
        var market = venue.WithEngine(e => e.Markets[0]);
        var trader = new TestTrader(venue, 9);
        await trader.CreateKeyAsync();
        var c = trader.Creds!;
        await using var user = await TestWsClient.ConnectAsync(venue, "user");
        await user.SendAndSyncAsync("{\"auth\":{\"apiKey\":\"" + c.ApiKey + "\",\"secret\":\"" + c.Secret + "\",\"passphrase\":\"" + c.Passphrase
            + "\"},\"type\":\"user\",\"markets\":[\"" + market.ConditionId + "\"]}");

        // Join the best bid with a large order so that the noise flow's sells reach it.
        var top = venue.WithEngine(e => e.GetBook(market.YesToken)!);
        long price = top.BestBid.Raw;
        Assert.True(price > 0, "calm starts with bids");
        var (status, body, _) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, price, 200_000_000));
        Assert.True(status == 200, body);
        string orderId = TestTrader.OrderIdOf(body);

        var seen = new List<string>();
        bool placement = false, matched = false, confirmed = false;
        for (int i = 0; i < 6000 && !(placement && matched && confirmed); i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
            if ((i & 63) != 0) continue;
            await user.SendAsync("PING");
            while (true)
            {
                string? m = await user.NextAsync(30_000);
                Assert.NotNull(m);
                Assert.NotEqual("<timeout>", m);
                if (m == "PONG") break;
                foreach (var e in Events(m!))
                {
                    string type = e.GetProperty("event_type").GetString()!;
                    seen.Add(type);
                    if (type == "order" && e.GetProperty("id").GetString() == orderId && e.GetProperty("type").GetString() == "PLACEMENT") placement = true;
                    if (type == "trade" && e.GetProperty("trader_side").GetString() == "MAKER")
                    {
                        Assert.Equal(c.ApiKey, e.GetProperty("trade_owner").GetString());
                        string s = e.GetProperty("status").GetString()!;
                        if (s == "MATCHED") matched = true;
                        if (s == "CONFIRMED" && matched) confirmed = true;
                    }
                }
            }
        }
        Assert.True(placement, "no PLACEMENT for the key's order; saw " + string.Join(",", seen));
        Assert.True(matched, "flow never filled the key's bid in 10 minutes of calm; saw " + string.Join(",", seen));
        Assert.True(confirmed, "the key's trade never reached CONFIRMED; saw " + string.Join(",", seen));
    }

    private static void AssertSide(BookLevel[] expected, SortedDictionary<decimal, decimal> rebuilt, string what)
    {
        var want = new SortedDictionary<decimal, decimal>();
        foreach (var l in expected) want[l.Price.Raw / 1_000_000m] = l.Size.Raw / 1_000_000m;
        Assert.True(want.Count == rebuilt.Count && Same(want, rebuilt),
            what + ": venue " + Render(want) + " but the stream rebuilt " + Render(rebuilt));
    }

    private static bool Same(SortedDictionary<decimal, decimal> a, SortedDictionary<decimal, decimal> b)
    {
        foreach (var (price, size) in a) if (!b.TryGetValue(price, out var other) || other != size) return false;
        return true;
    }

    private static string Render(SortedDictionary<decimal, decimal> side)
    {
        var parts = new List<string>();
        foreach (var (p, s) in side) parts.Add(p.ToString(CultureInfo.InvariantCulture) + "x" + s.ToString(CultureInfo.InvariantCulture));
        return "[" + string.Join(" ", parts) + "]";
    }

    private static List<JsonElement> Events(string message)
    {
        using var doc = JsonDocument.Parse(message);
        var list = new List<JsonElement>();
        if (doc.RootElement.ValueKind == JsonValueKind.Array)
            foreach (var e in doc.RootElement.EnumerateArray()) list.Add(e.Clone());
        else list.Add(doc.RootElement.Clone());
        return list;
    }

    private static void Apply(string message, Dictionary<string, RebuiltBook> books, StreamCounts counts)
    {
        foreach (var e in Events(message))
        {
            switch (e.GetProperty("event_type").GetString())
            {
                case "book":
                {
                    var b = books[e.GetProperty("asset_id").GetString()!];
                    b.Snapshots++;
                    b.Bids.Clear();
                    b.Asks.Clear();
                    foreach (var l in e.GetProperty("bids").EnumerateArray()) b.Bids[Dec(l, "price")] = Dec(l, "size");
                    foreach (var l in e.GetProperty("asks").EnumerateArray()) b.Asks[Dec(l, "price")] = Dec(l, "size");
                    break;
                }
                case "price_change":
                    foreach (var ch in e.GetProperty("price_changes").EnumerateArray())
                    {
                        var b = books[ch.GetProperty("asset_id").GetString()!];
                        Assert.True(b.Snapshots > 0, "price_change before the book snapshot: " + ch.GetRawText());
                        b.PriceChanges++;
                        var side = ch.GetProperty("side").GetString() == "BUY" ? b.Bids : b.Asks;
                        decimal price = Dec(ch, "price"), size = Dec(ch, "size");
                        if (size == 0) side.Remove(price);
                        else side[price] = size;
                    }
                    break;
                case "last_trade_price": counts.LastTradePrices++; break;
                case "tick_size_change": counts.TickSizeChanges++; break;
                case "best_bid_ask": counts.BestBidAsks++; break;
            }
        }
    }

    private static decimal Dec(JsonElement e, string name) => decimal.Parse(e.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
}
