using System.Buffers;
using System.Globalization;
using System.Text;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Tests.Parsing;

/// <summary>Fixture loading, sequence splitting and value helpers for the parser tests.</summary>
internal static class ParsingTestSupport
{
    public static string FixtureDirectory => Path.Combine(AppContext.BaseDirectory, "fixtures", "polymarket", "ws");

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(FixtureDirectory, name));

    public static string[] MarketFixtureNames() => Names("market_").Append("pong.txt").ToArray();

    public static string[] UserFixtureNames() => Names("user_").Append("pong.txt").ToArray();

    private static IEnumerable<string> Names(string prefix) =>
        Directory.GetFiles(FixtureDirectory, prefix + "*.json").Select(Path.GetFileName).Select(n => n!).OrderBy(n => n, StringComparer.Ordinal);

    public static Price P(string s) => Price.TryParse(Encoding.UTF8.GetBytes(s), out Price p, out _) ? p : throw new ArgumentException(s);

    public static Quantity Q(string s) => Quantity.TryParse(Encoding.UTF8.GetBytes(s), out Quantity q, out _) ? q : throw new ArgumentException(s);

    public static UInt256 T(string s) => UInt256.TryParse(Encoding.UTF8.GetBytes(s), out UInt256 t) ? t : throw new ArgumentException(s);

    public static Hash32 H(string s) => Hash32.TryParse(Encoding.UTF8.GetBytes(s), out Hash32 h) ? h : throw new ArgumentException(s);

    public static EthAddress A(string s) => EthAddress.TryParse(Encoding.UTF8.GetBytes(s), out EthAddress a) ? a : throw new ArgumentException(s);

    /// <summary>The frame as a sequence of segments cut at the given positions.</summary>
    public static ReadOnlySequence<byte> Split(byte[] data, params int[] cuts)
    {
        if (cuts.Length == 0)
        {
            return new ReadOnlySequence<byte>(data);
        }

        Segment? first = null;
        Segment? last = null;
        int start = 0;
        foreach (int cut in cuts.Append(data.Length))
        {
            var memory = new ReadOnlyMemory<byte>(data, start, cut - start);
            if (first is null)
            {
                first = last = new Segment(memory, 0);
            }
            else
            {
                last = last!.Append(memory);
            }

            start = cut;
        }

        return new ReadOnlySequence<byte>(first!, 0, last!, last!.Memory.Length);
    }

    /// <summary>Every segment one byte long: the worst case for values spanning segments.</summary>
    public static ReadOnlySequence<byte> SplitEveryByte(byte[] data) =>
        data.Length < 2 ? new ReadOnlySequence<byte>(data) : Split(data, Enumerable.Range(1, data.Length - 1).ToArray());

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }

    public static string Ms(long ms) => ms.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Records every market sink call as a line of text (for whole-run comparisons) and keeps the structs.</summary>
internal struct RecordingMarketSink : IMarketChannelSink
{
    public List<string> Calls;
    public List<BookSnapshot> Books;
    public List<BookLevel> Levels;
    public List<PriceChange> Changes;
    public List<object> Others;
    public List<FrameError> Errors;

    public static RecordingMarketSink Create() => new()
    {
        Calls = new(), Books = new(), Levels = new(), Changes = new(), Others = new(), Errors = new(),
    };

    public void OnBookBegin(in BookSnapshot book)
    {
        Books.Add(book);
        Calls.Add($"book {book.Market} {book.AssetId} {book.TimestampMs} {book.Hash} {book.BidCount}/{book.AskCount} tick={(book.HasTickSize ? book.TickSize.Value.ToString() : "-")} min={(book.HasMinOrderSize ? book.MinOrderSize.ToString() : "-")} ltp={(book.HasLastTradePrice ? book.LastTradePrice.ToString() : "-")} neg={(book.HasNegRisk ? book.NegRisk.ToString() : "-")}");
    }

    public void OnBookLevel(in BookLevel level)
    {
        Levels.Add(level);
        Calls.Add($"level {level.Side} {level.Index} {level.Price} {level.Size}");
    }

    public void OnBookEnd(in BookSnapshot book) => Calls.Add("book-end " + book.AssetId);

    public void OnPriceChange(in PriceChange c)
    {
        Changes.Add(c);
        Calls.Add($"pc {c.Format} {c.Market} {c.AssetId} {c.TimestampMs} {c.Hash} {c.Side} {c.Price} {(c.HasSize ? c.Size.ToString() : "-")} {(c.HasBestBid ? c.BestBid.ToString() : "-")} {(c.HasBestAsk ? c.BestAsk.ToString() : "-")} {c.HasTopOfBook} {c.EntryIndex}/{c.EntryCount}");
    }

    public void OnTickSizeChange(in TickSizeChange c)
    {
        Others.Add(c);
        Calls.Add($"tick {c.Market} {c.AssetId} {c.TimestampMs} {(c.HasOldTickSize ? c.OldTickSize.Value.ToString() : "-")} {c.NewTickSize.Value}");
    }

    public void OnLastTradePrice(in LastTradePrice t)
    {
        Others.Add(t);
        Calls.Add($"ltp {t.Market} {t.AssetId} {t.TimestampMs} {t.Side} {t.Price} {t.Size} {t.FeeRateBps} {(t.HasTransactionHash ? t.TransactionHash.ToString() : "-")}");
    }

