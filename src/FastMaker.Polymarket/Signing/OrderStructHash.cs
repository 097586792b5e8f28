using System.Runtime.CompilerServices;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// hashStruct of the exchange Order for V2/V3 (same struct, the domain tells them apart) and of the legacy V1
/// Order. uint256 fields come as 32 big-endian bytes, or as ulong where the value always fits (salt is at most
/// 2^53 - 1 on the wire, amounts are 6-decimal longs, timestamps are ms). Allocation-free.
/// </summary>
public static partial class OrderStructHash
{
    /// <summary>The V2/V3 order type string (ORDERS-V2-V3.md 2), 186 bytes.</summary>
    public const string OrderV2Type = "Order(uint256 salt,address maker,address signer,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,bytes32 metadata,bytes32 builder)";

    /// <summary>The legacy V1 order type string (PROTOCOL.md 1.1).</summary>
    public const string OrderV1Type = "Order(uint256 salt,address maker,address signer,address taker,uint256 tokenId,uint256 makerAmount,uint256 takerAmount,uint256 expiration,uint256 nonce,uint256 feeRateBps,uint8 side,uint8 signatureType)";

    /// <summary>Bytes of the V2 struct encoding: type hash + 11 words.</summary>
    public const int OrderV2EncodedBytes = 12 * 32;

    /// <summary>Bytes of the V1 struct encoding: type hash + 12 words.</summary>
    public const int OrderV1EncodedBytes = 13 * 32;

    private static readonly byte[] OrderV2TypeHashBytes = Eip712.TypeHash(OrderV2Type);
    private static readonly byte[] OrderV1TypeHashBytes = Eip712.TypeHash(OrderV1Type);

    /// <summary>keccak256(OrderV2Type).</summary>
    public static ReadOnlySpan<byte> OrderV2TypeHash => OrderV2TypeHashBytes;

    /// <summary>keccak256(OrderV1Type).</summary>
    public static ReadOnlySpan<byte> OrderV1TypeHash => OrderV1TypeHashBytes;

    /// <summary>hashStruct(Order) for V2/V3 with every uint256 as 32 big-endian bytes.</summary>
    [SkipLocalsInit]
    public static void HashV2(
        ReadOnlySpan<byte> salt32, ReadOnlySpan<byte> maker20, ReadOnlySpan<byte> signer20, ReadOnlySpan<byte> tokenId32,
        ReadOnlySpan<byte> makerAmount32, ReadOnlySpan<byte> takerAmount32, byte side, byte signatureType,
        ReadOnlySpan<byte> timestamp32, ReadOnlySpan<byte> metadata32, ReadOnlySpan<byte> builder32, Span<byte> structHash32)
    {
        Span<byte> e = stackalloc byte[OrderV2EncodedBytes];
        OrderV2TypeHashBytes.CopyTo(e);
        Eip712.WriteUInt256(e.Slice(32, 32), salt32);
        WriteCommonV2(e, maker20, signer20, tokenId32);
        Eip712.WriteUInt256(e.Slice(160, 32), makerAmount32);
        Eip712.WriteUInt256(e.Slice(192, 32), takerAmount32);
        Eip712.WriteUInt64(e.Slice(224, 32), side);
        Eip712.WriteUInt64(e.Slice(256, 32), signatureType);
        Eip712.WriteUInt256(e.Slice(288, 32), timestamp32);
        Eip712.WriteBytes32(e.Slice(320, 32), metadata32);
        Eip712.WriteBytes32(e.Slice(352, 32), builder32);
        Keccak256.Hash(e, structHash32);
    }

    /// <summary>hashStruct(Order) for V2/V3 with salt, amounts and timestamp as unsigned 64-bit integers (the hot path).</summary>
    [SkipLocalsInit]
    public static void HashV2(
        ulong salt, ReadOnlySpan<byte> maker20, ReadOnlySpan<byte> signer20, ReadOnlySpan<byte> tokenId32,
        ulong makerAmount, ulong takerAmount, byte side, byte signatureType,
        ulong timestampMs, ReadOnlySpan<byte> metadata32, ReadOnlySpan<byte> builder32, Span<byte> structHash32)
    {
        Span<byte> e = stackalloc byte[OrderV2EncodedBytes];
        OrderV2TypeHashBytes.CopyTo(e);
        Eip712.WriteUInt64(e.Slice(32, 32), salt);
        WriteCommonV2(e, maker20, signer20, tokenId32);
        Eip712.WriteUInt64(e.Slice(160, 32), makerAmount);
        Eip712.WriteUInt64(e.Slice(192, 32), takerAmount);
        Eip712.WriteUInt64(e.Slice(224, 32), side);
        Eip712.WriteUInt64(e.Slice(256, 32), signatureType);
        Eip712.WriteUInt64(e.Slice(288, 32), timestampMs);
        Eip712.WriteBytes32(e.Slice(320, 32), metadata32);
        Eip712.WriteBytes32(e.Slice(352, 32), builder32);
        Keccak256.Hash(e, structHash32);
    }

    /// <summary>hashStruct(Order) for the legacy V1 order (kept for the published V1 test vectors and behind a flag).</summary>
    [SkipLocalsInit]
    public static void HashV1(
        ulong salt, ReadOnlySpan<byte> maker20, ReadOnlySpan<byte> signer20, ReadOnlySpan<byte> taker20, ReadOnlySpan<byte> tokenId32,
        ulong makerAmount, ulong takerAmount, ulong expiration, ulong nonce, ulong feeRateBps, byte side, byte signatureType,
        Span<byte> structHash32)
    {
        Span<byte> e = stackalloc byte[OrderV1EncodedBytes];
        OrderV1TypeHashBytes.CopyTo(e);
        Eip712.WriteUInt64(e.Slice(32, 32), salt);
        Eip712.WriteAddress(e.Slice(64, 32), maker20);
        Eip712.WriteAddress(e.Slice(96, 32), signer20);
        Eip712.WriteAddress(e.Slice(128, 32), taker20);
        Eip712.WriteUInt256(e.Slice(160, 32), tokenId32);
        Eip712.WriteUInt64(e.Slice(192, 32), makerAmount);
        Eip712.WriteUInt64(e.Slice(224, 32), takerAmount);
        Eip712.WriteUInt64(e.Slice(256, 32), expiration);
        Eip712.WriteUInt64(e.Slice(288, 32), nonce);
        Eip712.WriteUInt64(e.Slice(320, 32), feeRateBps);
        Eip712.WriteUInt64(e.Slice(352, 32), side);
        Eip712.WriteUInt64(e.Slice(384, 32), signatureType);
        Keccak256.Hash(e, structHash32);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteCommonV2(Span<byte> e, ReadOnlySpan<byte> maker20, ReadOnlySpan<byte> signer20, ReadOnlySpan<byte> tokenId32)
    {
        Eip712.WriteAddress(e.Slice(64, 32), maker20);
        Eip712.WriteAddress(e.Slice(96, 32), signer20);
        Eip712.WriteUInt256(e.Slice(128, 32), tokenId32);
    }
}
