using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;

namespace FastMaker.Polymarket.Tests.Signing;

/// <summary>BouncyCastle as the independent oracle for secp256k1 (never used by the implementation).</summary>
internal static class BouncyReference
{
    private static readonly Org.BouncyCastle.Asn1.X9.X9ECParameters Curve = SecNamedCurves.GetByName("secp256k1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    public static byte[] PublicKey(byte[] privateKey)
    {
        var q = Curve.G.Multiply(new BigInteger(1, privateKey)).Normalize();
        return [.. q.AffineXCoord.GetEncoded(), .. q.AffineYCoord.GetEncoded()];
    }

    /// <summary>RFC 6979 (HMAC-SHA256) signature with low s, as r || s (64 bytes, no v).</summary>
    public static byte[] SignDeterministicRs(byte[] privateKey, byte[] digest)
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(new BigInteger(1, privateKey), Domain));
        var rs = signer.GenerateSignature(digest);
        var s = rs[1];
        if (s.CompareTo(Curve.N.ShiftRight(1)) > 0) s = Curve.N.Subtract(s);
        return [.. rs[0].ToByteArrayUnsigned().PadLeft32(), .. s.ToByteArrayUnsigned().PadLeft32()];
    }

    public static bool Verify(byte[] publicKey64, byte[] digest, ReadOnlySpan<byte> signature)
    {
        var point = Curve.Curve.CreatePoint(new BigInteger(1, publicKey64[..32]), new BigInteger(1, publicKey64[32..]));
        var verifier = new ECDsaSigner();
        verifier.Init(false, new ECPublicKeyParameters(point, Domain));
        return verifier.VerifySignature(digest, new BigInteger(1, signature[..32].ToArray()), new BigInteger(1, signature.Slice(32, 32).ToArray()));
    }

    /// <summary>ecrecover by BouncyCastle: Q = r^-1 (s R - e G) with R lifted from r and the recovery id; null when
    /// r or s is out of range, r is not an x coordinate or Q is infinity.</summary>
    public static byte[]? Recover(byte[] digest, byte[] signature65)
    {
        var r = new BigInteger(1, signature65[..32]);
        var s = new BigInteger(1, signature65[32..64]);
        int recoveryId = signature65[64] >= 27 ? signature65[64] - 27 : signature65[64];
        if (r.SignValue == 0 || s.SignValue == 0 || r.CompareTo(Curve.N) >= 0 || s.CompareTo(Curve.N) >= 0) return null;
        var encoded = new byte[33];
        encoded[0] = (byte)(recoveryId == 0 ? 0x02 : 0x03);
        r.ToByteArrayUnsigned().PadLeft32().CopyTo(encoded, 1);
        Org.BouncyCastle.Math.EC.ECPoint bigR;
        try
        {
            bigR = Curve.Curve.DecodePoint(encoded);
        }
        catch (ArgumentException)
        {
            return null;
        }
        var e = new BigInteger(1, digest).Mod(Curve.N);
        var rInv = r.ModInverse(Curve.N);
        var u1 = Curve.N.Subtract(e).Multiply(rInv).Mod(Curve.N);
        var u2 = s.Multiply(rInv).Mod(Curve.N);
        var q = Org.BouncyCastle.Math.EC.ECAlgorithms.SumOfTwoMultiplies(Curve.G, u1, bigR, u2).Normalize();
        if (q.IsInfinity) return null;
        return [.. q.AffineXCoord.GetEncoded(), .. q.AffineYCoord.GetEncoded()];
    }

    /// <summary>a * G + b * (c * G) by BouncyCastle as x || y, or null for infinity.</summary>
    public static byte[]? SumOfTwoMultiplies(byte[] a, byte[] b, byte[] c)
    {
        var p = Curve.G.Multiply(new BigInteger(1, c));
        var q = Org.BouncyCastle.Math.EC.ECAlgorithms.SumOfTwoMultiplies(Curve.G, new BigInteger(1, a), p, new BigInteger(1, b)).Normalize();
        if (q.IsInfinity) return null;
        return [.. q.AffineXCoord.GetEncoded(), .. q.AffineYCoord.GetEncoded()];
    }

    public static byte[] PadLeft32(this byte[] bytes)
    {
        var result = new byte[32];
        bytes.CopyTo(result, 32 - bytes.Length);
        return result;
    }
}
