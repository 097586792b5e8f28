using FastMaker.Primitives;

namespace FastMaker.Venue.Matching;

/// <summary>An order's state inside the engine; lives in a pooled array, linked into its price level and its owner's list.</summary>
internal struct OrderSlot
{
    public Hash32 Id;
    public string Owner;
    public EthAddress Maker;
    public int Account;
    public int Book;
    public int Outcome;
    public Side Side;
    public bool IsBid;
    public int PriceRaw;
    public int LevelTicks;
    public long Original;
    public long Filled;
    public long MakerAmount;
    public long TakerAmount;
    public OrderType Type;
    public long Expiration;
    public long CreatedAtMs;
    public long Reserved;
    public List<TradeId>? Trades;
    public int Prev;
    public int Next;
    public int OwnerPrev;
    public int OwnerNext;
    public int Generation;
    public bool InUse;
    public bool Resting;

    public readonly long Remaining => Original - Filled;
}
