using System.Security.Cryptography;
using Fn = FastMaker.Polymarket.Signing.Mont<FastMaker.Polymarket.Signing.ScalarModulus>;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// Holds one private key and signs 32-byte digests (EIP-712 order hashes) as r || s || v. <see cref="Sign"/> is
/// the hot path: with a <see cref="NoncePool"/> it uses a precomputed nonce; when there is no pool or the pool is
/// empty it falls back to the RFC 6979 deterministic path and counts that in <see cref="DeterministicFallbacks"/>.
/// Signing is single-threaded (the pool has one consumer). The key lives in pinned memory and is wiped on
/// <see cref="Dispose"/>; it never appears in an exception message or in <see cref="ToString"/>.
/// </summary>
public sealed class EthSigner : IDisposable
{
    private readonly byte[] _privateKey;     // pinned, 32 bytes
    private readonly ulong[] _dMontLimbs;    // pinned, d in Montgomery form mod n
    private readonly byte[] _address = new byte[Secp256k1.AddressBytes];
    private readonly NoncePool? _pool;
    private long _fastSignatures;
    private long _deterministicFallbacks;
    private bool _disposed;

    /// <summary>Creates a signer for a 32-byte private key (copied; the caller may wipe its copy).</summary>
    /// <param name="privateKey32">The key, big-endian.</param>
    /// <param name="noncePool">Optional precomputed nonces for the fast path; not owned (the caller disposes it).</param>
    public EthSigner(ReadOnlySpan<byte> privateKey32, NoncePool? noncePool = null)
    {
        Secp256k1.ValidateKey(privateKey32);
        _privateKey = GC.AllocateArray<byte>(Secp256k1.PrivateKeyBytes, pinned: true);
        privateKey32.CopyTo(_privateKey);
        _dMontLimbs = GC.AllocateArray<ulong>(4, pinned: true);
        U256 d = U256.FromBigEndian(_privateKey);
        Fn.ToMont(d, out U256 dMont);
        _dMontLimbs[0] = dMont.L0;
        _dMontLimbs[1] = dMont.L1;
        _dMontLimbs[2] = dMont.L2;
        _dMontLimbs[3] = dMont.L3;
        d.Wipe();
        dMont.Wipe();
        Secp256k1.GetAddress(_privateKey, _address);
        _pool = noncePool;
    }

    /// <summary>Parses a hex private key (64 hex digits, optional 0x). The error never echoes the input.</summary>
    public static EthSigner FromHex(ReadOnlySpan<char> hex, NoncePool? noncePool = null)
    {
        hex = hex.Trim();
        if (hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) hex = hex.Slice(2);
        Span<byte> key = stackalloc byte[Secp256k1.PrivateKeyBytes];
        try
        {
            if (hex.Length != 64 || Convert.FromHexString(hex, key, out _, out int written) != System.Buffers.OperationStatus.Done || written != 32)
                SigningThrowHelper.ThrowArgument("Private key must be 64 hex digits (optionally 0x-prefixed).", nameof(hex));
            return new EthSigner(key, noncePool);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Reads a hex private key from an environment variable (never from the command line).</summary>
    public static EthSigner FromEnvironment(string variableName, NoncePool? noncePool = null)
    {
        string? value = Environment.GetEnvironmentVariable(variableName);
        if (string.IsNullOrWhiteSpace(value))
            SigningThrowHelper.ThrowInvalidOperation("Environment variable " + variableName + " holding the private key is not set.");
        return FromHex(value, noncePool);
    }

    /// <summary>Reads a hex private key from a file (first non-empty content, surrounding whitespace ignored).</summary>
    public static EthSigner FromFile(string path, NoncePool? noncePool = null)
    {
        string text = File.ReadAllText(path);
        return FromHex(text, noncePool);
    }

    /// <summary>The signer's 20-byte address.</summary>
    public ReadOnlySpan<byte> Address => _address;

    /// <summary>The address as EIP-55 mixed-case hex with 0x (cold path; allocates).</summary>
    public string AddressChecksummed => Eip55.Format(_address);

    /// <summary>Signatures made with a precomputed nonce.</summary>
    public long FastSignatures => Volatile.Read(ref _fastSignatures);

    /// <summary>Calls to <see cref="Sign"/> that found no precomputed nonce and used the deterministic path.</summary>
    public long DeterministicFallbacks => Volatile.Read(ref _deterministicFallbacks);

    /// <summary>Signs a 32-byte digest into 65 bytes r || s || v (low s, v in {27, 28}). Fast path with a pooled
    /// nonce, else the counted deterministic fallback. Allocation-free.</summary>
    public void Sign(ReadOnlySpan<byte> digest32, Span<byte> signature65)
    {
        if (_disposed) SigningThrowHelper.ThrowObjectDisposed(nameof(EthSigner));
        Secp256k1.ValidateDigestAndOutput(digest32, signature65);
        U256 dMont = LoadDMont();
        if (_pool is not null && _pool.TryTake(out PrecomputedNonce nonce))
        {
            U256 z = Secp256k1.DigestToScalar(digest32);
            bool ok = Secp256k1.TryCompleteSignature(nonce, z, dMont, signature65);
            nonce.Wipe();
            if (ok)
            {
                dMont.Wipe();
                // Single writer; Volatile so monitoring threads read a whole, recent value.
                Volatile.Write(ref _fastSignatures, _fastSignatures + 1);
                return;
            }
        }
        Interlocked.Increment(ref _deterministicFallbacks);
        Secp256k1.SignDeterministicCore(_privateKey, dMont, digest32, signature65);
        dMont.Wipe();
    }

    /// <summary>Signs with the RFC 6979 nonce: the same signature as ethers/viem for this key and digest.</summary>
    public void SignDeterministic(ReadOnlySpan<byte> digest32, Span<byte> signature65)
    {
        if (_disposed) SigningThrowHelper.ThrowObjectDisposed(nameof(EthSigner));
        Secp256k1.ValidateDigestAndOutput(digest32, signature65);
        U256 dMont = LoadDMont();
        Secp256k1.SignDeterministicCore(_privateKey, dMont, digest32, signature65);
        dMont.Wipe();
    }

    private U256 LoadDMont() => new(_dMontLimbs[0], _dMontLimbs[1], _dMontLimbs[2], _dMontLimbs[3]);

    /// <summary>Wipes the key. The nonce pool is not disposed (it is not owned).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        CryptographicOperations.ZeroMemory(_privateKey);
        Array.Clear(_dMontLimbs);
    }

    /// <summary>Shows the address only.</summary>
    public override string ToString() => "EthSigner(" + AddressChecksummed + ")";
}
