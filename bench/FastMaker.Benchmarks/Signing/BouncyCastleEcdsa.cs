using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace FastMaker.Benchmarks.Signing;

/// <summary>The BouncyCastle baselines: plain RFC 6979 ECDSA, and the route most .NET Ethereum code takes
/// (sign, normalize s, then find v by recovering the public key for each candidate id and comparing).</summary>
internal sealed class BouncyCastleEcdsa
{
    private static readonly X9ECParameters Curve = Org.BouncyCastle.Asn1.Sec.SecNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);
    private readonly ECPrivateKeyParameters _key;
    private readonly ECPoint _publicKey;

    public BouncyCastleEcdsa(byte[] privateKey)
    {
        _key = new ECPrivateKeyParameters(new BigInteger(1, privateKey), Domain);
        _publicKey = Curve.G.Multiply(_key.D).Normalize();
    }

    public BigInteger[] SignRfc6979(byte[] digest)
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, _key);
        var rs = signer.GenerateSignature(digest);
        if (rs[1].CompareTo(Curve.N.ShiftRight(1)) > 0) rs[1] = Curve.N.Subtract(rs[1]);
        return rs;
    }

    public int SignThenRecoverId(byte[] digest, byte[] signature65)
    {
        var rs = SignRfc6979(digest);
        var e = new BigInteger(1, digest);
        for (int recId = 0; recId < 2; recId++)
        {
            var q = Recover(rs[0], rs[1], e, recId);
            if (q is not null && q.Equals(_publicKey))
            {
                var r = rs[0].ToByteArrayUnsigned();
                var s = rs[1].ToByteArrayUnsigned();
                Array.Clear(signature65);
                r.CopyTo(signature65, 32 - r.Length);
                s.CopyTo(signature65, 64 - s.Length);
                signature65[64] = (byte)(27 + recId);
                return recId;
            }
        }
        return -1;
    }

    /// <summary>BouncyCastle's ecrecover: Q = r^-1 (s R - e G) by SumOfTwoMultiplies, normalized to affine.</summary>
    public static ECPoint? Recover(BigInteger r, BigInteger s, BigInteger e, int recId)
    {
        var encoded = new byte[33];
        encoded[0] = (byte)(recId == 0 ? 0x02 : 0x03);
        var rb = r.ToByteArrayUnsigned();
        rb.CopyTo(encoded, 33 - rb.Length);
        var bigR = Curve.Curve.DecodePoint(encoded);
        var rInv = r.ModInverse(Curve.N);
        var u1 = Curve.N.Subtract(e).Multiply(rInv).Mod(Curve.N);
        var u2 = s.Multiply(rInv).Mod(Curve.N);
        return ECAlgorithms.SumOfTwoMultiplies(Curve.G, u1, bigR, u2).Normalize();
    }
}
