using FastMaker.Engine.Books;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Books;

public class OrderBookTests
{
    private static Price P(string s) => Price.Parse(s);
    private static Quantity Q(string s) => Quantity.Parse(s);

    [Fact]
    public void NewBook_IsUntrusted_UntilFirstSnapshot()
    {
        var book = new OrderBook(TickSize.Hundredth);
        Assert.False(book.IsTrusted);
        Assert.Equal(BookUntrustedReason.NoSnapshot, book.UntrustedReason);

        book.BeginSnapshot();
        book.SetLevel(Side.Buy, P("0.48"), Q("100"));
        book.SetLevel(Side.Sell, P("0.52"), Q("50"));
        book.EndSnapshot(1000);

        Assert.True(book.IsTrusted);
        Assert.True(book.TryGetBestBid(out var bid, out var bidSize));
        Assert.True(book.TryGetBestAsk(out var ask, out var askSize));
        Assert.Equal(P("0.48"), bid);
        Assert.Equal(Q("100"), bidSize);
        Assert.Equal(P("0.52"), ask);
        Assert.Equal(Q("50"), askSize);
        Assert.Equal(1000, book.LastUpdateMs);
    }

    [Fact]
    public void RemovingBestBid_FindsNextLevelDown()
    {
        var book = Snapshot(TickSize.Hundredth, bids: [("0.40", "1"), ("0.45", "2"), ("0.47", "3")], asks: [("0.60", "1")]);
        book.ApplyDelta(Side.Buy, P("0.47"), Quantity.Zero, 2);
        Assert.True(book.TryGetBestBid(out var bid, out var size));
        Assert.Equal(P("0.45"), bid);
        Assert.Equal(Q("2"), size);
        Assert.Equal(2, book.BidLevels);

        book.ApplyDelta(Side.Buy, P("0.45"), Quantity.Zero, 3);
        book.ApplyDelta(Side.Buy, P("0.40"), Quantity.Zero, 4);
        Assert.False(book.TryGetBestBid(out _, out _));
        Assert.Equal(0, book.BidLevels);
        Assert.True(book.IsTrusted);
    }

    [Fact]
    public void RemovingBestAsk_FindsNextLevelUp()
    {
        var book = Snapshot(TickSize.Thousandth, bids: [], asks: [("0.501", "1"), ("0.555", "2")]);
        book.ApplyDelta(Side.Sell, P("0.501"), Quantity.Zero, 2);
        Assert.True(book.TryGetBestAsk(out var ask, out _));
        Assert.Equal(P("0.555"), ask);
    }

    [Fact]
    public void CrossingDelta_MarksBookUntrusted_UntilNextSnapshot()
    {
        var book = Snapshot(TickSize.Hundredth, bids: [("0.48", "10")], asks: [("0.52", "10")]);
        book.ApplyDelta(Side.Buy, P("0.53"), Q("5"), 2);
        Assert.False(book.IsTrusted);
        Assert.Equal(BookUntrustedReason.Crossed, book.UntrustedReason);

        book.BeginSnapshot();
        book.SetLevel(Side.Buy, P("0.48"), Q("10"));
        book.SetLevel(Side.Sell, P("0.52"), Q("10"));
        book.EndSnapshot(3);
        Assert.True(book.IsTrusted);
        Assert.Equal(Quantity.Zero, book.SizeAt(Side.Buy, P("0.53")));
    }

    [Fact]
    public void LockedBook_IsUntrusted()
    {
        var book = Snapshot(TickSize.Hundredth, bids: [("0.50", "10")], asks: [("0.50", "10")]);
        Assert.Equal(BookUntrustedReason.Locked, book.UntrustedReason);
    }

    [Theory]
    [InlineData("0.485", BookUpdateResult.OffGrid)]
    [InlineData("1", BookUpdateResult.OutOfRange)]
    [InlineData("0", BookUpdateResult.OutOfRange)]
    public void InvalidLevel_IsNotApplied_AndMarksUntrusted(string price, BookUpdateResult expected)
    {
        var book = Snapshot(TickSize.Hundredth, bids: [("0.48", "10")], asks: [("0.52", "10")]);
        Assert.Equal(expected, book.ApplyDelta(Side.Buy, P(price), Q("1"), 2));
        Assert.Equal(BookUntrustedReason.InvalidLevel, book.UntrustedReason);
        Assert.True(book.TryGetBestBid(out var bid, out _));
        Assert.Equal(P("0.48"), bid);
    }

