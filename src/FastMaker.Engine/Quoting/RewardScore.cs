namespace FastMaker.Engine.Quoting;

/// <summary>
/// Polymarket's liquidity-reward scoring (PROTOCOL.md 8.1): an order at distance s from the size-cutoff-adjusted
/// midpoint scores S(v, s) = ((v - s) / v)^2 x b per share when s &lt; v and its size is at least the reward min size.
/// Q_one sums S x size over YES bids and NO asks, Q_two over YES asks and NO bids; then
/// Q_min = max(min(Q_one, Q_two), max(Q_one / c, Q_two / c)) with c = 3 when the midpoint is in [0.10, 0.90]
/// (a single-sided quote scores a third), else min(Q_one, Q_two) (only two-sided quotes score).
/// </summary>
public static class RewardScore
{
    /// <summary>The single-sided divisor c.</summary>
    public const double SingleSidedDivisor = 3.0;

    /// <summary>S(v, s) with b = 1: ((v - s) / v)^2 for 0 &lt;= s &lt; v, else 0. Distances in any one unit.</summary>
    public static double OrderScore(double maxSpread, double distance)
    {
        if (maxSpread <= 0 || distance < 0 || distance >= maxSpread)
        {
            return 0;
        }

        var x = (maxSpread - distance) / maxSpread;
        return x * x;
    }

    /// <summary>Q_min from the side scores and the midpoint (raw price units).</summary>
    public static double QMin(double qOne, double qTwo, double midRaw)
    {
        var two = Math.Min(qOne, qTwo);
        if (midRaw >= 100_000 && midRaw <= 900_000)
        {
            return Math.Max(two, Math.Max(qOne, qTwo) / SingleSidedDivisor);
        }

        return two;
    }
}
