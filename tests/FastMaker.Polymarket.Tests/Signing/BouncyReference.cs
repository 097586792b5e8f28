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

    public static byte[] PadLeft32(this byte[] bytes)
    {
        var result = new byte[32];
        bytes.CopyTo(result, 32 - bytes.Length);
        return result;
    }
}
