using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastMaker.Primitives;

/// <summary>
/// An unsigned 256-bit integer for CTF token ids (up to 78 decimal digits), as four little-endian 64-bit limbs:
/// <see cref="U0"/> is the least significant. Decimal parsing and formatting never allocate.
/// </summary>
public readonly struct UInt256 : IEquatable<UInt256>, IComparable<UInt256>, ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>The most decimal digits a value can have (2^256 - 1 has 78).</summary>
    public const int MaxDecimalDigits = 78;

    /// <summary>Zero.</summary>
    public static readonly UInt256 Zero = default;

    /// <summary>2^256 - 1.</summary>
    public static readonly UInt256 MaxValue = new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);

    // Formatting works in base 10^19, the largest power of ten below 2^64 (and at least 2^63, so it is a normalized divisor).
    private const ulong Pow10_19 = 10_000_000_000_000_000_000UL;
    private const int ChunkDigits = 19;

    // Möller-Granlund reciprocal of 10^19: floor((2^128 - 1) / 10^19) - 2^64.
    private static readonly ulong Pow10_19Reciprocal = (ulong)((UInt128.MaxValue / Pow10_19) - ((UInt128)1 << 64));

    // Parsing works in chunks of 16 digits: two 8-byte SWAR words.
    private const ulong Pow10_16 = 10_000_000_000_000_000UL;
    private const int ParseChunkDigits = 16;

    /// <summary>Builds a value from its limbs, least significant first.</summary>
    public UInt256(ulong u0, ulong u1, ulong u2, ulong u3)
    {
        U0 = u0;
        U1 = u1;
        U2 = u2;
        U3 = u3;
    }

    /// <summary>Bits 0-63.</summary>
    public ulong U0 { get; }

    /// <summary>Bits 64-127.</summary>
    public ulong U1 { get; }

    /// <summary>Bits 128-191.</summary>
    public ulong U2 { get; }

    /// <summary>Bits 192-255.</summary>
    public ulong U3 { get; }

    /// <summary>True for zero.</summary>
    public bool IsZero => (U0 | U1 | U2 | U3) == 0;

    /// <summary>Parses decimal UTF-8 digits (leading zeros allowed); rejects empty input, any non-digit and values above 2^256 - 1.</summary>
    public static bool TryParse(ReadOnlySpan<byte> decimalUtf8, out UInt256 value) => TryParseCore(decimalUtf8, out value);

    /// <summary>Parses decimal UTF-16 digits; see the UTF-8 overload.</summary>
    public static bool TryParse(ReadOnlySpan<char> decimalText, out UInt256 value) => TryParseCore(decimalText, out value);

    /// <summary>Parses decimal text at the edges; throws <see cref="FormatException"/> naming the reason.</summary>
    public static UInt256 Parse(string decimalText)
    {
        if (decimalText is null)
        {
            ThrowHelper.ThrowArgumentNull(nameof(decimalText));
        }

        if (!TryParse(decimalText.AsSpan(), out UInt256 value))
        {
            ThrowHelper.ThrowFormat(nameof(UInt256), decimalText.Length == 0
                ? "the input is empty"
                : "expected only decimal digits with a value no greater than 2^256 - 1");
        }

        return value;
    }

    private static bool TryParseCore<TChar>(ReadOnlySpan<TChar> s, out UInt256 value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        value = default;
        int n = s.Length;
        if (n == 0)
        {
            return false;
        }

        // The first chunk takes the odd digits so every later chunk is exactly 16 digits (two 8-digit SWAR words).
        int first = n % ParseChunkDigits;
        if (first == 0)
        {
            first = ParseChunkDigits;
        }

        if (!TryParseScalar(s.Slice(0, first), out ulong u0))
        {
            return false;
        }

        ulong u1 = 0, u2 = 0, u3 = 0;
        for (int i = first; i < n; i += ParseChunkDigits)
        {
            if (!TryParse16(s.Slice(i, ParseChunkDigits), out ulong chunk))
            {
                return false;
            }

            // (u3..u0) = (u3..u0) * 10^16 + chunk, carrying limb to limb; anything out of u3 is overflow.
            ulong hi0 = Math.BigMul(u0, Pow10_16, out ulong lo0);
            ulong hi1 = Math.BigMul(u1, Pow10_16, out ulong lo1);
            ulong hi2 = Math.BigMul(u2, Pow10_16, out ulong lo2);
            ulong hi3 = Math.BigMul(u3, Pow10_16, out ulong lo3);
            if (hi3 != 0)
            {
                return false;
            }

            u0 = lo0 + chunk;
            ulong carry = u0 < chunk ? 1UL : 0UL;
            u1 = AddWithCarry(lo1, hi0, ref carry);
            u2 = AddWithCarry(lo2, hi1, ref carry);
            u3 = AddWithCarry(lo3, hi2, ref carry);
            if (carry != 0)
            {
                return false;
            }
        }

        value = new UInt256(u0, u1, u2, u3);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong sum = a + b;
        ulong c1 = sum < a ? 1UL : 0UL;
        ulong result = sum + carry;
        ulong c2 = result < sum ? 1UL : 0UL;
        carry = c1 | c2;
        return result;
    }

    // At most 16 digits, so the accumulator cannot wrap.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseScalar<TChar>(ReadOnlySpan<TChar> digits, out ulong value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        ulong acc = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            uint d = uint.CreateTruncating(digits[i]) - '0';
            if (d > 9)
            {
                value = 0;
                return false;
            }

            acc = (acc * 10) + d;
        }

        value = acc;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParse16<TChar>(ReadOnlySpan<TChar> digits, out ulong value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (typeof(TChar) != typeof(byte))
        {
            return TryParseScalar(digits, out value);
        }

        ReadOnlySpan<byte> bytes = MemoryMarshal.Cast<TChar, byte>(digits);
        ulong hi = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        ulong lo = BinaryPrimitives.ReadUInt64LittleEndian(bytes.Slice(8));
        if (!AreEightDigits(hi) || !AreEightDigits(lo))
        {
            value = 0;
            return false;
        }

        value = (EightDigitsValue(hi) * 100_000_000UL) + EightDigitsValue(lo);
        return true;
    }

    // Every byte is '0'..'9': its high nibble is 3, and adding 6 does not carry it into 4 (simdjson's check).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool AreEightDigits(ulong word) =>
        ((word & 0xF0F0F0F0F0F0F0F0UL) | (((word + 0x0606060606060606UL) & 0xF0F0F0F0F0F0F0F0UL) >> 4)) == 0x3333333333333333UL;

    // Eight ASCII digits, first digit in the lowest byte, to their value in three multiplies (Lemire's SWAR parse).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong EightDigitsValue(ulong word)
    {
        word -= 0x3030303030303030UL;
        word = (word * 10) + (word >> 8);
        word = (((word & 0x000000FF000000FFUL) * (100 + (1_000_000UL << 32)))
            + (((word >> 16) & 0x000000FF000000FFUL) * (1 + (10_000UL << 32)))) >> 32;
        return (uint)word;
    }

    /// <summary>Writes the decimal digits (no leading zeros; "0" for zero) as UTF-8; at most 78 bytes.</summary>
    public bool TryFormat(Span<byte> utf8, out int bytesWritten) => TryFormatCore(utf8, out bytesWritten);

    /// <summary>Writes the decimal digits as UTF-16; at most 78 chars.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten) => TryFormatCore(destination, out charsWritten);

    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormatCore(destination, out charsWritten);

    bool IUtf8SpanFormattable.TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormatCore(utf8Destination, out bytesWritten);

    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToString();

    private bool TryFormatCore<TChar>(Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        // Split into base-10^19 chunks, least significant first, by repeated 256-by-64-bit division.
        ulong c0, c1 = 0, c2 = 0, c3 = 0, c4 = 0;
        ulong u0 = U0, u1 = U1, u2 = U2, u3 = U3;
        int chunks = 1;
        c0 = DivRem(ref u0, ref u1, ref u2, ref u3);
        if ((u0 | u1 | u2 | u3) != 0)
        {
            c1 = DivRem(ref u0, ref u1, ref u2, ref u3);
            chunks = 2;
            if ((u0 | u1 | u2 | u3) != 0)
            {
                c2 = DivRem(ref u0, ref u1, ref u2, ref u3);
                chunks = 3;
                if ((u0 | u1 | u2 | u3) != 0)
                {
                    c3 = DivRem(ref u0, ref u1, ref u2, ref u3);
                    chunks = 4;
                    if ((u0 | u1 | u2 | u3) != 0)
                    {
                        // 10^76 * 10^19 > 2^256, so the fifth chunk is the last and is below 10^19.
                        c4 = u0;
                        chunks = 5;
                    }
                }
            }
        }

        ulong top = chunks switch { 1 => c0, 2 => c1, 3 => c2, 4 => c3, _ => c4 };
        int topDigits = FixedPointFormatter.CountDigits(top);
        int length = topDigits + ((chunks - 1) * ChunkDigits);
        if ((uint)destination.Length < (uint)length)
        {
            written = 0;
            return false;
        }

        DigitPairs.WritePadded(destination.Slice(0, topDigits), top);
        int pos = topDigits;
        if (chunks >= 5)
        {
            DigitPairs.WritePadded(destination.Slice(pos, ChunkDigits), c3);
            pos += ChunkDigits;
        }

        if (chunks >= 4)
        {
            DigitPairs.WritePadded(destination.Slice(pos, ChunkDigits), c2);
            pos += ChunkDigits;
        }

        if (chunks >= 3)
        {
            DigitPairs.WritePadded(destination.Slice(pos, ChunkDigits), c1);
            pos += ChunkDigits;
        }

        if (chunks >= 2)
        {
            DigitPairs.WritePadded(destination.Slice(pos, ChunkDigits), c0);
        }

        written = length;
        return true;
    }

    // Divides (u3..u0) by 10^19 in place and returns the remainder.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong DivRem(ref ulong u0, ref ulong u1, ref ulong u2, ref ulong u3)
    {
        ulong rem = 0;
        u3 = DivStep(u3, ref rem);
        u2 = DivStep(u2, ref rem);
        u1 = DivStep(u1, ref rem);
        u0 = DivStep(u0, ref rem);
        return rem;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong DivStep(ulong limb, ref ulong rem)
    {
        ulong q = DivRem128By10Pow19(rem, limb, out ulong r);
        rem = r;
        return q;
    }

    /// <summary>
    /// (high:low) / 10^19 for high &lt; 10^19, by the reciprocal method of Möller and Granlund
    /// ("Improved division by invariant integers", 2011, algorithm 4): two multiplies instead of a 128-bit division.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong DivRem128By10Pow19(ulong high, ulong low, out ulong remainder)
    {
        ulong productHigh = Math.BigMul(Pow10_19Reciprocal, high, out ulong productLow);
        ulong q0 = productLow + low;
        ulong q1 = productHigh + high + (q0 < productLow ? 1UL : 0UL) + 1;
        ulong r = low - (q1 * Pow10_19);
        if (r > q0)
        {
            q1--;
            r += Pow10_19;
        }

        if (r >= Pow10_19)
        {
            q1++;
            r -= Pow10_19;
        }

        remainder = r;
        return q1;
    }

    /// <summary>Writes the 32-byte big-endian encoding (as an ABI uint256 word).</summary>
    public void WriteBigEndian(Span<byte> destination32)
    {
        if (destination32.Length < 32)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination32), 32);
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination32, U3);
        BinaryPrimitives.WriteUInt64BigEndian(destination32.Slice(8), U2);
        BinaryPrimitives.WriteUInt64BigEndian(destination32.Slice(16), U1);
        BinaryPrimitives.WriteUInt64BigEndian(destination32.Slice(24), U0);
    }

    /// <summary>Reads a 32-byte big-endian encoding.</summary>
    public static UInt256 ReadBigEndian(ReadOnlySpan<byte> source32)
    {
        if (source32.Length != 32)
        {
            ThrowHelper.ThrowSourceLength(nameof(source32), 32);
        }

        return new UInt256(
            BinaryPrimitives.ReadUInt64BigEndian(source32.Slice(24)),
            BinaryPrimitives.ReadUInt64BigEndian(source32.Slice(16)),
            BinaryPrimitives.ReadUInt64BigEndian(source32.Slice(8)),
            BinaryPrimitives.ReadUInt64BigEndian(source32));
    }

    /// <summary>A value below 2^64.</summary>
    public static implicit operator UInt256(ulong value) => new(value, 0, 0, 0);

    /// <summary>The decimal digits.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[MaxDecimalDigits];
        TryFormatCore(buffer, out int written);
        return new string(buffer.Slice(0, written));
    }

    public bool Equals(UInt256 other) => ((U0 ^ other.U0) | (U1 ^ other.U1) | (U2 ^ other.U2) | (U3 ^ other.U3)) == 0;

    public override bool Equals(object? obj) => obj is UInt256 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(U0, U1, U2, U3);

    public int CompareTo(UInt256 other)
    {
        if (U3 != other.U3)
        {
            return U3 < other.U3 ? -1 : 1;
        }

        if (U2 != other.U2)
        {
            return U2 < other.U2 ? -1 : 1;
        }

        if (U1 != other.U1)
        {
            return U1 < other.U1 ? -1 : 1;
        }

        return U0 == other.U0 ? 0 : (U0 < other.U0 ? -1 : 1);
    }

    public static bool operator ==(UInt256 left, UInt256 right) => left.Equals(right);

    public static bool operator !=(UInt256 left, UInt256 right) => !left.Equals(right);

    public static bool operator <(UInt256 left, UInt256 right) => left.CompareTo(right) < 0;

    public static bool operator >(UInt256 left, UInt256 right) => left.CompareTo(right) > 0;

    public static bool operator <=(UInt256 left, UInt256 right) => left.CompareTo(right) <= 0;

    public static bool operator >=(UInt256 left, UInt256 right) => left.CompareTo(right) >= 0;
}
