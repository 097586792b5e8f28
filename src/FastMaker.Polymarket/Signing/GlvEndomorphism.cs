using System.Runtime.CompilerServices;
using Fn = FastMaker.Polymarket.Signing.Mont<FastMaker.Polymarket.Signing.ScalarModulus>;
using Fp = FastMaker.Polymarket.Signing.FieldArithmetic;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// The secp256k1 endomorphism phi(x, y) = (beta x, y) = lambda * P (beta^3 = 1 mod p, lambda^3 = 1 mod n), and the
/// GLV split of a scalar k into k1 + k2 lambda (mod n) with |k1|, |k2| &lt; 2^128, so that k * P is computed with
/// half the doublings. Constants and the rounding split follow the published GLV basis for secp256k1 (the one
/// libsecp256k1 documents); checked against BouncyCastle by the recovery property tests.
/// </summary>
internal static class GlvEndomorphism
{
    /// <summary>beta, a cube root of unity mod p (plain field representation).</summary>
    public static readonly U256 Beta = new(0xC1396C28719501EEUL, 0x9CF0497512F58995UL, 0x6E64479EAC3434E9UL, 0x7AE96A2B657C0710UL);

    private static readonly U256 LambdaMont = ToScalarMont(new U256(0xDF02967C1B23BD72UL, 0x122E22EA20816678UL, 0xA5261C028812645AUL, 0x5363AD4CC05C30E0UL));
    // -b1 and -b2 mod n for the lattice basis (a1, b1) = (0x3086..eb15, -0xe443..e4c3), (a2, b2) = (0x114c..4cfd8, a1).
    private static readonly U256 MinusB1Mont = ToScalarMont(new U256(0x6F547FA90ABFE4C3UL, 0xE4437ED6010E8828UL, 0, 0));
    private static readonly U256 MinusB2Mont = ToScalarMont(new U256(0xD765CDA83DB1562CUL, 0x8A280AC50774346DUL, 0xFFFFFFFFFFFFFFFEUL, 0xFFFFFFFFFFFFFFFFUL));
    // round(2^384 * b2 / n) and round(2^384 * -b1 / n).
    private static readonly U256 G1 = new(0xE893209A45DBB031UL, 0x3DAA8A1471E8CA7FUL, 0xE86C90E49284EB15UL, 0x3086D221A7D46BCDUL);
    private static readonly U256 G2 = new(0x1571B4AE8AC47F71UL, 0x221208AC9DF506C6UL, 0x6F547FA90ABFE4C4UL, 0xE4437ED6010E8828UL);

    private static U256 ToScalarMont(U256 plain)
    {
        Fn.ToMont(plain, out U256 mont);
        return mont;
    }

    /// <summary>phi(p) for a Jacobian point: (beta X, Y, Z), since beta scales x and x = X / Z^2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(in JacobianPoint p, out JacobianPoint r)
    {
        Fp.Mul(p.X, Beta, out r.X);
        r.Y = p.Y;
        r.Z = p.Z;
    }

    /// <summary>phi(p) for an affine point.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Apply(in AffinePoint p, out AffinePoint r)
    {
        Fp.Mul(p.X, Beta, out r.X);
        r.Y = p.Y;
    }

    /// <summary>Splits a reduced scalar k (plain, &lt; n) into k = s1 m1 + s2 m2 lambda (mod n), where m1 and m2 are
    /// magnitudes below 2^128 and s1, s2 are the signs (negative1/negative2 true for -1).</summary>
    public static void Split(in U256 k, out U256 magnitude1, out bool negative1, out U256 magnitude2, out bool negative2)
    {
        MulShift384Rounded(k, G1, out U256 c1);
        MulShift384Rounded(k, G2, out U256 c2);
        // c1, c2 < 2^129 < n, so they are valid Montgomery-multiply inputs; Mul(plain, mont) is the plain product.
        Fn.Mul(c1, MinusB1Mont, out U256 t1);
        Fn.Mul(c2, MinusB2Mont, out U256 t2);
        Fn.Add(t1, t2, out U256 k2);
        Fn.Mul(k2, LambdaMont, out U256 k2Lambda);
        Fn.Sub(k, k2Lambda, out U256 k1);
        ToSignedMagnitude(k1, out magnitude1, out negative1);
        ToSignedMagnitude(k2, out magnitude2, out negative2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ToSignedMagnitude(in U256 k, out U256 magnitude, out bool negative)
    {
        if (U256.LessThan(ScalarModulus.HalfOrder, k))
        {
            Fn.Negate(k, out magnitude);
            negative = true;
        }
        else
        {
            magnitude = k;
            negative = false;
        }
    }

    // (a * b + 2^383) >> 384: the top two limbs of the 512-bit product, rounded on bit 383.
    private static void MulShift384Rounded(in U256 a, in U256 b, out U256 r)
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
        _ = r0; _ = r1; _ = r2; _ = r3; _ = r4;
        ulong round = r5 >> 63;
        ulong carry = 0;
        ulong lo = U256.Adc(r6, round, ref carry);
        ulong hi = U256.Adc(r7, 0, ref carry);
        r = new U256(lo, hi, carry, 0);
    }
}
