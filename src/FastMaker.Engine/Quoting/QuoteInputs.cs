using FastMaker.Engine.Time;
using FastMaker.Primitives;

namespace FastMaker.Engine.Quoting;

/// <summary>Everything the quote model needs about one market, in the YES token's price space.</summary>
public struct QuoteInputs
{
    /// <summary>Tick size, min size, fee rate and end date are all known and the market is quotable.</summary>
    public bool MetadataComplete;

    /// <summary>The market's state from the three clocks.</summary>
    public MarketState State;

    /// <summary>Both books are trusted and fresh.</summary>
    public bool BooksQuotable;

    /// <summary>Tick grid.</summary>
    public TickSize Tick;

    /// <summary>The market's minimum order size.</summary>
    public Quantity MinSize;

    /// <summary>Taker fee rate (basis points).</summary>
    public int TakerFeeRateBps;

    /// <summary>Fee exponent (fee = shares x rate x (p(1-p))^exponent).</summary>
    public int FeeExponent;

    /// <summary>YES fair value, raw price units; NaN when unknown.</summary>
    public double FairValueRaw;

    /// <summary>A unified YES best bid exists.</summary>
    public bool HasBestBid;

    /// <summary>Unified YES best bid (max of the YES bid and 1 - the NO ask).</summary>
    public Price BestBid;

    /// <summary>A unified YES best ask exists.</summary>
    public bool HasBestAsk;

    /// <summary>Unified YES best ask (min of the YES ask and 1 - the NO bid).</summary>
    public Price BestAsk;

    /// <summary>YES tokens held.</summary>
    public Quantity HoldYes;

    /// <summary>NO tokens held.</summary>
    public Quantity HoldNo;

    /// <summary>Time left on the trading clock, ms.</summary>
    public long TimeToEndMs;

    /// <summary>Toxicity in [0, 1] (the worse of the two tokens).</summary>
    public double Toxicity;

    /// <summary>The market pays liquidity rewards.</summary>
    public bool HasRewards;

    /// <summary>Rewards' max spread from the adjusted midpoint.</summary>
    public Price RewardsMaxSpread;

    /// <summary>Rewards' min size.</summary>
    public Quantity RewardsMinSize;

    /// <summary>Rewards' size-cutoff-adjusted YES midpoint, raw; NaN to use the fair value.</summary>
    public double RewardMidRaw;
}
