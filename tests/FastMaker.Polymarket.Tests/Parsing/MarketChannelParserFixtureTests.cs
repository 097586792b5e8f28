using System.Buffers;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using static FastMaker.Polymarket.Tests.Parsing.ParsingTestSupport;

namespace FastMaker.Polymarket.Tests.Parsing;

public class MarketChannelParserFixtureTests
{
    private static RecordingMarketSink Parse(string fixture)
    {
        var parser = new MarketChannelParser();
        var sink = RecordingMarketSink.Create();
        var frame = new ReadOnlySequence<byte>(Fixture(fixture));
        parser.Parse(frame, ref sink);
        return sink;
    }

    [Fact]
    public void RecordedBook_DeliversHeaderAndEveryLevelInWireOrder()
    {
        RecordingMarketSink sink = Parse("market_book_nt_recorded.json");

        Assert.Empty(sink.Errors);
        BookSnapshot book = Assert.Single(sink.Books);
        Assert.Equal(H("0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917"), book.Market);
        Assert.Equal(T("48331043336612883890938759509493159234755048973500640148014422747788308965732"), book.AssetId);
        Assert.Equal(1728799418260, book.TimestampMs);
        Assert.Equal("655a38d4977427b086c25b985993691b753ed166", book.Hash.ToString());
        Assert.Equal(76, book.BidCount);
        Assert.Equal(86, book.AskCount);
        Assert.False(book.HasTickSize);
        Assert.False(book.HasLastTradePrice);
        Assert.False(book.HasMinOrderSize);
        Assert.False(book.HasNegRisk);
        Assert.Equal(162, sink.Levels.Count);

        // Bids come first even though asks precede them on the wire.
        Assert.Equal(Side.Buy, sink.Levels[0].Side);
        Assert.Equal(P("0.001"), sink.Levels[0].Price);
        Assert.Equal(Q("9000023.58"), sink.Levels[0].Size);
        Assert.Equal(P("0.511"), sink.Levels[75].Price);
        Assert.Equal(Q("1304.72"), sink.Levels[75].Size);
        Assert.Equal(75, sink.Levels[75].Index);
        Assert.Equal(Side.Sell, sink.Levels[76].Side);
        Assert.Equal(P("0.999"), sink.Levels[76].Price);
        Assert.Equal(Q("10500100"), sink.Levels[76].Size);
        Assert.Equal(0, sink.Levels[76].Index);
        Assert.Equal(P("0.514"), sink.Levels[161].Price);
        Assert.Equal(Q("20230.87"), sink.Levels[161].Size);
        Assert.Equal("book-end " + book.AssetId, sink.Calls[^1]);
    }

    [Fact]
    public void CapturedBook_ReadsTickSizeAndLastTradePrice_WithEventTypeLast()
    {
        RecordingMarketSink sink = Parse("market_book_captured.json");

        BookSnapshot book = Assert.Single(sink.Books);
        Assert.Equal(H("0x6bd56627aa21311850825edb27e53434a0e17a4f782be0086bc07f71eee00d0d"), book.Market);
        Assert.Equal(T("350977769852917329387037893294763093471844346281449484439085576212613048126"), book.AssetId);
        Assert.Equal(1786604072222, book.TimestampMs);
        Assert.Equal("ed47eb91f3c7985fac1cb18cb7c19535eddd3c0a", book.Hash.ToString());
        Assert.True(book.HasTickSize);
        Assert.Equal(TickSize.Hundredth, book.TickSize);
        Assert.True(book.HasLastTradePrice);
        Assert.Equal(P("0.92"), book.LastTradePrice);
        Assert.Equal(7, book.BidCount);
        Assert.Equal(57, book.AskCount);
        Assert.Equal(Q("3149725.72"), sink.Levels[0].Size);
        Assert.Equal(P("0.08"), sink.Levels[^1].Price);
        Assert.Equal(Q("228198.28"), sink.Levels[^1].Size);
    }

    [Fact]
    public void PriceChangeCurrentFormat_DeliversEachEntryWithMessageFields()
    {
        RecordingMarketSink sink = Parse("market_price_change_v2.json");

        Assert.Empty(sink.Errors);
        Assert.Equal(3, sink.Changes.Count);
        string[] hashes = ["bf32b3746fff40c76c98021b7f3f07261169dd26", "af32b3746fff40c76c98021b7f3f07261169dd27", "cf32b3746fff40c76c98021b7f3f07261169dd28"];
        string[] prices = ["0.6", "0.5", "0.7"];
        string[] sizes = ["3300", "3400", "3400"];
        for (int i = 0; i < 3; i++)
        {
            PriceChange c = sink.Changes[i];
            Assert.Equal(PriceChangeFormat.PriceChanges, c.Format);
            Assert.Equal(H("0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1"), c.Market);
            Assert.Equal(T("52114319501245915516055106046884209969926127482827954674443846427813813222426"), c.AssetId);
            Assert.Equal(1729084877448, c.TimestampMs);
            Assert.Equal(hashes[i], c.Hash.ToString());
            Assert.Equal(P(prices[i]), c.Price);
            Assert.True(c.HasSize);
            Assert.Equal(Q(sizes[i]), c.Size);
            Assert.Equal(Side.Buy, c.Side);
            Assert.True(c.HasBestBid);
            Assert.Equal(P("0.6"), c.BestBid);
            Assert.True(c.HasBestAsk);
            Assert.Equal(P("0.7"), c.BestAsk);
            Assert.Equal(i, c.EntryIndex);
            Assert.Equal(3, c.EntryCount);
        }
    }