    [Fact]
    public void TickSizeToFiner_KeepsEveryLevel_AndStaysTrusted()
    {
        var book = Snapshot(TickSize.Hundredth, bids: [("0.03", "10"), ("0.02", "5")], asks: [("0.05", "7")]);
        book.ChangeTickSize(TickSize.Thousandth);
        Assert.True(book.IsTrusted);
        Assert.Equal(TickSize.Thousandth, book.Tick);
        Assert.Equal(Q("10"), book.SizeAt(Side.Buy, P("0.03")));
        Assert.Equal(Q("5"), book.SizeAt(Side.Buy, P("0.02")));
        Assert.Equal(Q("7"), book.SizeAt(Side.Sell, P("0.05")));
        book.ApplyDelta(Side.Buy, P("0.031"), Q("1"), 5);
        Assert.True(book.TryGetBestBid(out var bid, out _));
        Assert.Equal(P("0.031"), bid);
    }

    [Fact]
    public void TickSizeToCoarser_WithOffGridLevels_DropsThem_AndIsUntrusted()
    {
        var book = Snapshot(TickSize.Thousandth, bids: [("0.951", "10"), ("0.95", "5")], asks: [("0.962", "7")]);
        book.ChangeTickSize(TickSize.Hundredth);
        Assert.Equal(BookUntrustedReason.TickSizeChanged, book.UntrustedReason);
        Assert.Equal(Q("5"), book.SizeAt(Side.Buy, P("0.95")));
        Assert.True(book.TryGetBestBid(out var bid, out _));
        Assert.Equal(P("0.95"), bid);
        Assert.False(book.TryGetBestAsk(out _, out _));
    }

    [Fact]
    public void CopyLevels_ReturnsBestFirst()
    {
        var book = Snapshot(TickSize.Hundredth, bids: [("0.40", "1"), ("0.45", "2")], asks: [("0.60", "3"), ("0.55", "4")]);
        Span<BookLevel> levels = stackalloc BookLevel[8];
        Assert.Equal(2, book.CopyLevels(Side.Buy, levels));
        Assert.Equal(new BookLevel(P("0.45"), Q("2")), levels[0]);
        Assert.Equal(new BookLevel(P("0.40"), Q("1")), levels[1]);
        Assert.Equal(2, book.CopyLevels(Side.Sell, levels));
        Assert.Equal(new BookLevel(P("0.55"), Q("4")), levels[0]);
        Assert.Equal(1, book.CopyLevels(Side.Sell, levels[..1]));
    }

    [Fact]
    public void SnapshotAndDeltas_AllocateNothing_AfterWarmUp()
    {
        var book = new OrderBook(TickSize.TenThousandth);
        for (var round = 0; round < 3; round++)
        {
            RunLoop(book);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 100; round++)
        {
            RunLoop(book);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void RunLoop(OrderBook book)
        {
            book.BeginSnapshot();
            for (var i = 0; i < 40; i++)
            {
                book.SetLevel(Side.Buy, Price.FromRaw(400_000 - i * 100), Quantity.FromRaw(1_000_000 + i));
                book.SetLevel(Side.Sell, Price.FromRaw(600_000 + i * 100), Quantity.FromRaw(1_000_000 + i));
            }

            book.EndSnapshot(1);
            for (var i = 0; i < 40; i++)
            {
                book.ApplyDelta(Side.Buy, Price.FromRaw(400_000 - i * 100), Quantity.Zero, 2);
            }
        }
    }

    internal static OrderBook Snapshot(TickSize tick, (string Price, string Size)[] bids, (string Price, string Size)[] asks)
    {
        var book = new OrderBook(tick);
        book.BeginSnapshot();
        foreach (var (p, s) in bids)
        {
            book.SetLevel(Side.Buy, P(p), Q(s));
        }

        foreach (var (p, s) in asks)
        {
            book.SetLevel(Side.Sell, P(p), Q(s));
        }

        book.EndSnapshot(1);
        return book;
    }
}
