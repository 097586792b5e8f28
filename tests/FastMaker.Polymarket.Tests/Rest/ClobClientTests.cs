using System.Net;
using System.Text;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Rest.Clob;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Polymarket.Tests.Rest;

public sealed class ClobClientTests : IAsyncLifetime
{
    private const string Address = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static readonly ApiCredentials Credentials = new("00000000-0000-0000-0000-000000000001", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "passphrase");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_780_000_000));
    private readonly SocketsHttpHandler _handler = PolyHttpHandlerFactory.Create();
    private StubVenue _venue = null!;
    private ClobClient _client = null!;
    private L2Signer _signer = null!;

    public async Task InitializeAsync()
    {
        _venue = await StubVenue.StartAsync();
        _signer = new L2Signer(Credentials, Address);
        _client = NewClient(TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        await _venue.DisposeAsync();
        _handler.Dispose();
    }

    private ClobClient NewClient(TimeSpan timeout) =>
        new(_handler, new ClobClientOptions { BaseUri = _venue.BaseUri, Http = new PolyHttpOptions { RequestTimeout = timeout } }, _signer, _time);

    private RecordedRequest Single()
    {
        Assert.Single(_venue.Requests);
        Assert.True(_venue.Requests.TryDequeue(out RecordedRequest? r));
        return r!;
    }

    [Fact]
    public async Task Version_And_Time_AreParsed_FromTheirPaths()
    {
        _venue.Enqueue(200, "{\"version\":2}");
        _venue.Enqueue(200, "1780000123");
        _venue.Enqueue(200, "{}");
        Assert.Equal(2, (await _client.GetVersionAsync()).Value);
        Assert.Equal(1780000123L, (await _client.GetServerTimeAsync()).Value);
        Assert.Equal(2, (await _client.GetVersionAsync()).Value);
        var paths = _venue.Requests.Select(r => r.Method + " " + r.Path).ToArray();
        Assert.Equal(new[] { "GET /version", "GET /time", "GET /version" }, paths);
        Assert.DoesNotContain(_venue.Requests, r => r.Headers.ContainsKey(PolyHeaderNames.Signature));
    }

    [Fact]
    public async Task PostOrder_SendsTheExactBytes_WithL2HeadersSignedOverThem()
    {
        byte[] body = Encoding.UTF8.GetBytes("{\"deferExec\":false,\"postOnly\":true,\"order\":{\"salt\":479249096354,\"side\":\"BUY\"},\"owner\":\"00000000-0000-0000-0000-000000000001\",\"orderType\":\"GTC\"}");
        _venue.Enqueue(200, "{\"success\":true,\"errorMsg\":\"\",\"orderID\":\"0xabc\",\"status\":\"live\",\"makingAmount\":\"\",\"takingAmount\":\"\",\"transactionsHashes\":[],\"tradeIDs\":[]}",
            new() { ["Poly-RateLimit-Remaining"] = "59", ["Poly-RateLimit-Reset"] = "1780000001", ["Poly-RateLimit-Tier"] = "standard", ["Poly-RateLimit-Warning"] = "true" });
        ApiResult<OrderResponse> result = await _client.PostOrderAsync(body);

        Assert.True(result.IsSuccess);
        Assert.True(result.Value!.IsAccepted);
        Assert.Equal("live", result.Value.Status);
        Assert.Equal(new RateLimitInfo(59, 1780000001, "standard", true), result.RateLimit);
        RecordedRequest r = Single();
        Assert.Equal("POST", r.Method);
        Assert.Equal("/order", r.Path);
        Assert.Equal(body, r.Body);
        Assert.StartsWith("application/json", r.Headers["Content-Type"]);
        Assert.Equal(Address, r.Headers[PolyHeaderNames.Address]);
        Assert.Equal("1780000000", r.Headers[PolyHeaderNames.Timestamp]);
        Assert.Equal(Credentials.ApiKey, r.Headers[PolyHeaderNames.ApiKey]);
        Assert.Equal(Credentials.Passphrase, r.Headers[PolyHeaderNames.Passphrase]);
        Assert.Equal(_signer.Sign(1780000000, "POST", "/order", Encoding.UTF8.GetString(body)), r.Headers[PolyHeaderNames.Signature]);
    }

    [Fact]
    public async Task BatchOfSixteen_IsRejectedBeforeSending_AndFifteenAreJoinedIntoOneArray()
    {
        var bodies = new List<ReadOnlyMemory<byte>>();
        for (int i = 0; i < 16; i++) bodies.Add(Encoding.UTF8.GetBytes("{\"n\":" + i + "}"));
        ApiResult<OrderResponse[]> rejected = await _client.PostOrdersAsync(bodies);
        Assert.Equal(ApiErrorKind.RejectedLocally, rejected.Error!.Kind);
        Assert.Contains("16", rejected.Error.Message);
        Assert.Empty(_venue.Requests);

        bodies.RemoveAt(15);
        _venue.Enqueue(200, "[" + string.Join(",", Enumerable.Range(0, 15).Select(i =>
            i == 3 ? "{\"errorMsg\":\"post-only mode: only post-only orders and cancels are allowed\",\"orderID\":\"\",\"takingAmount\":\"\",\"makingAmount\":\"\",\"status\":\"\",\"success\":true}"
                   : "{\"success\":true,\"errorMsg\":\"\",\"orderID\":\"0x" + i + "\",\"status\":\"live\"}")) + "]");
        ApiResult<OrderResponse[]> ok = await _client.PostOrdersAsync(bodies);
        Assert.Equal(15, ok.Value!.Length);
        Assert.False(ok.Value[3].IsAccepted);
        Assert.True(ok.Value[3].IsPostOnlyModeRejection);
        Assert.True(ok.Value[4].IsAccepted);
        RecordedRequest r = Single();
        Assert.Equal("/orders", r.Path);
        Assert.Equal("[" + string.Join(",", Enumerable.Range(0, 15).Select(i => "{\"n\":" + i + "}")) + "]", r.BodyText);
        Assert.Equal(_signer.Sign(1780000000, "POST", "/orders", r.BodyText), r.Headers[PolyHeaderNames.Signature]);
    }

    [Fact]
    public async Task OpenOrders_FollowTheCursorUntilLTE_AndSignThePathWithoutQuery()
    {
        _venue.Enqueue(200, "{\"data\":[{\"id\":\"0x1\",\"status\":\"LIVE\",\"market\":\"0xdd\",\"asset_id\":\"7132\",\"side\":\"BUY\",\"original_size\":\"100.0000\",\"size_matched\":\"25.0000\",\"price\":\"0.5000\",\"associate_trades\":[\"0xabc001\"],\"outcome\":\"Yes\",\"created_at\":1703875200,\"expiration\":\"0\",\"order_type\":\"GTC\"}],\"next_cursor\":\"MTAw\",\"limit\":1,\"count\":1}");
        _venue.Enqueue(200, "{\"data\":[{\"id\":\"0x2\",\"status\":\"LIVE\",\"created_at\":1703875201,\"expiration\":null}],\"next_cursor\":\"LTE=\",\"limit\":1,\"count\":1}");
        ApiResult<List<OpenOrder>> result = await _client.GetOpenOrdersAsync(market: "0xdd");
        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(new[] { "0x1", "0x2" }, result.Value!.Select(o => o.Id));
        Assert.Equal("25.0000", result.Value![0].SizeMatched);
        var requests = _venue.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.Equal("?market=0xdd&next_cursor=MA%3D%3D", requests[0].Query);
        Assert.Equal("?market=0xdd&next_cursor=MTAw", requests[1].Query);
        Assert.Equal(_signer.Sign(1780000000, "GET", "/data/orders", null), requests[1].Headers[PolyHeaderNames.Signature]);
    }

    [Fact]
    public async Task Trades_WithMakerOrders_ArePaginatedToo()
    {
        _venue.Enqueue(200, "{\"data\":[{\"id\":\"t1\",\"taker_order_id\":\"0xba\",\"status\":\"CONFIRMED\",\"bucket_index\":0,\"trader_side\":\"MAKER\",\"maker_orders\":[{\"order_id\":\"0x3a\",\"matched_amount\":\"5\",\"price\":\"0.513\",\"side\":\"BUY\"}]}],\"next_cursor\":\"LTE=\"}");
        ApiResult<List<ClobTrade>> result = await _client.GetTradesAsync(new TradeQuery(Market: "0xdd", After: 1700000000));
        Assert.Equal("0.513", result.Value!.Single().MakerOrders!.Single().Price);
        Assert.Equal("?market=0xdd&after=1700000000&next_cursor=MA%3D%3D", Single().Query);
    }

    [Fact]
    public async Task PaginationThatRepeatsACursor_IsAnErrorNotALoop()
    {
        _venue.Enqueue(200, "{\"data\":[],\"next_cursor\":\"MA==\"}");
        ApiResult<List<OpenOrder>> result = await _client.GetOpenOrdersAsync();
        Assert.Equal(ApiErrorKind.InvalidResponse, result.Error!.Kind);
    }

    [Fact]
    public async Task Cancels_SendTheReferenceBodies()
    {
        string reply = "{\"canceled\":[\"0x1111\"],\"not_canceled\":{\"0x3333\":\"already canceled or matched\"}}";
        for (int i = 0; i < 4; i++) _venue.Enqueue(200, reply);
        ApiResult<CancelResponse> one = await _client.CancelOrderAsync("0x1111");
        Assert.Equal("already canceled or matched", one.Value!.NotCanceled!["0x3333"]);
        await _client.CancelOrdersAsync(new[] { "0x1111", "0x3333" });
        await _client.CancelAllAsync();
        await _client.CancelMarketOrdersAsync("0xdd", null);
        var r = _venue.Requests.ToArray();
        Assert.Equal(("DELETE", "/order", "{\"orderID\":\"0x1111\"}"), (r[0].Method, r[0].Path, r[0].BodyText));
        Assert.Equal(("DELETE", "/orders", "[\"0x1111\",\"0x3333\"]"), (r[1].Method, r[1].Path, r[1].BodyText));
        Assert.Equal(("DELETE", "/cancel-all", ""), (r[2].Method, r[2].Path, r[2].BodyText));
        Assert.Equal(("DELETE", "/cancel-market-orders", "{\"market\":\"0xdd\"}"), (r[3].Method, r[3].Path, r[3].BodyText));
        Assert.All(r, x => Assert.True(x.Headers.ContainsKey(PolyHeaderNames.Signature)));
        Assert.Equal(ApiErrorKind.RejectedLocally, (await _client.CancelMarketOrdersAsync(null, "")).Error!.Kind);
        Assert.Equal(ApiErrorKind.RejectedLocally, (await _client.CancelOrdersAsync(new string[1001].Select((_, i) => "0x" + i).ToArray())).Error!.Kind);
    }

    [Fact]
    public async Task Heartbeat_ChainsIds_AndSurfacesTheExpectedIdOnMismatch()
    {
        _venue.Enqueue(200, "{\"heartbeat_id\":\"hb-1\"}");
        _venue.Enqueue(400, "{\"error_msg\":\"Invalid Heartbeat ID\",\"heartbeat_id\":\"hb-7\"}");
        ApiResult<HeartbeatMessage> first = await _client.PostHeartbeatAsync(null);
        Assert.Equal("hb-1", first.Value!.HeartbeatId);
        ApiResult<HeartbeatMessage> stale = await _client.PostHeartbeatAsync("hb-0");
        Assert.Equal(ApiErrorKind.InvalidHeartbeatId, stale.Error!.Kind);
        Assert.Equal("hb-7", stale.Error.ExpectedHeartbeatId);
        Assert.Equal("Invalid Heartbeat ID", stale.Error.Message);
        var r = _venue.Requests.ToArray();
        Assert.Equal("/v1/heartbeats", r[0].Path);
        Assert.Equal("{\"heartbeat_id\":\"\"}", r[0].BodyText);
        Assert.Equal("{\"heartbeat_id\":\"hb-0\"}", r[1].BodyText);
    }

    [Theory]
    [InlineData(400, "{\"error\":\"order_version_mismatch\"}", ApiErrorKind.OrderVersionMismatch, "order_version_mismatch")]
    [InlineData(400, "{\"error\":\"invalid post-only order: order crosses book\"}", ApiErrorKind.BadRequest, "invalid post-only order: order crosses book")]
    [InlineData(401, "{\"error\":\"Unauthorized/Invalid api key\"}", ApiErrorKind.Unauthorized, "Unauthorized/Invalid api key")]
    [InlineData(404, "{\"error\":\"No orderbook exists for the requested token id\"}", ApiErrorKind.NotFound, "No orderbook exists for the requested token id")]
    [InlineData(425, "service not ready", ApiErrorKind.EngineRestarting, "service not ready")]
    [InlineData(503, "{\"error\":\"Trading is currently cancel-only. New orders are not accepted, but cancels are allowed.\"}", ApiErrorKind.CancelOnlyMode, "Trading is currently cancel-only. New orders are not accepted, but cancels are allowed.")]
    [InlineData(503, "{\"error\":\"Trading is currently disabled. Check polymarket.com for updates\"}", ApiErrorKind.TradingDisabled, "Trading is currently disabled. Check polymarket.com for updates")]
    [InlineData(500, "{\"error\":\"order timed out\"}", ApiErrorKind.ServerError, "order timed out")]
    public async Task ErrorReplies_MapToDistinctKinds_KeepingTheVenueText(int status, string body, ApiErrorKind kind, string message)
    {
        _venue.Enqueue(status, body);
        ApiResult<OrderResponse> result = await _client.PostOrderAsync("{}"u8.ToArray());
        Assert.False(result.IsSuccess);
        Assert.Equal(kind, result.Error!.Kind);
        Assert.Equal(message, result.Error.Message);
        Assert.Equal((HttpStatusCode)status, result.Error.Status);
        Assert.False(result.IsUnknownOutcome);
    }

    [Fact]
    public async Task PostOnlyMode_503_CarriesCodeAndRetryAfter()
    {
        _venue.Enqueue(503, "{\"error\":\"post-only mode: only post-only orders and cancels are allowed\",\"code\":\"post_only_mode\",\"retry_after_seconds\":79}", new() { ["Retry-After"] = "79" });
        ApiResult<OrderResponse> result = await _client.PostOrderAsync("{}"u8.ToArray());
        Assert.Equal(ApiErrorKind.PostOnlyMode, result.Error!.Kind);
        Assert.Equal("post_only_mode", result.Error.Code);
        Assert.Equal(TimeSpan.FromSeconds(79), result.Error.RetryAfter);

        _venue.Enqueue(503, "{\"error\":\"post-only mode: only post-only orders and cancels are allowed\",\"code\":\"post_only_mode\",\"retry_after_seconds\":12}");
        ApiResult<OrderResponse> bodyOnly = await _client.PostOrderAsync("{}"u8.ToArray());
        Assert.Equal(TimeSpan.FromSeconds(12), bodyOnly.Error!.RetryAfter);
    }

    [Fact]
    public async Task RateLimited_429_ParsesRetryAfterInSecondsOrAsAnHttpDate_AndTheRateLimitHeaders()
    {
        _venue.Enqueue(429, "{\"error\":\"Too Many Requests\"}", new() { ["Retry-After"] = "3", ["Poly-RateLimit-Remaining"] = "0", ["Poly-RateLimit-Reset"] = "1780000003", ["Poly-RateLimit-Tier"] = "standard" });
        ApiResult<OrderResponse> seconds = await _client.PostOrderAsync("{}"u8.ToArray());
        Assert.Equal(ApiErrorKind.RateLimited, seconds.Error!.Kind);
        Assert.Equal("Too Many Requests", seconds.Error.Message);
        Assert.Equal(TimeSpan.FromSeconds(3), seconds.Error.RetryAfter);
        Assert.Equal(new RateLimitInfo(0, 1780000003, "standard", false), seconds.RateLimit);

        string date = _time.GetUtcNow().AddSeconds(20).ToString("R");
        _venue.Enqueue(429, "Too Many Requests", new() { ["Retry-After"] = date });
        ApiResult<OrderResponse> dated = await _client.PostOrderAsync("{}"u8.ToArray());
        Assert.Equal(TimeSpan.FromSeconds(20), dated.Error!.RetryAfter);
        Assert.Equal("Too Many Requests", dated.Error.Message);
    }

    [Fact]
    public async Task OrderPostTimeout_IsAnUnknownOutcome_WhileAReadTimeoutIsATimeout()
    {
        ClobClient client = new(_handler, new ClobClientOptions { BaseUri = _venue.BaseUri, Http = new PolyHttpOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) } }, _signer, TimeProvider.System);
        _venue.Enqueue(200, "{\"success\":true}", delay: TimeSpan.FromSeconds(5));
        ApiResult<OrderResponse> post = await client.PostOrderAsync("{}"u8.ToArray());
        Assert.True(post.IsUnknownOutcome);
        _venue.Enqueue(200, "{\"version\":2}", delay: TimeSpan.FromSeconds(5));
        ApiResult<int> read = await client.GetVersionAsync();
        Assert.Equal(ApiErrorKind.Timeout, read.Error!.Kind);
    }

    [Fact]
    public async Task ConnectionRefused_IsANetworkError_NotAnUnknownOutcome()
    {
        ClobClient client = new(_handler, new ClobClientOptions { BaseUri = new Uri("http://127.0.0.1:1") }, _signer, _time);
        ApiResult<OrderResponse> post = await client.PostOrderAsync("{}"u8.ToArray());
        Assert.Equal(ApiErrorKind.NetworkError, post.Error!.Kind);
    }

    [Fact]
    public async Task MalformedSuccessBody_IsAnInvalidResponse()
    {
        _venue.Enqueue(200, "{\"version\":");
        Assert.Equal(ApiErrorKind.InvalidResponse, (await _client.GetVersionAsync()).Error!.Kind);
    }

    [Fact]
    public async Task PrivateEndpoint_WithoutSigner_IsRejectedLocally()
    {
        var client = new ClobClient(_handler, new ClobClientOptions { BaseUri = _venue.BaseUri });
        Assert.Equal(ApiErrorKind.RejectedLocally, (await client.CancelAllAsync()).Error!.Kind);
        Assert.Empty(_venue.Requests);
    }

    [Fact]
    public async Task MarketMetadata_Endpoints_ParseTheReferenceShapes()
    {
        _venue.Enqueue(200, "{\"c\":\"0xdd22\",\"t\":[{\"t\":\"111\",\"o\":\"Yes\"},{\"t\":\"222\",\"o\":\"No\"}],\"mts\":0.01,\"fd\":{\"r\":0.07,\"e\":1,\"to\":true},\"mbf\":0,\"tbf\":1000,\"r\":{\"mi\":50,\"ma\":4.5,\"e\":true,\"smoa\":false,\"moas\":10},\"ao\":true,\"mos\":5,\"sd\":0,\"cbos\":false,\"itode\":true}");
        _venue.Enqueue(200, "{\"minimum_tick_size\":0.001}");
        _venue.Enqueue(200, "{\"neg_risk\":true}");
        _venue.Enqueue(200, "{\"base_fee\":\"150\"}");
        _venue.Enqueue(200, "{\"market\":\"0xdd\",\"asset_id\":\"111\",\"timestamp\":\"1728799418260\",\"hash\":\"655a\",\"bids\":[{\"price\":\"0.001\",\"size\":\"10\"},{\"price\":\".51\",\"size\":\"12848.17\"}],\"asks\":[{\"price\":\"0.52\",\"size\":\"3\"}],\"min_order_size\":\"5\",\"tick_size\":\"0.01\",\"neg_risk\":false,\"last_trade_price\":\"0.51\"}");
        _venue.Enqueue(200, "[{\"market\":\"0xdd\",\"asset_id\":\"111\",\"bids\":[],\"asks\":[]}]");
        _venue.Enqueue(200, "{\"balance\":\"1000000000\",\"allowances\":{\"0xE111180000d2663C0091e4f400237545B87B996B\":\"999\"}}");
        _venue.Enqueue(200, "{\"scoring\":true}");
        _venue.Enqueue(200, "{\"0x1\":true,\"0x2\":false}");

        MarketDetails details = (await _client.GetMarketDetailsAsync("0xdd22")).GetValueOrThrow();
        Assert.Equal(0.01m, details.MinTickSize);
        Assert.False(details.IsNegRisk);
        Assert.Equal(0.07m, details.Fees!.Rate);
        Assert.Equal(4.5m, details.Rewards!.MaxSpread);
        Assert.Equal(10m, details.Rewards.MinOrderAgeSeconds);
        Assert.Equal("222", details.Tokens![1].TokenId);
        Assert.True(details.TakerOrderDelayEnabled);
        Assert.Equal(0.001m, (await _client.GetTickSizeAsync("111")).Value!.MinimumTickSize);
        Assert.True((await _client.GetNegRiskAsync("111")).Value!.NegRisk);
        Assert.Equal(150m, (await _client.GetFeeRateAsync("111")).Value!.BaseFee);
        OrderBookSummary book = (await _client.GetBookAsync("111")).GetValueOrThrow();
        Assert.Equal(".51", book.Bids![^1].Price);
        Assert.Single((await _client.GetBooksAsync(new[] { "111" })).Value!);
        BalanceAllowance balance = (await _client.GetBalanceAllowanceAsync(AssetType.Collateral, null, 0)).GetValueOrThrow();
        Assert.Equal("1000000000", balance.Balance);
        Assert.True((await _client.GetOrderScoringAsync("0x1")).Value!.Scoring);
        Assert.False((await _client.GetOrdersScoringAsync(new[] { "0x1", "0x2" })).Value!["0x2"]);

        var r = _venue.Requests.ToArray();
        Assert.Equal("/clob-markets/0xdd22", r[0].Path);
        Assert.Equal("/tick-size?token_id=111", r[1].Path + r[1].Query);
        Assert.Equal("/neg-risk?token_id=111", r[2].Path + r[2].Query);
        Assert.Equal("/fee-rate?token_id=111", r[3].Path + r[3].Query);
        Assert.Equal("/book?token_id=111", r[4].Path + r[4].Query);
        Assert.Equal(("/books", "[{\"token_id\":\"111\"}]"), (r[5].Path, r[5].BodyText));
        Assert.Equal("/balance-allowance?asset_type=COLLATERAL&signature_type=0", r[6].Path + r[6].Query);
        Assert.Equal(_signer.Sign(1780000000, "GET", "/balance-allowance", null), r[6].Headers[PolyHeaderNames.Signature]);
        Assert.Equal("/order-scoring?order_id=0x1", r[7].Path + r[7].Query);
        Assert.Equal(("/orders-scoring", "[\"0x1\",\"0x2\"]"), (r[8].Path, r[8].BodyText));
    }

    [Fact]
    public async Task ApiKeyCreateAndDerive_ForwardTheL1Headers()
    {
        _venue.Enqueue(200, "{\"apiKey\":\"k\",\"secret\":\"s3cr3t\",\"passphrase\":\"p\"}");
        _venue.Enqueue(401, "{\"error\":\"Invalid L1 Request headers\"}");
        var l1 = new L1AuthHeaders(Address, "0xf62319", 10000000, 23);
        ApiResult<ApiKeyResponse> created = await _client.CreateApiKeyAsync(l1);
        Assert.Equal("k", created.Value!.ApiKey);
        Assert.DoesNotContain("s3cr3t", created.Value.ToString());
        ApiResult<ApiKeyResponse> derived = await _client.DeriveApiKeyAsync(l1);
        Assert.Equal(ApiErrorKind.Unauthorized, derived.Error!.Kind);
        var r = _venue.Requests.ToArray();
        Assert.Equal(("POST", "/auth/api-key"), (r[0].Method, r[0].Path));
        Assert.Equal(("GET", "/auth/derive-api-key"), (r[1].Method, r[1].Path));
        Assert.Equal("0xf62319", r[0].Headers[PolyHeaderNames.Signature]);
        Assert.Equal("10000000", r[0].Headers[PolyHeaderNames.Timestamp]);
        Assert.Equal("23", r[0].Headers[PolyHeaderNames.Nonce]);
        Assert.False(r[0].Headers.ContainsKey(PolyHeaderNames.ApiKey));
    }
}
