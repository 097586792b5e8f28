using FastMaker.Polymarket.Signing;

namespace FastMaker.Polymarket.Orders;

/// <summary>
/// EIP-712 hashing of an <see cref="ExchangeOrder"/> and the POLY_1271 (deposit wallet) wrapping: a thin adapter from
/// the order struct to the signing code in <see cref="FastMaker.Polymarket.Signing"/>, which owns the encoding.
/// </summary>
public static class OrderHashing
{
    /// <summary>Length of a POLY_1271 wrapped signature: 65 + 32 + 32 + 186 (type string) + 2 = 317 bytes.</summary>
    public static int Poly1271SignatureLength => Poly1271Signature.WrappedLength;

    /// <summary>Length of a plain ECDSA signature r || s || v.</summary>
    public const int EcdsaSignatureLength = Secp256k1.SignatureBytes;

    /// <summary>hashStruct(Order) for V2/V3.</summary>
    public static void StructHash(in ExchangeOrder order, Span<byte> output32) =>
        OrderStructHash.HashV2(
            order.Salt, order.Maker, order.Signer, order.TokenId, (ulong)order.MakerAmount, (ulong)order.TakerAmount,
            order.Side, (byte)order.SignatureType, (ulong)order.TimestampMs, order.Metadata, order.Builder).CopyTo(output32);

    /// <summary>The order id: keccak256(0x1901 || domain separator || struct hash).</summary>
    public static void Digest(ExchangeDomain domain, ReadOnlySpan<byte> structHash, Span<byte> output32) =>
        Eip712.Digest(domain.Separator, structHash, output32);

    /// <summary>The digest the EOA signs for a POLY_1271 order (TypedDataSign over the exchange domain).</summary>
    public static void Poly1271SigningDigest(ExchangeDomain domain, in ExchangeOrder order, ReadOnlySpan<byte> structHash, Span<byte> output32)
    {
        Span<byte> wallet = stackalloc byte[20];
        order.Signer.CopyTo(wallet);
        Poly1271Signature.Digest(domain.Separator, structHash, (ulong)domain.ChainId, wallet, output32);
    }

    /// <summary>Writes the wrapped POLY_1271 signature into <paramref name="output"/> (at least <see cref="Poly1271SignatureLength"/> bytes).</summary>
    public static void WrapPoly1271(ReadOnlySpan<byte> innerSignature65, ExchangeDomain domain, ReadOnlySpan<byte> structHash, Span<byte> output)
    {
        if (Poly1271Signature.Wrap(innerSignature65, domain.Separator, structHash, output) == 0)
        {
            throw new ArgumentException($"output must hold {Poly1271SignatureLength} bytes", nameof(output));
        }
    }
}
