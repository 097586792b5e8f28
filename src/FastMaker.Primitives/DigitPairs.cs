using System.Numerics;
using System.Runtime.CompilerServices;

namespace FastMaker.Primitives;

/// <summary>Writes decimal digits two at a time from a 200-byte table: half the divisions of digit-by-digit output.</summary>
internal static class DigitPairs
{
    private static ReadOnlySpan<byte> Table =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>Fills the whole span with the low digits of <paramref name="value"/>, zero-padded on the left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WritePadded<TChar>(Span<TChar> destination, ulong value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        ReadOnlySpan<byte> table = Table;
        int i = destination.Length;
        while (i >= 2)
        {
            ulong q = value / 100;
            int pair = (int)(value - (q * 100)) * 2;
            destination[i - 1] = TChar.CreateTruncating(table[pair + 1]);
            destination[i - 2] = TChar.CreateTruncating(table[pair]);
            value = q;
            i -= 2;
        }

        if (i == 1)
        {
            destination[0] = TChar.CreateTruncating((uint)('0' + (value % 10)));
        }
    }
}
