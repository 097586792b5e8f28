using System.Numerics;
using System.Runtime.CompilerServices;

namespace FastMaker.Primitives;

/// <summary>
/// Parses decimal text with up to six decimals into raw 1e-6 units, without floating point and without allocating.
/// Accepted grammar: <c>[-] digits [ '.' [digits] ] | [-] '.' digits</c>, so "0.52", "100", ".5" and "5." all parse.
/// Leading zeros are accepted; zeros beyond the sixth decimal are accepted (the value is exact); any other
/// seventh-or-later decimal is <see cref="ParseError.TooManyDecimals"/>. No whitespace, exponents or '+'.
/// </summary>
internal static class FixedPointParser
{
    public const int Decimals = 6;
    public const ulong Scale = 1_000_000;

    // Scales a fraction with fewer than six digits up to six.
    private static ReadOnlySpan<uint> FractionScale => [1_000_000, 100_000, 10_000, 1_000, 100, 10, 1];

    /// <summary>
    /// Parses an optionally signed value. <paramref name="positiveLimit"/> and <paramref name="negativeLimit"/> are the largest
    /// accepted magnitudes (raw units); a magnitude beyond them reports <paramref name="limitError"/>.
    /// A '-' is rejected with <see cref="ParseError.SignNotAllowed"/> when <paramref name="allowMinus"/> is false.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ParseError Parse<TChar>(ReadOnlySpan<TChar> s, bool allowMinus, ulong positiveLimit, ulong negativeLimit, ParseError limitError, out ulong magnitude, out bool negative)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        magnitude = 0;
        negative = false;
        if (s.IsEmpty)
        {
            return ParseError.Empty;
        }

        uint first = uint.CreateTruncating(s[0]);
        if (first == '-')
        {
            if (!allowMinus)
            {
                return ParseError.SignNotAllowed;
            }

            negative = true;
            return ParseMagnitude(s.Slice(1), negativeLimit, limitError, out magnitude);
        }

        if (first == '+')
        {
            return ParseError.SignNotAllowed;
        }

        return ParseMagnitude(s, positiveLimit, limitError, out magnitude);
    }

    /// <summary>Parses an unsigned decimal into raw units no greater than <paramref name="limit"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ParseError ParseMagnitude<TChar>(ReadOnlySpan<TChar> s, ulong limit, ParseError limitError, out ulong magnitude)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        magnitude = 0;
        int n = s.Length;
        int i = 0;

        // The integer part is bounded by limit / Scale before each multiply, so it can never wrap a ulong.
        ulong integerLimit = limit / Scale;
        ulong integer = 0;
        bool anyDigit = false;
        for (; i < n; i++)
        {
            uint d = uint.CreateTruncating(s[i]) - '0';
            if (d > 9)
            {
                break;
            }

            integer = (integer * 10) + d;
            anyDigit = true;
            if (integer > integerLimit)
            {
                return ScanRestForCharacterError(s, i + 1, limitError);
            }
        }

        uint fraction = 0;
        int fractionDigits = 0;
        bool excessDecimals = false;
        if (i < n)
        {
            if (uint.CreateTruncating(s[i]) != '.')
            {
                return ParseError.InvalidCharacter;
            }

            i++;
            // The first six decimals accumulate; any later ones must be zeros. Two tight loops, no per-digit count test.
            int significantEnd = Math.Min(n, i + Decimals);
            for (; i < significantEnd; i++)
            {
                uint d = uint.CreateTruncating(s[i]) - '0';
                if (d > 9)
                {
                    return ParseError.InvalidCharacter;
                }

                fraction = (fraction * 10) + d;
                fractionDigits++;
            }

            for (; i < n; i++)
            {
                uint d = uint.CreateTruncating(s[i]) - '0';
                if (d > 9)
                {
                    return ParseError.InvalidCharacter;
                }

                excessDecimals |= d != 0;
            }

            anyDigit |= fractionDigits != 0;
        }

        if (!anyDigit)
        {
            // Only "", "." (and "-", "-." after the sign) get here: any other character was rejected above.
            return ParseError.MissingDigits;
        }

        if (excessDecimals)
        {
            return ParseError.TooManyDecimals;
        }

        ulong raw = (integer * Scale) + (fraction * FractionScale[fractionDigits]);
        if (raw > limit)
        {
            return limitError;
        }

        magnitude = raw;
        return ParseError.None;
    }

    // After a limit breach, a malformed tail is still reported as malformed: the caller learns the worst problem first.
    private static ParseError ScanRestForCharacterError<TChar>(ReadOnlySpan<TChar> s, int start, ParseError limitError)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        bool seenDot = false;
        for (int i = start; i < s.Length; i++)
        {
            uint c = uint.CreateTruncating(s[i]);
            if (c - '0' <= 9)
            {
                continue;
            }

            if (c == '.' && !seenDot)
            {
                seenDot = true;
                continue;
            }

            return ParseError.InvalidCharacter;
        }

        return limitError;
    }
}
