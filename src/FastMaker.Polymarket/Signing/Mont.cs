using System.Runtime.CompilerServices;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// Arithmetic modulo a 256-bit odd modulus on 4x64-bit limbs. Multiplication is Montgomery (CIOS): Mul(a, b)
/// returns a*b*R^-1 mod m with R = 2^256, so values kept in Montgomery form (a*R mod m) multiply to Montgomery
/// form, and Mul(plain, montgomery) yields a plain product. Add, Sub and Negate work in either form.
/// Inputs must be reduced (&lt; m); outputs are reduced.
/// </summary>
internal static class Mont<TModulus> where TModulus : struct, IModulus256
{
    // Not inlined on purpose (see FieldArithmetic.Mul): inlined into callers it exhausts the JIT's inline budget
    // and the CIOS steps inside become calls.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Mul(in U256 a, in U256 b, out U256 r)
    {
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0;
        Step(ref t0, ref t1, ref t2, ref t3, ref t4, a, b.L0);
        Step(ref t0, ref t1, ref t2, ref t3, ref t4, a, b.L1);
        Step(ref t0, ref t1, ref t2, ref t3, ref t4, a, b.L2);
        Step(ref t0, ref t1, ref t2, ref t3, ref t4, a, b.L3);
        U256 t = new(t0, t1, t2, t3);
        ReduceOnce(ref t, t4, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in U256 a, out U256 r) => Mul(a, a, out r);

    // One CIOS row: t += a * bi, then add m * (t0 * -m^-1) so the low word cancels, and shift down one word.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3, ref ulong t4, in U256 a, ulong bi)
    {
        ulong c = 0;
        t0 = U256.Mac(t0, a.L0, bi, ref c);
        t1 = U256.Mac(t1, a.L1, bi, ref c);
        t2 = U256.Mac(t2, a.L2, bi, ref c);
        t3 = U256.Mac(t3, a.L3, bi, ref c);
        ulong top = t4 + c;
        ulong topCarry = top < c ? 1UL : 0UL;

        U256 m = TModulus.Modulus;
        ulong q = t0 * TModulus.NegInverse;
        c = 0;
        _ = U256.Mac(t0, q, m.L0, ref c);
        t0 = U256.Mac(t1, q, m.L1, ref c);
        t1 = U256.Mac(t2, q, m.L2, ref c);
        t2 = U256.Mac(t3, q, m.L3, ref c);
        t3 = top + c;
        t4 = topCarry + (t3 < c ? 1UL : 0UL);
    }

    // t (with overflow bit) is below 2m: subtract m once when it is at least m.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReduceOnce(ref U256 t, ulong overflow, out U256 r)
    {
        U256.SubBorrow(t, TModulus.Modulus, out U256 d, out ulong borrow);
        if (overflow != 0 || borrow == 0) r = d;
        else r = t;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in U256 a, in U256 b, out U256 r)
    {
        U256.AddCarry(a, b, out U256 s, out ulong carry);
        ReduceOnce(ref s, carry, out r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in U256 a, in U256 b, out U256 r)
    {
        U256.SubBorrow(a, b, out U256 d, out ulong borrow);
        if (borrow != 0)
        {
            U256.AddCarry(d, TModulus.Modulus, out d, out _);
        }
        r = d;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in U256 a, out U256 r)
    {
        if (a.IsZero) r = default;
        else U256.SubBorrow(TModulus.Modulus, a, out r, out _);
    }

    /// <summary>a mod m for any 256-bit a (m &gt; 2^255, so one subtraction suffices).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReduceFull(in U256 a, out U256 r)
    {
        U256.SubBorrow(a, TModulus.Modulus, out U256 d, out ulong borrow);
        r = borrow == 0 ? d : a;
    }

    public static bool IsReduced(in U256 a) => U256.LessThan(a, TModulus.Modulus);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ToMont(in U256 a, out U256 r) => Mul(a, TModulus.RSquared, out r);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FromMont(in U256 a, out U256 r)
    {
        U256 one = new(1, 0, 0, 0);
        Mul(a, one, out r);
    }

    /// <summary>r = a^e with a and r in Montgomery form. Fixed 4-bit windows over a public exponent: 256 squarings
    /// and at most 64 multiplications (the inversion exponents are mostly one bits, so this halves the work of
    /// plain square-and-multiply).</summary>
    [SkipLocalsInit]
    public static void Pow(in U256 a, in U256 e, out U256 r)
    {
        Span<U256> powers = stackalloc U256[16];
        powers[0] = TModulus.One;
        powers[1] = a;
        for (int i = 2; i < 16; i++) Mul(powers[i - 1], a, out powers[i]);
        U256 acc = TModulus.One;
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

    /// <summary>Modular inverse by Fermat (a^(m-2)), Montgomery form in and out; the inverse of 0 is 0.</summary>
    public static void Inverse(in U256 a, out U256 r) => Pow(a, TModulus.ModulusMinusTwo, out r);
}
