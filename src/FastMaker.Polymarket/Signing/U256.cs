using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace FastMaker.Polymarket.Signing;

/// <summary>A 256-bit unsigned integer as four 64-bit limbs, least significant first. Plain data: the modular
/// arithmetic lives in <see cref="Mont{TModulus}"/>.</summary>
internal struct U256
{
    public ulong L0, L1, L2, L3;

    public U256(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0; L1 = l1; L2 = l2; L3 = l3;
    }

    public readonly bool IsZero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (L0 | L1 | L2 | L3) == 0;
    }

    public readonly bool IsOdd => (L0 & 1) != 0;

    /// <summary>Reads 32 big-endian bytes (the Ethereum encoding of a uint256 or a digest).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 FromBigEndian(ReadOnlySpan<byte> bytes32)
    {
        bytes32 = bytes32.Slice(0, 32);
        return new U256(
            BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(24)),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(16)),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(8)),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void WriteBigEndian(Span<byte> destination32)
    {
        destination32 = destination32.Slice(0, 32);
        BinaryPrimitives.WriteUInt64BigEndian(destination32, L3);
        BinaryPrimitives.WriteUInt64BigEndian(destination32.Slice(8), L2);
        BinaryPrimitives.WriteUInt64BigEndian(destination32.Slice(16), L1);
        BinaryPrimitives.WriteUInt64BigEndian(destination32.Slice(24), L0);
    }

    /// <summary>True when a &lt; b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThan(in U256 a, in U256 b)
    {
        SubBorrow(a, b, out _, out ulong borrow);
        return borrow != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Equal(in U256 a, in U256 b) => ((a.L0 ^ b.L0) | (a.L1 ^ b.L1) | (a.L2 ^ b.L2) | (a.L3 ^ b.L3)) == 0;

    /// <summary>r = a - b mod 2^256; borrow is 1 when b &gt; a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SubBorrow(in U256 a, in U256 b, out U256 r, out ulong borrow)
    {
        ulong bw = 0;
        r.L0 = Sbb(a.L0, b.L0, ref bw);
        r.L1 = Sbb(a.L1, b.L1, ref bw);
        r.L2 = Sbb(a.L2, b.L2, ref bw);
        r.L3 = Sbb(a.L3, b.L3, ref bw);
        borrow = bw;
    }

    /// <summary>r = a + b mod 2^256; carry is the bit shifted out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddCarry(in U256 a, in U256 b, out U256 r, out ulong carry)
    {
        ulong c = 0;
        r.L0 = Adc(a.L0, b.L0, ref c);
        r.L1 = Adc(a.L1, b.L1, ref c);
        r.L2 = Adc(a.L2, b.L2, ref c);
        r.L3 = Adc(a.L3, b.L3, ref c);
        carry = c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Adc(ulong a, ulong b, ref ulong carry)
    {
        ulong s = a + b;
        ulong c1 = s < a ? 1UL : 0UL;
        ulong s2 = s + carry;
        ulong c2 = s2 < s ? 1UL : 0UL;
        carry = c1 | c2;
        return s2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Sbb(ulong a, ulong b, ref ulong borrow)
    {
        ulong d = a - b;
        ulong b1 = a < b ? 1UL : 0UL;
        ulong d2 = d - borrow;
        ulong b2 = d < borrow ? 1UL : 0UL;
        borrow = b1 | b2;
        return d2;
    }

    /// <summary>Returns the low word of t + a*b + carry and leaves the high word in carry (never overflows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mac(ulong t, ulong a, ulong b, ref ulong carry)
    {
        ulong hi = Math.BigMul(a, b, out ulong lo);
        lo += t;
        hi += lo < t ? 1UL : 0UL;
        lo += carry;
        hi += lo < carry ? 1UL : 0UL;
        carry = hi;
        return lo;
    }

    /// <summary>Overwrites the limbs with zero (for secrets held in locals or fields).</summary>
    public void Wipe()
    {
        L0 = 0; L1 = 0; L2 = 0; L3 = 0;
    }
}
