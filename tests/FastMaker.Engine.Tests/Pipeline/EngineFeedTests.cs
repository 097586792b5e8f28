using System.Buffers;
using System.Text;
using FastMaker.Engine.Books;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Pipeline;

/// <summary>Market-channel frames through the real parser and translator into the engine's books.</summary>
public class EngineFeedTests
{
    private const string Condition = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";
    private const string Yes = "52114319501245915516055106046884209969926127482827954674443846427813813222426";
    private const string No = "60487116984468020978247225474488676749601001829886755968952521846780452448915";

    private readonly EngineCore _engine;
    private readonly MarketChannelParser _parser = new();
    private FrameTranslator<DirectEngineTarget> _translator;
    private long _frame;

    public EngineFeedTests()
    {
        var registry = new MarketRegistry();
        registry.GetOrAdd(Hash32.Parse(Condition), UInt256.Parse(Yes), UInt256.Parse(No));
        _engine = new EngineCore(registry, new EngineOptions { StaleAfterMs = 5_000 });
        _translator = new FrameTranslator<DirectEngineTarget>(new DirectEngineTarget(_engine));
    }

    private int YesIndex => _engine.Registry.TokenIndexOf(UInt256.Parse(Yes));

    private void Feed(string json, long receiveMs) => Feed(Encoding.UTF8.GetBytes(json), receiveMs);

    private void Feed(byte[] utf8, long receiveMs)
    {
        _translator.BeginFrame(InboundChannel.Market, 0, receiveMs, _frame++);
        _parser.Parse(new ReadOnlySequence<byte>(utf8), ref _translator);
    }

    private static string Book(string asset, string tick, (string P, string S)[] bids, (string P, string S)[] asks)
    {
        static string Levels((string P, string S)[] levels) =>
            string.Join(",", levels.Select(l => $"{{\"price\":\"{l.P}\",\"size\":\"{l.S}\"}}"));
        return $"{{\"event_type\":\"book\",\"market\":\"{Condition}\",\"asset_id\":\"{asset}\",\"timestamp\":\"1786604072222\"," +
               $"\"hash\":\"ed47eb91f3c7985fac1cb18cb7c19535eddd3c0a\",\"tick_size\":\"{tick}\"," +
               $"\"bids\":[{Levels(bids)}],\"asks\":[{Levels(asks)}]}}";
    }

    private static string Change(string asset, string price, string side, string size, string bestBid, string bestAsk) =>
        $"{{\"event_type\":\"price_change\",\"market\":\"{Condition}\",\"timestamp\":\"1786604072300\",\"price_changes\":[" +
        $"{{\"asset_id\":\"{asset}\",\"price\":\"{price}\",\"side\":\"{side}\",\"size\":\"{size}\"," +
        $"\"hash\":\"bf32b3746fff40c76c98021b7f3f07261169dd26\",\"best_bid\":\"{bestBid}\",\"best_ask\":\"{bestAsk}\"}}]}}";

    [Fact]
    public void BookSnapshot_ThenPriceChanges_UpdateTheBook()
    {
        Feed(Book(Yes, "0.01", [("0.48", "100"), ("0.47", "50")], [("0.52", "80")]), 1_000);
        var book = _engine.Books.Book(YesIndex)!;
        Assert.True(book.IsTrusted);
        Assert.Equal(TickSize.Hundredth, _engine.Registry.MarketOfToken(YesIndex).Tick);

        Feed(Change(Yes, "0.49", "BUY", "10", "0.49", "0.52"), 1_100);
        Feed(Change(Yes, "0.48", "BUY", "0", "0.49", "0.52"), 1_200);
        Feed("PONG", 1_250); // a frame boundary: the last change's top-of-book statement is verified

        Assert.True(book.IsTrusted);
        Assert.True(book.TryGetBestBid(out var bid, out var size));
        Assert.Equal(Price.Parse("0.49"), bid);
        Assert.Equal(Quantity.Parse("10"), size);
        Assert.Equal(Quantity.Zero, book.SizeAt(Side.Buy, Price.Parse("0.48")));
        Assert.Equal(2, book.BidLevels);
        Assert.Equal(1_200, book.LastUpdateMs);
        Assert.Equal(2, _engine.EventCount(InboundKind.PriceChange));
    }

    private static string Entry(string asset, string price, string side, string size, string bestBid, string bestAsk) =>
        $"{{\"asset_id\":\"{asset}\",\"price\":\"{price}\",\"side\":\"{side}\",\"size\":\"{size}\"," +
        $"\"hash\":\"bf32b3746fff40c76c98021b7f3f07261169dd26\",\"best_bid\":\"{bestBid}\",\"best_ask\":\"{bestAsk}\"}}";

