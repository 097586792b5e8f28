using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FastMaker.Polymarket.Parsing;
using static FastMaker.Polymarket.Tests.Parsing.ParsingTestSupport;

namespace FastMaker.Polymarket.Tests.Parsing;

/// <summary>
/// The span fast path against the <see cref="System.Text.Json.Utf8JsonReader"/> parser it must
/// equal: identical sink calls (every struct, every error with its offset) and identical counters,
/// on every fixture (as recorded, compact, indented, in arrays), on byte mutations and on
/// structure-aware mutations of the corpus. Set FASTMAKER_FUZZ_LONG=1 for a million of each kind.
/// </summary>
public class FastPathDifferentialTests
{
    private static readonly byte[][] Corpus = MarketFixtureNames().Concat(UserFixtureNames()).Distinct().Select(Fixture).ToArray();

    private static readonly byte[][] JsonCorpus = Corpus.Where(f => f[0] != (byte)'P').ToArray();

    /// <summary>Compares one frame through both paths of fresh-per-run parser pairs.</summary>
    private sealed class Differ
    {
        private readonly MarketChannelParser _fastMarket = new();
        private readonly MarketChannelParser _readerMarket = new() { FastPathEnabled = false };
        private readonly UserChannelParser _fastUser = new();
        private readonly UserChannelParser _readerUser = new() { FastPathEnabled = false };

        public long MarketFastFrames => _fastMarket.FastPathFrameCount;

        public long UserFastFrames => _fastUser.FastPathFrameCount;

        public void AssertSame(byte[] frame, string label)
        {
            var fm = RecordingMarketSink.Create();
            var rm = RecordingMarketSink.Create();
            var fu = RecordingUserSink.Create();
            var ru = RecordingUserSink.Create();
            try
            {
                _fastMarket.Parse(new ReadOnlySequence<byte>(frame), ref fm);
                _readerMarket.Parse(new ReadOnlySequence<byte>(frame), ref rm);
                _fastUser.Parse(new ReadOnlySequence<byte>(frame), ref fu);
                _readerUser.Parse(new ReadOnlySequence<byte>(frame), ref ru);
            }
            catch (Exception e)
            {
                Assert.Fail($"{label}: {e.GetType().Name} {e.Message} on frame {Convert.ToBase64String(frame)}");
            }

            if (!fm.Calls.SequenceEqual(rm.Calls) || !fu.Calls.SequenceEqual(ru.Calls))
            {
                Assert.Fail($"{label}: fast path differs on frame {Encoding.UTF8.GetString(frame)}\nmarket fast:   {string.Join(" | ", fm.Calls)}\nmarket reader: {string.Join(" | ", rm.Calls)}\nuser fast:   {string.Join(" | ", fu.Calls)}\nuser reader: {string.Join(" | ", ru.Calls)}");
            }

            // The call strings omit nothing the engine reads, but compare the structs whole as well.
            Assert.Equal(rm.Books, fm.Books);
            Assert.Equal(rm.Levels, fm.Levels);
            Assert.Equal(rm.Changes, fm.Changes);
            Assert.Equal(rm.Errors, fm.Errors);
            Assert.Equal(ru.Orders, fu.Orders);
            Assert.Equal(ru.Trades, fu.Trades);
            Assert.Equal(ru.Makers, fu.Makers);
            Assert.Equal(ru.Errors, fu.Errors);
            Assert.Equal(_readerMarket.ErrorCount, _fastMarket.ErrorCount);
            Assert.Equal(_readerMarket.UnknownEventCount, _fastMarket.UnknownEventCount);
            Assert.Equal(_readerUser.ErrorCount, _fastUser.ErrorCount);
            Assert.Equal(_readerUser.UnknownEventCount, _fastUser.UnknownEventCount);
        }
    }

