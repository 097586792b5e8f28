using System.Net;
using System.Text.Json;
using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using FastMaker.Venue.RateLimits;

namespace FastMaker.Venue.Tests.Api;

public class OrderFlowTests
{
    private static async Task<(Venue Venue, VenueMarket Market, TestTrader Trader)> StartAsync(VenueOptions? options = null)
    {
        var market = TestTrader.Market(1);
        var venue = await Venue.StartAsync(options ?? new VenueOptions { RateLimits = RateLimitSettings.Disabled }, s => s.Engine.AddMarket(market));
        var trader = new TestTrader(venue, 1);
        await trader.CreateKeyAsync();
        return (venue, market, trader);
    }

    [Fact]
    public async Task L1_CreateThenDerive_SameCredentials_TamperedRefused()
    {
        var (venue, _, trader) = await StartAsync();
        await using var _v = venue;
        using var derived = await trader.L1Async(HttpMethod.Get, "/auth/derive-api-key");
        using var doc = JsonDocument.Parse(await derived.Content.ReadAsStringAsync());
        Assert.Equal(trader.Creds!.ApiKey, doc.RootElement.GetProperty("apiKey").GetString());
        using var again = await trader.L1Async(HttpMethod.Post, "/auth/api-key");
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Could not create api key", await again.Content.ReadAsStringAsync());
        using var tampered = await trader.L1Async(HttpMethod.Get, "/auth/derive-api-key", tamper: true);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal("{\"error\":\"Invalid L1 Request headers\"}", await tampered.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignedOrder_Rests_ShowsInBookAndOpenOrders_ThenCancels()
    {
        var (venue, market, trader) = await StartAsync();
        await using var _v = venue;
        var (status, body, _) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 10_000_000));
        Assert.True(status == 200, body);
        Assert.Contains("\"status\":\"live\"", body);
        string id = TestTrader.OrderIdOf(body);

        var (bs, book, _) = await trader.L2Async(HttpMethod.Get, "/book?token_id=" + market.YesToken);
        Assert.Equal(200, bs);
        Assert.Contains("{\"price\":\"0.45\",\"size\":\"10\"}", book);

        var (os, orders, _) = await trader.L2Async(HttpMethod.Get, "/data/orders?next_cursor=MA==");
        Assert.Equal(200, os);
        Assert.Contains(id, orders);
        Assert.Contains("\"next_cursor\":\"LTE=\"", orders);

        var (cs, cancel, _) = await trader.L2Async(HttpMethod.Delete, "/order", "{\"orderID\":\"" + id + "\"}");
        Assert.Equal(200, cs);
        Assert.Equal("{\"canceled\":[\"" + id + "\"],\"not_canceled\":{}}", cancel);
        Assert.Equal(0, venue.WithEngine(e => e.LiveOrderCount));
    }

