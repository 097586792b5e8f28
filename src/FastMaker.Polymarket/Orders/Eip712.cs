using System.Buffers.Binary;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Orders;

/// <summary>The few EIP-712 encodings the order and auth code need, on the shared Keccak-256.</summary>
internal static class Eip712
{
    public static ReadOnlySpan<byte> DomainTypeWithContract => "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"u8;

    /// <summary>keccak256(typeHash || keccak(name) || keccak(version) || chainId || verifyingContract).</summary>
    public static void DomainSeparator(ReadOnlySpan<byte> name, ReadOnlySpan<byte> version, long chainId, EthAddress verifyingContract, Span<byte> output32)
    {
        Span<byte> words = stackalloc byte[32 * 5];
        words.Clear();
        Keccak256.Hash(DomainTypeWithContract, words[..32]);
        Keccak256.Hash(name, words.Slice(32, 32));
        Keccak256.Hash(version, words.Slice(64, 32));
        WriteUInt(words.Slice(96, 32), (ulong)chainId);
        verifyingContract.WriteAbiWord(words.Slice(128, 32));
        Keccak256.Hash(words, output32);
    }

    /// <summary>keccak256(0x19 0x01 || domainSeparator || structHash).</summary>
    public static void Digest(ReadOnlySpan<byte> domainSeparator, ReadOnlySpan<byte> structHash, Span<byte> output32)
    {
        Span<byte> buffer = stackalloc byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        domainSeparator[..32].CopyTo(buffer[2..]);
        structHash[..32].CopyTo(buffer[34..]);
        Keccak256.Hash(buffer, output32);
    }

    /// <summary>Writes a big-endian uint256 word holding <paramref name="value"/>.</summary>
    public static void WriteUInt(Span<byte> word32, ulong value)
    {
        word32[..24].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(word32[24..], value);
    }

    /// <summary>Writes a big-endian uint256 word.</summary>
    public static void WriteUInt256(Span<byte> word32, in UInt256 value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(word32, value.U3);
        BinaryPrimitives.WriteUInt64BigEndian(word32[8..], value.U2);
        BinaryPrimitives.WriteUInt64BigEndian(word32[16..], value.U1);
        BinaryPrimitives.WriteUInt64BigEndian(word32[24..], value.U0);
    }
}
