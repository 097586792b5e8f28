using FastMaker.Primitives;

namespace FastMaker.Engine.Quoting;

/// <summary>Settings of the quote stage and its differ. Prices are raw 1e-6 units; sizes are shares.</summary>
public sealed class QuoteOptions
{
    /// <summary>Half-spread quoted in calm conditions (raw price). Default 0.02.</summary>
    public int BaseHalfSpreadRaw { get; init; } = 20_000;

    /// <summary>The half-spread is never below this many ticks. Default 1.</summary>
    public int MinHalfSpreadTicks { get; init; } = 1;

    /// <summary>Share of taker fees returned to makers as rebates, in [0, 1]; lowers the fee floor. Default 0.25.</summary>
    public double MakerRebateShare { get; init; } = 0.25;

    /// <summary>Extra half-spread at toxicity 1 (raw price; scaled linearly by toxicity). Default 0.03.</summary>
    public int ToxicityPremiumRaw { get; init; } = 30_000;

    /// <summary>At or above this toxicity the quote widens and rewards are ignored. Default 0.3.</summary>
    public double ToxicityWidenThreshold { get; init; } = 0.3;

    /// <summary>At or above this toxicity the market is not quoted at all. Default 0.7.</summary>
    public double ToxicityPullThreshold { get; init; } = 0.7;

    /// <summary>Size is divided by (1 + this x toxicity). Default 10.</summary>
    public double ToxicitySizeFactor { get; init; } = 10;

    /// <summary>Size per side before tapering (shares). Default 50.</summary>
    public Quantity BaseSize { get; init; } = Quantity.FromRaw(50 * Quantity.Scale);

    /// <summary>Net inventory (YES minus NO shares) at which the skew is full. Default 500 shares.</summary>
    public Quantity InventoryCap { get; init; } = Quantity.FromRaw(500 * (long)Quantity.Scale);

    /// <summary>At this fraction of the cap the side that adds inventory is pulled. Default 0.6.</summary>
    public double SoftCapFraction { get; init; } = 0.6;

    /// <summary>Reservation shift at full inventory, p = 0.5 and a distant end (raw price). Default 0.02.</summary>
    public int SkewMaxRaw { get; init; } = 20_000;

    /// <summary>Time to end over which the skew grows toward (1 + <see cref="EndUrgency"/>) times its size, ms. Default 24 h.</summary>
    public long SkewHorizonMs { get; init; } = 24 * 3_600_000L;

    /// <summary>How much stronger the skew is at the end of trading than beyond the skew horizon. Default 1.</summary>
    public double EndUrgency { get; init; } = 1;

    /// <summary>Sizes taper linearly to the minimum over this last stretch before the end, ms. Default 6 h.</summary>
    public long TaperHorizonMs { get; init; } = 6 * 3_600_000L;

    /// <summary>Quote for liquidity rewards when it pays. Default true.</summary>
    public bool RewardsEnabled { get; init; } = true;

    /// <summary>Reward-seeking quotes rest this fraction of the max spread from the adjusted mid (never below the fee and toxicity floor). Default 0.5.</summary>
    public double RewardSpreadFraction { get; init; } = 0.5;

    /// <summary>Levels scanned per side for the rewards' size-cutoff-adjusted midpoint. Default 10.</summary>
    public int RewardMidScanLevels { get; init; } = 10;

    /// <summary>The differ replaces an order whose price is off by at least this many ticks. Default 1.</summary>
    public int PriceToleranceTicks { get; init; } = 1;

    /// <summary>The differ replaces an order whose remaining size is off by at least this percent. Default 20.</summary>
    public int SizeTolerancePercent { get; init; } = 20;

    /// <summary>Intents the differ may emit per event before the sink refuses (the sink's capacity). Default 256.</summary>
    public int IntentCapacity { get; init; } = 256;

    /// <summary>Throws with a precise message when a setting is out of range.</summary>
    public void Validate()
    {
        Require(BaseHalfSpreadRaw > 0, $"BaseHalfSpreadRaw must be positive, got {BaseHalfSpreadRaw}");
        Require(MinHalfSpreadTicks >= 1, $"MinHalfSpreadTicks must be at least 1, got {MinHalfSpreadTicks}");
        Require(MakerRebateShare is >= 0 and <= 1, $"MakerRebateShare must be in [0, 1], got {MakerRebateShare}");
        Require(ToxicityPremiumRaw >= 0, $"ToxicityPremiumRaw must not be negative, got {ToxicityPremiumRaw}");
        Require(ToxicityWidenThreshold is >= 0 and <= 1, $"ToxicityWidenThreshold must be in [0, 1], got {ToxicityWidenThreshold}");
        Require(ToxicityPullThreshold > ToxicityWidenThreshold && ToxicityPullThreshold <= 1,
            $"ToxicityPullThreshold must be in (ToxicityWidenThreshold, 1], got {ToxicityPullThreshold}");
        Require(ToxicitySizeFactor >= 0, $"ToxicitySizeFactor must not be negative, got {ToxicitySizeFactor}");
        Require(BaseSize.Raw > 0, $"BaseSize must be positive, got {BaseSize}");
        Require(InventoryCap.Raw > 0, $"InventoryCap must be positive, got {InventoryCap}");
        Require(SoftCapFraction is > 0 and <= 1, $"SoftCapFraction must be in (0, 1], got {SoftCapFraction}");
        Require(SkewMaxRaw >= 0, $"SkewMaxRaw must not be negative, got {SkewMaxRaw}");
        Require(SkewHorizonMs > 0 && TaperHorizonMs > 0, "SkewHorizonMs and TaperHorizonMs must be positive");
        Require(EndUrgency >= 0, $"EndUrgency must not be negative, got {EndUrgency}");
        Require(RewardSpreadFraction is > 0 and < 1, $"RewardSpreadFraction must be in (0, 1), got {RewardSpreadFraction}");
        Require(RewardMidScanLevels is >= 1 and <= UnifiedBook.MaxLevels, $"RewardMidScanLevels must be in [1, {UnifiedBook.MaxLevels}], got {RewardMidScanLevels}");
        Require(PriceToleranceTicks >= 1, $"PriceToleranceTicks must be at least 1, got {PriceToleranceTicks}");
        Require(SizeTolerancePercent is >= 1 and <= 100, $"SizeTolerancePercent must be in [1, 100], got {SizeTolerancePercent}");
        Require(IntentCapacity >= 4, $"IntentCapacity must be at least 4, got {IntentCapacity}");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
