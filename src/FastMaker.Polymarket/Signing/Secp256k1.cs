using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Fn = FastMaker.Polymarket.Signing.Mont<FastMaker.Polymarket.Signing.ScalarModulus>;
using Fp = FastMaker.Polymarket.Signing.FieldArithmetic;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// secp256k1 ECDSA as Ethereum uses it: 32-byte private keys, 64-byte uncompressed public keys (x || y, no 0x04
/// prefix), 65-byte signatures r || s || v with low s and v in {27, 28}, and public-key recovery (ecrecover).
/// Our own 4x64-bit limb arithmetic; BouncyCastle is only the test oracle.
/// </summary>
public static class Secp256k1
{
    /// <summary>Private key length.</summary>
    public const int PrivateKeyBytes = 32;
    /// <summary>Uncompressed public key length without the 0x04 prefix.</summary>
    public const int PublicKeyBytes = 64;
    /// <summary>Signature length r || s || v.</summary>
    public const int SignatureBytes = 65;
    /// <summary>Ethereum address length.</summary>
    public const int AddressBytes = 20;
    /// <summary>Digest length.</summary>
    public const int DigestBytes = 32;

    /// <summary>True when the 32 big-endian bytes are a valid private key (1 &lt;= d &lt; n).</summary>
    public static bool IsValidPrivateKey(ReadOnlySpan<byte> privateKey32)
    {
        if (privateKey32.Length != PrivateKeyBytes) return false;
        U256 d = U256.FromBigEndian(privateKey32);
        bool valid = !d.IsZero && Fn.IsReduced(d);
        d.Wipe();
        return valid;
    }

    /// <summary>Writes the 64-byte public key x || y of a private key. Throws on an invalid key (the message never
    /// contains the key).</summary>
    public static void GetPublicKey(ReadOnlySpan<byte> privateKey32, Span<byte> publicKey64)
    {
        ValidateKey(privateKey32);
        if (publicKey64.Length < PublicKeyBytes) SigningThrowHelper.ThrowArgument("Public key output must hold 64 bytes.", nameof(publicKey64));
        U256 d = U256.FromBigEndian(privateKey32);
        FixedBaseTable.MultiplyG(d, out JacobianPoint q);
        d.Wipe();
        Secp256k1Curve.ToAffine(q, out AffinePoint affine);
        WritePublicKey(affine, publicKey64);
    }

    /// <summary>The Ethereum address of a public key: the last 20 bytes of keccak256(x || y).</summary>
    public static void PublicKeyToAddress(ReadOnlySpan<byte> publicKey64, Span<byte> address20)
    {
        if (publicKey64.Length != PublicKeyBytes) SigningThrowHelper.ThrowArgument("Public key must be 64 bytes (x || y).", nameof(publicKey64));
        if (address20.Length < AddressBytes) SigningThrowHelper.ThrowArgument("Address output must hold 20 bytes.", nameof(address20));
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(publicKey64, hash);
        hash.Slice(12, AddressBytes).CopyTo(address20);
    }

    /// <summary>The Ethereum address of a private key.</summary>
    public static void GetAddress(ReadOnlySpan<byte> privateKey32, Span<byte> address20)
    {
        Span<byte> publicKey = stackalloc byte[PublicKeyBytes];
        GetPublicKey(privateKey32, publicKey);
        PublicKeyToAddress(publicKey, address20);
    }

    /// <summary>Signs a 32-byte digest with an RFC 6979 deterministic nonce: the same signature as ethers, viem
    /// and eth_account for the same key and digest.</summary>
    public static void SignDeterministic(ReadOnlySpan<byte> privateKey32, ReadOnlySpan<byte> digest32, Span<byte> signature65)
    {
        ValidateKey(privateKey32);
        ValidateDigestAndOutput(digest32, signature65);
        U256 d = U256.FromBigEndian(privateKey32);
        Fn.ToMont(d, out U256 dMont);
        SignDeterministicCore(privateKey32, dMont, digest32, signature65);
        d.Wipe();
        dMont.Wipe();
    }

    /// <summary>Recovers the signer's 64-byte public key from a digest and a 65-byte signature (v in {27, 28} or
    /// {0, 1}). Returns false for any malformed or invalid signature.</summary>
    public static bool TryRecoverPublicKey(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> signature65, Span<byte> publicKey64)
        => TryRecoverPublicKeyCore(digest32, signature65, publicKey64, useReferenceMultiply: false);

