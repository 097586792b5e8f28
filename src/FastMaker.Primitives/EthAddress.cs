using System.Buffers.Binary;
using System.Numerics;

namespace FastMaker.Primitives;

/// <summary>
/// A 20-byte Ethereum address. Text form is "0x" + 40 hex digits; parsing is case-insensitive and does not verify the
/// EIP-55 checksum; formatting is lowercase (checksum formatting needs Keccak and lives in FastMaker.Polymarket).
/// </summary>
public readonly struct EthAddress : IEquatable<EthAddress>, ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>Bytes in an address.</summary>
    public const int Size = 20;

    /// <summary>Length of the text form: "0x" + 40 hex digits.</summary>
    public const int TextLength = 42;

    /// <summary>The zero address.</summary>
    public static readonly EthAddress Zero = default;

    // Bytes 0-7, 8-15 and 16-19, each read big-endian.
    private readonly ulong _w0, _w1;
    private readonly uint _w2;

    private EthAddress(ulong w0, ulong w1, uint w2)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
    }

    /// <summary>True for the zero address.</summary>
    public bool IsZero => (_w0 | _w1 | _w2) == 0;

    /// <summary>Parses "0x"/"0X" + exactly 40 hex digits, any case (checksum not verified).</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out EthAddress value) => TryParseCore(utf8, out value);

    /// <summary>Parses "0x"/"0X" + exactly 40 hex digits, any case (checksum not verified).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out EthAddress value) => TryParseCore(text, out value);

    /// <summary>Parses text at the edges; throws <see cref="FormatException"/> naming the expected form.</summary>
    public static EthAddress Parse(string text)
    {
        if (text is null)
        {
            ThrowHelper.ThrowArgumentNull(nameof(text));
        }

        if (!TryParse(text.AsSpan(), out EthAddress value))
        {
            ThrowHelper.ThrowFormat(nameof(EthAddress), "expected \"0x\" followed by exactly 40 hex digits");
        }

        return value;
    }

    private static bool TryParseCore<TChar>(ReadOnlySpan<TChar> s, out EthAddress value)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        Span<byte> bytes = stackalloc byte[Size];
        if (!HexCodec.TryDecodePrefixed(s, bytes))
        {
            value = default;
            return false;
        }

        value = FromBytes(bytes);
        return true;
    }

    /// <summary>Wraps exactly 20 bytes.</summary>
    public static EthAddress FromBytes(ReadOnlySpan<byte> bytes20)
    {
        if (bytes20.Length != Size)
        {
            ThrowHelper.ThrowSourceLength(nameof(bytes20), Size);
        }

        return new EthAddress(
            BinaryPrimitives.ReadUInt64BigEndian(bytes20),
            BinaryPrimitives.ReadUInt64BigEndian(bytes20.Slice(8)),
            BinaryPrimitives.ReadUInt32BigEndian(bytes20.Slice(16)));
    }

    /// <summary>Copies the 20 bytes out.</summary>
    public void CopyTo(Span<byte> destination20)
    {
        if (destination20.Length < Size)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination20), Size);
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination20, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination20.Slice(8), _w1);
        BinaryPrimitives.WriteUInt32BigEndian(destination20.Slice(16), _w2);
    }

    /// <summary>Writes the address as an ABI word: 12 zero bytes, then the 20 address bytes (as EIP-712 encodes it).</summary>
    public void WriteAbiWord(Span<byte> destination32)
    {
        if (destination32.Length < 32)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination32), 32);
        }

        destination32.Slice(0, 12).Clear();
        CopyTo(destination32.Slice(12));
    }

    /// <summary>Writes "0x" + 40 lowercase hex digits (42 bytes).</summary>
    public bool TryFormat(Span<byte> utf8, out int bytesWritten) => TryFormatCore(utf8, out bytesWritten);

    /// <summary>Writes "0x" + 40 lowercase hex digits (42 chars).</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten) => TryFormatCore(destination, out charsWritten);

    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormatCore(destination, out charsWritten);

    bool IUtf8SpanFormattable.TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        TryFormatCore(utf8Destination, out bytesWritten);

    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToString();

    private bool TryFormatCore<TChar>(Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        Span<byte> bytes = stackalloc byte[Size];
        CopyTo(bytes);
        return HexCodec.TryEncodePrefixed(bytes, destination, out written);
    }

    /// <summary>"0x" + 40 lowercase hex digits.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[TextLength];
        TryFormatCore(buffer, out _);
        return new string(buffer);
    }

    public bool Equals(EthAddress other) => ((_w0 ^ other._w0) | (_w1 ^ other._w1) | (_w2 ^ other._w2)) == 0;

    public override bool Equals(object? obj) => obj is EthAddress other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2);

    public static bool operator ==(EthAddress left, EthAddress right) => left.Equals(right);

    public static bool operator !=(EthAddress left, EthAddress right) => !left.Equals(right);
}
