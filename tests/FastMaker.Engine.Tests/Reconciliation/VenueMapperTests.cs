using FastMaker.Engine.Reconciliation;
using FastMaker.Polymarket.Parsing;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Reconciliation;

public sealed class VenueMapperTests
{
    internal const string Ours = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    internal const string OrderA = "0x1111111111111111111111111111111111111111111111111111111111111111";
    internal const string OrderB = "0x2222222222222222222222222222222222222222222222222222222222222222";
    internal const string Market = "0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917";
    internal const string Token = "71321045679252212594626385532706912750332728571942532289631379312455583992563";

    internal static OpenOrder Open(string id, string? price = "0.5000", string side = "BUY") =>
        new(id, "LIVE", "owner", Ours, Market, Token, side, "100.0000", "25.0000", price, null, "Yes", 1703875200, "0", "GTC");

    [Fact]
    public void OpenOrder_MapsEveryField()
    {
        Assert.True(VenueMapper.TryMapOrder(Open(OrderA), out var order, out var error), error);

        Assert.Equal(Hash32.Parse(OrderA), order.Id);
        Assert.Equal(UInt256.Parse(Token), order.TokenId);
        Assert.Equal(Hash32.Parse(Market), order.MarketId);
        Assert.Equal(Side.Buy, order.Side);
        Assert.Equal(500_000, order.Price.Raw);
        Assert.Equal(100_000_000, order.OriginalSize.Raw);
        Assert.Equal(25_000_000, order.SizeMatched.Raw);
    }

    [Theory]
    [InlineData("0x12", "0.5", "BUY", "not a 32-byte hash")]
    [InlineData(OrderA, "half", "BUY", "malformed")]
    [InlineData(OrderA, null, "BUY", "malformed")]
    [InlineData(OrderA, "0.5", "HOLD", "malformed")]
    public void MalformedOpenOrder_GivesAReasonNotACrash(string id, string? price, string side, string reason)
    {
        Assert.False(VenueMapper.TryMapOrder(Open(id, price, side), out _, out var error));
        Assert.Contains(reason, error);
    }

    [Fact]
    public void Trade_OurTakerAndMakerLegs_AreMapped_OthersIgnored()
    {
        var trade = new ClobTrade(
            "28c4d2eb-bbea-40e7-a9f0-b2fdb56b2c2e", OrderA, Market, Token, "BUY", "10", "0", "0.52", "MINED", "1703875200", null, "Yes", 0,
            "owner", Ours,
            [
                new MakerOrder(OrderB, "owner", Ours, "4", "0.52", "0", Token, "Yes", null),
                new MakerOrder("0x" + new string('3', 64), "someone", "0x000000000000000000000000000000000000dEaD", "6", "0.52", "0", Token, "Yes", "SELL"),
            ],
            null, "TAKER");
        var legs = new List<VenueTradeLeg>();
        var errors = new List<string>();

        VenueMapper.MapTradeLegs(trade, Ours, null, legs, errors);

        Assert.Empty(errors);
        Assert.Equal(2, legs.Count);
        var taker = Assert.Single(legs, l => !l.IsMaker);
        Assert.Equal(Hash32.Parse(OrderA), taker.OrderId);
        Assert.Equal(Side.Buy, taker.Side);
        Assert.Equal(10_000_000, taker.Size.Raw);
        Assert.Equal(TradeStatusCode.Mined, taker.Status);
        Assert.Equal(1_703_875_200_000, taker.MatchMs);
        Assert.Equal(Guid.Parse("28c4d2eb-bbea-40e7-a9f0-b2fdb56b2c2e"), taker.TradeId);
        var maker = Assert.Single(legs, l => l.IsMaker);
        Assert.Equal(Hash32.Parse(OrderB), maker.OrderId);
        Assert.Equal(Side.Sell, maker.Side); // no side on the leg: the opposite of the taker's on the same token
        Assert.Equal(4_000_000, maker.Size.Raw);
    }

    [Fact]
    public void Trade_UnknownStatus_IsReportedAndSkipped()
    {
        var trade = new ClobTrade("t1", OrderA, Market, Token, "BUY", "10", "0", "0.52", "EXPLODED", null, null, null, null, null, Ours, null, null, "TAKER");
        var legs = new List<VenueTradeLeg>();
        var errors = new List<string>();

        VenueMapper.MapTradeLegs(trade, Ours, null, legs, errors);

        Assert.Empty(legs);
        Assert.Contains("EXPLODED", Assert.Single(errors));
    }

    [Fact]
    public void TradeId_NotAGuid_MapsToAStableGuid()
    {
        Assert.Equal(VenueMapper.TradeIdOf("0xabc001"), VenueMapper.TradeIdOf("0xabc001"));
        Assert.NotEqual(VenueMapper.TradeIdOf("0xabc001"), VenueMapper.TradeIdOf("0xabc002"));
    }

    [Theory]
    [InlineData("TRADE_STATUS_CONFIRMED", TradeStatusCode.Confirmed)]
    [InlineData("RETRYING", TradeStatusCode.Retrying)]
    [InlineData("failed", TradeStatusCode.Failed)]
    public void TradeStatus_WithOrWithoutPrefix_Parses(string text, TradeStatusCode expected)
    {
        Assert.True(VenueMapper.TryParseStatus(text, out var status));
        Assert.Equal(expected, status);
    }
}