    /// <summary>Recovery with either the GLV/wNAF/Strauss-Shamir double multiply (the default) or the previous
    /// plain path (fixed-base table for G, double-and-add for R), kept as the before/after reference in tests and
    /// benchmarks.</summary>
    internal static bool TryRecoverPublicKeyCore(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> signature65, Span<byte> publicKey64, bool useReferenceMultiply)
    {
        if (digest32.Length != DigestBytes || signature65.Length != SignatureBytes || publicKey64.Length < PublicKeyBytes) return false;
        int v = signature65[64];
        int recoveryId = v >= 27 ? v - 27 : v;
        if (recoveryId is not (0 or 1)) return false;
        U256 r = U256.FromBigEndian(signature65);
        U256 s = U256.FromBigEndian(signature65.Slice(32));
        if (r.IsZero || s.IsZero || !Fn.IsReduced(r) || !Fn.IsReduced(s)) return false;

        // R = (r, y) with y's parity from the recovery id; r < n < p, so r is a valid field element.
        AffinePoint bigR;
        Fp.ToMont(r, out bigR.X);
        Fp.Square(bigR.X, out U256 rhs);
        Fp.Mul(rhs, bigR.X, out rhs);
        Fp.ToMont(new U256(7, 0, 0, 0), out U256 seven);
        Fp.Add(rhs, seven, out rhs);
        Fp.SqrtCandidate(rhs, out U256 y);
        Fp.Square(y, out U256 check);
        if (!U256.Equal(check, rhs)) return false;
        Fp.FromMont(y, out U256 yPlain);
        if ((int)(yPlain.L0 & 1) != recoveryId) Fp.Negate(y, out y);
        bigR.Y = y;

        // Q = r^-1 (s R - z G) = (-z r^-1) G + (s r^-1) R.
        U256 z = DigestToScalar(digest32);
        U256 rInvMont;
        if (useReferenceMultiply)
        {
            Fn.ToMont(r, out U256 rMont);
            Fn.Inverse(rMont, out rInvMont);
        }
        else
        {
            // r is public: the binary-GCD inverse is exact and several times cheaper than Fermat.
            VariableTimeInverse.Invert(r, ScalarModulus.Modulus, out U256 rInv);
            Fn.ToMont(rInv, out rInvMont);
        }
        Fn.Mul(z, rInvMont, out U256 u1);
        Fn.Negate(u1, out u1);
        Fn.Mul(s, rInvMont, out U256 u2);
        JacobianPoint q;
        if (useReferenceMultiply)
        {
            FixedBaseTable.MultiplyG(u1, out JacobianPoint p1);
            Secp256k1Curve.Multiply(bigR, u2, out JacobianPoint p2);
            Secp256k1Curve.Add(p1, p2, out q);
        }
        else
        {
            DoubleScalarMultiplier.Multiply(u1, bigR, u2, out q);
        }
        AffinePoint affine;
        bool finite = useReferenceMultiply ? Secp256k1Curve.ToAffine(q, out affine) : Secp256k1Curve.ToAffineVariableTime(q, out affine);
        if (!finite) return false;
        WritePublicKey(affine, publicKey64);
        return true;
    }

    /// <summary>Recovers the signer's address (ecrecover). Returns false for any malformed or invalid signature.</summary>
    public static bool TryRecoverAddress(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> signature65, Span<byte> address20)
    {
        if (address20.Length < AddressBytes) return false;
        Span<byte> publicKey = stackalloc byte[PublicKeyBytes];
        if (!TryRecoverPublicKey(digest32, signature65, publicKey)) return false;
        PublicKeyToAddress(publicKey, address20);
        return true;
    }

    /// <summary>True when the signature over the digest recovers to the expected 20-byte address.</summary>
    public static bool VerifyAddress(ReadOnlySpan<byte> digest32, ReadOnlySpan<byte> signature65, ReadOnlySpan<byte> expectedAddress20)
    {
        Span<byte> address = stackalloc byte[AddressBytes];
        return TryRecoverAddress(digest32, signature65, address) && address.SequenceEqual(expectedAddress20);
    }

