using System.Buffers;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using static FastMaker.Polymarket.Tests.Parsing.ParsingTestSupport;

namespace FastMaker.Polymarket.Tests.Parsing;

public class UserChannelParserFixtureTests
{
    private static readonly Guid OwnerOne = Guid.Parse("00000000-0000-0000-0000-000000000001");

    private static RecordingUserSink Parse(string fixture)
    {
        var parser = new UserChannelParser();
        var sink = RecordingUserSink.Create();
        parser.Parse(new ReadOnlySequence<byte>(Fixture(fixture)), ref sink);
        return sink;
    }

    [Fact]
    public void OrderPlacement_ReadsEveryField_CreatedAtSecondsBecomeMs()
    {
        RecordingUserSink sink = Parse("user_order_placement.json");

        Assert.Empty(sink.Errors);
        OrderEvent o = Assert.Single(sink.Orders);
        Assert.Equal(H("0x0f76f4dc6eaf3332f4100f2e8a0b4a927351dd64646b7bb12f37df775c657a78"), o.OrderId);
        Assert.Equal(T("21742633143463906290569050155826241533067272736897614950488156847949938836455"), o.AssetId);
        Assert.Equal(H("0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917"), o.Market);
        Assert.Equal(0, o.AssociateTradeCount);
        Assert.Equal(1725842520000, o.CreatedAtMs);
        Assert.Equal(0, o.ExpirationMs);
        Assert.Equal(A("0xa3D82Ed56F4c68d2328Fb8c29e568Ba2cAF7d7c8"), o.MakerAddress);
        Assert.Equal(Guid.Parse("3e2c94ca-8124-c4c1-c7ea-be1ea21b71fe"), o.OrderOwner);
        Assert.Equal(Guid.Parse("3e2c94ca-8124-c4c1-c7ea-be1ea21b71fe"), o.Owner);
        Assert.Equal(OrderTimeInForce.Gtc, o.TimeInForce);
        Assert.Equal(Q("5"), o.OriginalSize);
        Assert.Equal(OutcomeLabel.Yes, o.Outcome);
        Assert.Equal(P("0.513"), o.Price);
        Assert.Equal(Side.Buy, o.Side);
        Assert.Equal(Quantity.Zero, o.SizeMatched);
        Assert.Equal(OrderStatusCode.Live, o.Status);
        Assert.Equal(1725842520990, o.TimestampMs);
        Assert.Equal(OrderEventType.Placement, o.Type);
    }

    [Fact]
    public void OrderCancel_ReadsCanceledStatusAndMatchedSize()
    {
        OrderEvent o = Assert.Single(Parse("user_order_cancel.json").Orders);
        Assert.Equal(H("0xc6e99c14f1c7cae9e0538eb2d45a4d8b93ffd743e850edd1502a8c85700be5d3"), o.OrderId);
        Assert.Equal(OrderEventType.Cancellation, o.Type);
        Assert.Equal(OrderStatusCode.Canceled, o.Status);
        Assert.Equal(Side.Sell, o.Side);
        Assert.Equal(Q("5"), o.SizeMatched);
        Assert.Equal(1725841741000, o.CreatedAtMs);
        Assert.Equal(1725841743272, o.TimestampMs);
    }

    [Fact]
    public void OrderMatched_MillisecondCreatedAtKept_NullExpirationIsNone_TradesCounted()
    {
        OrderEvent o = Assert.Single(Parse("user_order_matched_ms_created_at.json").Orders);
        Assert.Equal(OrderEventType.Update, o.Type);
        Assert.Equal(OrderStatusCode.Matched, o.Status);
        Assert.Equal(1703875200000, o.CreatedAtMs);
        Assert.Equal(0, o.ExpirationMs);
        Assert.Equal(1, o.AssociateTradeCount);
        Assert.Equal(Q("100"), o.OriginalSize);
        Assert.Equal(Q("100"), o.SizeMatched);
        Assert.Equal(OwnerOne, o.Owner);
        Assert.Equal(A("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"), o.MakerAddress);
    }

