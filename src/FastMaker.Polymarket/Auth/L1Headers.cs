using System.Globalization;
using System.Text;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Polymarket.Auth;

/// <summary>
/// L1 authentication headers (POLY_ADDRESS, POLY_SIGNATURE, POLY_TIMESTAMP, POLY_NONCE) for
/// <c>POST /auth/api-key</c> and <c>GET /auth/derive-api-key</c>: the EOA signs ClobAuth{address, timestamp
/// (seconds, as a string), nonce, fixed message} under {name "ClobAuthDomain", version "1", chainId}. Signed on the
/// deterministic RFC 6979 path (cold path; identical to the official client).
/// </summary>
public sealed record L1Headers(string Address, string Signature, string Timestamp, string Nonce)
{
    /// <summary>Signs the ClobAuth message for <paramref name="signer"/>.</summary>
    public static L1Headers Create(EthSigner signer, long chainId, long timestampSeconds, ulong nonce = 0)
    {
        ArgumentNullException.ThrowIfNull(signer);
        if (chainId <= 0) throw new ArgumentOutOfRangeException(nameof(chainId), chainId, "chainId must be positive.");
        if (timestampSeconds < 0) throw new ArgumentOutOfRangeException(nameof(timestampSeconds), timestampSeconds, "timestamp must not be negative.");
        string timestamp = timestampSeconds.ToString(CultureInfo.InvariantCulture);
        Span<byte> structHash = stackalloc byte[32];
        Span<byte> digest = stackalloc byte[32];
        Span<byte> signature = stackalloc byte[65];
        ClobAuthStructHash.Hash(signer.Address, Encoding.ASCII.GetBytes(timestamp), nonce, structHash);
        Eip712.Digest(PolymarketDomains.ClobAuth((ulong)chainId).Separator, structHash, digest);
        signer.SignDeterministic(digest, signature);
        return new L1Headers(signer.AddressChecksummed, "0x" + Convert.ToHexStringLower(signature), timestamp, nonce.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Adds the four headers to a request.</summary>
    public void AddTo(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Headers.TryAddWithoutValidation(PolyHeaderNames.Address, Address);
        request.Headers.TryAddWithoutValidation(PolyHeaderNames.Signature, Signature);
        request.Headers.TryAddWithoutValidation(PolyHeaderNames.Timestamp, Timestamp);
        request.Headers.TryAddWithoutValidation(PolyHeaderNames.Nonce, Nonce);
    }
}
