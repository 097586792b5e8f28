using FastMaker.Primitives;

namespace FastMaker.Paper.FillModel;

/// <summary>The reference fee: a taker pays shares x rate x (p(1-p))^exponent; a maker pays nothing.</summary>
public static class PaperFees
{
    /// <summary>
    /// The taker fee in raw collateral for <paramref name="size"/> shares at <paramref name="price"/>, rate in basis
    /// points, rounded to 5 decimals (10 raw units) half up, at least 0.00001 when a fee applies; 0 when the rate is 0.
    /// The same arithmetic as the engine's order tracker, so a simulated fill books what a real one would.
    /// </summary>
    public static Amount TakerFee(Quantity size, Price price, int rateBps, int exponent)
    {
        if (rateBps <= 0 || size.Raw <= 0) return Amount.Zero;
        Int128 pq = (Int128)price.Raw * (Price.Scale - price.Raw);
        Int128 factor = pq;
        for (int i = 1; i < Math.Max(1, exponent); i++)
        {
            factor = factor * pq / ((Int128)Price.Scale * Price.Scale);
        }

        Int128 scaled = (Int128)size.Raw * rateBps * factor / ((Int128)10_000 * Price.Scale * Price.Scale);
        long raw = (long)scaled;
        if (raw <= 0 && factor > 0) return Amount.FromRaw(10);
        return Amount.FromRaw(Math.Max(10, (raw + 5) / 10 * 10));
    }
}