    [Fact]
    public void VenueCancel_StatusInvalid()
    {
        OrderEvent o = Assert.Single(Parse("user_order_venue_cancel_invalid.json").Orders);
        Assert.Equal(OrderStatusCode.Invalid, o.Status);
        Assert.Equal(OrderEventType.Cancellation, o.Type);
        Assert.Equal(1774377384000, o.CreatedAtMs);
        Assert.Equal(Q("20"), o.OriginalSize);
        Assert.Equal(P("0.53"), o.Price);
    }

    [Fact]
    public void FokKilled_ConcatenatedStatus_EmptySizeMatchedAndCreatedAt()
    {
        RecordingUserSink sink = Parse("user_order_fok_killed.json");

        Assert.Empty(sink.Errors);
        OrderEvent o = Assert.Single(sink.Orders);
        Assert.Equal(OrderStatusCode.CanceledWithReason, o.Status);
        Assert.Equal(OrderTimeInForce.Fok, o.TimeInForce);
        Assert.Equal(Quantity.Zero, o.SizeMatched);
        Assert.Equal(0, o.CreatedAtMs);
        Assert.Equal(OutcomeLabel.None, o.Outcome);
        Assert.Equal(T("256"), o.AssetId);
        Assert.Equal(Q("12"), o.OriginalSize);
        Assert.Equal(P("0.6"), o.Price);
        Assert.Equal(1777824065000, o.TimestampMs);
    }

    [Fact]
    public void FokKilledWithSyntheticIds_ReportsInvalidMarketHashAtItsOffset()
    {
        byte[] data = Fixture("user_order_fok_killed_synthetic_ids.json");
        RecordingUserSink sink = Parse("user_order_fok_killed_synthetic_ids.json");

        Assert.Empty(sink.Orders);
        FrameError e = Assert.Single(sink.Errors);
        Assert.Equal(FrameErrorReason.InvalidHash32, e.Reason);
        Assert.Equal(MarketChannelParserFixtureTests.IndexOf(data, "\"0x0014\""), e.ByteOffset);
    }

    [Fact]
    public void TradeWithSixMakers_ReadsHeaderAndEveryMakerOrder()
    {
        RecordingUserSink sink = Parse("user_trade_maker_six_makers.json");

        Assert.Empty(sink.Errors);
        TradeEvent t = Assert.Single(sink.Trades);
        Assert.Equal(Guid.Parse("83b5c849-620e-4c23-b63b-2e779c04a6e7"), t.TradeId);
        Assert.Equal(H("0x3ad09f225ebe141dfbdb3824f31cb457e8e0301ca4e0a06311e543f5328b9dea"), t.TakerOrderId);
        Assert.Equal(T("21742633143463906290569050155826241533067272736897614950488156847949938836455"), t.AssetId);
        Assert.Equal(0, t.BucketIndex);
        Assert.Equal(0, t.FeeRateBps);
        Assert.Equal(1725868885000, t.LastUpdateMs);
        Assert.Equal(1725868859000, t.MatchTimeMs);
        Assert.Equal(1725868885871, t.TimestampMs);
        Assert.Equal(A("0x64B7a036c378f9CF8163A5480437CD12Ae14b6A1"), t.MakerAddress);
        Assert.Equal(OutcomeLabel.Yes, t.Outcome);
        Assert.Equal(Guid.Parse("092dab0c-74fa-5ba7-4b67-572daeace198"), t.Owner);
        Assert.Equal(Guid.Parse("092dab0c-74fa-5ba7-4b67-572daeace198"), t.TradeOwner);
        Assert.Equal(P("0.518"), t.Price);
        Assert.Equal(Side.Buy, t.Side);
        Assert.Equal(Q("1096.87"), t.Size);
        Assert.Equal(TradeStatusCode.Mined, t.Status);
        Assert.Equal(TraderSide.Maker, t.TraderSide);
        Assert.True(t.HasTransactionHash);
        Assert.Equal(H("0x876310b8e67cacf110abdd4106438968c55f2cce795c13c3c7a0896fc4af730d"), t.TransactionHash);
        Assert.Equal(6, t.MakerOrderCount);
        Assert.Equal(6, sink.Makers.Count);

        MakerOrderFill first = sink.Makers[0];
        Assert.Equal(T("48331043336612883890938759509493159234755048973500640148014422747788308965732"), first.AssetId);
        Assert.Equal(A("0xFfd192468b7a05b38c37C82d09fA941289FaEB23"), first.MakerAddress);
        Assert.Equal(Q("10"), first.MatchedAmount);
        Assert.Equal(H("0x3b67d584e1e7ad29b06bda373449638898aa87f0c9fd52a34bdbfb1325a6c184"), first.OrderId);
        Assert.Equal(OutcomeLabel.No, first.Outcome);
        Assert.Equal(Guid.Parse("78132bc3-22af-6aa2-79ae-11929f821cae"), first.Owner);
        Assert.Equal(P("0.482"), first.Price);
        Assert.False(first.HasSide);
        MakerOrderFill last = sink.Makers[5];
        Assert.Equal(5, last.Index);
        Assert.Equal(Q("211.81"), last.MatchedAmount);
        Assert.Equal(H("0xed3e5b80ca742bbd5048cdd42cf6fe8782a0e202658e070b4c8ebc4911059652"), last.OrderId);
        Assert.Equal("trade-end", sink.Calls[^1]);
    }

