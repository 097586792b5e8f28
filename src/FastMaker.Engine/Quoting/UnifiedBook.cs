using FastMaker.Engine.Books;
using FastMaker.Primitives;

namespace FastMaker.Engine.Quoting;

/// <summary>
/// The YES and NO books of a binary market are one book: a NO bid at q is a YES ask at 1 - q (a YES buy and a NO buy
/// that sum to at least 1 match by minting), and a NO ask at q is a YES bid at 1 - q. These helpers merge a token's
/// book with its complement's mirrored book, in the token's own price space, into caller-provided spans.
/// </summary>
/// <remarks>
/// Levels at the same price are summed. If a venue already mirrors every order into both books, every level is
/// doubled, which leaves size-weighted averages (the microprice) unchanged.
/// </remarks>
public static class UnifiedBook
{
    /// <summary>Most levels merged per side (bounds the stack scratch).</summary>
    public const int MaxLevels = 16;

    /// <summary>
    /// Writes up to <paramref name="destination"/>.Length best levels of one side of the unified book, best first.
    /// <paramref name="complement"/> may be null (own book only). Returns the count written.
    /// </summary>
    public static int CopyLevels(OrderBook own, OrderBook? complement, Side side, Span<BookLevel> destination)
    {
        var k = Math.Min(destination.Length, MaxLevels);
        Span<BookLevel> mine = stackalloc BookLevel[MaxLevels];
        Span<BookLevel> theirs = stackalloc BookLevel[MaxLevels];
        var mineCount = own.CopyLevels(side, mine[..k]);
        // Our bids mirror the complement's asks, and our asks its bids.
        var theirsCount = complement is null ? 0 : complement.CopyLevels(side == Side.Buy ? Side.Sell : Side.Buy, theirs[..k]);
        for (var j = 0; j < theirsCount; j++)
        {
            theirs[j] = new BookLevel(Price.FromRaw(Price.Scale - theirs[j].Price.Raw), theirs[j].Size);
        }

        int i = 0, t = 0, written = 0;
        while (written < k && (i < mineCount || t < theirsCount))
        {
            BookLevel next;
            if (t >= theirsCount || (i < mineCount && IsBetter(side, mine[i].Price, theirs[t].Price)))
            {
                next = mine[i++];
            }
            else if (i >= mineCount || IsBetter(side, theirs[t].Price, mine[i].Price))
            {
                next = theirs[t++];
            }
            else
            {
                next = new BookLevel(mine[i].Price, Quantity.FromRaw(mine[i].Size.Raw + theirs[t].Size.Raw));
                i++;
                t++;
            }

            destination[written++] = next;
        }

        return written;
    }

    /// <summary>Best price of one side of the unified book, if any.</summary>
    public static bool TryGetBest(OrderBook own, OrderBook? complement, Side side, out Price price)
    {
        var found = false;
        price = default;
        if (side == Side.Buy)
        {
            if (own.TryGetBestBid(out var bid, out _))
            {
                price = bid;
                found = true;
            }

            if (complement is not null && complement.TryGetBestAsk(out var compAsk, out _))
            {
                var mirrored = Price.FromRaw(Price.Scale - compAsk.Raw);
                if (!found || mirrored > price)
                {
                    price = mirrored;
                    found = true;
                }
            }
        }
        else
        {
            if (own.TryGetBestAsk(out var ask, out _))
            {
                price = ask;
                found = true;
            }

            if (complement is not null && complement.TryGetBestBid(out var compBid, out _))
            {
                var mirrored = Price.FromRaw(Price.Scale - compBid.Raw);
                if (!found || mirrored < price)
                {
                    price = mirrored;
                    found = true;
                }
            }
        }

        return found;
    }

    private static bool IsBetter(Side side, Price a, Price b) => side == Side.Buy ? a > b : a < b;
}
