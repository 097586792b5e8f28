using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace FastMaker.Polymarket.Signing;

/// <summary>EIP-712 primitives: ABI words, type hashes and the final digest keccak256(0x19 0x01 || domainSeparator || structHash).</summary>
public static class Eip712
{
    /// <summary>ABI word size.</summary>
    public const int WordBytes = 32;

    /// <summary>The final digest to sign (and, for orders, the order id).</summary>
    [SkipLocalsInit]
    public static void Digest(ReadOnlySpan<byte> domainSeparator32, ReadOnlySpan<byte> structHash32, Span<byte> digest32)
    {
        if (domainSeparator32.Length != 32 || structHash32.Length != 32)
            SigningThrowHelper.ThrowArgument("Domain separator and struct hash must be 32 bytes each.", nameof(structHash32));
        Span<byte> buffer = stackalloc byte[66];
        buffer[0] = 0x19;
        buffer[1] = 0x01;
        domainSeparator32.CopyTo(buffer.Slice(2));
        structHash32.CopyTo(buffer.Slice(34));
        Keccak256.Hash(buffer, digest32);
    }

    /// <summary>keccak256 of a type string such as "Order(uint256 salt,...)"; cold path.</summary>
    public static byte[] TypeHash(string encodedType) => Keccak256.Hash(Encoding.UTF8.GetBytes(encodedType));

    /// <summary>Writes a uint256 given as 32 big-endian bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt256(Span<byte> word, ReadOnlySpan<byte> bigEndian32)
    {
        if (bigEndian32.Length != 32) SigningThrowHelper.ThrowArgument("uint256 must be 32 big-endian bytes.", nameof(bigEndian32));
        bigEndian32.CopyTo(word);
    }

    /// <summary>Writes an unsigned integer as a uint256 word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteUInt64(Span<byte> word, ulong value)
    {
        word.Slice(0, 24).Clear();
        BinaryPrimitives.WriteUInt64BigEndian(word.Slice(24, 8), value);
    }

    /// <summary>Writes an address (20 bytes, left-padded with zeros).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteAddress(Span<byte> word, ReadOnlySpan<byte> address20)
    {
        if (address20.Length != 20) SigningThrowHelper.ThrowArgument("Address must be 20 bytes.", nameof(address20));
        word.Slice(0, 12).Clear();
        address20.CopyTo(word.Slice(12));
    }

    /// <summary>Writes a bytes32 value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteBytes32(Span<byte> word, ReadOnlySpan<byte> value32)
    {
        if (value32.Length != 32) SigningThrowHelper.ThrowArgument("bytes32 must be 32 bytes.", nameof(value32));
        value32.CopyTo(word);
    }

    /// <summary>Writes a dynamic string or bytes field: its keccak256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void WriteDynamicHash(Span<byte> word, ReadOnlySpan<byte> utf8) => Keccak256.Hash(utf8, word);
}
