using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using FastMaker.Polymarket.Parsing;

namespace FastMaker.Benchmarks.Parsing;

/// <summary>
/// The channel parsers (span fast path, the default) against the same parsers held to their
/// Utf8JsonReader reference path, against JsonSerializer into plain DTOs, and against a bare
/// Utf8JsonReader token walk, on the same frames: a 2-entry price_change, a 40-level book (20 bids
/// + 20 asks of the recorded book, indented, about 2.7 KB) and a user trade with 3 maker orders, each
/// indented as the fixtures are and also compact, as the venue sends them. Run with
/// <c>dotnet run -c Release --project bench/FastMaker.Benchmarks -- --filter '*ParsingBenchmarks*'</c>
/// (the <see cref="QuietSliceConfig"/> job: read its Min column on a loaded machine).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(QuietSliceConfig))]
public class ParsingBenchmarks
{
    private readonly MarketChannelParser _market = new();
    private readonly UserChannelParser _user = new();
    private readonly MarketChannelParser _marketReader = new() { FastPathEnabled = false };
    private readonly UserChannelParser _userReader = new() { FastPathEnabled = false };
    private byte[] _bookCompact = [];
    private ReadOnlySequence<byte> _bookCompactSeq;
    private ReadOnlySequence<byte> _priceChangeCompactSeq;
    private ReadOnlySequence<byte> _tradeCompactSeq;
    private byte[] _priceChange = [];
    private byte[] _book = [];
    private byte[] _trade = [];
    private ReadOnlySequence<byte> _priceChangeSeq;
    private ReadOnlySequence<byte> _bookSeq;
    private ReadOnlySequence<byte> _tradeSeq;

    [GlobalSetup]
    public void Setup()
    {
        string dir = FindFixtures();
        _priceChange = File.ReadAllBytes(Path.Combine(dir, "market_price_change_docs_migration.json"));
        _trade = File.ReadAllBytes(Path.Combine(dir, "user_trade_three_makers.json"));
        JsonNode book = JsonNode.Parse(File.ReadAllBytes(Path.Combine(dir, "market_book_nt_recorded.json")))!;
        Trim(book["bids"]!.AsArray(), 20);
        Trim(book["asks"]!.AsArray(), 20);
        _book = JsonSerializer.SerializeToUtf8Bytes(book, new JsonSerializerOptions { WriteIndented = true });
        _bookCompact = JsonSerializer.SerializeToUtf8Bytes(book);
        _bookCompactSeq = new ReadOnlySequence<byte>(_bookCompact);
        _priceChangeSeq = new ReadOnlySequence<byte>(_priceChange);
        _bookSeq = new ReadOnlySequence<byte>(_book);
        _tradeSeq = new ReadOnlySequence<byte>(_trade);
        _priceChangeCompactSeq = new ReadOnlySequence<byte>(JsonSerializer.SerializeToUtf8Bytes(JsonNode.Parse(_priceChange)));
        _tradeCompactSeq = new ReadOnlySequence<byte>(JsonSerializer.SerializeToUtf8Bytes(JsonNode.Parse(_trade)));
        Warm();
        Console.WriteLine($"// frame sizes: price_change {_priceChange.Length} B, book {_book.Length} B (compact {_bookCompact.Length} B), trade {_trade.Length} B");
    }

    // The first benchmarks of a run would otherwise be measured partly in tier-0 code: on a loaded
    // machine the background JIT takes long to install the optimized parsers.
    private void Warm()
    {
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < 20_000; i++)
            {
                PriceChange2_Parser();
                PriceChange2_ReaderPath();
                Book40_Parser();
                Book40Compact_Parser();
                Book40_ReaderPath();
                Trade3Makers_Parser();
                Trade3Makers_ReaderPath();
                PriceChange2Compact_Parser();
                Trade3MakersCompact_Parser();
            }

