using System.Runtime.CompilerServices;
using Fp = FastMaker.Polymarket.Signing.FieldArithmetic;

namespace FastMaker.Polymarket.Signing;

/// <summary>Group operations on secp256k1 (y^2 = x^3 + 7) with Jacobian coordinates and a = 0 formulas
/// (dbl-2009-l, madd-2007-bl, add-2007-bl from the Explicit-Formulas Database).</summary>
internal static class Secp256k1Curve
{
    /// <summary>The generator G in affine coordinates.</summary>
    public static readonly AffinePoint G = CreateGenerator();

    private static AffinePoint CreateGenerator()
    {
        var gx = new U256(0x59F2815B16F81798UL, 0x029BFCDB2DCE28D9UL, 0x55A06295CE870B07UL, 0x79BE667EF9DCBBACUL);
        var gy = new U256(0x9C47D08FFB10D4B8UL, 0xFD17B448A6855419UL, 0x5DA4FBFC0E1108A8UL, 0x483ADA7726A3C465UL);
        AffinePoint g;
        Fp.ToMont(gx, out g.X);
        Fp.ToMont(gy, out g.Y);
        return g;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JacobianPoint FromAffine(in AffinePoint p) => new() { X = p.X, Y = p.Y, Z = Fp.One };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Double(in JacobianPoint p, out JacobianPoint r)
    {
        if (p.IsInfinity)
        {
            r = p;
            return;
        }
        Fp.Square(p.X, out U256 a);
        Fp.Square(p.Y, out U256 b);
        Fp.Square(b, out U256 c);
        Fp.Add(p.X, b, out U256 d);
        Fp.Square(d, out d);
        Fp.Sub(d, a, out d);
        Fp.Sub(d, c, out d);
        Fp.Add(d, d, out d);
        Fp.Add(a, a, out U256 e);
        Fp.Add(e, a, out e);
        Fp.Square(e, out U256 f);
        Fp.Add(d, d, out U256 twoD);
        Fp.Sub(f, twoD, out U256 x3);
        Fp.Sub(d, x3, out U256 y3);
        Fp.Mul(e, y3, out y3);
        Fp.Add(c, c, out U256 c8);
        Fp.Add(c8, c8, out c8);
        Fp.Add(c8, c8, out c8);
        Fp.Sub(y3, c8, out y3);
        Fp.Mul(p.Y, p.Z, out U256 z3);
        Fp.Add(z3, z3, out z3);
        r.X = x3;
        r.Y = y3;
        r.Z = z3;
    }

    /// <summary>r = p + q with q affine. Handles p at infinity, p = q and p = -q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddMixed(in JacobianPoint p, in AffinePoint q, out JacobianPoint r)
    {
        if (p.IsInfinity)
        {
            r = FromAffine(q);
            return;
        }
        Fp.Square(p.Z, out U256 z1z1);
        Fp.Mul(q.X, z1z1, out U256 u2);
        Fp.Mul(q.Y, p.Z, out U256 s2);
        Fp.Mul(s2, z1z1, out s2);
        Fp.Sub(u2, p.X, out U256 h);
        Fp.Sub(s2, p.Y, out U256 rr);
        if (h.IsZero)
        {
            if (rr.IsZero) Double(p, out r);
            else r = default;
            return;
        }
        Fp.Square(h, out U256 hh);
        Fp.Add(hh, hh, out U256 i);
        Fp.Add(i, i, out i);
        Fp.Mul(h, i, out U256 j);
        Fp.Add(rr, rr, out rr);
        Fp.Mul(p.X, i, out U256 v);
        Fp.Square(rr, out U256 x3);
        Fp.Sub(x3, j, out x3);
        Fp.Sub(x3, v, out x3);
        Fp.Sub(x3, v, out x3);
        Fp.Sub(v, x3, out U256 y3);
        Fp.Mul(rr, y3, out y3);
        Fp.Mul(p.Y, j, out U256 y1j);
        Fp.Add(y1j, y1j, out y1j);
        Fp.Sub(y3, y1j, out y3);
        Fp.Add(p.Z, h, out U256 z3);
        Fp.Square(z3, out z3);
        Fp.Sub(z3, z1z1, out z3);
        Fp.Sub(z3, hh, out z3);
        r.X = x3;
        r.Y = y3;
        r.Z = z3;
    }

    /// <summary>r = p + q, both Jacobian. Handles infinity, p = q and p = -q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(in JacobianPoint p, in JacobianPoint q, out JacobianPoint r)
    {
        if (p.IsInfinity)
        {
            r = q;
            return;
        }
        if (q.IsInfinity)
        {
            r = p;
            return;
        }
        Fp.Square(p.Z, out U256 z1z1);
        Fp.Square(q.Z, out U256 z2z2);
        Fp.Mul(p.X, z2z2, out U256 u1);
        Fp.Mul(q.X, z1z1, out U256 u2);
        Fp.Mul(p.Y, q.Z, out U256 s1);
        Fp.Mul(s1, z2z2, out s1);
        Fp.Mul(q.Y, p.Z, out U256 s2);
        Fp.Mul(s2, z1z1, out s2);
        Fp.Sub(u2, u1, out U256 h);
        Fp.Sub(s2, s1, out U256 rr);
        if (h.IsZero)
        {
            if (rr.IsZero) Double(p, out r);
            else r = default;
            return;
        }
        Fp.Add(h, h, out U256 i);
        Fp.Square(i, out i);
        Fp.Mul(h, i, out U256 j);
        Fp.Add(rr, rr, out rr);
        Fp.Mul(u1, i, out U256 v);
        Fp.Square(rr, out U256 x3);
        Fp.Sub(x3, j, out x3);
        Fp.Sub(x3, v, out x3);
        Fp.Sub(x3, v, out x3);
        Fp.Sub(v, x3, out U256 y3);
        Fp.Mul(rr, y3, out y3);
        Fp.Mul(s1, j, out U256 s1j);
        Fp.Add(s1j, s1j, out s1j);
        Fp.Sub(y3, s1j, out y3);
        Fp.Add(p.Z, q.Z, out U256 z3);
        Fp.Square(z3, out z3);
        Fp.Sub(z3, z1z1, out z3);
        Fp.Sub(z3, z2z2, out z3);
        Fp.Mul(z3, h, out z3);
        r.X = x3;
        r.Y = y3;
        r.Z = z3;
    }

    /// <summary>Converts to affine; returns false for infinity.</summary>
    public static bool ToAffine(in JacobianPoint p, out AffinePoint r)
    {
        if (p.IsInfinity)
        {
            r = default;
            return false;
        }
        Fp.Inverse(p.Z, out U256 zInv);
        Fp.Square(zInv, out U256 zInv2);
        Fp.Mul(p.X, zInv2, out r.X);
        Fp.Mul(zInv2, zInv, out U256 zInv3);
        Fp.Mul(p.Y, zInv3, out r.Y);
        return true;
    }

    /// <summary>Converts a public point to affine with the variable-time (binary GCD) inversion; false for
    /// infinity. Never for points derived from secrets: use <see cref="ToAffine"/>.</summary>
    public static bool ToAffineVariableTime(in JacobianPoint p, out AffinePoint r)
    {
        if (p.IsInfinity)
        {
            r = default;
            return false;
        }
        VariableTimeInverse.Invert(p.Z, FieldModulus.Modulus, out U256 zInv);
        Fp.Square(zInv, out U256 zInv2);
        Fp.Mul(p.X, zInv2, out r.X);
        Fp.Mul(zInv2, zInv, out U256 zInv3);
        Fp.Mul(p.Y, zInv3, out r.Y);
        return true;
    }

    /// <summary>k * p for a variable point (left-to-right double and add; used for recovery, public data only).</summary>
    public static void Multiply(in AffinePoint p, in U256 k, out JacobianPoint r)
    {
        JacobianPoint acc = default;
        for (int limb = 3; limb >= 0; limb--)
        {
            ulong word = limb switch { 0 => k.L0, 1 => k.L1, 2 => k.L2, _ => k.L3 };
            for (int bit = 63; bit >= 0; bit--)
            {
                Double(acc, out acc);
                if (((word >> bit) & 1) != 0) AddMixed(acc, p, out acc);
            }
        }
        r = acc;
    }
}
