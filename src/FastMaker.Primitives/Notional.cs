using System.Runtime.CompilerServices;

namespace FastMaker.Primitives;

/// <summary>Exact price x size products in collateral, with an explicit rounding direction and overflow checks.</summary>
public static class Notional
{
    /// <summary>
    /// price x size as an <see cref="Amount"/> (raw: price.Raw * size.Raw / 1e6), rounded toward zero (<see cref="Rounding.Down"/>)
    /// or away from zero (<see cref="Rounding.Up"/>) when the exact product has more than 6 decimals. False on overflow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryMultiply(Price price, Quantity size, Rounding rounding, out Amount notional)
    {
        long high = Math.BigMul(price.Raw, size.Raw, out long low);
        if (high == (low >> 63))
        {
            // The product fits a long: the common case, without 128-bit division.
            long q = low / Price.Scale;
            if (rounding == Rounding.Up && q * Price.Scale != low)
            {
                q += low < 0 ? -1 : 1;
            }

            notional = Amount.FromRaw(q);
            return true;
        }

        // |price.Raw * size.Raw| < 2^31 * 2^63 fits Int128 exactly; the division is the only rounding.
        Int128 product = (Int128)price.Raw * size.Raw;
        Int128 quotient = Int128.DivRem(product, Price.Scale).Quotient;
        Int128 remainder = product - (quotient * Price.Scale);
        if (remainder != 0 && rounding == Rounding.Up)
        {
            quotient += product < 0 ? -1 : 1;
        }

        if (quotient > long.MaxValue || quotient < long.MinValue)
        {
            notional = default;
            return false;
        }

        notional = Amount.FromRaw((long)quotient);
        return true;
    }

    /// <summary>Like <see cref="TryMultiply"/>; throws <see cref="OverflowException"/> when the product does not fit an <see cref="Amount"/>.</summary>
    public static Amount Multiply(Price price, Quantity size, Rounding rounding)
    {
        if (!TryMultiply(price, size, rounding, out Amount notional))
        {
            ThrowHelper.ThrowOverflow("price x size does not fit an Amount.");
        }

        return notional;
    }
}