    [Fact]
    public async Task TamperedSignature_IsRefused_WithInvalidSignature_AndNoStateChange()
    {
        var (venue, market, trader) = await StartAsync();
        await using var _v = venue;
        var (status, body, _) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 10_000_000, tamperSignature: true));
        Assert.Equal(400, status);
        Assert.Equal("{\"error\":\"invalid signature\"}", body);
        Assert.Equal(0, venue.WithEngine(e => e.LiveOrderCount));
    }

    [Fact]
    public async Task StaleL2Timestamp_IsRefused_Unauthorized()
    {
        var (venue, market, trader) = await StartAsync();
        await using var _v = venue;
        trader.TimestampSkewSeconds = -120;
        var (status, body, _) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 10_000_000));
        Assert.Equal(401, status);
        Assert.Equal("{\"error\":\"Unauthorized/Invalid api key\"}", body);
    }

    [Fact]
    public async Task OffTickPrice_IsRefused_WithTickRuleText()
    {
        var (venue, market, trader) = await StartAsync();
        await using var _v = venue;
        var (status, body, _) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 455_000, 10_000_000));
        Assert.Equal(400, status);
        Assert.Contains("breaks minimum tick size rule: 0.01", body);
    }

    [Fact]
    public async Task BelowMinSize_IsRefused_WithMinimumText()
    {
        var (venue, market, trader) = await StartAsync();
        await using var _v = venue;
        var (status, body, _) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 2_000_000));
        Assert.Equal(400, status);
        Assert.Contains("lower than the minimum: 5", body);
    }

    [Theory]
    [InlineData("{not json", "malformed JSON")]
    [InlineData("[]", "expected a JSON object")]
    [InlineData("{\"extra\":1,\"order\":{},\"owner\":\"x\",\"orderType\":\"GTC\"}", "unknown field 'extra'")]
    [InlineData("{\"order\":{\"salt\":\"abc\"},\"owner\":\"x\"}", "salt must be")]
    [InlineData("{\"order\":{\"tokenId\":\"1157920892373161954235709850086879078532699846656405640394575840079131296399360\"},\"owner\":\"x\"}", "tokenId must be")]
    [InlineData("{\"order\":{\"makerAmount\":\"99999999999999999999999\"},\"owner\":\"x\"}", "makerAmount must be")]
    [InlineData("{\"order\":{\"maker\":\"0xZZ\"},\"owner\":\"x\"}", "maker must be")]
    [InlineData("{\"order\":{\"side\":1},\"owner\":\"x\"}", "side must be a string")]
    public async Task BadBodies_Get400WithReason_AndNoStateChange(string json, string reason)
    {
        var (venue, _, trader) = await StartAsync();
        await using var _v = venue;
        var (status, body, _) = await trader.L2Async(HttpMethod.Post, "/order", json);
        Assert.Equal(400, status);
        Assert.Contains("Invalid order payload", body);
        Assert.Contains(reason, body);
        Assert.Equal(0, venue.WithEngine(e => e.LiveOrderCount));
    }

    [Fact]
    public async Task V1Fields_GetOrderVersionMismatch()
    {
        var (venue, market, trader) = await StartAsync();
        await using var _v = venue;
        string json = trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 10_000_000, edit: o => { o["nonce"] = "0"; o["feeRateBps"] = "0"; o["taker"] = "0x0000000000000000000000000000000000000000"; });
        var (status, body, _) = await trader.L2Async(HttpMethod.Post, "/order", json);
        Assert.Equal(400, status);
        Assert.Equal("{\"error\":\"order_version_mismatch\"}", body);
    }

    [Fact]
    public async Task OversizedBody_Is400PayloadExceedsTheLimit()
    {
        var (venue, _, trader) = await StartAsync(new VenueOptions { MaxRequestBodyBytes = 1024, RateLimits = RateLimitSettings.Disabled });
        await using var _v = venue;
        var (status, body, _) = await trader.L2Async(HttpMethod.Post, "/order", "{\"pad\":\"" + new string('x', 5000) + "\"}");
        Assert.Equal(400, status);
        Assert.Equal("{\"error\":\"Payload exceeds the limit\"}", body);
    }

    [Fact]
    public async Task OwnerNotTheApiKey_IsRefused()
    {
        var (venue, market, trader) = await StartAsync();
        await using var _v = venue;
        var (status, body, _) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 10_000_000, ownerOverride: "someone-else"));
        Assert.Equal(400, status);
        Assert.Equal("{\"error\":\"the order owner has to be the owner of the API KEY\"}", body);
    }

    [Fact]
    public async Task CancelOnly_Restart_PostOnlyWindow_FollowTheReference()
    {
        var (venue, market, trader) = await StartAsync(new VenueOptions { RateLimits = RateLimitSettings.Disabled, RestartDuration = TimeSpan.FromMilliseconds(400), PostOnlyWindow = TimeSpan.FromSeconds(30) });
        await using var _v = venue;
        venue.Faults.CancelOnly = true;
        var (s1, b1, _) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 10_000_000));
        Assert.Equal(503, s1);
        Assert.Contains("cancel-only", b1);
        var (s2, _, _) = await trader.L2Async(HttpMethod.Delete, "/cancel-all");
        Assert.Equal(200, s2); // cancels still work
        venue.Faults.CancelOnly = false;

        venue.RestartEngine();
        var (s3, b3, r3) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 10_000_000));
        Assert.Equal(425, s3);
        Assert.Equal("{\"error\":\"service not ready\"}", b3);
        Assert.NotNull(r3.Headers.RetryAfter);
        await Task.Delay(600);
        var (s4, b4, r4) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 10_000_000));
        Assert.Equal(503, s4);
        Assert.Contains("\"code\":\"post_only_mode\"", b4);
        Assert.NotNull(r4.Headers.RetryAfter);
        var (s5, b5, _) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 10_000_000, postOnly: true));
        Assert.True(s5 == 200, b5);
    }

    [Fact]
    public async Task SignerBucket_Exhausted_Gives429_WithHeaders()
    {
        var (venue, market, trader) = await StartAsync(new VenueOptions { RateLimits = new RateLimitSettings { OrderBurst = 2, OrderRatePerSecond = 0.01 } });
        await using var _v = venue;
        for (int i = 0; i < 2; i++)
        {
            var (s, b, _) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 10_000_000));
            Assert.True(s == 200, b);
        }
        var (status, body, response) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 10_000_000));
        Assert.Equal(429, status);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Equal("0", Assert.Single(response.Headers.GetValues("Poly-RateLimit-Remaining")));
        Assert.Equal(2, venue.WithEngine(e => e.LiveOrderCount));
    }

    [Fact]
    public async Task Heartbeat_ChainsIds_WrongIdReturnsExpected()
    {
        var (venue, _, trader) = await StartAsync();
        await using var _v = venue;
        var (s1, b1, _) = await trader.L2Async(HttpMethod.Post, "/v1/heartbeats", "{\"heartbeat_id\":\"\"}");
        Assert.Equal(200, s1);
        string id = JsonDocument.Parse(b1).RootElement.GetProperty("heartbeat_id").GetString()!;
        var (s2, b2, _) = await trader.L2Async(HttpMethod.Post, "/v1/heartbeats", "{\"heartbeat_id\":\"wrong\"}");
        Assert.Equal(400, s2);
        Assert.Equal("{\"error_msg\":\"Invalid Heartbeat ID\",\"heartbeat_id\":\"" + id + "\"}", b2);
        var (s3, _, _) = await trader.L2Async(HttpMethod.Post, "/v1/heartbeats", "{\"heartbeat_id\":\"" + id + "\"}");
        Assert.Equal(200, s3);
    }

    [Fact]
    public async Task Batch_Over15_IsRefused_ValidBatchReturnsOneResultPerOrder()
    {
        var (venue, market, trader) = await StartAsync();
        await using var _v = venue;
        var many = new List<string>();
        for (int i = 0; i < 16; i++) many.Add(trader.OrderBody(market, market.YesToken, Side.Buy, 400_000, 10_000_000));
        var (s1, b1, _) = await trader.L2Async(HttpMethod.Post, "/orders", "[" + string.Join(",", many) + "]");
        Assert.Equal(400, s1);
        Assert.Equal("{\"error\":\"Too many orders in payload: 16, max allowed: 15\"}", b1);
        string two = "[" + trader.OrderBody(market, market.YesToken, Side.Buy, 400_000, 10_000_000) + "," + trader.OrderBody(market, market.YesToken, Side.Buy, 405_000, 10_000_000) + "]";
        var (s2, b2, _) = await trader.L2Async(HttpMethod.Post, "/orders", two);
        Assert.Equal(200, s2);
        var results = JsonDocument.Parse(b2).RootElement;
        Assert.Equal(2, results.GetArrayLength());
        Assert.Equal("live", results[0].GetProperty("status").GetString());
        Assert.Contains("breaks minimum tick size rule", results[1].GetProperty("errorMsg").GetString());
    }

    [Fact]
    public async Task Gamma_ServesMarketsWithJsonStringTokenIds()
    {
        var (venue, market, _) = await StartAsync();
        await using var _v = venue;
        using var http = new HttpClient();
        var markets = JsonDocument.Parse(await http.GetStringAsync(venue.GammaUrl + "/markets")).RootElement;
        var m = markets[0];
        Assert.Equal(market.ConditionId.ToString(), m.GetProperty("conditionId").GetString());
        var ids = JsonDocument.Parse(m.GetProperty("clobTokenIds").GetString()!).RootElement;
        Assert.Equal(market.YesToken.ToString(), ids[0].GetString());
        Assert.Equal("[\"Yes\",\"No\"]", m.GetProperty("outcomes").GetString());
        Assert.Equal(0.01m, m.GetProperty("orderPriceMinTickSize").GetDecimal());
        var events = JsonDocument.Parse(await http.GetStringAsync(venue.GammaUrl + "/events")).RootElement;
        Assert.Equal("event-1", events[0].GetProperty("id").GetString());
    }
}
