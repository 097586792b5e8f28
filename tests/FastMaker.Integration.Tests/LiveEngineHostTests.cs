using System.Security.Cryptography;
using FastMaker.Cli.Demo;
using FastMaker.Engine.Budget;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Store;
using FastMaker.Polymarket.Signing;
using Xunit.Abstractions;

namespace FastMaker.Integration.Tests;

/// <summary>The live engine against the embedded venue over real loopback sockets (calm scenario, real time).</summary>
public sealed class LiveEngineHostTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-live-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static LiveEngineOptions Options(FastMaker.Venue.Venue venue, byte[] key, string? storePath,
        Func<SenderContext, FastMaker.Engine.Signing.ISignedRequestSink> sender) => new()
    {
        ClobUrl = new Uri(venue.ClobUrl),
        MarketWsUrl = new Uri(venue.WsUrl + "/market"),
        UserWsUrl = new Uri(venue.WsUrl + "/user"),
        GammaUrl = new Uri(venue.GammaUrl),
        SignerFactory = nonces => new EthSigner(key, nonces),
        ChainId = venue.Options.ChainId,
        StorePath = storePath,
        SenderFactory = sender,
        Budget = DemoProfile.Budget,
        Quote = DemoProfile.Quote,
    };

    [Fact]
    public async Task CalmScenario_LiveEngine_QuotesGetsFilled_AndEndsEqualToTheVenueAndTheStore()
    {
        var scenario = DemoScenario.Load("calm", DateTimeOffset.UtcNow);
        await using var venue = await FastMaker.Venue.Venue.StartAsync(scenario);
        var key = RandomNumberGenerator.GetBytes(32);
        var storePath = Path.Combine(_dir, "live.db");
        LiveTestSender? sender = null;
        var host = await LiveEngineHost.StartAsync(Options(venue, key, storePath, c => sender = new LiveTestSender(c)));
        try
        {
            Assert.Equal(2, host.MarketCount);
            Assert.NotNull(host.StartupReconciliation);
            Assert.Empty(host.StartupReconciliation!.Orders);

            // Wait (bounded) until at least one of our quotes has been filled; this is a wait, not a timing assertion.
            var deadline = DateTime.UtcNow.AddSeconds(45);
            while (DateTime.UtcNow < deadline && (host.Summary.Latest is not { Fills: > 0 } || host.Summary.Latest.OrdersPosted < 2))
            {
                await Task.Delay(250);
            }

            // A few more seconds so that a fill's MINED/CONFIRMED updates and more quotes happen.
            await Task.Delay(3000);
            await host.StopAsync();

            var engine = host.Engine;
            var summary = host.Summary.Latest!;
            output.WriteLine("posted " + summary.OrdersPosted + " cancels " + summary.CancelsSent + " fills " + summary.Fills + " maker "
                + summary.MakerFills + " taker " + summary.TakerFills + " venue rejects " + summary.VenueRejects + " events " + summary.Events
                + " rejects " + string.Join(", ", summary.GateRejects.Select(r => r.Key + "=" + r.Value)) + " sender failures " + sender?.Failures);
            Assert.True(summary.OrdersPosted >= 2, "orders posted: " + summary.OrdersPosted);
            Assert.True(sender!.Posted >= 2);
            Assert.True(summary.Fills >= 1, "no fill in 45 s of the calm scenario");
            Assert.Equal(summary.Fills, summary.MakerFills + summary.TakerFills);
            Assert.Equal(0, summary.UnknownLiquidityFills);
            Assert.Equal(0, summary.OpenOrders);
            Assert.True(summary.KillSwitchOn, "stop trips the kill switch to cancel everything");

            // Our orders, fills and positions equal the venue's own records.
            var differences = await VenueComparison.CompareAsync(host.Clob, engine, host.Address, host.ApiKey, 0);
            Assert.True(differences.Count == 0, string.Join("\n", differences));

            // The store holds exactly the engine's orders and positions.
            AssertStoreEqualsEngine(storePath, host);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    internal static void AssertStoreEqualsEngine(string storePath, LiveEngineHost host)
    {
        var engine = host.Engine;
        StoreSnapshot stored;
        using (var store = SqliteStore.Open(storePath))
        {
            stored = store.Load();
        }

        var byId = stored.Orders.ToDictionary(o => o.OrderId);
        var count = 0;
        for (var slot = 0; slot < engine.Orders.Capacity; slot++)
        {
            var o = engine.Orders[slot];
            if (o.Id.IsZero)
            {
                continue;
            }

            count++;
            Assert.True(byId.TryGetValue(o.Id, out var s), "order " + o.Id + " is not in the store");
            Assert.Equal((byte)o.State, (byte)s.State);
            Assert.Equal(o.Filled, s.FilledSize);
            Assert.Equal(o.OriginalSize, s.OriginalSize);
            Assert.Equal(o.Price, s.Price);
            Assert.Equal(o.Side, s.Side);
        }

        Assert.Equal(count, stored.Orders.Count);
        Assert.True(count > 0);
        var registry = engine.Registry;
        for (var t = 0; t < registry.TokenCount; t++)
        {
            var market = registry.MarketOfToken(t);
            var tokenId = t == market.YesIndex ? market.YesToken : market.NoToken;
            var shares = engine.Positions.Shares(t);
            var position = stored.Positions.Where(p => p.TokenId == tokenId).ToList();
            if (shares == 0 && position.Count == 0)
            {
                continue;
            }

            Assert.Equal(shares, Assert.Single(position).Shares);
        }

        foreach (var fill in stored.Fills)
        {
            Assert.True(engine.Orders.TryGetFill(fill.TradeId, fill.OrderId, out var ours), "stored fill " + fill.TradeId + " unknown to the engine");
            Assert.Equal(ours.Size, fill.Size);
            Assert.Equal(ours.Status, fill.Status);
        }

        Assert.Equal(engine.Orders.FillsApplied, stored.Fills.Count);
    }
}
