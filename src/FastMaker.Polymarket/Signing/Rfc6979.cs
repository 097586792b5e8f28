using System.Security.Cryptography;
using Fn = FastMaker.Polymarket.Signing.Mont<FastMaker.Polymarket.Signing.ScalarModulus>;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// Deterministic ECDSA nonces per RFC 6979 section 3.2 with HMAC-SHA256, for secp256k1 and a 32-byte digest
/// (qlen = hlen = 256, no extra entropy) - the same k as ethers, viem/noble and eth_account.
/// </summary>
internal ref struct Rfc6979
{
    private const int Size = 32;
    private Span<byte> _k;
    private Span<byte> _v;
    private bool _first;

    /// <param name="k">32-byte scratch for HMAC key K (caller wipes it).</param>
    /// <param name="v">32-byte scratch for V (caller wipes it).</param>
    /// <param name="privateKey32">int2octets(x): the key, already validated to be in [1, n-1].</param>
    /// <param name="digestModN">bits2octets(h1): the digest reduced mod n, big-endian.</param>
    public Rfc6979(Span<byte> k, Span<byte> v, ReadOnlySpan<byte> privateKey32, ReadOnlySpan<byte> digestModN)
    {
        _k = k.Slice(0, Size);
        _v = v.Slice(0, Size);
        _first = true;
        _v.Fill(0x01);
        _k.Clear();
        Span<byte> seed = stackalloc byte[Size + 1 + Size + Size];
        _v.CopyTo(seed);
        privateKey32.Slice(0, Size).CopyTo(seed.Slice(Size + 1));
        digestModN.Slice(0, Size).CopyTo(seed.Slice(Size + 1 + Size));
        seed[Size] = 0x00;
        HMACSHA256.HashData(_k, seed, _k);
        HMACSHA256.HashData(_k, _v, _v);
        _v.CopyTo(seed);
        seed[Size] = 0x01;
        HMACSHA256.HashData(_k, seed, _k);
        HMACSHA256.HashData(_k, _v, _v);
        CryptographicOperations.ZeroMemory(seed);
    }

    /// <summary>Returns the next candidate k in [1, n-1] (step 3.2.h), advancing the DRBG past rejected ones.</summary>
    public U256 Next()
    {
        Span<byte> retry = stackalloc byte[Size + 1];
        while (true)
        {
            if (!_first)
            {
                // A previous candidate was rejected by the caller (r = 0, s = 0) or out of range.
                _v.CopyTo(retry);
                retry[Size] = 0x00;
                HMACSHA256.HashData(_k, retry, _k);
                HMACSHA256.HashData(_k, _v, _v);
            }
            _first = false;
            HMACSHA256.HashData(_k, _v, _v);
            U256 candidate = U256.FromBigEndian(_v);
            if (!candidate.IsZero && Fn.IsReduced(candidate)) return candidate;
        }
    }
}