    internal static void SignDeterministicCore(ReadOnlySpan<byte> privateKey32, in U256 dMont, ReadOnlySpan<byte> digest32, Span<byte> signature65)
    {
        U256 z = DigestToScalar(digest32);
        Span<byte> zBytes = stackalloc byte[32];
        z.WriteBigEndian(zBytes);
        Span<byte> hmacKey = stackalloc byte[32];
        Span<byte> hmacV = stackalloc byte[32];
        var drbg = new Rfc6979(hmacKey, hmacV, privateKey32, zBytes);
        while (true)
        {
            U256 k = drbg.Next();
            bool ok = TryPrepareNonce(k, out PrecomputedNonce nonce);
            k.Wipe();
            // R.x >= n would need v = 29/30, which Ethereum cannot express; it is taken as a rejected k (p ~ 2^-128).
            if (ok && TryCompleteSignature(nonce, z, dMont, signature65))
            {
                nonce.Wipe();
                break;
            }
            nonce.Wipe();
        }
        CryptographicOperations.ZeroMemory(hmacKey);
        CryptographicOperations.ZeroMemory(hmacV);
    }

    /// <summary>Computes r, k^-1 and the parity of R.y for a nonce k in [1, n-1]; false if R.x &gt;= n or r = 0.</summary>
    internal static bool TryPrepareNonce(in U256 k, out PrecomputedNonce nonce)
    {
        nonce = default;
        FixedBaseTable.MultiplyG(k, out JacobianPoint bigR);
        if (!Secp256k1Curve.ToAffine(bigR, out AffinePoint affine)) return false;
        Fp.FromMont(affine.X, out U256 x);
        Fp.FromMont(affine.Y, out U256 y);
        if (!Fn.IsReduced(x) || x.IsZero) return false;
        nonce.R = x;
        nonce.YParity = y.L0 & 1;
        Fn.ToMont(k, out U256 kMont);
        Fn.Inverse(kMont, out U256 kInvMont);
        // Inverse yields k^-1 * R (Montgomery form), which is what the hot path multiplies by.
        nonce.KInverseMont = kInvMont;
        kMont.Wipe();
        return true;
    }

    /// <summary>The hot-path arithmetic: s = k^-1 (z + r d) mod n, low-s normalization and v. False only if s = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool TryCompleteSignature(in PrecomputedNonce nonce, in U256 z, in U256 dMont, Span<byte> signature65)
    {
        Fn.Mul(nonce.R, dMont, out U256 rd);
        Fn.Add(z, rd, out U256 sum);
        Fn.Mul(sum, nonce.KInverseMont, out U256 s);
        rd.Wipe();
        sum.Wipe();
        if (s.IsZero) return false;
        ulong parity = nonce.YParity;
        U256 half = ScalarModulus.HalfOrder;
        if (U256.LessThan(half, s))
        {
            Fn.Negate(s, out s);
            parity ^= 1;
        }
        nonce.R.WriteBigEndian(signature65);
        s.WriteBigEndian(signature65.Slice(32));
        signature65[64] = (byte)(27 + (int)parity);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static U256 DigestToScalar(ReadOnlySpan<byte> digest32)
    {
        U256 z = U256.FromBigEndian(digest32);
        Fn.ReduceFull(z, out z);
        return z;
    }

    internal static void ValidateKey(ReadOnlySpan<byte> privateKey32)
    {
        if (!IsValidPrivateKey(privateKey32))
            SigningThrowHelper.ThrowArgument("Private key must be 32 bytes encoding an integer in [1, n-1].", nameof(privateKey32));
    }

    internal static void ValidateDigestAndOutput(ReadOnlySpan<byte> digest32, Span<byte> signature65)
    {
        if (digest32.Length != DigestBytes) SigningThrowHelper.ThrowArgument("Digest must be 32 bytes.", nameof(digest32));
        if (signature65.Length < SignatureBytes) SigningThrowHelper.ThrowArgument("Signature output must hold 65 bytes.", nameof(signature65));
    }

    private static void WritePublicKey(in AffinePoint p, Span<byte> publicKey64)
    {
        Fp.FromMont(p.X, out U256 x);
        Fp.FromMont(p.Y, out U256 y);
        x.WriteBigEndian(publicKey64);
        y.WriteBigEndian(publicKey64.Slice(32));
    }
}
