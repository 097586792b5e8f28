using FastMaker.Primitives;
using FastMaker.Venue.RateLimits;
using FastMaker.Venue.Tests.WebSockets;

namespace FastMaker.Venue.Tests.Api;

public class ChannelFlowTests
{
    [Fact]
    public async Task Cross_SendsBookSnapshot_PriceChange_LastTrade_AndUserOrderAndTradeEvents()
    {
        var market = TestTrader.Market(1);
        await using var venue = await Venue.StartAsync(new VenueOptions { RateLimits = RateLimitSettings.Disabled }, s => s.Engine.AddMarket(market));
        var maker = new TestTrader(venue, 1);
        var taker = new TestTrader(venue, 2);
        await maker.CreateKeyAsync();
        await taker.CreateKeyAsync();
        venue.WithEngine(e => { e.Ledger.DepositTokens(taker.Address, market.YesToken, Quantity.FromRaw(100_000_000)); return 0; });

        await using var marketWs = await TestWsClient.ConnectAsync(venue, "market");
        await marketWs.SendAsync("{\"assets_ids\":[\"" + market.YesToken + "\"],\"type\":\"market\",\"custom_feature_enabled\":true}");
        string? snapshot = await marketWs.NextAsync();
        Assert.Contains("\"event_type\":\"book\"", snapshot);
        Assert.Contains("\"hash\":\"", snapshot);

        await using var userWs = await TestWsClient.ConnectAsync(venue, "user");
        var c = maker.Creds!;
        await userWs.SendAndSyncAsync($$"""{"auth":{"apiKey":"{{c.ApiKey}}","secret":"{{c.Secret}}","passphrase":"{{c.Passphrase}}"},"type":"user","markets":[]}""");

        var (s1, b1, _) = await maker.L2Async(HttpMethod.Post, "/order", maker.OrderBody(market, market.YesToken, Side.Buy, 500_000, 10_000_000));
        Assert.True(s1 == 200, b1);
        string placement = (await userWs.NextAsync())!;
        Assert.Contains("\"event_type\":\"order\"", placement);
        Assert.Contains("\"type\":\"PLACEMENT\"", placement);

        var (s2, b2, _) = await taker.L2Async(HttpMethod.Post, "/order", taker.OrderBody(market, market.YesToken, Side.Sell, 500_000, 10_000_000));
        Assert.True(s2 == 200, b2);
        Assert.Contains("\"status\":\"matched\"", b2);

        var userMessages = new List<string>();
        for (int i = 0; i < 6 && !userMessages.Exists(m => m.Contains("\"event_type\":\"trade\"")); i++) userMessages.Add((await userWs.NextAsync())!);
        string trade = userMessages.Find(m => m.Contains("\"event_type\":\"trade\""))!;
        Assert.NotNull(trade);
        Assert.Contains("\"status\":\"MATCHED\"", trade);
        Assert.Contains("\"trader_side\":\"MAKER\"", trade);

        var marketMessages = new List<string>();
        for (int i = 0; i < 10 && !marketMessages.Exists(m => m.Contains("last_trade_price")); i++) marketMessages.Add((await marketWs.NextAsync())!);
        string all = string.Join("\n", marketMessages);
        Assert.Contains("\"event_type\":\"price_change\"", all);
        Assert.Contains("\"best_bid\":", all);
        Assert.Contains("\"event_type\":\"last_trade_price\"", all);
    }
}