    private static string Changes(params string[] entries) =>
        $"{{\"event_type\":\"price_change\",\"market\":\"{Condition}\",\"timestamp\":\"1786604072300\",\"price_changes\":[" +
        string.Join(",", entries) + "]}";

    [Fact]
    public void OneFrame_SameTokenTwice_ChecksOnlyTheLastTopOfBookStatement()
    {
        Feed(Book(Yes, "0.01", [("0.48", "100")], [("0.52", "80")]), 1_000);
        // Each statement is true right after its own entry; the first is stale once the second is applied.
        Feed(Changes(Entry(Yes, "0.49", "BUY", "10", "0.49", "0.52"), Entry(Yes, "0.49", "BUY", "0", "0.48", "0.52")), 1_100);
        Feed("PONG", 1_150);

        Assert.True(_engine.Books.Book(YesIndex)!.IsTrusted);
        Assert.Equal(0, _engine.Books.TopOfBookMismatches);
    }

    [Fact]
    public void OneFrame_TwoTokens_OnlyTheDisagreeingBookBecomesUntrusted()
    {
        Feed(Book(Yes, "0.01", [("0.48", "100")], [("0.52", "80")]), 1_000);
        Feed(Book(No, "0.01", [("0.48", "100")], [("0.52", "80")]), 1_000);
        Feed(Changes(Entry(Yes, "0.49", "BUY", "10", "0.49", "0.52"), Entry(No, "0.51", "SELL", "5", "0.48", "0.50")), 1_100);
        Feed("PONG", 1_150);

        var noIndex = _engine.Registry.TokenIndexOf(UInt256.Parse(No));
        Assert.True(_engine.Books.Book(YesIndex)!.IsTrusted);
        Assert.Equal(BookUntrustedReason.HashMismatch, _engine.Books.Book(noIndex)!.UntrustedReason);
        Assert.Equal(1, _engine.Books.TopOfBookMismatches);
    }

