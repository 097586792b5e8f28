namespace FastMaker.Venue.Matching;

/// <summary>
/// The unified book of one market in YES terms: a BUY YES at p and a SELL NO at 1 - p are bids at p;
/// a SELL YES at p and a BUY NO at 1 - p are asks at p. Levels live in dense arrays indexed by price
/// in units of the finest tick (0.0001), so a level is an index, not a search, and a tick size
/// change needs no rebuild. Each level is a FIFO of order slots (time priority).
/// </summary>
internal sealed class MarketBook
{
    public const int Levels = 10_000;
    public const int PriceUnit = 100;

    public readonly VenueMarket Market;
    public readonly int YesAsset;
    public readonly int NoAsset;
    public readonly long[] BidSize = new long[Levels];
    public readonly long[] AskSize = new long[Levels];
    public readonly int[] BidHead = new int[Levels];
    public readonly int[] BidTail = new int[Levels];
    public readonly int[] AskHead = new int[Levels];
    public readonly int[] AskTail = new int[Levels];

    // One bit per non-empty level, so finding the next best level after one empties is a word scan
    // (at most 157 words), not a walk over up to 10,000 empty levels.
    private readonly ulong[] _bidMask = new ulong[(Levels + 63) / 64];
    private readonly ulong[] _askMask = new ulong[(Levels + 63) / 64];

    /// <summary>Best bid level; 0 when there is none.</summary>
    public int BestBid;

    /// <summary>Best ask level; <see cref="Levels"/> when there is none.</summary>
    public int BestAsk = Levels;

    /// <summary>YES price of the last trade (1e-6), 0 before the first.</summary>
    public int LastTradeYes;

    public MarketBook(VenueMarket market, int yesAsset, int noAsset)
    {
        Market = market;
        YesAsset = yesAsset;
        NoAsset = noAsset;
        Array.Fill(BidHead, -1);
        Array.Fill(BidTail, -1);
        Array.Fill(AskHead, -1);
        Array.Fill(AskTail, -1);
    }

    public int AssetOf(int outcome) => outcome == 0 ? YesAsset : NoAsset;

    public bool HasBid => BestBid > 0;

    public bool HasAsk => BestAsk < Levels;

    public void MarkOccupied(bool bid, int level) => (bid ? _bidMask : _askMask)[level >> 6] |= 1UL << (level & 63);

    public void MarkEmpty(bool bid, int level) => (bid ? _bidMask : _askMask)[level >> 6] &= ~(1UL << (level & 63));

    /// <summary>Best bid becomes the highest occupied level at or below <paramref name="start"/> (0 if none).</summary>
    public void RecomputeBestBidFrom(int start)
    {
        int word = start >> 6;
        ulong bits = _bidMask[word] & (ulong.MaxValue >> (63 - (start & 63)));
        while (bits == 0)
        {
            if (--word < 0)
            {
                BestBid = 0;
                return;
            }
            bits = _bidMask[word];
        }
        BestBid = (word << 6) + 63 - System.Numerics.BitOperations.LeadingZeroCount(bits);
    }

    /// <summary>Best ask becomes the lowest occupied level at or above <paramref name="start"/> (<see cref="Levels"/> if none).</summary>
    public void RecomputeBestAskFrom(int start)
    {
        if (start >= Levels)
        {
            BestAsk = Levels;
            return;
        }
        int word = start >> 6;
        ulong bits = _askMask[word] & (ulong.MaxValue << (start & 63));
        while (bits == 0)
        {
            if (++word >= _askMask.Length)
            {
                BestAsk = Levels;
                return;
            }
            bits = _askMask[word];
        }
        BestAsk = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
    }
}
