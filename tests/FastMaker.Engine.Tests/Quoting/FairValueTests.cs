using FastMaker.Engine.Books;
using FastMaker.Engine.Quoting;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Quoting;

public class FairValueTests
{
    private static OrderBook Book(TickSize tick, (int P, long S)[] bids, (int P, long S)[] asks)
    {
        var book = new OrderBook(tick);
        book.BeginSnapshot();
        foreach (var (p, s) in bids) book.SetLevel(Side.Buy, Price.FromRaw(p), Quantity.FromRaw(s * Quantity.Scale));
        foreach (var (p, s) in asks) book.SetLevel(Side.Sell, Price.FromRaw(p), Quantity.FromRaw(s * Quantity.Scale));
        book.EndSnapshot(1);
        return book;
    }

    [Fact]
    public void Microprice_TopLevel_LeansTowardTheThinnerSide()
    {
        var yes = Book(TickSize.Hundredth, [(480_000, 100)], [(520_000, 300)]);
        // (0.48 x 300 + 0.52 x 100) / 400 = 0.49
        Assert.Equal(490_000, FairValue.MicropriceRaw(yes, null, 1), 6);
    }

    [Fact]
    public void Microprice_OverTopKLevels_UsesDepthWeightedSidePrices()
    {
        var yes = Book(TickSize.Hundredth, [(480_000, 100), (470_000, 100), (400_000, 1000)], [(520_000, 100), (540_000, 300)]);
        // k = 2: Pb = 0.475, Qb = 200; Pa = (0.52 x 100 + 0.54 x 300) / 400 = 0.535, Qa = 400
        // FV = (0.475 x 400 + 0.535 x 200) / 600 = 0.495
        Assert.Equal(495_000, FairValue.MicropriceRaw(yes, null, 2), 6);
    }

    [Fact]
    public void UnifiedBook_MirrorsTheComplement_AndSumsEqualPrices()
    {
        var yes = Book(TickSize.Hundredth, [(480_000, 100)], [(530_000, 100)]);
        var no = Book(TickSize.Hundredth, [(480_000, 50)], [(510_000, 70)]); // NO bid 0.48 = YES ask 0.52; NO ask 0.51 = YES bid 0.49
        Span<BookLevel> levels = stackalloc BookLevel[4];
        var bids = UnifiedBook.CopyLevels(yes, no, Side.Buy, levels);
        Assert.Equal(2, bids);
        Assert.Equal(new BookLevel(Price.FromRaw(490_000), Quantity.FromRaw(70 * Quantity.Scale)), levels[0]);
        Assert.Equal(new BookLevel(Price.FromRaw(480_000), Quantity.FromRaw(100 * Quantity.Scale)), levels[1]);

        Assert.True(UnifiedBook.TryGetBest(yes, no, Side.Sell, out var ask));
        Assert.Equal(520_000, ask.Raw);
        Assert.True(UnifiedBook.TryGetBest(yes, no, Side.Buy, out var bid));
        Assert.Equal(490_000, bid.Raw);

        var sameLevel = Book(TickSize.Hundredth, [(470_000, 30)], [(520_000, 40)]); // NO ask 0.52 = YES bid 0.48
        bids = UnifiedBook.CopyLevels(yes, sameLevel, Side.Buy, levels);
        Assert.Equal(1, bids);
        Assert.Equal(140 * (long)Quantity.Scale, levels[0].Size.Raw);
    }

    [Fact]
    public void MirroredVenueBooks_GiveTheSameMicropriceAsOneBook()
    {
        var yes = Book(TickSize.Thousandth, [(481_000, 120), (470_000, 80)], [(515_000, 40), (530_000, 200)]);
        var no = Book(TickSize.Thousandth, [(485_000, 40), (470_000, 200)], [(519_000, 120), (530_000, 80)]);
        Assert.Equal(FairValue.MicropriceRaw(yes, null, 2), FairValue.MicropriceRaw(yes, no, 2), 6);
    }

    [Fact]
    public void OneSidedBook_HasNoFairValue()
    {
        var yes = Book(TickSize.Hundredth, [(480_000, 100)], []);
        Assert.True(double.IsNaN(FairValue.MicropriceRaw(yes, null, 3)));
    }
}