            Thread.Sleep(300);
        }
    }

    private static void Trim(JsonArray array, int keep)
    {
        while (array.Count > keep)
        {
            array.RemoveAt(array.Count - 1);
        }
    }

    private static string FindFixtures()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "tests", "fixtures", "polymarket", "ws");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/fixtures/polymarket/ws not found above " + AppContext.BaseDirectory);
    }

    [Benchmark]
    public long PriceChange2_Parser()
    {
        var sink = default(BenchMarketSink);
        _market.Parse(_priceChangeSeq, ref sink);
        return sink.Checksum;
    }

    [Benchmark]
    public long PriceChange2_ReaderPath()
    {
        var sink = default(BenchMarketSink);
        _marketReader.Parse(_priceChangeSeq, ref sink);
        return sink.Checksum;
    }

    [Benchmark]
    public int PriceChange2_JsonSerializer() => JsonSerializer.Deserialize<PriceChangeDto>(_priceChange)!.price_changes!.Count;

    [Benchmark]
    public long Book40_Parser()
    {
        var sink = default(BenchMarketSink);
        _market.Parse(_bookSeq, ref sink);
        return sink.Checksum;
    }

    [Benchmark]
    public long Book40_ReaderPath()
    {
        var sink = default(BenchMarketSink);
        _marketReader.Parse(_bookSeq, ref sink);
        return sink.Checksum;
    }

    [Benchmark]
    public int Book40_JsonSerializer() => JsonSerializer.Deserialize<BookDto>(_book)!.bids!.Count;

    /// <summary>Utf8JsonReader alone walking every token of the book, no conversion: the floor of any reader-based parser.</summary>
    [Benchmark]
    public int Book40_Utf8JsonReaderTokensOnly()
    {
        var reader = new Utf8JsonReader(_book);
        int tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }

    [Benchmark]
    public long Book40Compact_Parser()
    {
        var sink = default(BenchMarketSink);
        _market.Parse(_bookCompactSeq, ref sink);
        return sink.Checksum;
    }

    [Benchmark]
    public long Trade3Makers_Parser()
    {
        var sink = default(BenchUserSink);
        _user.Parse(_tradeSeq, ref sink);
        return sink.Checksum;
    }

    [Benchmark]
    public long Trade3MakersCompact_Parser()
    {
        var sink = default(BenchUserSink);
        _user.Parse(_tradeCompactSeq, ref sink);
        return sink.Checksum;
    }

    [Benchmark]
    public long PriceChange2Compact_Parser()
    {
        var sink = default(BenchMarketSink);
        _market.Parse(_priceChangeCompactSeq, ref sink);
        return sink.Checksum;
    }

    [Benchmark]
    public long Trade3Makers_ReaderPath()
    {
        var sink = default(BenchUserSink);
        _userReader.Parse(_tradeSeq, ref sink);
        return sink.Checksum;
    }

    [Benchmark]
    public int Trade3Makers_JsonSerializer() => JsonSerializer.Deserialize<TradeDto>(_trade)!.maker_orders!.Count;

#pragma warning disable IDE1006, SA1300 // DTO names follow the wire.
    public sealed class LevelDto { public string? price { get; set; } public string? size { get; set; } }

    public sealed class BookDto
    {
        public string? event_type { get; set; }
        public string? market { get; set; }
        public string? asset_id { get; set; }
        public string? hash { get; set; }
        public string? timestamp { get; set; }
        public List<LevelDto>? bids { get; set; }
        public List<LevelDto>? asks { get; set; }
    }

    public sealed class PriceChangeEntryDto
    {
        public string? asset_id { get; set; }
        public string? price { get; set; }
        public string? size { get; set; }
        public string? side { get; set; }
        public string? hash { get; set; }
        public string? best_bid { get; set; }
        public string? best_ask { get; set; }
    }

    public sealed class PriceChangeDto
    {
        public string? event_type { get; set; }
        public string? market { get; set; }
        public string? timestamp { get; set; }
        public List<PriceChangeEntryDto>? price_changes { get; set; }
    }

    public sealed class MakerOrderDto
    {
        public string? order_id { get; set; }
        public string? owner { get; set; }
        public string? maker_address { get; set; }
        public string? matched_amount { get; set; }
        public string? price { get; set; }
        public string? fee_rate_bps { get; set; }
        public string? asset_id { get; set; }
        public string? outcome { get; set; }
        public string? side { get; set; }
    }

    public sealed class TradeDto
    {
        public string? asset_id { get; set; }
        public int bucket_index { get; set; }
        public string? event_type { get; set; }
        public string? fee_rate_bps { get; set; }
        public string? id { get; set; }
        public string? last_update { get; set; }
        public string? maker_address { get; set; }
        public List<MakerOrderDto>? maker_orders { get; set; }
        public string? market { get; set; }
        public string? match_time { get; set; }
        public string? outcome { get; set; }
        public string? owner { get; set; }
        public string? price { get; set; }
        public string? side { get; set; }
        public string? size { get; set; }
        public string? status { get; set; }
        public string? taker_order_id { get; set; }
        public string? timestamp { get; set; }
        public string? trade_owner { get; set; }
        public string? trader_side { get; set; }
        public string? transaction_hash { get; set; }
        public string? type { get; set; }
    }
#pragma warning restore IDE1006, SA1300

    private struct BenchMarketSink : IMarketChannelSink
    {
        public long Checksum;

        public void OnBookBegin(in BookSnapshot book) => Checksum += book.TimestampMs;
        public void OnBookLevel(in BookLevel level) => Checksum += level.Price.Raw + level.Size.Raw;
        public void OnBookEnd(in BookSnapshot book) { }
        public void OnPriceChange(in PriceChange change) => Checksum += change.Price.Raw + change.Size.Raw;
        public void OnTickSizeChange(in TickSizeChange change) { }
        public void OnLastTradePrice(in LastTradePrice trade) { }
        public void OnBestBidAsk(in BestBidAsk top) { }
        public void OnNewMarket(NewMarket market) { }
        public void OnMarketResolved(MarketResolved resolved) { }
        public void OnPong() { }
        public void OnUnknownEvent(long byteOffset) { }
        public void OnError(in FrameError error) => Checksum = -1;
    }

    private struct BenchUserSink : IUserChannelSink
    {
        public long Checksum;

        public void OnOrder(in OrderEvent order) => Checksum += order.Price.Raw;
        public void OnTrade(in TradeEvent trade) => Checksum += trade.Price.Raw;
        public void OnTradeMakerOrder(in MakerOrderFill maker) => Checksum += maker.MatchedAmount.Raw;
        public void OnTradeEnd(in TradeEvent trade) { }
        public void OnPong() { }
        public void OnUnknownEvent(long byteOffset) { }
        public void OnError(in FrameError error) => Checksum = -1;
    }
}
