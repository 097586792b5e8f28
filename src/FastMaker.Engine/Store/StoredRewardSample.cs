using FastMaker.Primitives;

namespace FastMaker.Engine.Store;

/// <summary>
/// One liquidity-reward sample of one market (PROTOCOL.md 8.1): our Q_min from our resting quotes, the Q_min of the
/// whole book (all makers, ours included) at the same instant, and the market's daily pool. The truth report
/// estimates our reward as Σ (OurQMin / TotalQMin) x DailyPool x DurationMs / 86,400,000.
/// </summary>
/// <param name="MarketId">The market (condition id).</param>
/// <param name="TimeMs">Engine clock, unix ms.</param>
/// <param name="DurationMs">How long this sample stands for (the sampling interval, e.g. 60,000).</param>
/// <param name="OurQMin">Our Q_min (RewardScore.QMin over our quotes), share units.</param>
/// <param name="TotalQMin">Q_min of every maker's scoring orders in the book, ours included.</param>
/// <param name="DailyPool">The market's reward pool per day, raw collateral.</param>
/// <param name="Simulated">True when our quotes were paper quotes (the paper model), never resting at the venue.</param>
public readonly record struct StoredRewardSample(
    Hash32 MarketId,
    long TimeMs,
    long DurationMs,
    double OurQMin,
    double TotalQMin,
    Amount DailyPool,
    bool Simulated);
