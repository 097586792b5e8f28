using System.Runtime.CompilerServices;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// Modular inverse by the binary extended Euclidean algorithm: a few hundred shifts and subtractions instead of a
/// ~270-multiplication Fermat exponentiation. Its running time depends on the input, so it is only for public
/// values (ECDSA recovery: r and the result's Z); signing keeps the constant-pattern Fermat inversions.
/// </summary>
internal static class VariableTimeInverse
{
    /// <summary>a^-1 mod m for an odd prime m and plain 0 &lt; a &lt; m; returns 0 for a = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Invert(in U256 a, in U256 m, out U256 r)
    {
        if (a.IsZero)
        {
            r = default;
            return;
        }
        // Invariants: x1 * a = u and x2 * a = v (mod m), 0 <= x1, x2 < m; gcd(u, v) = gcd(a, m) = 1.
        U256 u = a, v = m;
        U256 x1 = new(1, 0, 0, 0), x2 = default;
        while (!IsOne(u) && !IsOne(v))
        {
            while ((u.L0 & 1) == 0)
            {
                ShiftRight1(ref u, 0);
                Halve(ref x1, m);
            }
            while ((v.L0 & 1) == 0)
            {
                ShiftRight1(ref v, 0);
                Halve(ref x2, m);
            }
            if (!U256.LessThan(u, v))
            {
                U256.SubBorrow(u, v, out u, out _);
                SubMod(ref x1, x2, m);
            }
            else
            {
                U256.SubBorrow(v, u, out v, out _);
                SubMod(ref x2, x1, m);
            }
        }
        r = IsOne(u) ? x1 : x2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsOne(in U256 x) => ((x.L0 ^ 1) | x.L1 | x.L2 | x.L3) == 0;

    // x / 2 mod m: x even halves directly; x odd becomes (x + m) / 2, with the 257th bit shifted back in. m is added
    // under a mask, not a branch: x's parity is a coin flip, so a branch would be mispredicted half the time.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Halve(ref U256 x, in U256 m)
    {
        ulong mask = 0UL - (x.L0 & 1);
        U256 addend = new(m.L0 & mask, m.L1 & mask, m.L2 & mask, m.L3 & mask);
        U256.AddCarry(x, addend, out x, out ulong carry);
        ShiftRight1(ref x, carry);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ShiftRight1(ref U256 x, ulong topBit)
    {
        x.L0 = (x.L0 >> 1) | (x.L1 << 63);
        x.L1 = (x.L1 >> 1) | (x.L2 << 63);
        x.L2 = (x.L2 >> 1) | (x.L3 << 63);
        x.L3 = (x.L3 >> 1) | (topBit << 63);
    }

    // x - y mod m, adding m back under a mask (the borrow is a coin flip, as in Halve).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubMod(ref U256 x, in U256 y, in U256 m)
    {
        U256.SubBorrow(x, y, out x, out ulong borrow);
        ulong mask = 0UL - borrow;
        U256 addend = new(m.L0 & mask, m.L1 & mask, m.L2 & mask, m.L3 & mask);
        U256.AddCarry(x, addend, out x, out _);
    }
}
