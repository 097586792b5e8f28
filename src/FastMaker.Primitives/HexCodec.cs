using System.Numerics;
using System.Runtime.CompilerServices;

namespace FastMaker.Primitives;

/// <summary>"0x"-prefixed fixed-length hex: case-insensitive decoding, lowercase encoding. Never allocates.</summary>
internal static class HexCodec
{
    private static ReadOnlySpan<byte> LowerDigits => "0123456789abcdef"u8;

    /// <summary>Decodes "0x" or "0X" followed by exactly 2 * destination.Length hex digits.</summary>
    public static bool TryDecodePrefixed<TChar>(ReadOnlySpan<TChar> s, Span<byte> destination)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (s.Length != 2 + (2 * destination.Length)
            || uint.CreateTruncating(s[0]) != '0'
            || (uint.CreateTruncating(s[1]) | 0x20) != 'x')
        {
            return false;
        }

        for (int i = 0; i < destination.Length; i++)
        {
            int hi = Nibble(uint.CreateTruncating(s[2 + (2 * i)]));
            int lo = Nibble(uint.CreateTruncating(s[3 + (2 * i)]));
            if ((hi | lo) < 0)
            {
                return false;
            }

            destination[i] = (byte)((hi << 4) | lo);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Nibble(uint c)
    {
        uint d = c - '0';
        if (d <= 9)
        {
            return (int)d;
        }

        // Folding to lowercase maps 'A'-'F' onto 'a'-'f'; anything else stays out of range.
        uint l = (c | 0x20) - 'a';
        return l <= 5 ? (int)(l + 10) : -1;
    }

    /// <summary>Writes "0x" and the lowercase hex of <paramref name="bytes"/>; false when the destination is too short.</summary>
    public static bool TryEncodePrefixed<TChar>(ReadOnlySpan<byte> bytes, Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        int length = 2 + (2 * bytes.Length);
        if ((uint)destination.Length < (uint)length)
        {
            written = 0;
            return false;
        }

        destination[0] = TChar.CreateTruncating('0');
        destination[1] = TChar.CreateTruncating('x');
        ReadOnlySpan<byte> digits = LowerDigits;
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            destination[2 + (2 * i)] = TChar.CreateTruncating(digits[b >> 4]);
            destination[3 + (2 * i)] = TChar.CreateTruncating(digits[b & 0xF]);
        }

        written = length;
        return true;
    }
}