    [Fact]
    public void CrossOutcomeTrade_SecondsTimestampBecomesMs_MakerSideRead()
    {
        RecordingUserSink sink = Parse("user_trade_cross_outcome.json");

        TradeEvent t = Assert.Single(sink.Trades);
        Assert.Equal(TradeStatusCode.Confirmed, t.Status);
        Assert.Equal(1762776436000, t.TimestampMs);
        Assert.Equal(OutcomeLabel.No, t.Outcome);
        Assert.Equal(P("0.49"), t.Price);
        Assert.Equal(Guid.Parse("5c4e8a20-1298-5fd5-ef96-2c29032ba30f"), t.Owner);
        MakerOrderFill m = Assert.Single(sink.Makers);
        Assert.True(m.HasSide);
        Assert.Equal(Side.Buy, m.Side);
        Assert.Equal(P("0.513"), m.Price);
        Assert.Equal(OutcomeLabel.Yes, m.Outcome);
    }

    [Fact]
    public void TradeWithThreeMakers_DeliversMakersInOrder()
    {
        RecordingUserSink sink = Parse("user_trade_three_makers.json");

        TradeEvent t = Assert.Single(sink.Trades);
        Assert.Equal(Side.Sell, t.Side);
        Assert.Equal(Q("15"), t.Size);
        Assert.Equal(3, sink.Makers.Count);
        Assert.Equal(P("0.4"), sink.Makers[0].Price);
        Assert.Equal(P("0.35"), sink.Makers[1].Price);
        Assert.Equal(P("0.3"), sink.Makers[2].Price);
        Assert.Equal(Guid.Parse("f2da51b7-de2d-3b02-e3fe-71dfb14aa16e"), sink.Makers[1].Owner);
    }

    [Fact]
    public void BatchFrame_OrderThenTrade_PrefixedStatusAndEmptyTransactionHash()
    {
        RecordingUserSink sink = Parse("user_batch_order_and_trade.json");

        Assert.Empty(sink.Errors);
        OrderEvent o = Assert.Single(sink.Orders);
        Assert.Equal(OrderStatusCode.Live, o.Status);
        TradeEvent t = Assert.Single(sink.Trades);
        Assert.Equal(TradeStatusCode.Matched, t.Status);
        Assert.Equal(Guid.Parse("0b5c8e2a-7f3d-4c1e-9a6b-1d2e3f4a5b6c"), t.TradeId);
        Assert.False(t.HasTransactionHash);
        Assert.Equal(1, t.BucketIndex);
        Assert.Equal(0, t.MakerOrderCount);
        Assert.Equal(TraderSide.Taker, t.TraderSide);
        Assert.Equal(1703875200000, t.MatchTimeMs);
        Assert.Equal(1703875260000, t.LastUpdateMs);
        Assert.Equal(["order", "trade", "trade-end"], sink.Calls.Select(c => c.Split(' ')[0]).ToArray());
    }

    [Fact]
    public void PongFrame_IsRecognized()
    {
        Assert.Equal(["pong"], Parse("pong.txt").Calls);
    }
}
