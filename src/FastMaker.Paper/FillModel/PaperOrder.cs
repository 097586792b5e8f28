using FastMaker.Engine.Orders;
using FastMaker.Primitives;

namespace FastMaker.Paper.FillModel;

/// <summary>One simulated order of ours and its estimated place in the queue. Finished orders are forgotten.</summary>
public struct PaperOrder
{
    /// <summary>The order id.</summary>
    public Hash32 Id;

    /// <summary>Dense market index.</summary>
    public int MarketIndex;

    /// <summary>Dense token index.</summary>
    public int TokenIndex;

    /// <summary>True for the market's YES token.</summary>
    public bool IsYes;

    /// <summary>The order's side in its token.</summary>
    public Side Side;

    /// <summary>Limit price in its token.</summary>
    public Price Price;

    /// <summary>True when it rests on the bid side of the unified (YES) book: BUY YES or SELL NO.</summary>
    public bool IsBid;

    /// <summary>Its unified (YES) price in 0.0001 steps.</summary>
    public int Level;

    /// <summary>Original size, raw shares.</summary>
    public long Size;

    /// <summary>Filled so far, raw shares.</summary>
    public long Filled;

    /// <summary>Displayed shares estimated ahead of us at our level.</summary>
    public long Ahead;

    /// <summary>What unexplained decreases moved us forward by lately (undone if a print explains them).</summary>
    public long Cut;

    /// <summary>When <see cref="Cut"/> last grew.</summary>
    public long CutMs;

    /// <summary>Post-only.</summary>
    public bool PostOnly;

    /// <summary>Time in force.</summary>
    public IntentTimeInForce TimeInForce;

    /// <summary>State.</summary>
    public PaperOrderState State;

    /// <summary>When it goes (went) live.</summary>
    public long LiveAtMs;

    /// <summary>Order of arrival at the venue: FIFO among our own orders at one level.</summary>
    public long Sequence;

    /// <summary>Shares not yet filled.</summary>
    public readonly long Remaining => Size - Filled;
}
