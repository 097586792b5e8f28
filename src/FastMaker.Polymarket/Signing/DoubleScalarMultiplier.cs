using System.Runtime.CompilerServices;
using Fp = FastMaker.Polymarket.Signing.FieldArithmetic;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// a * G + b * P for public scalars and a variable point P (ECDSA public-key recovery): both scalars are split
/// with the GLV endomorphism into four ~128-bit halves, written in wNAF, and the four multiplies share one chain
/// of ~129 doublings (Strauss-Shamir). P's odd multiples (width 5: P, 3P, ..., 15P) are built per call in
/// Jacobian form; G's (width 8: G .. 127G, affine, for mixed additions) once per process. Variable time: the
/// scalars and the point must be public.
/// </summary>
internal static class DoubleScalarMultiplier
{
    private const int PointWidth = 5;
    private const int PointTableSize = 1 << (PointWidth - 2);
    private const int GeneratorWidth = 8;
    private const int GeneratorTableSize = 1 << (GeneratorWidth - 2);

    private static readonly AffinePoint[] GeneratorOddMultiples = BuildGeneratorTable(lambda: false);
    private static readonly AffinePoint[] LambdaGeneratorOddMultiples = BuildGeneratorTable(lambda: true);

    private static AffinePoint[] BuildGeneratorTable(bool lambda)
    {
        var jacobian = new JacobianPoint[GeneratorTableSize];
        JacobianPoint g = Secp256k1Curve.FromAffine(Secp256k1Curve.G);
        Secp256k1Curve.Double(g, out JacobianPoint twoG);
        jacobian[0] = g;
        for (int i = 1; i < GeneratorTableSize; i++) Secp256k1Curve.Add(jacobian[i - 1], twoG, out jacobian[i]);
        AffinePoint[] table = FixedBaseTable.ToAffineBatch(jacobian);
        if (lambda)
        {
            for (int i = 0; i < table.Length; i++) GlvEndomorphism.Apply(table[i], out table[i]);
        }
        return table;
    }

    /// <summary>r = a * G + b * p for plain scalars a, b &lt; n (infinity when the sum is).</summary>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(in U256 a, in AffinePoint p, in U256 b, out JacobianPoint r)
    {
        GlvEndomorphism.Split(a, out U256 a1, out bool aNeg1, out U256 a2, out bool aNeg2);
        GlvEndomorphism.Split(b, out U256 b1, out bool bNeg1, out U256 b2, out bool bNeg2);
        Span<sbyte> digitsA1 = stackalloc sbyte[Wnaf.MaxDigits];
        Span<sbyte> digitsA2 = stackalloc sbyte[Wnaf.MaxDigits];
        Span<sbyte> digitsB1 = stackalloc sbyte[Wnaf.MaxDigits];
        Span<sbyte> digitsB2 = stackalloc sbyte[Wnaf.MaxDigits];
        int length = Wnaf.Compute(a1, GeneratorWidth, aNeg1, digitsA1);
        length = Math.Max(length, Wnaf.Compute(a2, GeneratorWidth, aNeg2, digitsA2));
        length = Math.Max(length, Wnaf.Compute(b1, PointWidth, bNeg1, digitsB1));
        length = Math.Max(length, Wnaf.Compute(b2, PointWidth, bNeg2, digitsB2));

        Span<JacobianPoint> pointMultiples = stackalloc JacobianPoint[PointTableSize];
        Span<JacobianPoint> lambdaPointMultiples = stackalloc JacobianPoint[PointTableSize];
        JacobianPoint pj = Secp256k1Curve.FromAffine(p);
        Secp256k1Curve.Double(pj, out JacobianPoint twoP);
        pointMultiples[0] = pj;
        for (int i = 1; i < PointTableSize; i++) Secp256k1Curve.Add(pointMultiples[i - 1], twoP, out pointMultiples[i]);
        for (int i = 0; i < PointTableSize; i++) GlvEndomorphism.Apply(pointMultiples[i], out lambdaPointMultiples[i]);

        AffinePoint[] g = GeneratorOddMultiples;
        AffinePoint[] lambdaG = LambdaGeneratorOddMultiples;
        JacobianPoint acc = default;
        for (int i = length - 1; i >= 0; i--)
        {
            Secp256k1Curve.Double(acc, out acc);
            AddJacobianDigit(ref acc, pointMultiples, digitsB1[i]);
            AddJacobianDigit(ref acc, lambdaPointMultiples, digitsB2[i]);
            AddAffineDigit(ref acc, g, digitsA1[i]);
            AddAffineDigit(ref acc, lambdaG, digitsA2[i]);
        }
        r = acc;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddJacobianDigit(ref JacobianPoint acc, ReadOnlySpan<JacobianPoint> oddMultiples, int digit)
    {
        if (digit == 0) return;
        if (digit > 0)
        {
            Secp256k1Curve.Add(acc, oddMultiples[digit >> 1], out acc);
        }
        else
        {
            JacobianPoint negated = oddMultiples[(-digit) >> 1];
            Fp.Negate(negated.Y, out negated.Y);
            Secp256k1Curve.Add(acc, negated, out acc);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddAffineDigit(ref JacobianPoint acc, AffinePoint[] oddMultiples, int digit)
    {
        if (digit == 0) return;
        if (digit > 0)
        {
            Secp256k1Curve.AddMixed(acc, oddMultiples[digit >> 1], out acc);
        }
        else
        {
            AffinePoint negated = oddMultiples[(-digit) >> 1];
            Fp.Negate(negated.Y, out negated.Y);
            Secp256k1Curve.AddMixed(acc, negated, out acc);
        }
    }
}