    [Fact]
    public void OneFrame_ManyTokens_ChecksEveryStatementOnceAndForgetsThemAfterwards()
    {
        // Twelve tokens in one frame: more than the pending checks' first capacity.
        var registry = new MarketRegistry();
        var ids = new string[12];
        for (var m = 0; m < 6; m++)
        {
            ids[2 * m] = (1_000_000_000_000UL + (ulong)m).ToString(System.Globalization.CultureInfo.InvariantCulture);
            ids[(2 * m) + 1] = (2_000_000_000_000UL + (ulong)m).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var condition = new byte[32];
            condition[31] = (byte)(m + 1);
            registry.GetOrAdd(Hash32.FromBytes(condition), UInt256.Parse(ids[2 * m]), UInt256.Parse(ids[(2 * m) + 1]));
        }

        var engine = new EngineCore(registry, new EngineOptions { StaleAfterMs = 5_000 });
        var translator = new FrameTranslator<DirectEngineTarget>(new DirectEngineTarget(engine));
        long frame = 0;
        void FeedTo(string json)
        {
            translator.BeginFrame(InboundChannel.Market, 0, 1_000 + frame, frame++);
            _parser.Parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), ref translator);
        }

        foreach (var id in ids)
        {
            FeedTo(Book(id, "0.01", [("0.48", "100")], [("0.52", "80")]));
        }

        // Every entry tells the truth except the last token's.
        FeedTo(Changes(ids.Select((id, i) => Entry(id, "0.49", "BUY", "10", i == 11 ? "0.47" : "0.49", "0.52")).ToArray()));
        FeedTo("PONG");
        FeedTo("PONG"); // a second boundary finds nothing pending

        for (var i = 0; i < ids.Length; i++)
        {
            var book = engine.Books.Book(registry.TokenIndexOf(UInt256.Parse(ids[i])))!;
            Assert.Equal(i == 11 ? BookUntrustedReason.HashMismatch : BookUntrustedReason.None, book.UntrustedReason);
        }

        Assert.Equal(1, engine.Books.TopOfBookMismatches);
    }

    [Fact]
    public void PriceChange_WhoseTopOfBookDisagrees_MarksBookUntrusted()
    {
        Feed(Book(Yes, "0.01", [("0.48", "100")], [("0.52", "80")]), 1_000);
        Feed(Change(Yes, "0.49", "BUY", "10", "0.50", "0.52"), 1_100); // the venue says 0.50: we missed an update
        Feed("PONG", 1_150);

        var book = _engine.Books.Book(YesIndex)!;
        Assert.Equal(BookUntrustedReason.HashMismatch, book.UntrustedReason);
        Assert.Equal(1, _engine.Books.TopOfBookMismatches);
        Assert.False(_engine.Books.IsQuotable(YesIndex, 1_150));

        Feed(Book(Yes, "0.01", [("0.50", "100")], [("0.52", "80")]), 1_200);
        Assert.True(_engine.Books.IsQuotable(YesIndex, 1_200));
    }

    [Fact]
    public void TickSizeChange_MovesBothBooksToTheNewGrid()
    {
        Feed(Book(Yes, "0.01", [("0.03", "100")], [("0.05", "80")]), 1_000);
        Feed(Book(No, "0.01", [("0.95", "80")], [("0.97", "100")]), 1_000);
        Feed($"{{\"event_type\":\"tick_size_change\",\"market\":\"{Condition}\",\"asset_id\":\"{Yes}\",\"old_tick_size\":\"0.01\",\"new_tick_size\":\"0.001\",\"timestamp\":\"1786604072400\"}}", 1_300);

        var noIndex = _engine.Registry.TokenIndexOf(UInt256.Parse(No));
        Assert.Equal(TickSize.Thousandth, _engine.Books.Book(YesIndex)!.Tick);
        Assert.Equal(TickSize.Thousandth, _engine.Books.Book(noIndex)!.Tick);
        Assert.Equal(TickSize.Thousandth, _engine.Registry.MarketOfToken(YesIndex).Tick);
        Assert.True(_engine.Books.Book(YesIndex)!.IsTrusted);

        Feed(Change(Yes, "0.031", "BUY", "5", "0.031", "0.05"), 1_400);
        Assert.True(_engine.Books.Book(YesIndex)!.TryGetBestBid(out var bid, out _));
        Assert.Equal(Price.Parse("0.031"), bid);
    }

    [Fact]
    public void UnknownToken_IsCountedAndIgnored()
    {
        Feed(Book("123", "0.01", [("0.48", "100")], [("0.52", "80")]), 1_000);
        Assert.Equal(1, _engine.Books.UnknownTokenEvents);
        Assert.Null(_engine.Books.Book(YesIndex));
    }

    [Fact]
    public void StaleBook_IsNotQuotable_UntilUpdated()
    {
        Feed(Book(Yes, "0.01", [("0.48", "100")], [("0.52", "80")]), 1_000);
        Assert.True(_engine.Books.IsQuotable(YesIndex, 6_000));
        Assert.False(_engine.Books.IsQuotable(YesIndex, 6_001));
        Assert.True(_engine.Books.IsStale(YesIndex, 6_001));
        Feed(Change(Yes, "0.47", "BUY", "1", "0.48", "0.52"), 6_500);
        Assert.True(_engine.Books.IsQuotable(YesIndex, 7_000));
    }

    [Fact]
    public void MarketConnectionDown_MarksBooksUntrusted()
    {
        Feed(Book(Yes, "0.01", [("0.48", "100")], [("0.52", "80")]), 1_000);
        var target = new DirectEngineTarget(_engine);
        ref var e = ref target.Claim();
        e = default;
        e.Kind = InboundKind.ConnectionStatus;
        e.Channel = InboundChannel.Market;
        e.ReceiveMs = 1_100;
        e.FrameSequence = _frame++;
        e.Payload.Connection = new ConnectionStatusChange { ConnectionId = 0, State = ConnectionState.Down };
        target.Commit();
        Assert.Equal(BookUntrustedReason.Disconnected, _engine.Books.Book(YesIndex)!.UntrustedReason);
    }

    [Fact]
    public void MalformedFrame_BecomesAnErrorEvent_NotAnException()
    {
        Feed("{\"event_type\":\"book\",\"asset_id\":", 1_000);
        Assert.Equal(1, _engine.EventCount(InboundKind.FrameError));
        Assert.Equal(1, _translator.Errors);
    }

    [Fact]
    public void SteadyState_100kMessages_AllocateNothing()
    {
        var snapshot = Encoding.UTF8.GetBytes(Book(Yes, "0.01",
            Enumerable.Range(0, 40).Select(i => ($"0.{48 - i:00}", "100")).Where(l => l.Item1 != "0.00").ToArray(),
            Enumerable.Range(0, 40).Select(i => ($"0.{52 + i:00}", "100")).ToArray()));
        var changes = new byte[10][];
        for (var i = 0; i < changes.Length; i++)
        {
            changes[i] = Encoding.UTF8.GetBytes(Change(Yes, "0.47", "BUY", (i + 1).ToString(), "0.48", "0.52"));
        }

        var pong = "PONG"u8.ToArray();
        for (var i = 0; i < 2_000; i++)
        {
            Run(i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            Run(i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(_engine.Books.Book(YesIndex)!.IsTrusted);

        void Run(int i)
        {
            var frame = i % 12;
            Feed(frame == 0 ? snapshot : frame == 11 ? pong : changes[frame - 1], 1_000 + i);
        }
    }
}
