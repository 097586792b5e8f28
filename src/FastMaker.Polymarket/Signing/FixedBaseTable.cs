using Fp = FastMaker.Polymarket.Signing.FieldArithmetic;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// Precomputed multiples of G for k*G without doublings: entry [w * 16 + j] = j * 16^w * G (affine), for the 64
/// four-bit windows w of a 256-bit scalar. k*G is then at most 64 mixed additions. 64 KiB, built once on first
/// use (about 1000 additions and a single batched inversion). Lookups index by the secret nibble, so this is not constant-time
/// against a co-located cache-timing attacker.
/// </summary>
internal static class FixedBaseTable
{
    private const int Windows = 64;
    private const int Entries = 16;

    private static readonly AffinePoint[] Table = Build();

    private static AffinePoint[] Build()
    {
        var jacobian = new JacobianPoint[Windows * Entries];
        JacobianPoint windowBase = Secp256k1Curve.FromAffine(Secp256k1Curve.G);
        for (int w = 0; w < Windows; w++)
        {
            JacobianPoint multiple = windowBase;
            for (int j = 1; j < Entries; j++)
            {
                jacobian[w * Entries + j] = multiple;
                Secp256k1Curve.Add(multiple, windowBase, out multiple);
            }
            // multiple is now 16 * windowBase.
            windowBase = multiple;
        }
        return ToAffineBatch(jacobian);
    }

    // Montgomery's trick: one field inversion for the whole table instead of one per point. Entry j = 0 of each
    // window is unused (infinity) and skipped.
    internal static AffinePoint[] ToAffineBatch(JacobianPoint[] points)
    {
        var prefix = new U256[points.Length];
        U256 running = Fp.One;
        for (int i = 0; i < points.Length; i++)
        {
            if (points[i].IsInfinity) continue;
            Fp.Mul(running, points[i].Z, out running);
            prefix[i] = running;
        }
        Fp.Inverse(running, out U256 inverse);
        var table = new AffinePoint[points.Length];
        for (int i = points.Length - 1; i >= 0; i--)
        {
            if (points[i].IsInfinity) continue;
            // inverse = 1 / (Z_0 ... Z_i); the product before i turns it into 1 / Z_i.
            U256 before = Fp.One;
            for (int j = i - 1; j >= 0; j--)
            {
                if (!points[j].IsInfinity)
                {
                    before = prefix[j];
                    break;
                }
            }
            Fp.Mul(inverse, before, out U256 zInv);
            Fp.Mul(inverse, points[i].Z, out inverse);
            Fp.Square(zInv, out U256 zInv2);
            Fp.Mul(zInv2, zInv, out U256 zInv3);
            Fp.Mul(points[i].X, zInv2, out table[i].X);
            Fp.Mul(points[i].Y, zInv3, out table[i].Y);
        }
        return table;
    }

    /// <summary>r = k * G for 0 &lt;= k &lt; n (infinity when k = 0).</summary>
    public static void MultiplyG(in U256 k, out JacobianPoint r)
    {
        AffinePoint[] table = Table;
        JacobianPoint acc = default;
        for (int limb = 0; limb < 4; limb++)
        {
            ulong word = limb switch { 0 => k.L0, 1 => k.L1, 2 => k.L2, _ => k.L3 };
            for (int nibble = 0; nibble < 16; nibble++)
            {
                int j = (int)((word >> (nibble * 4)) & 0xF);
                if (j != 0) Secp256k1Curve.AddMixed(acc, table[((limb * 16) + nibble) * Entries + j], out acc);
            }
        }
        r = acc;
    }
}