    [Fact]
    public void PriceChange_BestBidZeroAndBestAskOne_AreReportedAsEmptySides()
    {
        RecordingMarketSink sink = Parse("market_price_change_docs_migration.json");

        Assert.Equal(2, sink.Changes.Count);
        PriceChange first = sink.Changes[0];
        Assert.Equal(T("71321045679252212594626385532706912750332728571942532289631379312455583992563"), first.AssetId);
        Assert.True(first.HasBestBid);
        Assert.Equal(P("0.5"), first.BestBid);
        Assert.False(first.HasBestAsk);
        Assert.True(first.HasTopOfBook);
        PriceChange second = sink.Changes[1];
        Assert.Equal(T("52114319501245915516055106046884209969926127482827954674443846427813813222426"), second.AssetId);
        Assert.Equal(Side.Sell, second.Side);
        Assert.False(second.HasBestBid);
        Assert.True(second.HasBestAsk);
        Assert.Equal(P("0.5"), second.BestAsk);
        Assert.Equal(1757908892351, second.TimestampMs);
    }

    [Fact]
    public void PriceChangeLegacyFlat_BecomesOneEntry()
    {
        RecordingMarketSink sink = Parse("market_price_change_legacy_flat.json");

        PriceChange c = Assert.Single(sink.Changes);
        Assert.Equal(PriceChangeFormat.LegacyFlat, c.Format);
        Assert.Equal(T("48331043336612883890938759509493159234755048973500640148014422747788308965732"), c.AssetId);
        Assert.Equal(H("0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917"), c.Market);
        Assert.Equal("bf32b3746fff40c76c98021b7f3f07261169dd26", c.Hash.ToString());
        Assert.Equal(P("0.514"), c.Price);
        Assert.Equal(Side.Sell, c.Side);
        Assert.Equal(Q("21574.08"), c.Size);
        Assert.Equal(1723967931411, c.TimestampMs);
        Assert.False(c.HasTopOfBook);
        Assert.Equal(1, c.EntryCount);
    }

    [Fact]
    public void PriceChangeLegacyChanges_TakesTopLevelAssetAndConvertsSeconds()
    {
        RecordingMarketSink sink = Parse("market_price_change_legacy_changes.json");

        Assert.Equal(2, sink.Changes.Count);
        Assert.All(sink.Changes, c =>
        {
            Assert.Equal(PriceChangeFormat.LegacyChanges, c.Format);
            Assert.Equal(T("48331043336612883890938759509493159234755048973500640148014422747788308965732"), c.AssetId);
            Assert.Equal(1723967931000, c.TimestampMs);
            Assert.Equal("bf32b3746fff40c76c98021b7f3f07261169dd26", c.Hash.ToString());
        });
        Assert.Equal(P("0.514"), sink.Changes[0].Price);
        Assert.Equal(Side.Sell, sink.Changes[0].Side);
        Assert.Equal(Q("21574.08"), sink.Changes[0].Size);
        Assert.Equal(P("0.49"), sink.Changes[1].Price);
        Assert.Equal(Side.Buy, sink.Changes[1].Side);
        Assert.Equal(Quantity.Zero, sink.Changes[1].Size);
    }

    [Fact]
    public void TickSizeChange_ReadsOldAndNewTick()
    {
        RecordingMarketSink sink = Parse("market_tick_size_change.json");

        var c = Assert.IsType<TickSizeChange>(Assert.Single(sink.Others));
        Assert.Equal(T("115474063863764126958837769719736461272619491980773624567012766320777398670353"), c.AssetId);
        Assert.Equal(H("0xbacdf04bf7f22a670dc4fb408878ec56b76f9934599829455b9371693ba84b8b"), c.Market);
        Assert.Equal(TickSize.Hundredth, c.OldTickSize);
        Assert.Equal(TickSize.Thousandth, c.NewTickSize);
        Assert.Equal(1739068041853, c.TimestampMs);
    }

