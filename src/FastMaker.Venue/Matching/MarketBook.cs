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

    public void RecomputeBestBidFrom(int start)
    {
        int level = start;
        while (level > 0 && BidHead[level] < 0)
            level--;
        BestBid = level;
    }

    public void RecomputeBestAskFrom(int start)
    {
        int level = start;
        while (level < Levels && AskHead[level] < 0)
            level++;
        BestAsk = level;
    }
}
