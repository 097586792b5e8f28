using System.Runtime.CompilerServices;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Signing;

public static partial class OrderStructHash
{
    /// <summary>hashStruct(Order) for V2/V3 from the FastMaker.Primitives types. Allocation-free.</summary>
    [SkipLocalsInit]
    public static Hash32 HashV2(
        ulong salt, EthAddress maker, EthAddress signer, UInt256 tokenId, ulong makerAmount, ulong takerAmount,
        Side side, byte signatureType, ulong timestampMs, Hash32 metadata, Hash32 builder)
    {
        Span<byte> e = stackalloc byte[OrderV2EncodedBytes];
        OrderV2TypeHashBytes.CopyTo(e);
        Eip712.WriteUInt64(e.Slice(32, 32), salt);
        maker.WriteAbiWord(e.Slice(64, 32));
        signer.WriteAbiWord(e.Slice(96, 32));
        tokenId.WriteBigEndian(e.Slice(128, 32));
        Eip712.WriteUInt64(e.Slice(160, 32), makerAmount);
        Eip712.WriteUInt64(e.Slice(192, 32), takerAmount);
        Eip712.WriteUInt64(e.Slice(224, 32), (byte)side);
        Eip712.WriteUInt64(e.Slice(256, 32), signatureType);
        Eip712.WriteUInt64(e.Slice(288, 32), timestampMs);
        metadata.CopyTo(e.Slice(320, 32));
        builder.CopyTo(e.Slice(352, 32));
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(e, hash);
        return Hash32.FromBytes(hash);
    }
}
