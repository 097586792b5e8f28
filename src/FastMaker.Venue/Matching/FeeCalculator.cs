using System.Numerics;
using System.Runtime.CompilerServices;

namespace FastMaker.Venue.Matching;

/// <summary>
/// The reference's taker fee: fee = C x rate x (p(1 - p))^exponent, in collateral, floored to 5
/// decimals (10 micro-units), with a minimum of 0.00001 when the exact fee is positive
/// (PROTOCOL.md §8.2; NautilusTrader floors to 5 decimals "matching the venue charge").
/// Exact integer arithmetic; p(1 - p) is symmetric, so YES and NO legs pay the same.
/// </summary>
public static class FeeCalculator
{
    private const long FeeQuantum = 10; // 0.00001 in 1e-6 units

    /// <summary>Fee in 1e-6 collateral for <paramref name="shares"/> (1e-6 shares) at <paramref name="priceRaw"/> (1e-6).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long TakerFee(long shares, int priceRaw, int ratePpm, int exponent)
    {
        if (ratePpm <= 0 || shares <= 0 || priceRaw <= 0 || priceRaw >= 1_000_000)
            return 0;
        ulong pq = (ulong)priceRaw * (ulong)(1_000_000 - priceRaw); // 1e-12 units
        long quanta = exponent == 1 ? QuantaExponentOne(shares, ratePpm, pq) : QuantaGeneral(shares, ratePpm, pq, exponent);
        return quanta == 0 ? FeeQuantum : quanta * FeeQuantum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long QuantaExponentOne(long shares, int ratePpm, ulong pq)
    {
        // shares x rate(1e-6) x pq(1e-12) -> 1e-6 units is / 1e18; quanta of 10 is / 1e19.
        UInt128 numerator = (UInt128)(ulong)shares * (ulong)ratePpm * pq;
        return (long)(numerator / (UInt128)10_000_000_000_000_000_000UL);
    }

    private static long QuantaGeneral(long shares, int ratePpm, ulong pq, int exponent)
    {
        if (exponent <= 0)
            return (long)((UInt128)(ulong)shares * (ulong)ratePpm / 10_000_000UL);
        BigInteger numerator = new BigInteger(shares) * ratePpm * BigInteger.Pow(pq, exponent);
        BigInteger denominator = BigInteger.Pow(1_000_000_000_000, exponent) * 10_000_000;
        return (long)(numerator / denominator);
    }
}
