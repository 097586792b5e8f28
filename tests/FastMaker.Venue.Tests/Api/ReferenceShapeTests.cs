using System.Text.Json;
using FastMaker.Venue.RateLimits;

namespace FastMaker.Venue.Tests.Api;

/// <summary>Response shapes the official client reads, found missing or different by the official-client acceptance run.</summary>
public class ReferenceShapeTests
{
    private static async Task<(Venue Venue, TestTrader Trader)> StartAsync()
    {
        var venue = await Venue.StartAsync(new VenueOptions { RateLimits = RateLimitSettings.Disabled }, s => s.Engine.AddMarket(TestTrader.Market(1)));
        var trader = new TestTrader(venue, 3);
        await trader.CreateKeyAsync();
        return (venue, trader);
    }

    [Fact]
    public async Task BalanceAllowance_CarriesAllowancesMapKeyedByBothV2Exchanges()
    {
        var (venue, trader) = await StartAsync();
        await using var _v = venue;
        var (status, body, _) = await trader.L2Async(HttpMethod.Get, "/balance-allowance?asset_type=COLLATERAL&signature_type=0");
        Assert.Equal(200, status);
        using var doc = JsonDocument.Parse(body);
        var allowances = doc.RootElement.GetProperty("allowances");
        var spenders = new List<string>();
        foreach (var p in allowances.EnumerateObject())
        {
            spenders.Add(p.Name.ToLowerInvariant());
            Assert.Equal(doc.RootElement.GetProperty("allowance").GetString(), p.Value.GetString());
        }
        Assert.Equal(["0xe111180000d2663c0091e4f400237545b87b996b", "0xe2222d279d744050d28e00520010520000310f59"], spenders);
        Assert.Equal("10000000000", doc.RootElement.GetProperty("balance").GetString());
    }

    [Fact]
    public async Task MarketsByToken_ResolvesBothTokensToTheConditionId_AndRefusesUnknownOrBadIds()
    {
        var (venue, _) = await StartAsync();
        await using var _v = venue;
        var market = TestTrader.Market(1);
        using var http = new HttpClient();
        foreach (var token in new[] { market.YesToken, market.NoToken })
        {
            using var doc = JsonDocument.Parse(await http.GetStringAsync(venue.ClobUrl + "/markets-by-token/" + token));
            Assert.Equal(market.ConditionId.ToString(), doc.RootElement.GetProperty("condition_id").GetString());
            Assert.Equal(market.YesToken.ToString(), doc.RootElement.GetProperty("primary_token_id").GetString());
            Assert.Equal(market.NoToken.ToString(), doc.RootElement.GetProperty("secondary_token_id").GetString());
        }
        using var unknown = await http.GetAsync(venue.ClobUrl + "/markets-by-token/999999");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        using var bad = await http.GetAsync(venue.ClobUrl + "/markets-by-token/0xnothex");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("{\"error\":\"Invalid token id\"}", await bad.Content.ReadAsStringAsync());
    }
}