    public void OnBestBidAsk(in BestBidAsk b)
    {
        Others.Add(b);
        Calls.Add($"bba {b.Market} {b.AssetId} {b.TimestampMs} {(b.HasBestBid ? b.BestBid.ToString() : "-")} {(b.HasBestAsk ? b.BestAsk.ToString() : "-")} {(b.HasSpread ? b.Spread.ToString() : "-")}");
    }

    public void OnNewMarket(NewMarket m)
    {
        Others.Add(m);
        Calls.Add($"new {m.Id} {m.Market} {m.Question} {string.Join(",", m.AssetIds)} {string.Join(",", m.Outcomes)} {m.TimestampMs}");
    }

    public void OnMarketResolved(MarketResolved m)
    {
        Others.Add(m);
        Calls.Add($"resolved {m.Id} {m.Market} {m.WinningAssetId} {m.WinningOutcome} {m.TimestampMs}");
    }

    public void OnPong() => Calls.Add("pong");

    public void OnUnknownEvent(long byteOffset) => Calls.Add("unknown " + byteOffset);

    public void OnError(in FrameError error)
    {
        Errors.Add(error);
        Calls.Add("error " + error);
    }
}

/// <summary>Records every user sink call.</summary>
internal struct RecordingUserSink : IUserChannelSink
{
    public List<string> Calls;
    public List<OrderEvent> Orders;
    public List<TradeEvent> Trades;
    public List<MakerOrderFill> Makers;
    public List<FrameError> Errors;

    public static RecordingUserSink Create() => new() { Calls = new(), Orders = new(), Trades = new(), Makers = new(), Errors = new() };

    public void OnOrder(in OrderEvent o)
    {
        Orders.Add(o);
        Calls.Add($"order {o.OrderId} {o.Market} {o.AssetId} {o.Owner} {o.OrderOwner} {o.MakerAddress} {o.TimestampMs} {o.CreatedAtMs} {o.ExpirationMs} {o.OriginalSize} {o.SizeMatched} {o.Price} {o.AssociateTradeCount} {o.Side} {o.Type} {o.Status} {o.TimeInForce} {o.Outcome}");
    }

    public void OnTrade(in TradeEvent t)
    {
        Trades.Add(t);
        Calls.Add($"trade {t.TradeId} {t.TakerOrderId} {t.Market} {t.AssetId} {t.TransactionHash} {t.Owner} {t.TradeOwner} {t.MakerAddress} {t.TimestampMs} {t.MatchTimeMs} {t.LastUpdateMs} {t.Size} {t.Price} {t.FeeRateBps} {t.BucketIndex} {t.MakerOrderCount} {t.Side} {t.Status} {t.TraderSide} {t.Outcome}");
    }

    public void OnTradeMakerOrder(in MakerOrderFill m)
    {
        Makers.Add(m);
        Calls.Add($"maker {m.Index} {m.OrderId} {m.AssetId} {m.Owner} {m.MakerAddress} {m.MatchedAmount} {m.Price} {m.FeeRateBps} {(m.HasSide ? m.Side.ToString() : "-")} {m.Outcome}");
    }

    public void OnTradeEnd(in TradeEvent t) => Calls.Add("trade-end");

    public void OnPong() => Calls.Add("pong");

    public void OnUnknownEvent(long byteOffset) => Calls.Add("unknown " + byteOffset);

    public void OnError(in FrameError error)
    {
        Errors.Add(error);
        Calls.Add("error " + error);
    }
}

/// <summary>Counts calls without allocating: for the zero-allocation test and the benchmarks.</summary>
internal struct CountingMarketSink : IMarketChannelSink
{
    public long Events;
    public long Errors;
    public long Checksum;

    public void OnBookBegin(in BookSnapshot book) { Events++; Checksum += book.TimestampMs; }
    public void OnBookLevel(in BookLevel level) { Checksum += level.Price.Raw + level.Size.Raw; }
    public void OnBookEnd(in BookSnapshot book) { }
    public void OnPriceChange(in PriceChange change) { Events++; Checksum += change.Price.Raw + change.Size.Raw; }
    public void OnTickSizeChange(in TickSizeChange change) { Events++; }
    public void OnLastTradePrice(in LastTradePrice trade) { Events++; Checksum += trade.Price.Raw; }
    public void OnBestBidAsk(in BestBidAsk top) { Events++; }
    public void OnNewMarket(NewMarket market) { Events++; }
    public void OnMarketResolved(MarketResolved resolved) { Events++; }
    public void OnPong() { Events++; }
    public void OnUnknownEvent(long byteOffset) { Events++; }
    public void OnError(in FrameError error) { Errors++; }
}

/// <summary>Counts user sink calls without allocating.</summary>
internal struct CountingUserSink : IUserChannelSink
{
    public long Events;
    public long Errors;
    public long Checksum;

    public void OnOrder(in OrderEvent order) { Events++; Checksum += order.Price.Raw; }
    public void OnTrade(in TradeEvent trade) { Events++; Checksum += trade.Price.Raw; }
    public void OnTradeMakerOrder(in MakerOrderFill maker) { Checksum += maker.MatchedAmount.Raw; }
    public void OnTradeEnd(in TradeEvent trade) { }
    public void OnPong() { Events++; }
    public void OnUnknownEvent(long byteOffset) { Events++; }
    public void OnError(in FrameError error) { Errors++; }
}
