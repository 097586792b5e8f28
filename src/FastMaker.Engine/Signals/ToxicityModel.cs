namespace FastMaker.Engine.Signals;

/// <summary>
/// The toxicity score of a token, in [0, 1]:
/// <code>
/// A_mkt = clamp(-min_h M_mkt(h) / scale, 0, 1)     worst mean maker markout of public trades over the horizons
/// A_own = clamp(-min_h M_own(h) / scale, 0, 1)     worst mean markout of our own fills
/// V     = |buy - sell| / (buy + sell) x min(1, n / n_min)   aggressor-volume imbalance (one-bucket VPIN), damped
///                                                   when the window holds fewer than n_min trades
/// toxicity = 1 - (1 - A_mkt) (1 - A_own) (1 - w V)
/// </code>
/// A horizon counts only once it has at least <see cref="SignalOptions.MarkoutMinSamples"/> markouts. Each term
/// alone can drive the score up (losing markouts alone can reach 1; one-sided flow alone reaches at most w), the
/// terms compound, and the product form keeps the result in [0, 1] by construction.
/// </summary>
public static class ToxicityModel
{
    /// <summary>The adverse-markout term: clamp(-worst mean / scale, 0, 1) over horizons with enough samples.</summary>
    public static double AdverseMarkout(MarkoutTracker tracker, int minSamples, int scaleRaw)
    {
        var worst = 0.0;
        for (var h = 0; h < tracker.HorizonCount; h++)
        {
            if (tracker.WindowCount(h) < minSamples)
            {
                continue;
            }

            var mean = tracker.MeanMarkoutRaw(h);
            if (mean < worst)
            {
                worst = mean;
            }
        }

        return Math.Clamp(-worst / scaleRaw, 0.0, 1.0);
    }

    /// <summary>The flow term V: imbalance damped by min(1, trades / minTrades).</summary>
    public static double FlowTerm(TradeFlow flow, int minTrades) =>
        flow.Imbalance * Math.Min(1.0, (double)flow.TradeCount / minTrades);

    /// <summary>Combines the terms: 1 - (1 - aMarket)(1 - aOwn)(1 - weight x flow).</summary>
    public static double Combine(double adverseMarket, double adverseOwn, double flow, double flowWeight)
    {
        var score = 1.0 - (1.0 - adverseMarket) * (1.0 - adverseOwn) * (1.0 - flowWeight * flow);
        return Math.Clamp(score, 0.0, 1.0);
    }
}
