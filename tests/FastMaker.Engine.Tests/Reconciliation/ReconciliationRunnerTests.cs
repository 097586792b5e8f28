using System.Net;
using System.Text;
using FastMaker.Engine.Reconciliation;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Engine.Tests.Reconciliation;

public sealed class ReconciliationRunnerTests
{
    private static readonly ApiCredentials Credentials = new("00000000-0000-0000-0000-000000000001", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "passphrase");

    /// <summary>Answers /data/orders in two pages and /data/trades in one, or fails trades with 500.</summary>
    private sealed class FakeVenue(bool tradesFail) : HttpMessageHandler
    {
        public List<string> Paths { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.PathAndQuery;
            lock (Paths)
            {
                Paths.Add(path);
            }

            Assert.True(request.Headers.Contains("POLY_SIGNATURE"), "private endpoints are signed");
            string body;
            var status = HttpStatusCode.OK;
            if (path.StartsWith("/data/orders", StringComparison.Ordinal))
            {
                body = path.Contains("next_cursor=MA%3D%3D", StringComparison.Ordinal) || path.Contains("next_cursor=MA==", StringComparison.Ordinal)
                    ? Page(OrderJson(VenueMapperTests.OrderA) + "," + OrderJson("0xnothex"), "MQ==")
                    : Page(OrderJson(VenueMapperTests.OrderB), "LTE=");
            }
            else if (path.StartsWith("/data/trades", StringComparison.Ordinal) && !tradesFail)
            {
                body = Page($$"""
                    {"id":"28c4d2eb-bbea-40e7-a9f0-b2fdb56b2c2e","taker_order_id":"{{VenueMapperTests.OrderA}}","market":"{{VenueMapperTests.Market}}",
                     "asset_id":"{{VenueMapperTests.Token}}","side":"BUY","size":"25","fee_rate_bps":"0","price":"0.5","status":"CONFIRMED",
                     "match_time":"1703875200","maker_address":"{{VenueMapperTests.Ours}}","maker_orders":[],"trader_side":"TAKER"}
                    """, "LTE=");
            }
            else
            {
                status = HttpStatusCode.InternalServerError;
                body = """{"error":"boom"}""";
            }

            return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }

        private static string Page(string items, string next) => "{\"data\":[" + items + "],\"next_cursor\":\"" + next + "\"}";

        private static string OrderJson(string id) => $$"""
            {"id":"{{id}}","status":"LIVE","owner":"o","maker_address":"{{VenueMapperTests.Ours}}","market":"{{VenueMapperTests.Market}}",
             "asset_id":"{{VenueMapperTests.Token}}","side":"BUY","original_size":"100","size_matched":"25","price":"0.5",
             "outcome":"Yes","created_at":1703875200,"expiration":"0","order_type":"GTC"}
            """;
    }

    private static (ReconciliationRunner Runner, FakeVenue Venue, List<ReconciliationSnapshot> Delivered, FakeTimeProvider Time) Create(bool tradesFail)
    {
        var venue = new FakeVenue(tradesFail);
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_780_000_000_123));
        var client = new ClobClient(venue, new ClobClientOptions { BaseUri = new Uri("http://venue.test/") }, new L2Signer(Credentials, VenueMapperTests.Ours), time);
        var delivered = new List<ReconciliationSnapshot>();
        var runner = new ReconciliationRunner(client, s => { lock (delivered) { delivered.Add(s); } }, new ReconciliationOptions { IntervalSeconds = 30 }, VenueMapperTests.Ours, null, time);
        return (runner, venue, delivered, time);
    }

    [Fact]
    public async Task Fetch_FollowsEveryPage_MapsRows_AndReportsMalformedOnes()
    {
        var (runner, venue, _, _) = Create(tradesFail: false);

        var snapshot = await runner.FetchAsync();

        Assert.NotNull(snapshot);
        Assert.Equal(1_780_000_000_123, snapshot.AsOfMs);
        Assert.Equal([Hash32.Parse(VenueMapperTests.OrderA), Hash32.Parse(VenueMapperTests.OrderB)], snapshot.Orders.Select(o => o.Id));
        Assert.Contains("0xnothex", Assert.Single(snapshot.MappingErrors));
        var leg = Assert.Single(snapshot.Trades);
        Assert.Equal(Hash32.Parse(VenueMapperTests.OrderA), leg.OrderId);
        Assert.Equal(2, venue.Paths.Count(p => p.StartsWith("/data/orders", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Fetch_TradesRequestFails_DeliversNothingRatherThanHalfAPicture()
    {
        var (runner, _, _, _) = Create(tradesFail: true);

        Assert.Null(await runner.FetchAsync());
    }

    [Fact]
    public async Task Run_ReconcilesAtStartAndThenOnEachInterval()
    {
        var (runner, _, delivered, time) = Create(tradesFail: false);
        using var cts = new CancellationTokenSource();

        var run = runner.RunAsync(cts.Token);
        await WaitFor(() => Count(delivered) == 1);
        time.Advance(TimeSpan.FromSeconds(30));
        await WaitFor(() => Count(delivered) == 2);
        time.Advance(TimeSpan.FromSeconds(30));
        await WaitFor(() => Count(delivered) == 3);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static int Count(List<ReconciliationSnapshot> delivered)
    {
        lock (delivered)
        {
            return delivered.Count;
        }
    }

    private static async Task WaitFor(Func<bool> condition)
    {
        // Not a timing assertion: a generous bound so a hung runner fails instead of hanging the suite.
        for (var i = 0; i < 3000 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
