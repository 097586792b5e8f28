using FastMaker.Engine.Books;
using FastMaker.Primitives;

namespace FastMaker.Engine.Quoting;

/// <summary>
/// Fair value of a token: the depth-weighted microprice of the unified book (own book plus the complement's mirror)
/// over the top k levels of each side:
/// <code>
/// Pb = sum(p q) / sum(q) over the k best unified bids, Qb = sum(q); Pa, Qa likewise for the asks
/// FV = (Pb Qa + Pa Qb) / (Qa + Qb)
/// </code>
/// Each side's average price is weighted by the opposite side's depth, so FV leans toward the thinner side (where the
/// next trade is likelier to move the price). With k = 1 this is the classic top-of-book microprice. A one-sided or
/// empty book has no fair value (NaN): it is not quoted.
/// </summary>
public static class FairValue
{
    /// <summary>The microprice in raw price units (1e-6), or NaN when either unified side is empty.</summary>
    public static double MicropriceRaw(OrderBook own, OrderBook? complement, int levels)
    {
        levels = Math.Clamp(levels, 1, UnifiedBook.MaxLevels);
        Span<BookLevel> bids = stackalloc BookLevel[UnifiedBook.MaxLevels];
        Span<BookLevel> asks = stackalloc BookLevel[UnifiedBook.MaxLevels];
        var bidCount = UnifiedBook.CopyLevels(own, complement, Side.Buy, bids[..levels]);
        var askCount = UnifiedBook.CopyLevels(own, complement, Side.Sell, asks[..levels]);
        return MicropriceRaw(bids[..bidCount], asks[..askCount]);
    }

    /// <summary>The microprice of the given levels (best first), or NaN when either side is empty.</summary>
    public static double MicropriceRaw(ReadOnlySpan<BookLevel> bids, ReadOnlySpan<BookLevel> asks)
    {
        double bidNotional = 0, bidSize = 0, askNotional = 0, askSize = 0;
        foreach (var level in bids)
        {
            bidNotional += (double)level.Price.Raw * level.Size.Raw;
            bidSize += level.Size.Raw;
        }

        foreach (var level in asks)
        {
            askNotional += (double)level.Price.Raw * level.Size.Raw;
            askSize += level.Size.Raw;
        }

        if (bidSize <= 0 || askSize <= 0)
        {
            return double.NaN;
        }

        var bidAverage = bidNotional / bidSize;
        var askAverage = askNotional / askSize;
        return (bidAverage * askSize + askAverage * bidSize) / (askSize + bidSize);
    }
}
