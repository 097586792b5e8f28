using FastMaker.Polymarket.Signing;

namespace FastMaker.Polymarket.Orders;

/// <summary>
/// EIP-712 hashing of <see cref="ExchangeOrder"/> and the POLY_1271 (deposit wallet) wrapping, all on the stack.
/// </summary>
public static class OrderHashing
{
    /// <summary>The V2/V3 order type string (186 bytes).</summary>
    public static ReadOnlySpan<byte> OrderTypeString =>
        "Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)"u8;

    /// <summary>The ERC-7739 TypedDataSign type string with the referenced Order type appended (EIP-712 encodeType).</summary>
    public static ReadOnlySpan<byte> TypedDataSignTypeString =>
        "TypedDataSign(Order contents,string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)"u8;

    /// <summary>Length of a wrapped POLY_1271 signature: 65 + 32 + 32 + 186 + 2.</summary>
    public const int Poly1271SignatureLength = 65 + 32 + 32 + 186 + 2;

    /// <summary>Length of a plain ECDSA signature r || s || v.</summary>
    public const int EcdsaSignatureLength = 65;

    private static readonly byte[] s_orderTypeHash = Keccak256.Hash(OrderTypeString);
    private static readonly byte[] s_typedDataSignTypeHash = Keccak256.Hash(TypedDataSignTypeString);
    private static readonly byte[] s_depositWalletNameHash = Keccak256.Hash("DepositWallet"u8);
    private static readonly byte[] s_depositWalletVersionHash = Keccak256.Hash("1"u8);

    /// <summary>hashStruct(Order): keccak256 of the type hash and the 11 ABI-encoded fields.</summary>
    public static void StructHash(in ExchangeOrder order, Span<byte> output32)
    {
        Span<byte> w = stackalloc byte[32 * 12];
        s_orderTypeHash.CopyTo(w);
        Eip712.WriteUInt(w.Slice(32, 32), order.Salt);
        order.Maker.WriteAbiWord(w.Slice(64, 32));
        order.Signer.WriteAbiWord(w.Slice(96, 32));
        Eip712.WriteUInt256(w.Slice(128, 32), order.TokenId);
        Eip712.WriteUInt(w.Slice(160, 32), (ulong)order.MakerAmount);
        Eip712.WriteUInt(w.Slice(192, 32), (ulong)order.TakerAmount);
        Eip712.WriteUInt(w.Slice(224, 32), (ulong)order.Side);
        Eip712.WriteUInt(w.Slice(256, 32), (ulong)order.SignatureType);
        Eip712.WriteUInt(w.Slice(288, 32), (ulong)order.TimestampMs);
        order.Metadata.CopyTo(w.Slice(320, 32));
        order.Builder.CopyTo(w.Slice(352, 32));
        Keccak256.Hash(w, output32);
    }

    /// <summary>The order id: keccak256(0x1901 || domainSeparator || structHash).</summary>
    public static void Digest(ExchangeDomain domain, ReadOnlySpan<byte> structHash, Span<byte> output32) =>
        Eip712.Digest(domain.Separator, structHash, output32);

    /// <summary>
    /// The digest the EOA signs for a deposit wallet (POLY_1271): TypedDataSign{contents: order, name "DepositWallet",
    /// version "1", chainId, verifyingContract: wallet, salt 0} under the exchange domain.
    /// </summary>
    public static void Poly1271SigningDigest(ExchangeDomain domain, in ExchangeOrder order, ReadOnlySpan<byte> structHash, Span<byte> output32)
    {
        Span<byte> w = stackalloc byte[32 * 7];
        s_typedDataSignTypeHash.CopyTo(w);
        structHash[..32].CopyTo(w.Slice(32, 32));
        s_depositWalletNameHash.CopyTo(w.Slice(64, 32));
        s_depositWalletVersionHash.CopyTo(w.Slice(96, 32));
        Eip712.WriteUInt(w.Slice(128, 32), (ulong)domain.ChainId);
        order.Signer.WriteAbiWord(w.Slice(160, 32));
        w.Slice(192, 32).Clear();
        Span<byte> tdsHash = stackalloc byte[32];
        Keccak256.Hash(w, tdsHash);
        Eip712.Digest(domain.Separator, tdsHash, output32);
    }

    /// <summary>
    /// The wire signature of a deposit-wallet order: innerSignature(65) || domainSeparator(32) || structHash(32) ||
    /// utf8(OrderTypeString)(186) || uint16be(186).
    /// </summary>
    public static void WrapPoly1271(ReadOnlySpan<byte> innerSignature65, ExchangeDomain domain, ReadOnlySpan<byte> structHash, Span<byte> output)
    {
        innerSignature65[..65].CopyTo(output);
        domain.Separator.CopyTo(output[65..]);
        structHash[..32].CopyTo(output[97..]);
        OrderTypeString.CopyTo(output[129..]);
        output[315] = 0;
        output[316] = (byte)OrderTypeString.Length;
    }
}
