using FastMaker.Primitives;

namespace FastMaker.Polymarket.Signing;

/// <summary>Convenience overloads of the span-based signing API for the FastMaker.Primitives types
/// (<see cref="Hash32"/> digests and order ids, <see cref="EthAddress"/>). Allocation-free.</summary>
public static class TypedSigningExtensions
{
    /// <summary>The EIP-712 digest (the order id for orders) under this domain.</summary>
    public static Hash32 Digest(this Eip712Domain domain, Hash32 structHash)
    {
        ArgumentNullException.ThrowIfNull(domain);
        Span<byte> words = stackalloc byte[64];
        structHash.CopyTo(words);
        Eip712.Digest(domain.Separator, words.Slice(0, 32), words.Slice(32, 32));
        return Hash32.FromBytes(words.Slice(32, 32));
    }

    /// <summary>The signer's address as an <see cref="EthAddress"/>.</summary>
    public static EthAddress EthAddress(this EthSigner signer)
    {
        ArgumentNullException.ThrowIfNull(signer);
        return FastMaker.Primitives.EthAddress.FromBytes(signer.Address);
    }

    /// <summary>Signs a digest (hot path: pooled nonce, else counted deterministic fallback).</summary>
    public static void Sign(this EthSigner signer, Hash32 digest, Span<byte> signature65)
    {
        ArgumentNullException.ThrowIfNull(signer);
        Span<byte> bytes = stackalloc byte[32];
        digest.CopyTo(bytes);
        signer.Sign(bytes, signature65);
    }

    /// <summary>Signs a digest with the RFC 6979 nonce (matches ethers/viem).</summary>
    public static void SignDeterministic(this EthSigner signer, Hash32 digest, Span<byte> signature65)
    {
        ArgumentNullException.ThrowIfNull(signer);
        Span<byte> bytes = stackalloc byte[32];
        digest.CopyTo(bytes);
        signer.SignDeterministic(bytes, signature65);
    }

    /// <summary>Recovers the signer address of a 65-byte signature over a digest; false if invalid.</summary>
    public static bool TryRecoverAddress(Hash32 digest, ReadOnlySpan<byte> signature65, out EthAddress signer)
    {
        Span<byte> bytes = stackalloc byte[32 + 20];
        digest.CopyTo(bytes);
        if (!Secp256k1.TryRecoverAddress(bytes.Slice(0, 32), signature65, bytes.Slice(32, 20)))
        {
            signer = default;
            return false;
        }
        signer = FastMaker.Primitives.EthAddress.FromBytes(bytes.Slice(32, 20));
        return true;
    }

    /// <summary>EIP-55 checksummed text of an address (cold path).</summary>
    public static string ToChecksumString(this EthAddress address)
    {
        Span<byte> bytes = stackalloc byte[20];
        address.CopyTo(bytes);
        return Eip55.Format(bytes);
    }
}
