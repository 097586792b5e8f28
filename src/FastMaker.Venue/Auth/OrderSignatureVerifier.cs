using FastMaker.Primitives;
using FastMaker.Polymarket.Signing;
using FastMaker.Venue.Api;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Auth;

/// <summary>
/// The venue's order checks before the engine: owner is the API key, signer is the key's address, and the V2
/// EIP-712 signature recovers to the signer under the market's exchange domain (negRisk picks the contract).
/// </summary>
internal static class OrderSignatureVerifier
{
    public const string OwnerMismatch = "the order owner has to be the owner of the API KEY";
    public const string SignerMismatch = "the order signer address has to be the address of the API KEY";
    public const string InvalidSignature = "invalid signature";
    public const string MakerNotAllowed = "maker address not allowed";

    /// <summary>Checks the order and builds the engine request; false with the reference's error text.</summary>
    public static bool TryVerify(OrderBody body, ApiCredentials credentials, VenueMarket market, ulong chainId, long nowMs,
        out OrderRequest request, out string error)
    {
        request = default;
        if (!string.Equals(body.Owner, credentials.ApiKey, StringComparison.Ordinal)) { error = OwnerMismatch; return false; }
        Span<byte> signer = stackalloc byte[20];
        body.Signer.CopyTo(signer);
        if (!string.Equals(body.Signer.ToString(), credentials.Address, StringComparison.OrdinalIgnoreCase)) { error = SignerMismatch; return false; }
        if (body.SignatureType == 0 && body.Maker != body.Signer) { error = MakerNotAllowed; return false; }
        // POLY_1271 needs an ERC-1271 contract call on chain; the loopback venue has no chain, so it refuses type 3.
        if (body.SignatureType == 3 || body.Signature.Length != 65) { error = InvalidSignature; return false; }

        var domain = PolymarketDomains.Exchange(2, market.NegRisk, chainId);
        Span<byte> maker = stackalloc byte[20];
        Span<byte> token = stackalloc byte[32];
        Span<byte> metadata = stackalloc byte[32];
        Span<byte> builder = stackalloc byte[32];
        Span<byte> structHash = stackalloc byte[32];
        Span<byte> digest = stackalloc byte[32];
        Span<byte> recovered = stackalloc byte[20];
        body.Maker.CopyTo(maker);
        body.TokenId.WriteBigEndian(token);
        body.Metadata.CopyTo(metadata);
        body.Builder.CopyTo(builder);
        OrderStructHash.HashV2(body.Salt, maker, signer, token, (ulong)body.MakerAmount, (ulong)body.TakerAmount,
            body.Side == Side.Buy ? (byte)0 : (byte)1, body.SignatureType, body.TimestampMs, metadata, builder, structHash);
        Eip712.Digest(domain.Separator, structHash, digest);
        if (!Secp256k1.TryRecoverAddress(digest, body.Signature, recovered) || !recovered.SequenceEqual(signer))
        {
            error = InvalidSignature;
            return false;
        }
        request = new OrderRequest
        {
            OrderId = Hash32.FromBytes(digest),
            Owner = credentials.ApiKey,
            Maker = body.Maker,
            Signer = body.Signer,
            Token = body.TokenId,
            Side = body.Side,
            MakerAmount = body.MakerAmount,
            TakerAmount = body.TakerAmount,
            Type = body.OrderType,
            PostOnly = body.PostOnly,
            Expiration = body.Expiration,
            TimestampMs = body.TimestampMs > long.MaxValue ? long.MaxValue : (long)body.TimestampMs,
        };
        error = "";
        return true;
    }
}
