using System.Numerics;
using System.Runtime.CompilerServices;

namespace FastMaker.Primitives;

/// <summary>Writes raw 1e-6 units as the shortest exact decimal: "0.52", "1", "0.0001", "-3.25". Never allocates.</summary>
internal static class FixedPointFormatter
{
    /// <summary>The longest output: '-' + 13 integer digits + '.' + 6 decimals.</summary>
    public const int MaxLength = 21;

    public static bool TryFormat<TChar>(long raw, Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        bool negative = raw < 0;
        // Negate through ulong so long.MinValue has a magnitude too.
        ulong magnitude = negative ? 0UL - (ulong)raw : (ulong)raw;
        ulong integer = magnitude / FixedPointParser.Scale;
        uint fraction = (uint)(magnitude - (integer * FixedPointParser.Scale));

        int integerDigits = CountDigits(integer);
        int fractionDigits = 0;
        if (fraction != 0)
        {
            fractionDigits = FixedPointParser.Decimals;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                fractionDigits--;
            }
        }

        int length = (negative ? 1 : 0) + integerDigits + (fractionDigits == 0 ? 0 : 1 + fractionDigits);
        if ((uint)destination.Length < (uint)length)
        {
            written = 0;
            return false;
        }

        int integerStart = negative ? 1 : 0;
        DigitPairs.WritePadded(destination.Slice(integerStart, integerDigits), integer);
        if (fractionDigits != 0)
        {
            destination[integerStart + integerDigits] = TChar.CreateTruncating('.');
            DigitPairs.WritePadded(destination.Slice(integerStart + integerDigits + 1, fractionDigits), fraction);
        }

        if (negative)
        {
            destination[0] = TChar.CreateTruncating('-');
        }

        written = length;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int CountDigits(ulong value)
    {
        int digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    public static string ToString(long raw)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        TryFormat(raw, buffer, out int written);
        return new string(buffer.Slice(0, written));
    }
}
