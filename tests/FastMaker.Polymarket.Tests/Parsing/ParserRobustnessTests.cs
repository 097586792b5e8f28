using System.Buffers;
using System.Text;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using static FastMaker.Polymarket.Tests.Parsing.ParsingTestSupport;

namespace FastMaker.Polymarket.Tests.Parsing;

public class ParserRobustnessTests
{
    private static List<string> Market(ReadOnlySequence<byte> frame)
    {
        var sink = RecordingMarketSink.Create();
        new MarketChannelParser().Parse(frame, ref sink);
        return sink.Calls;
    }

    private static List<string> User(ReadOnlySequence<byte> frame)
    {
        var sink = RecordingUserSink.Create();
        new UserChannelParser().Parse(frame, ref sink);
        return sink.Calls;
    }

    private static List<string> Market(string json) => Market(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)));

    private static List<string> User(string json) => User(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)));

    public static TheoryData<string> MarketFixtures() => new(MarketFixtureNames());

    public static TheoryData<string> UserFixtures() => new(UserFixtureNames());

    [Theory]
    [MemberData(nameof(MarketFixtures))]
    public void MarketFixture_SplitAtEveryBytePosition_GivesIdenticalCalls(string fixture)
    {
        byte[] data = Fixture(fixture);
        List<string> expected = Market(new ReadOnlySequence<byte>(data));
        Assert.NotEmpty(expected);
        for (int cut = 1; cut < data.Length; cut++)
        {
            Assert.Equal(expected, Market(Split(data, cut)));
        }

        Assert.Equal(expected, Market(SplitEveryByte(data)));
    }

    [Theory]
    [MemberData(nameof(UserFixtures))]
    public void UserFixture_SplitAtEveryBytePosition_GivesIdenticalCalls(string fixture)
    {
        byte[] data = Fixture(fixture);
        List<string> expected = User(new ReadOnlySequence<byte>(data));
        Assert.NotEmpty(expected);
        for (int cut = 1; cut < data.Length; cut++)
        {
            Assert.Equal(expected, User(Split(data, cut)));
        }

        Assert.Equal(expected, User(SplitEveryByte(data)));
    }

    [Fact]
    public void SteadyState_ParsesEveryHotFixture_WithZeroAllocation()
    {
        var market = new MarketChannelParser();
        var user = new UserChannelParser();
        ReadOnlySequence<byte>[] marketFrames = MarketFixtureNames()
            .Where(n => n is not "market_new_market.json" and not "market_resolved.json")
            .SelectMany(n => new[] { new ReadOnlySequence<byte>(Fixture(n)), Split(Fixture(n), Fixture(n).Length / 3, Fixture(n).Length / 2) })
            .ToArray();
        ReadOnlySequence<byte>[] userFrames = UserFixtureNames()
            .SelectMany(n => new[] { new ReadOnlySequence<byte>(Fixture(n)), Split(Fixture(n), Fixture(n).Length / 3, Fixture(n).Length / 2) })
            .ToArray();
        var ms = default(CountingMarketSink);
        var us = default(CountingUserSink);

        for (int warm = 0; warm < 50; warm++)
        {
            Run(market, user, marketFrames, userFrames, ref ms, ref us);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++)
        {
            Run(market, user, marketFrames, userFrames, ref ms, ref us);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(ms.Events > 0 && us.Events > 0);

        static void Run(MarketChannelParser market, UserChannelParser user, ReadOnlySequence<byte>[] mf, ReadOnlySequence<byte>[] uf, ref CountingMarketSink ms, ref CountingUserSink us)
        {
            foreach (ReadOnlySequence<byte> f in mf)
            {
                market.Parse(f, ref ms);
            }

            foreach (ReadOnlySequence<byte> f in uf)
            {
                user.Parse(f, ref us);
            }
        }
    }

    [Theory]
    [InlineData("", "EmptyFrame")]
    [InlineData("   ", "EmptyFrame")]
    [InlineData("{\"event_type\":\"book\"", "MalformedJson")]
    [InlineData("{\"event_type\":\"book\"}}", "MalformedJson")]
    [InlineData("{} {}", "MalformedJson")]
    [InlineData("42", "ExpectedObject")]
    [InlineData("[1]", "ExpectedObject")]
    [InlineData("{\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\"}", "MissingEventType")]
    [InlineData("{\"event_type\":\"book\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"1\",\"timestamp\":\"1\",\"bids\":[]}", "MissingField")]
    [InlineData("{\"event_type\":\"book\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"1\",\"timestamp\":\"1\",\"bids\":[{\"price\":\"1.5\",\"size\":\"1\"}],\"asks\":[]}", "InvalidPrice")]
    [InlineData("{\"event_type\":\"book\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"1\",\"timestamp\":\"1\",\"bids\":[{\"price\":\"0.5\",\"size\":\"-1\"}],\"asks\":[]}", "InvalidQuantity")]
    [InlineData("{\"event_type\":\"book\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"1\",\"timestamp\":\"1\",\"bids\":[{\"price\":\"0.5\"}],\"asks\":[]}", "MissingField")]
    [InlineData("{\"event_type\":\"book\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"x1\",\"timestamp\":\"1\",\"bids\":[],\"asks\":[]}", "InvalidTokenId")]
    [InlineData("{\"event_type\":\"book\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"1\",\"timestamp\":\"12a\",\"bids\":[],\"asks\":[]}", "InvalidTimestamp")]
    [InlineData("{\"event_type\":\"book\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"1\",\"timestamp\":\"1\",\"bids\":{},\"asks\":[]}", "UnexpectedToken")]
    [InlineData("{\"event_type\":\"tick_size_change\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"1\",\"timestamp\":\"1\",\"new_tick_size\":\"0.02\"}", "InvalidTickSize")]
    [InlineData("{\"event_type\":\"price_change\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"timestamp\":\"1\",\"price_changes\":[{\"asset_id\":\"1\",\"price\":\"0.5\",\"side\":\"HOLD\"}]}", "InvalidSide")]
    [InlineData("{\"a\":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]}", "MalformedJson")]
    public void BadMarketFrame_EndsWithAnErrorWithReason_AndDeliversNoEvent(string json, string reason)
    {
        // Trailing garbage after a complete object is only seen after that object was handled,
        // so "{} {}" yields the object's own error and then MalformedJson; never an event.
        List<string> calls = Market(json);
        Assert.NotEmpty(calls);
        Assert.All(calls, c => Assert.StartsWith("error ", c));
        Assert.StartsWith("error " + reason + " at byte ", calls[^1]);
        Assert.True(calls.Count <= 2);
    }

    [Fact]
    public void ErrorInOneArrayElement_DoesNotLoseTheOthers()
    {
        string good = "{\"event_type\":\"best_bid_ask\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"7\",\"best_bid\":\".4\",\"best_ask\":\".6\",\"timestamp\":1700000000}";
        string bad = "{\"event_type\":\"book\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"1\",\"timestamp\":\"1\",\"bids\":[{\"price\":\"0.5\",\"size\":\"x\"},{\"price\":\"0.4\",\"size\":\"1\"}],\"asks\":[],\"hash\":{\"nested\":[1,2]}}";
        List<string> calls = Market("[" + good + "," + bad + "," + good + "]");

        Assert.Equal(3, calls.Count);
        Assert.StartsWith("bba ", calls[0]);
        Assert.StartsWith("error InvalidQuantity", calls[1]);
        Assert.Equal(calls[0], calls[2]);
        Assert.Contains(" 1700000000000 0.4 0.6 ", calls[0]);
    }

    [Fact]
    public void NumbersSentAsJsonNumbers_AndPricesWithoutLeadingZero_AreAccepted()
    {
        var sink = RecordingMarketSink.Create();
        byte[] json = Encoding.UTF8.GetBytes("{\"event_type\":\"last_trade_price\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"9\",\"price\":.5,\"size\":12.25,\"side\":\"BUY\",\"fee_rate_bps\":17,\"timestamp\":1724564136087}");
        new MarketChannelParser().Parse(new ReadOnlySequence<byte>(json), ref sink);
        // ".5" is not valid JSON as a number; the venue sends strings, so the string form is the one to accept.
        Assert.Equal(FrameErrorReason.MalformedJson, Assert.Single(sink.Errors).Reason);

        sink = RecordingMarketSink.Create();
        json = Encoding.UTF8.GetBytes("{\"event_type\":\"last_trade_price\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"9\",\"price\":\".5\",\"size\":12.25,\"side\":\"BUY\",\"fee_rate_bps\":17,\"timestamp\":1724564136087}");
        new MarketChannelParser().Parse(new ReadOnlySequence<byte>(json), ref sink);
        var t = Assert.IsType<LastTradePrice>(Assert.Single(sink.Others));
        Assert.Equal(P("0.5"), t.Price);
        Assert.Equal(Q("12.25"), t.Size);
        Assert.Equal(17, t.FeeRateBps);
        Assert.Equal(1724564136087, t.TimestampMs);
    }

    [Fact]
    public void EmptyOptionalDecimals_AreAbsentNotZeroErrors()
    {
        var sink = RecordingMarketSink.Create();
        byte[] json = Encoding.UTF8.GetBytes("{\"event_type\":\"price_change\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"timestamp\":\"1\",\"price_changes\":[{\"asset_id\":\"1\",\"price\":\"0.5\",\"side\":\"SELL\",\"size\":\"\",\"hash\":\"\",\"best_bid\":\"\",\"best_ask\":\"\"}]}");
        new MarketChannelParser().Parse(new ReadOnlySequence<byte>(json), ref sink);
        PriceChange c = Assert.Single(sink.Changes);
        Assert.False(c.HasSize);
        Assert.False(c.Hash.IsPresent);
        Assert.False(c.HasBestBid);
        Assert.False(c.HasBestAsk);
        Assert.False(c.HasTopOfBook);
        Assert.Equal(1000, c.TimestampMs);
    }

    [Fact]
    public void UnknownEventType_IsCountedAndSkipped_EvenWithNestedData()
    {
        var parser = new MarketChannelParser();
        var sink = RecordingMarketSink.Create();
        parser.Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes("[{\"event_type\":\"x\",\"bids\":[{\"a\":[1]}]},{\"event_type\":\"y\"}]")), ref sink);
        Assert.Equal(["unknown 1", "unknown 39"], sink.Calls);
        Assert.Equal(2, parser.UnknownEventCount);
    }

    private const string OrderTemplate = "{\"event_type\":\"order\",\"type\":\"UPDATE\",\"id\":\"0x0f76f4dc6eaf3332f4100f2e8a0b4a927351dd64646b7bb12f37df775c657a78\",\"market\":\"0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917\",\"asset_id\":\"5\",\"side\":\"BUY\",\"price\":\"0.5\",\"original_size\":\"5\",\"timestamp\":\"1725842520990\",\"status\":\"STATUS\"}";

    [Theory]
    [InlineData("LIVE", OrderStatusCode.Live)]
    [InlineData("MATCHED", OrderStatusCode.Matched)]
    [InlineData("DELAYED", OrderStatusCode.Delayed)]
    [InlineData("UNMATCHED", OrderStatusCode.Unmatched)]
    [InlineData("CANCELED", OrderStatusCode.Canceled)]
    [InlineData("CANCELED_MARKET_RESOLVED", OrderStatusCode.CanceledMarketResolved)]
    [InlineData("CANCELED_order couldn't be fully filled. FOK orders are fully filled or killed.", OrderStatusCode.CanceledWithReason)]
    [InlineData("INVALID", OrderStatusCode.Invalid)]
    public void OrderStatus_EveryReferenceValueMaps(string wire, OrderStatusCode expected)
    {
        var sink = RecordingUserSink.Create();
        new UserChannelParser().Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(OrderTemplate.Replace("STATUS", wire))), ref sink);
        Assert.Equal(expected, Assert.Single(sink.Orders).Status);
    }

    [Theory]
    [InlineData("MINED")]
    [InlineData("CANCELED_")]
    [InlineData("live")]
    public void OrderStatus_UnknownValue_IsInvalidStatusError(string wire)
    {
        List<string> calls = User(OrderTemplate.Replace("STATUS", wire));
        Assert.StartsWith("error InvalidStatus", Assert.Single(calls));
    }

    private const string TradeTemplate = "{\"event_type\":\"trade\",\"type\":\"TRADE\",\"id\":\"83b5c849-620e-4c23-b63b-2e779c04a6e7\",\"taker_order_id\":\"0x3ad09f225ebe141dfbdb3824f31cb457e8e0301ca4e0a06311e543f5328b9dea\",\"market\":\"0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917\",\"asset_id\":\"5\",\"side\":\"SELL\",\"price\":\".5\",\"size\":\"5\",\"timestamp\":\"1762776436\",\"status\":\"STATUS\"}";

    [Theory]
    [InlineData("MATCHED", TradeStatusCode.Matched)]
    [InlineData("MATCHED_NOT_BROADCASTED", TradeStatusCode.MatchedNotBroadcasted)]
    [InlineData("MINED", TradeStatusCode.Mined)]
    [InlineData("CONFIRMED", TradeStatusCode.Confirmed)]
    [InlineData("RETRYING", TradeStatusCode.Retrying)]
    [InlineData("FAILED", TradeStatusCode.Failed)]
    [InlineData("TRADE_STATUS_MATCHED", TradeStatusCode.Matched)]
    [InlineData("TRADE_STATUS_MATCHED_NOT_BROADCASTED", TradeStatusCode.MatchedNotBroadcasted)]
    [InlineData("TRADE_STATUS_MINED", TradeStatusCode.Mined)]
    [InlineData("TRADE_STATUS_CONFIRMED", TradeStatusCode.Confirmed)]
    [InlineData("TRADE_STATUS_RETRYING", TradeStatusCode.Retrying)]
    [InlineData("TRADE_STATUS_FAILED", TradeStatusCode.Failed)]
    public void TradeStatus_EveryValueWithOrWithoutPrefixMaps(string wire, TradeStatusCode expected)
    {
        var sink = RecordingUserSink.Create();
        new UserChannelParser().Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(TradeTemplate.Replace("STATUS", wire))), ref sink);
        TradeEvent t = Assert.Single(sink.Trades);
        Assert.Equal(expected, t.Status);
        Assert.Equal(P("0.5"), t.Price);
        Assert.Equal(1762776436000, t.TimestampMs);
    }

    [Fact]
    public void TradeIdNotUuid_IsInvalidUuidAtTheIdOffset()
    {
        string json = TradeTemplate.Replace("STATUS", "MINED").Replace("83b5c849-620e-4c23-b63b-2e779c04a6e7", "trade-0xfull");
        List<string> calls = User(json);
        Assert.Equal("error InvalidUuid at byte " + json.IndexOf("\"trade-0xfull\"", StringComparison.Ordinal), Assert.Single(calls));
    }

    [Fact]
    public void OwnerNotUuid_IsInvalidUuid()
    {
        string json = TradeTemplate.Replace("STATUS", "MINED").Replace("\"status\"", "\"owner\":\"not-a-key\",\"status\"");
        Assert.StartsWith("error InvalidUuid", Assert.Single(User(json)));
    }

    [Fact]
    public void UserEventWithoutEventTypeOrType_IsMissingEventType()
    {
        Assert.StartsWith("error MissingEventType at byte 0", Assert.Single(User("{\"id\":\"x\"}")));
    }
}
