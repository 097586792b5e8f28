using System.Runtime.CompilerServices;

namespace FastMaker.Polymarket.Signing;

/// <summary>Width-w non-adjacent form of a public scalar below 2^130: digits are 0 or odd in (-2^(w-1), 2^(w-1)),
/// and any w consecutive digits hold at most one non-zero, so a multiply needs about bits / (w + 1) additions.</summary>
internal static class Wnaf
{
    /// <summary>Digits needed for a 129-bit magnitude (the wNAF is at most one digit longer than the number).</summary>
    public const int MaxDigits = 132;

    /// <summary>Writes the digits of k (least significant first, negated when <paramref name="negate"/>) and returns
    /// how many are significant; the rest of <paramref name="digits"/> is zeroed.</summary>
    public static int Compute(in U256 k, int width, bool negate, Span<sbyte> digits)
    {
        digits = digits.Slice(0, MaxDigits);
        digits.Clear();
        ulong l0 = k.L0, l1 = k.L1, l2 = k.L2;
        int window = 1 << width;
        int half = window >> 1;
        int sign = negate ? -1 : 1;
        int length = 0;
        int i = 0;
        while ((l0 | l1 | l2) != 0)
        {
            if ((l0 & 1) != 0)
            {
                int d = (int)(l0 & (ulong)(window - 1));
                if (d >= half) d -= window;
                // k -= d: exact in 192 bits (k < 2^130 and |d| < 2^(w-1)).
                if (d > 0)
                {
                    ulong borrow = 0;
                    l0 = U256.Sbb(l0, (ulong)d, ref borrow);
                    l1 = U256.Sbb(l1, 0, ref borrow);
                    l2 = U256.Sbb(l2, 0, ref borrow);
                }
                else
                {
                    ulong carry = 0;
                    l0 = U256.Adc(l0, (ulong)(-d), ref carry);
                    l1 = U256.Adc(l1, 0, ref carry);
                    l2 = U256.Adc(l2, 0, ref carry);
                }
                digits[i] = (sbyte)(d * sign);
                length = i + 1;
            }
            ShiftRight1(ref l0, ref l1, ref l2);
            i++;
        }
        return length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ShiftRight1(ref ulong l0, ref ulong l1, ref ulong l2)
    {
        l0 = (l0 >> 1) | (l1 << 63);
        l1 = (l1 >> 1) | (l2 << 63);
        l2 >>= 1;
    }
}
