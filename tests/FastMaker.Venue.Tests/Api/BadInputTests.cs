using System.Text;
using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using FastMaker.Venue.RateLimits;

namespace FastMaker.Venue.Tests.Api;

/// <summary>
/// Issue 4 "Bad input" on every endpoint that reads a body or a query: a 400 with a JSON error that says what is
/// wrong, never a 500, never a change of state (the resting order and the balances stay as they were).
/// </summary>
public class BadInputTests
{
    public static TheoryData<string, string, string?, string> L2Cases => new()
    {
        // method, path and query, body, expected text inside {"error":...}
        { "DELETE", "/order", "{not json", "Invalid orderID" },
        { "DELETE", "/order", "{\"orderID\":12}", "Invalid orderID" },
        { "DELETE", "/order", "{\"orderID\":\"0xZZ\"}", "Invalid orderID" },
        { "DELETE", "/order", "{\"orderID\":\"0x" + new string('1', 64) + "\",\"extra\":true}", "Invalid orderID" },
        { "DELETE", "/orders", "{\"orderID\":\"x\"}", "expected an array of order ids" },
        { "DELETE", "/orders", "[\"0x1\"]", "Invalid orderID" },
        { "DELETE", "/orders", "[1e999]", "Invalid orderID" },
        { "DELETE", "/orders", "[\"0x" + new string('a', 64) + "\"", "Invalid payload" },
        { "DELETE", "/cancel-market-orders", "{\"market\":\"0x12\"}", "market must be a 0x-prefixed 32-byte condition id" },
        { "DELETE", "/cancel-market-orders", "{\"asset_id\":\"1157920892373161954235709850086879078532699846656405640394575840079131296399360\"}", "asset_id must be a decimal token id" },
        { "DELETE", "/cancel-market-orders", "{\"asset_id\":5}", "must be strings" },
        { "DELETE", "/cancel-market-orders", "{\"colour\":\"red\"}", "unknown field 'colour'" },
        { "DELETE", "/cancel-market-orders", "{}", "market or asset_id is required" },
        { "POST", "/v1/heartbeats", "{\"heartbeat_id\":7}", "heartbeat_id must be a string or null" },
        { "POST", "/v1/heartbeats", "[]", "expected a JSON object" },
        { "POST", "/v1/heartbeats", "{\"heartbeat_id\":\"a\",\"x\":1}", "unknown field 'x'" },
        { "POST", "/orders", "{}", "expected a JSON array of orders" },
        { "POST", "/orders", "[{\"order\":{\"salt\":-1},\"owner\":\"x\"}]", "salt must be" },
        { "POST", "/order", "{\"order\":{\"salt\":1e400},\"owner\":\"x\"}", "salt must be" },
        { "POST", "/order", "{\"order\":{\"salt\":18446744073709551616},\"owner\":\"x\"}", "salt must be" },
        { "POST", "/order", "{\"order\":{\"signature\":\"0xnothex\"},\"owner\":\"x\"}", "signature" },
        { "POST", "/order", "{\"order\":{\"expiration\":\"-5\"},\"owner\":\"x\"}", "expiration must be" },
        { "POST", "/order", "{\"order\":{\"signatureType\":\"0\"},\"owner\":\"x\"}", "signatureType must be" },
        { "POST", "/order", "{\"postOnly\":\"yes\",\"order\":{},\"owner\":\"x\"}", "postOnly must be a boolean" },
        { "POST", "/order", "{\"orderType\":\"IOC\",\"order\":{},\"owner\":\"x\"}", "orderType must be GTC, GTD, FOK or FAK" },
        { "POST", "/order", "{\"owner\":\"x\",", "malformed JSON" },
        { "POST", "/order", "{\"order\":{},\"owner\":\"x\"}", "order is missing required fields" },
        { "POST", "/order", "", "empty body" },
        { "POST", "/order", "\"just a string\"", "expected a JSON object" },
        { "POST", "/order", "{\"order\":" + new string('[', 64) + new string(']', 64) + ",\"owner\":\"x\"}", "order must be a JSON object" },
        { "GET", "/data/orders?next_cursor=%%%", null, "Invalid query parameters" },
        { "GET", "/data/orders?market=0x12", null, "Invalid query parameters" },
        { "GET", "/data/orders?asset_id=-1", null, "Invalid query parameters" },
        { "GET", "/data/trades?before=abc", null, "Invalid query parameters" },
        { "GET", "/data/trades?maker_address=0x1", null, "Invalid query parameters" },
        { "GET", "/balance-allowance?asset_type=GOLD", null, "Invalid asset type" },
        { "GET", "/balance-allowance?asset_type=CONDITIONAL&token_id=abc", null, "Invalid token id" },
        { "GET", "/balance-allowance?asset_type=COLLATERAL&signature_type=9", null, "Invalid signature_type" },
    };