    [Fact]
    public void EveryFixture_FastPathEqualsReader_AsRecordedCompactIndentedAndInArrays()
    {
        var differ = new Differ();
        foreach (byte[] frame in Corpus)
        {
            differ.AssertSame(frame, "recorded");
            if (frame[0] == (byte)'P')
            {
                continue;
            }

            JsonNode node = JsonNode.Parse(frame)!;
            differ.AssertSame(JsonSerializer.SerializeToUtf8Bytes(node), "compact");
            differ.AssertSame(JsonSerializer.SerializeToUtf8Bytes(node, new JsonSerializerOptions { WriteIndented = true }), "indented");
            differ.AssertSame(Encoding.UTF8.GetBytes("[" + node.ToJsonString() + "," + node.ToJsonString() + "]"), "array of two");
            differ.AssertSame(Encoding.UTF8.GetBytes("  \r\n\t[ ]  "), "empty array");
        }
    }

    [Theory]
    [InlineData("market_book_nt_recorded.json")]
    [InlineData("market_book_captured.json")]
    [InlineData("market_price_change_docs_migration.json")]
    [InlineData("market_price_change_v2.json")]
    [InlineData("market_price_change_legacy_changes.json")]
    [InlineData("market_price_change_legacy_flat.json")]
    [InlineData("market_tick_size_change.json")]
    [InlineData("market_last_trade_price.json")]
    [InlineData("market_best_bid_ask.json")]
    public void HotMarketFixtures_TakeTheFastPath(string name)
    {
        var parser = new MarketChannelParser();
        var sink = RecordingMarketSink.Create();
        parser.Parse(new ReadOnlySequence<byte>(Fixture(name)), ref sink);
        Assert.Equal(1, parser.FastPathFrameCount);
        Assert.Equal(0, parser.ReaderFrameCount);
        Assert.Empty(sink.Errors);
    }

    [Theory]
    [InlineData("user_trade_three_makers.json")]
    [InlineData("user_trade_maker_six_makers.json")]
    [InlineData("user_trade_cross_outcome.json")]
    [InlineData("user_order_placement.json")]
    [InlineData("user_order_cancel.json")]
    [InlineData("user_order_fok_killed.json")]
    [InlineData("user_order_matched_ms_created_at.json")]
    [InlineData("user_batch_order_and_trade.json")]
    public void HotUserFixtures_TakeTheFastPath(string name)
    {
        var parser = new UserChannelParser();
        var sink = RecordingUserSink.Create();
        parser.Parse(new ReadOnlySequence<byte>(Fixture(name)), ref sink);
        Assert.Equal(1, parser.FastPathFrameCount);
        Assert.Equal(0, parser.ReaderFrameCount);
    }

    [Fact]
    public void FastPath_SteadyState_AllocatesNothing()
    {
        var market = new MarketChannelParser();
        var user = new UserChannelParser();
        var marketFrames = new[] { "market_book_nt_recorded.json", "market_price_change_docs_migration.json", "market_price_change_v2.json", "market_last_trade_price.json" }
            .Select(n => new ReadOnlySequence<byte>(Fixture(n))).ToArray();
        var userFrames = new[] { "user_trade_three_makers.json", "user_trade_maker_six_makers.json", "user_order_placement.json" }
            .Select(n => new ReadOnlySequence<byte>(Fixture(n))).ToArray();
        var ms = default(CountingMarketSink);
        var us = default(CountingUserSink);
        for (int warm = 0; warm < 50; warm++)
        {
            foreach (ReadOnlySequence<byte> f in marketFrames)
            {
                market.Parse(f, ref ms);
            }

            foreach (ReadOnlySequence<byte> f in userFrames)
            {
                user.Parse(f, ref us);
            }
        }

        long start = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 200; round++)
        {
            foreach (ReadOnlySequence<byte> f in marketFrames)
            {
                market.Parse(f, ref ms);
            }

            foreach (ReadOnlySequence<byte> f in userFrames)
            {
                user.Parse(f, ref us);
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - start);
        Assert.Equal(0, market.ReaderFrameCount);
        Assert.Equal(0, user.ReaderFrameCount);
        Assert.Equal(0, ms.Errors + us.Errors);
    }