    [Fact]
    public void LastTradePrice_ReadsEveryField()
    {
        RecordingMarketSink sink = Parse("market_last_trade_price.json");

        var t = Assert.IsType<LastTradePrice>(Assert.Single(sink.Others));
        Assert.Equal(T("21742633143463906290569050155826241533067272736897614950488156847949938836455"), t.AssetId);
        Assert.Equal(H("0xdd22472e552920b8438158ea7238bfadfa4f736aa4cee91a6b86c39ead110917"), t.Market);
        Assert.Equal(0, t.FeeRateBps);
        Assert.Equal(P("0.491"), t.Price);
        Assert.Equal(Side.Sell, t.Side);
        Assert.Equal(Q("85.36"), t.Size);
        Assert.Equal(1724564136087, t.TimestampMs);
        Assert.False(t.HasTransactionHash);
    }

    [Fact]
    public void BestBidAsk_ReadsTopOfBookAndSpread()
    {
        RecordingMarketSink sink = Parse("market_best_bid_ask.json");

        var b = Assert.IsType<BestBidAsk>(Assert.Single(sink.Others));
        Assert.Equal(H("0x0005c0d312de0be897668695bae9f32b624b4a1ae8b140c49f08447fcc74f442"), b.Market);
        Assert.Equal(T("85354956062430465315924116860125388538595433819574542752031640332592237464430"), b.AssetId);
        Assert.Equal(P("0.73"), b.BestBid);
        Assert.Equal(P("0.77"), b.BestAsk);
        Assert.True(b.HasSpread);
        Assert.Equal(P("0.04"), b.Spread);
        Assert.Equal(1766789469958, b.TimestampMs);
    }

    [Fact]
    public void NewMarket_ColdPathReadsTextAndTokens()
    {
        RecordingMarketSink sink = Parse("market_new_market.json");

        var m = Assert.IsType<NewMarket>(Assert.Single(sink.Others));
        Assert.Equal("1031769", m.Id);
        Assert.Equal("Will NVIDIA (NVDA) close above $240 end of January?", m.Question);
        Assert.Equal("nvda-above-240-on-january-30-2026", m.Slug);
        Assert.Equal(H("0x311d0c4b6671ab54af4970c06fcf58662516f5168997bdda209ec3db5aa6b0c1"), m.Market);
        Assert.Equal([T("76043073756653678226373981964075571318267289248134717369284518995922789326425"), T("31690934263385727664202099278545688007799199447969475608906331829650099442770")], m.AssetIds);
        Assert.Equal(["Yes", "No"], m.Outcomes);
        Assert.True(m.HasTickSize);
        Assert.Equal(TickSize.Hundredth, m.TickSize);
        Assert.True(m.Active);
        Assert.Equal(string.Empty, m.GameStartTime);
        Assert.Equal(1766790415550, m.TimestampMs);
    }

    [Fact]
    public void MarketResolved_ColdPathReadsWinner()
    {
        RecordingMarketSink sink = Parse("market_resolved.json");

        var m = Assert.IsType<MarketResolved>(Assert.Single(sink.Others));
        Assert.Equal("1031769", m.Id);
        Assert.Equal(H("0x311d0c4b6671ab54af4970c06fcf58662516f5168997bdda209ec3db5aa6b0c1"), m.Market);
        Assert.Equal(T("76043073756653678226373981964075571318267289248134717369284518995922789326425"), m.WinningAssetId);
        Assert.Equal("Yes", m.WinningOutcome);
        Assert.Equal(2, m.AssetIds.Length);
        Assert.Equal(1766790415550, m.TimestampMs);
    }

    [Fact]
    public void MixedArray_SyntheticIdsAreErrors_UnknownEventIsCountedAndSkipped()
    {
        var parser = new MarketChannelParser();
        var sink = RecordingMarketSink.Create();
        byte[] data = Fixture("market_mixed_known_unknown.json");
        parser.Parse(new ReadOnlySequence<byte>(data), ref sink);

        Assert.Equal(3, sink.Calls.Count);
        Assert.Equal(FrameErrorReason.InvalidBookHash, sink.Errors[0].Reason);
        Assert.Equal(IndexOf(data, "\"price-change-hash\""), sink.Errors[0].ByteOffset);
        Assert.StartsWith("unknown ", sink.Calls[1]);
        Assert.Equal(FrameErrorReason.InvalidHash32, sink.Errors[1].Reason);
        Assert.Equal(IndexOf(data, "\"0xtrade-hash\""), sink.Errors[1].ByteOffset);
        Assert.Equal(1, parser.UnknownEventCount);
        Assert.Equal(2, parser.ErrorCount);
    }

    [Fact]
    public void PongFrame_IsRecognized()
    {
        RecordingMarketSink sink = Parse("pong.txt");
        Assert.Equal(["pong"], sink.Calls);
    }

    internal static int IndexOf(byte[] data, string text) => data.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text));
}
