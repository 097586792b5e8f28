using FastMaker.Primitives;

namespace FastMaker.Engine.Quoting;

/// <summary>
/// What the quote stage wants resting on one token right now: at most one bid and one ask. The differ compares it
/// with live orders and emits intents only where the difference matters.
/// </summary>
public struct DesiredQuote
{
    /// <summary>Dense token index.</summary>
    public int TokenIndex;

    /// <summary>A bid is wanted.</summary>
    public bool HasBid;

    /// <summary>Bid price (on the tick grid, rounded away from the touch).</summary>
    public Price BidPrice;

    /// <summary>Bid size.</summary>
    public Quantity BidSize;

    /// <summary>An ask is wanted.</summary>
    public bool HasAsk;

    /// <summary>Ask price (on the tick grid, rounded away from the touch).</summary>
    public Price AskPrice;

    /// <summary>Ask size.</summary>
    public Quantity AskSize;

    /// <summary>Why a side is missing or widened, for the log and the dashboard.</summary>
    public QuoteReason Reason;

    /// <summary>Fair value of the token (raw price units) the quote was built on; NaN when unknown.</summary>
    public double FairValueRaw;

    /// <summary>The market's toxicity score in [0, 1] the quote was built with.</summary>
    public double Toxicity;

    /// <summary>Expected liquidity-reward Q_min of the market's quotes per sample (multiplier b = 1); 0 when none.</summary>
    public double RewardScore;

    /// <summary>Clears everything but the token index.</summary>
    public void Reset()
    {
        var token = TokenIndex;
        this = default;
        TokenIndex = token;
        FairValueRaw = double.NaN;
    }
}

/// <summary>Why the quote stage pulled or changed a quote (flags).</summary>
[Flags]
public enum QuoteReason : ushort
{
    /// <summary>Quoting normally.</summary>
    None = 0,

    /// <summary>The market state forbids quoting (wind-down, pre-event, challenge window, resolved, halted).</summary>
    MarketState = 1 << 0,

    /// <summary>The book is untrusted or stale.</summary>
    BookNotTrusted = 1 << 1,

    /// <summary>Toxic flow: widened or pulled, whatever the reward.</summary>
    Toxicity = 1 << 2,

    /// <summary>Inventory at its soft cap: the side that adds inventory is pulled.</summary>
    InventoryCap = 1 << 3,

    /// <summary>Metadata incomplete: not quoted.</summary>
    Metadata = 1 << 4,

    /// <summary>Widened or sized to score liquidity rewards.</summary>
    Rewards = 1 << 5,

    /// <summary>The post-only price would cross the book: moved back.</summary>
    WouldCross = 1 << 6,
}