    [Fact]
    public void SplitFrame_GoesToTheReader_WithTheSameCalls()
    {
        byte[] frame = Fixture("market_book_nt_recorded.json");
        var parser = new MarketChannelParser();
        var whole = RecordingMarketSink.Create();
        var split = RecordingMarketSink.Create();
        parser.Parse(new ReadOnlySequence<byte>(frame), ref whole);
        parser.Parse(Split(frame, frame.Length / 2), ref split);
        Assert.Equal(1, parser.FastPathFrameCount);
        Assert.Equal(1, parser.ReaderFrameCount);
        Assert.Equal(whole.Calls, split.Calls);
    }

    [Fact]
    public void ArrayFrame_BadSecondObject_FirstDeliveredOnceByFastPath_RestByReader()
    {
        string good = Encoding.UTF8.GetString(Fixture("market_price_change_v2.json"));
        string bad = good.Replace("\"BUY\"", "\"B\\u0055Y\"", StringComparison.Ordinal); // an escape: the fast path hands over
        Assert.NotEqual(good, bad);
        byte[] frame = Encoding.UTF8.GetBytes("[" + good + "," + bad + "," + good + "]");
        var parser = new MarketChannelParser();
        var fast = RecordingMarketSink.Create();
        parser.Parse(new ReadOnlySequence<byte>(frame), ref fast);
        var reference = RecordingMarketSink.Create();
        new MarketChannelParser { FastPathEnabled = false }.Parse(new ReadOnlySequence<byte>(frame), ref reference);

        Assert.Equal(reference.Calls, fast.Calls);
        Assert.Equal(0, parser.FastPathFrameCount);
        Assert.Equal(1, parser.ReaderFrameCount);
        int perObject = reference.Changes.Count / 3;
        Assert.True(perObject > 0);
        Assert.Empty(fast.Errors);
    }

    [Theory]
    [InlineData("{\"event_type\":\"book\"} x")]
    [InlineData("[{\"event_type\":\"book\"},]")]
    [InlineData("[{\"event_type\":\"nope\"} {\"event_type\":\"book\"}]")]
    [InlineData("{\"event_type\":\"book\",\"bids\":[{\"price\":\"0.5\",\"size\":\"1\",}]}")]
    [InlineData("{\"event_type\":\"book\",\"x\":0123}")]
    [InlineData("{\"event_type\":\"book\",\"x\":-}")]
    [InlineData("{\"event_type\":\"book\",\"x\":1.}")]
    [InlineData("{\"event_type\":\"book\",\"x\":1e}")]
    [InlineData("{\"event_type\":\"book\",\"x\":tru}")]
    [InlineData("{\"event_type\":\"book\",\"x\":nulls}")]
    [InlineData("{\"event_type\":\"book\",\"x\":\"a\u0001b\"}")]
    [InlineData("{\"event_type\":\"book\",\"x\":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]}")]
    [InlineData("{\"event_type\":\"book\" \"x\":1}")]
    [InlineData("{\"event_type\":\"book\",\"bids\":[],\"asks\":[],\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\",\"asset_id\":\"1\",\"timestamp\":1}")]
    [InlineData("\uFEFF{\"event_type\":\"book\"}")]
    [InlineData("[1]")]
    [InlineData("\"book\"")]
    [InlineData("   ")]
    [InlineData("")]
    public void EdgeFrames_FastPathEqualsReader(string text)
    {
        new Differ().AssertSame(Encoding.UTF8.GetBytes(text), text);
    }

