namespace FastMaker.Polymarket.Signing;

/// <summary>
/// Precomputed multiples of G for k*G without doublings: entry [w * 16 + j] = j * 16^w * G (affine), for the 64
/// four-bit windows w of a 256-bit scalar. k*G is then at most 64 mixed additions. 64 KiB, built once on first
/// use (about 1000 additions and inversions). Lookups index by the secret nibble, so this is not constant-time
/// against a co-located cache-timing attacker.
/// </summary>
internal static class FixedBaseTable
{
    private const int Windows = 64;
    private const int Entries = 16;

    private static readonly AffinePoint[] Table = Build();

    private static AffinePoint[] Build()
    {
        var table = new AffinePoint[Windows * Entries];
        JacobianPoint windowBase = Secp256k1Curve.FromAffine(Secp256k1Curve.G);
        for (int w = 0; w < Windows; w++)
        {
            JacobianPoint multiple = windowBase;
            for (int j = 1; j < Entries; j++)
            {
                Secp256k1Curve.ToAffine(multiple, out table[w * Entries + j]);
                Secp256k1Curve.Add(multiple, windowBase, out multiple);
            }
            // multiple is now 16 * windowBase.
            windowBase = multiple;
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
