using System.Runtime.CompilerServices;
using Mp = FastMaker.Polymarket.Signing.Mont<FastMaker.Polymarket.Signing.FieldModulus>;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// Arithmetic modulo the secp256k1 prime p = 2^256 - 0x1000003D1 in plain (not Montgomery) form: a 4x4-limb
/// product folded twice with 2^256 = 0x1000003D1 (mod p), 20 multiply instructions against Montgomery's 32. It
/// mirrors the <see cref="Mont{TModulus}"/> surface (ToMont/FromMont are the identity) so curve code is written
/// once. Inputs must be reduced; outputs are reduced.
/// </summary>
internal static class FieldArithmetic
{
    private const ulong Fold = 0x1000003D1UL;

    /// <summary>1 in this representation.</summary>
    public static U256 One => new(1, 0, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(in U256 a, in U256 b, out U256 r)
    {
        ulong c = 0;
        ulong r0 = U256.Mac(0, a.L0, b.L0, ref c);
        ulong r1 = U256.Mac(0, a.L0, b.L1, ref c);
        ulong r2 = U256.Mac(0, a.L0, b.L2, ref c);
        ulong r3 = U256.Mac(0, a.L0, b.L3, ref c);
        ulong r4 = c;
        c = 0;
        r1 = U256.Mac(r1, a.L1, b.L0, ref c);
        r2 = U256.Mac(r2, a.L1, b.L1, ref c);
        r3 = U256.Mac(r3, a.L1, b.L2, ref c);
        r4 = U256.Mac(r4, a.L1, b.L3, ref c);
        ulong r5 = c;
        c = 0;
        r2 = U256.Mac(r2, a.L2, b.L0, ref c);
        r3 = U256.Mac(r3, a.L2, b.L1, ref c);
        r4 = U256.Mac(r4, a.L2, b.L2, ref c);
        r5 = U256.Mac(r5, a.L2, b.L3, ref c);
        ulong r6 = c;
        c = 0;
        r3 = U256.Mac(r3, a.L3, b.L0, ref c);
        r4 = U256.Mac(r4, a.L3, b.L1, ref c);
        r5 = U256.Mac(r5, a.L3, b.L2, ref c);
        r6 = U256.Mac(r6, a.L3, b.L3, ref c);
        ulong r7 = c;
        Reduce512(r0, r1, r2, r3, r4, r5, r6, r7, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in U256 a, out U256 r) => Mul(a, a, out r);

    // lo + hi * 2^256 = lo + hi * Fold (mod p); the fold leaves at most 34 bits above 2^256, folded again.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reduce512(ulong r0, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, ulong r6, ulong r7, out U256 r)
    {
        ulong c = 0;
        ulong t0 = U256.Mac(r0, r4, Fold, ref c);
        ulong t1 = U256.Mac(r1, r5, Fold, ref c);
        ulong t2 = U256.Mac(r2, r6, Fold, ref c);
        ulong t3 = U256.Mac(r3, r7, Fold, ref c);
        ulong high = c;
        c = 0;
        t0 = U256.Mac(t0, high, Fold, ref c);
        t1 = U256.Adc(t1, 0, ref c);
        t2 = U256.Adc(t2, 0, ref c);
        t3 = U256.Adc(t3, 0, ref c);
        if (c != 0)
        {
            // Wrapped past 2^256: the remainder is tiny, so adding Fold once more cannot carry again.
            ulong c2 = 0;
            t0 = U256.Adc(t0, Fold, ref c2);
            t1 = U256.Adc(t1, 0, ref c2);
            t2 = U256.Adc(t2, 0, ref c2);
            t3 = U256.Adc(t3, 0, ref c2);
        }
        U256 t = new(t0, t1, t2, t3);
        Mp.ReduceFull(t, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in U256 a, in U256 b, out U256 r) => Mp.Add(a, b, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in U256 a, in U256 b, out U256 r) => Mp.Sub(a, b, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in U256 a, out U256 r) => Mp.Negate(a, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ToMont(in U256 a, out U256 r) => r = a;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FromMont(in U256 a, out U256 r) => r = a;

    /// <summary>r = a^e, fixed 4-bit windows over a public exponent.</summary>
    [SkipLocalsInit]
    public static void Pow(in U256 a, in U256 e, out U256 r)
    {
        Span<U256> powers = stackalloc U256[16];
        powers[0] = One;
        powers[1] = a;
        for (int i = 2; i < 16; i++) Mul(powers[i - 1], a, out powers[i]);
        U256 acc = One;
        bool started = false;
        for (int limb = 3; limb >= 0; limb--)
        {
            ulong word = limb switch { 0 => e.L0, 1 => e.L1, 2 => e.L2, _ => e.L3 };
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                if (started)
                {
                    Mul(acc, acc, out acc);
                    Mul(acc, acc, out acc);
                    Mul(acc, acc, out acc);
                    Mul(acc, acc, out acc);
                }
                int nibble = (int)((word >> shift) & 0xF);
                if (nibble != 0)
                {
                    Mul(acc, powers[nibble], out acc);
                    started = true;
                }
            }
        }
        powers.Clear();
        r = acc;
    }

    /// <summary>Inverse by Fermat (a^(p-2)); the inverse of 0 is 0.</summary>
    public static void Inverse(in U256 a, out U256 r) => Pow(a, FieldModulus.ModulusMinusTwo, out r);
}