    /// <summary>The change entries' keys are matched by a fixed compare before the general route: spacing, near-miss
    /// names, escapes, duplicates, order and missing colons must all come out as the reader says.</summary>
    [Theory]
    [InlineData("\"asset_id\" : \"1\", \"price\" :\"0.5\" ,\"size\":\"1\",\"side\":\"BUY\"")]
    [InlineData("\"asset_id\":\"1\",\"price\":\"0.5\",\"size\":\"1\",\"side\":\"BUY\",\"pricex\":\"9\",\"size_\":1")]
    [InlineData("\"asset_id\":\"1\",\"price\":\"0.5\",\"price\":\"0.6\",\"size\":\"1\",\"side\":\"BUY\"")]
    [InlineData("\"asset_id\":\"1\",\"pr\\u0069ce\":\"0.5\",\"size\":\"1\",\"side\":\"BUY\"")]
    [InlineData("\"asset_id\":\"1\",\"price\"\"0.5\",\"size\":\"1\",\"side\":\"BUY\"")]
    [InlineData("\"asset_id\":\"1\",\"price\" ")]
    [InlineData("\"hash\":\"56621a121a47ed9333273e21c83b660cff37ae50\",\"best_bid\":\"0.4\",\"best_ask\":\"0.6\",\"side\":\"SELL\",\"size\":\"2\",\"price\":\"0.5\",\"asset_id\":\"1\"")]
    [InlineData("\"asset_id\":\"1\",\"price\":\"0.5\",\"size\":\"1\",\"side\":\"BUY\",\"best_bid\":null,\"best_ask\":\"\"")]
    [InlineData("\"asset_id\":\"1\",\"price\":0.5,\"size\":\"1\",\"side\":\"BUY\",\"hash\":7")]
    [InlineData("\"asset_id\":\"1\",\"price\":\"0.5\",\"size\":\"1\",\"side\":\"BUY\",\"price_changes\":[]")]
    [InlineData("\"asset_id\":\"1\",\"price\":\"0.5\",\"side\":\"BUY\"")]
    [InlineData("\"asset_id\":\"1\",\"size\":\"1\",\"side\":\"BUY\"")]
    public void ChangeEntryKeys_FastPathEqualsReader(string entry)
    {
        string text = "{\"event_type\":\"price_change\",\"market\":\"0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1\"," +
            "\"timestamp\":\"1757908892351\",\"price_changes\":[{" + entry + "},{\"asset_id\":\"2\",\"price\":\"0.4\",\"size\":\"3\",\"side\":\"SELL\"}]}";
        new Differ().AssertSame(Encoding.UTF8.GetBytes(text), text);
    }

    [Fact]
    public void FastRun_ByteMutations_FastPathEqualsReader()
    {
        RunByteMutations(cases: 10_000, seed: 424242);
    }

    [Fact]
    public void FastRun_StructuredMutations_FastPathEqualsReader_AndExerciseBothPaths()
    {
        RunStructuredMutations(cases: 10_000, seed: 1124);
    }

    [Fact]
    public void LongRun_MillionByteAndMillionStructuredMutations_WhenEnabled()
    {
        if (Environment.GetEnvironmentVariable("FASTMAKER_FUZZ_LONG") != "1")
        {
            return;
        }

        RunByteMutations(cases: 1_000_000, seed: 99);
        RunStructuredMutations(cases: 1_000_000, seed: 100);
    }

    private static void RunByteMutations(int cases, int seed)
    {
        var random = new Random(seed);
        var differ = new Differ();
        for (int i = 0; i < cases; i++)
        {
            byte[] frame = ParserFuzzTests.Mutate(Corpus[random.Next(Corpus.Length)], random);
            differ.AssertSame(frame, "byte case " + i);
        }
    }

    private static void RunStructuredMutations(int cases, int seed)
    {
        var random = new Random(seed);
        var differ = new Differ();
        for (int i = 0; i < cases; i++)
        {
            byte[] frame = JsonFrameMutator.Mutate(JsonCorpus[random.Next(JsonCorpus.Length)], JsonCorpus, random);
            differ.AssertSame(frame, "structured case " + i);
        }

        // Both paths must be exercised: mutations the fast path accepts whole, and ones it hands over.
        long fast = differ.MarketFastFrames + differ.UserFastFrames;
        Assert.True(fast > cases / 5, "too few mutated frames went through the fast path to test it: " + fast);
        Assert.True(fast < 2L * cases * 9 / 10, "too few mutated frames went to the reader: " + fast);
    }
}