    public static TheoryData<string, string, string?, string> PublicCases => new()
    {
        { "GET", "/book?token_id=abc", null, "Invalid token id" },
        { "GET", "/book?token_id=1157920892373161954235709850086879078532699846656405640394575840079131296399360", null, "Invalid token id" },
        { "GET", "/book", null, "Invalid token id" },
        { "POST", "/books", "{not json", "" },
        { "POST", "/books", "[{\"token_id\":12}]", "Invalid token id" },
        { "GET", "/tick-size?token_id=0x1", null, "Invalid token id" },
        { "GET", "/midpoint?token_id=", null, "Invalid token id" },
        { "GET", "/price?token_id=5002&side=UP", null, "" },
        { "GET", "/clob-markets/0x1", null, "Invalid market" },
    };

    private static async Task<(Venue Venue, VenueMarket Market, TestTrader Trader, string OrderId)> StartWithRestingOrderAsync()
    {
        var market = TestTrader.Market(1);
        var venue = await Venue.StartAsync(new VenueOptions { RateLimits = RateLimitSettings.Disabled }, s => s.Engine.AddMarket(market));
        var trader = new TestTrader(venue, 5);
        await trader.CreateKeyAsync();
        var (status, body, _) = await trader.L2Async(HttpMethod.Post, "/order", trader.OrderBody(market, market.YesToken, Side.Buy, 450_000, 10_000_000));
        Assert.True(status == 200, body);
        return (venue, market, trader, TestTrader.OrderIdOf(body));
    }

    private static string State(Venue venue, TestTrader trader)
        => venue.WithEngine(e =>
        {
            var (collateral, _) = e.Ledger.BalanceAllowance(trader.Address, null);
            return e.LiveOrderCount + "/" + collateral + "/" + e.OpenOrders(trader.Creds!.ApiKey).Count;
        });

    [Theory]
    [MemberData(nameof(L2Cases))]
    public async Task AuthenticatedEndpoint_BadInput_Is400WithReason_AndChangesNothing(string method, string pathAndQuery, string? body, string reason)
    {
        var (venue, _, trader, _) = await StartWithRestingOrderAsync();
        await using var _v = venue;
        string before = State(venue, trader);
        var (status, text, _) = await trader.L2Async(new HttpMethod(method), pathAndQuery, body);
        Assert.True(status == 400, method + " " + pathAndQuery + " gave " + status + ": " + text);
        Assert.StartsWith("{\"error\":\"", text);
        Assert.Contains(reason, text);
        Assert.Equal(before, State(venue, trader));
    }

    [Theory]
    [MemberData(nameof(PublicCases))]
    public async Task PublicEndpoint_BadInput_Is400WithReason(string method, string pathAndQuery, string? body, string reason)
    {
        var (venue, _, trader, _) = await StartWithRestingOrderAsync();
        await using var _v = venue;
        string before = State(venue, trader);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), venue.ClobUrl + pathAndQuery);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 400, method + " " + pathAndQuery + " gave " + (int)response.StatusCode + ": " + text);
        Assert.StartsWith("{\"error\":\"", text);
        Assert.Contains(reason, text);
        Assert.Equal(before, State(venue, trader));
    }

    [Fact]
    public async Task HugeBodyWithoutContentLength_IsCutAtTheLimit_AndChangesNothing()
    {
        var (venue, _, trader, _) = await StartWithRestingOrderAsync();
        await using var _v = venue;
        string before = State(venue, trader);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, venue.ClobUrl + "/books");
        // Chunked: the server cannot refuse on Content-Length and must stop reading at the limit.
        var content = new PushStreamContent(200 * 1024 * 1024);
        request.Content = content;
        // Either the 400 arrives, or Kestrel resets the connection while the client is still sending; never a 2xx or 500.
        try
        {
            using var response = await http.SendAsync(request);
            Assert.Equal(400, (int)response.StatusCode);
            Assert.Equal("{\"error\":\"Payload exceeds the limit\"}", await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException) { }
        Assert.True(content.Sent < 64L * 1024 * 1024, "the server read " + content.Sent + " bytes of a body over its limit");
        Assert.Equal(before, State(venue, trader));
        Assert.Equal("{\"version\":2}", await http.GetStringAsync(venue.ClobUrl + "/version"));
    }

    /// <summary>A chunked body of up to <c>length</c> bytes that stops when the server stops reading.</summary>
    private sealed class PushStreamContent(long length) : HttpContent
    {
        public long Sent;

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = Encoding.ASCII.GetBytes("[" + new string(' ', 64 * 1024 - 1));
            try
            {
                while (Sent < length)
                {
                    await stream.WriteAsync(chunk);
                    Sent += chunk.Length;
                }
            }
            catch (Exception e) when (e is IOException or HttpRequestException or ObjectDisposedException) { }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
