using System.Runtime.CompilerServices;

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

    // Hot from the first call (AggressiveOptimization): tier-0 code of these is several times slower, and on a loaded
    // machine the tier-1 recompilation can lag for seconds. Not inlined on purpose: the body is large, and inlining it into curve formulas exhausts the JIT's inline
    // budget, after which the Mac helpers inside stop being inlined (a call per limb product, several times slower).
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>r = a^2: the six cross products once, doubled, plus the four squares (10 limb products, not 16).</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Square(in U256 a, out U256 r)
    {
        ulong c = 0;
        ulong t1 = U256.Mac(0, a.L0, a.L1, ref c);
        ulong t2 = U256.Mac(0, a.L0, a.L2, ref c);
        ulong t3 = U256.Mac(0, a.L0, a.L3, ref c);
        ulong t4 = c;
        c = 0;
        t3 = U256.Mac(t3, a.L1, a.L2, ref c);
        t4 = U256.Mac(t4, a.L1, a.L3, ref c);
        ulong t5 = c;
        c = 0;
        t5 = U256.Mac(t5, a.L2, a.L3, ref c);
        ulong t6 = c;
        ulong t7 = t6 >> 63;
        t6 = (t6 << 1) | (t5 >> 63);
        t5 = (t5 << 1) | (t4 >> 63);
        t4 = (t4 << 1) | (t3 >> 63);
        t3 = (t3 << 1) | (t2 >> 63);
        t2 = (t2 << 1) | (t1 >> 63);
        t1 <<= 1;
        ulong h0 = Math.BigMul(a.L0, a.L0, out ulong r0);
        ulong h1 = Math.BigMul(a.L1, a.L1, out ulong l1);
        ulong h2 = Math.BigMul(a.L2, a.L2, out ulong l2);
        ulong h3 = Math.BigMul(a.L3, a.L3, out ulong l3);
        c = 0;
        ulong r1 = U256.Adc(t1, h0, ref c);
        ulong r2 = U256.Adc(t2, l1, ref c);
        ulong r3 = U256.Adc(t3, h1, ref c);
        ulong r4 = U256.Adc(t4, l2, ref c);
        ulong r5 = U256.Adc(t5, h2, ref c);
        ulong r6 = U256.Adc(t6, l3, ref c);
        ulong r7 = U256.Adc(t7, h3, ref c);
        Reduce512(r0, r1, r2, r3, r4, r5, r6, r7, out r);
    }

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
        // t < 2^256 < 2p: subtract p once if t >= p, i.e. when t + Fold carries out (no generic helper: see Add).
        ulong u0 = t0 + Fold;
        ulong d = u0 < t0 ? 1UL : 0UL;
        ulong u1 = t1 + d;
        d = u1 < d ? 1UL : 0UL;
        ulong u2 = t2 + d;
        d = u2 < d ? 1UL : 0UL;
        ulong u3 = t3 + d;
        d = u3 < d ? 1UL : 0UL;
        if (d != 0) r = new U256(u0, u1, u2, u3);
        else r = new U256(t0, t1, t2, t3);
    }

    // Add, Sub and Negate use p's special form (subtracting p = adding Fold mod 2^256) and plain operators only:
    // the curve formulas inline a dozen of them, and helper calls inside would exhaust the JIT's inline budget.

    /// <summary>r = a + b mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in U256 a, in U256 b, out U256 r)
    {
        ulong s0 = a.L0 + b.L0;
        ulong c = s0 < a.L0 ? 1UL : 0UL;
        ulong t = a.L1 + c;
        c = t < c ? 1UL : 0UL;
        ulong s1 = t + b.L1;
        c += s1 < t ? 1UL : 0UL;
        t = a.L2 + c;
        c = t < c ? 1UL : 0UL;
        ulong s2 = t + b.L2;
        c += s2 < t ? 1UL : 0UL;
        t = a.L3 + c;
        c = t < c ? 1UL : 0UL;
        ulong s3 = t + b.L3;
        c += s3 < t ? 1UL : 0UL;
        // sum - p = sum + Fold (mod 2^256); that addition carries out exactly when sum >= p (without a carry c).
        ulong u0 = s0 + Fold;
        ulong d = u0 < s0 ? 1UL : 0UL;
        ulong u1 = s1 + d;
        d = u1 < d ? 1UL : 0UL;
        ulong u2 = s2 + d;
        d = u2 < d ? 1UL : 0UL;
        ulong u3 = s3 + d;
        d = u3 < d ? 1UL : 0UL;
        // A mask, not a branch: whether the sum wraps is a coin flip for random operands, so a branch here is
        // mispredicted about half the time (a dozen of these per point addition or doubling).
        ulong mask = 0UL - (c | d);
        r = new U256(s0 ^ ((s0 ^ u0) & mask), s1 ^ ((s1 ^ u1) & mask), s2 ^ ((s2 ^ u2) & mask), s3 ^ ((s3 ^ u3) & mask));
    }

    /// <summary>r = a - b mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in U256 a, in U256 b, out U256 r)
    {
        ulong d0 = a.L0 - b.L0;
        ulong bw = a.L0 < b.L0 ? 1UL : 0UL;
        ulong t = a.L1 - b.L1;
        ulong bw2 = a.L1 < b.L1 ? 1UL : 0UL;
        ulong d1 = t - bw;
        bw = bw2 | (t < bw ? 1UL : 0UL);
        t = a.L2 - b.L2;
        bw2 = a.L2 < b.L2 ? 1UL : 0UL;
        ulong d2 = t - bw;
        bw = bw2 | (t < bw ? 1UL : 0UL);
        t = a.L3 - b.L3;
        bw2 = a.L3 < b.L3 ? 1UL : 0UL;
        ulong d3 = t - bw;
        bw = bw2 | (t < bw ? 1UL : 0UL);
        // On a borrow, a - b + p = (a - b + 2^256) - Fold, which cannot borrow again since a - b + p >= 1. Fold is
        // masked in rather than branched on: the borrow is a coin flip for random operands (see Add).
        ulong fold = Fold & (0UL - bw);
        ulong e0 = d0 - fold;
        ulong e = d0 < fold ? 1UL : 0UL;
        ulong e1 = d1 - e;
        e = d1 < e ? 1UL : 0UL;
        ulong e2 = d2 - e;
        e = d2 < e ? 1UL : 0UL;
        r = new U256(e0, e1, e2, d3 - e);
    }

    /// <summary>r = -a mod p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in U256 a, out U256 r)
    {
        U256 zero = default;
        Sub(zero, a, out r);
    }

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
                    Square(acc, out acc);
                    Square(acc, out acc);
                    Square(acc, out acc);
                    Square(acc, out acc);
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

    /// <summary>Inverse by Fermat (a^(p-2)) with the addition chain below: 255 squarings and 15 multiplications
    /// (the windowed <see cref="Pow"/> needs about 256 and 78); the inverse of 0 is 0.</summary>
    public static void Inverse(in U256 a, out U256 r)
    {
        // p - 2 = [223 ones] 0 [22 ones] 0000 1 0 11 0 1.
        PowerChain223(a, out U256 x2, out U256 x22, out U256 t);
        SquareTimes(ref t, 23);
        Mul(t, x22, out t);
        SquareTimes(ref t, 5);
        Mul(t, a, out t);
        SquareTimes(ref t, 3);
        Mul(t, x2, out t);
        SquareTimes(ref t, 2);
        Mul(t, a, out r);
    }

    /// <summary>r = a^((p+1)/4), a square root of a when one exists (p = 3 mod 4); the caller checks r^2 = a.
    /// 253 squarings and 13 multiplications.</summary>
    public static void SqrtCandidate(in U256 a, out U256 r)
    {
        // (p + 1) / 4 = [223 ones] 0 [22 ones] 0000 11 00.
        PowerChain223(a, out U256 x2, out U256 x22, out U256 t);
        SquareTimes(ref t, 23);
        Mul(t, x22, out t);
        SquareTimes(ref t, 6);
        Mul(t, x2, out t);
        SquareTimes(ref t, 2);
        r = t;
    }

    // x_k = a^(2^k - 1) (k one bits): returns x2, x22 and x223, the shared prefix of both exponents.
    private static void PowerChain223(in U256 a, out U256 x2, out U256 x22, out U256 x223)
    {
        Square(a, out x2);
        Mul(x2, a, out x2);
        Square(x2, out U256 x3);
        Mul(x3, a, out x3);
        U256 x6 = x3;
        SquareTimes(ref x6, 3);
        Mul(x6, x3, out x6);
        U256 x9 = x6;
        SquareTimes(ref x9, 3);
        Mul(x9, x3, out x9);
        U256 x11 = x9;
        SquareTimes(ref x11, 2);
        Mul(x11, x2, out x11);
        x22 = x11;
        SquareTimes(ref x22, 11);
        Mul(x22, x11, out x22);
        U256 x44 = x22;
        SquareTimes(ref x44, 22);
        Mul(x44, x22, out x44);
        U256 x88 = x44;
        SquareTimes(ref x88, 44);
        Mul(x88, x44, out x88);
        U256 x176 = x88;
        SquareTimes(ref x176, 88);
        Mul(x176, x88, out x176);
        U256 x220 = x176;
        SquareTimes(ref x220, 44);
        Mul(x220, x44, out x220);
        x223 = x220;
        SquareTimes(ref x223, 3);
        Mul(x223, x3, out x223);
    }

    private static void SquareTimes(ref U256 x, int times)
    {
        U256 t = x;
        for (int i = 0; i < times; i++) Square(t, out t);
        x = t;
    }
}
