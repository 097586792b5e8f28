using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Rest.Gamma;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Tests.Rest;

public sealed class GammaClientTests : IAsyncLifetime
{
    // The real market example in PROTOCOL.md section 7 (nt test_data/gamma_market.json, trimmed).
    private const string Market = """
        {"id":"1557558","question":"Bitcoin Up or Down - March 12, 5:20AM-5:25AM ET","conditionId":"0x78443f961b9a65869dcb39359de9960165c7e5cbad0904eac7f29cd77872a63b",
         "slug":"btc-updown-5m-1773307200","endDate":"2026-03-12T09:25:00Z","liquidity":"20328.3747","outcomes":"[\"Up\", \"Down\"]","outcomePrices":"[\"0.505\", \"0.495\"]",
         "active":true,"closed":false,"archived":false,"restricted":true,"enableOrderBook":true,"orderPriceMinTickSize":0.01,"orderMinSize":5,
         "clobTokenIds":"[\"104239898038807136052399800151408521467737075933964991162589336683346093173875\", \"71183960810705820955071415844881728181970340514894896943812046065452395013351\"]",
         "makerBaseFee":1000,"takerBaseFee":1000,"acceptingOrders":true,"negRisk":false,
         "events":[{"id":"260654","slug":"btc-updown-5m-1773307200","active":true,"closed":false,"negRisk":false,"enableNegRisk":false,"negRiskAugmented":false,"startTime":"2026-03-12T09:20:00Z","seriesSlug":"btc-up-or-down-5m"}],
         "rewardsMinSize":50,"rewardsMaxSpread":4.5,"clearBookOnStart":false,"negRiskOther":false,"umaResolutionStatuses":"[]","eventStartTime":"2026-03-12T09:20:00Z",
         "feesEnabled":true,"makerRebatesFeeShareBps":10000,"feeType":"crypto_fees"}
        """;

    private readonly SocketsHttpHandler _handler = PolyHttpHandlerFactory.Create();
    private StubVenue _venue = null!;
    private GammaClient _client = null!;

    public async Task InitializeAsync()
    {
        _venue = await StubVenue.StartAsync();
        _client = new GammaClient(_handler, _venue.BaseUri);
    }

    public async Task DisposeAsync()
    {
        await _venue.DisposeAsync();
        _handler.Dispose();
    }

    [Fact]
    public async Task ReferenceMarket_ParsesJsonStringsInsideJson_AndMapsToEngineTypes()
    {
        _venue.Enqueue(200, "[" + Market + "]");
        ApiResult<GammaMarket[]> result = await _client.GetMarketsAsync(new GammaQuery { Closed = false, Active = true, ConditionIds = new[] { "0x78", "0x79" }, Limit = 50 });
        GammaMarket m = Assert.Single(result.GetValueOrThrow());
        Assert.Equal(new[] { "Up", "Down" }, m.Outcomes);
        Assert.Equal("71183960810705820955071415844881728181970340514894896943812046065452395013351", m.ClobTokenIds![1]);
        Assert.Empty(m.UmaResolutionStatuses!);
        Assert.Equal("?limit=50&offset=0&active=true&closed=false&condition_ids=0x78&condition_ids=0x79", Assert.Single(_venue.Requests).Query);

        Assert.True(GammaMarketMapper.TryMap(m, out MakerMarketInfo? info, out string? reason), reason);
        Assert.Equal(Hash32.Parse("0x78443f961b9a65869dcb39359de9960165c7e5cbad0904eac7f29cd77872a63b"), info!.ConditionId);
        Assert.Equal(UInt256.Parse("104239898038807136052399800151408521467737075933964991162589336683346093173875"), info.YesTokenId);
        Assert.Equal(TickSize.Hundredth, info.TickSize);
        Assert.Equal(Quantity.Parse("5"), info.MinOrderSize);
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 9, 25, 0, TimeSpan.Zero), info.EndDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 9, 20, 0, TimeSpan.Zero), info.EventStartTime);
        Assert.True(info.AcceptingOrders);
        Assert.False(info.Closed);
        Assert.False(info.NegRisk);
        Assert.Null(info.NegRiskMarketId);
        Assert.Equal(4.5m, info.RewardsMaxSpreadCents);
        Assert.True(info.FeesEnabled);
    }

    [Fact]
    public void MarketMissingTokens_OrWithABadTick_IsRefusedWithAReason()
    {
        var bare = new GammaMarket("1", "q", "0x78443f961b9a65869dcb39359de9960165c7e5cbad0904eac7f29cd77872a63b", "s", null, new[] { "Yes", "No" },
            true, false, false, true, true, 0.01m, 5m, null, null, null, null, null, false, null, null, null, null, null, null, null, null, null, null, null);
        Assert.False(GammaMarketMapper.TryMap(bare, out _, out string? reason));
        Assert.Contains("clobTokenIds", reason);
        var badTick = bare with { ClobTokenIds = new[] { "1", "2" }, OrderPriceMinTickSize = 0.02m };
        Assert.False(GammaMarketMapper.TryMap(badTick, out _, out reason));
        Assert.Contains("orderPriceMinTickSize", reason);
        var missingState = bare with { ClobTokenIds = new[] { "1", "2" }, AcceptingOrders = null, Closed = null };
        Assert.True(GammaMarketMapper.TryMap(missingState, out MakerMarketInfo? info, out _));
        Assert.False(info!.AcceptingOrders);
        Assert.True(info.Closed);
    }

    [Fact]
    public async Task GetAllMarkets_PagesByOffsetUntilAShortPage()
    {
        _venue.Enqueue(200, "[" + Market + "," + Market + "]");
        _venue.Enqueue(200, "[" + Market + "]");
        ApiResult<List<GammaMarket>> all = await _client.GetAllMarketsAsync(new GammaQuery { Limit = 2 });
        Assert.Equal(3, all.GetValueOrThrow().Count);
        var queries = _venue.Requests.Select(r => r.Query).ToArray();
        Assert.Equal(new[] { "?limit=2&offset=0", "?limit=2&offset=2" }, queries);
    }

    [Fact]
    public async Task Events_CarryNegRiskFlags_AndMalformedEncodedArraysAreInvalidResponses()
    {
        _venue.Enqueue(200, "[{\"id\":\"9\",\"negRisk\":true,\"enableNegRisk\":true,\"negRiskAugmented\":true,\"markets\":[]}]");
        GammaEvent e = Assert.Single((await _client.GetEventsAsync(new GammaQuery { Slug = "x" })).GetValueOrThrow());
        Assert.True(e.NegRiskAugmented);
        _venue.Enqueue(200, "[{\"clobTokenIds\":\"not json\"}]");
        Assert.Equal(ApiErrorKind.InvalidResponse, (await _client.GetMarketsAsync(new GammaQuery())).Error!.Kind);
    }
}
