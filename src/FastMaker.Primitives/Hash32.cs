using System.Buffers.Binary;
using System.Numerics;

namespace FastMaker.Primitives;

/// <summary>
/// A 32-byte hash: condition ids and order ids (the EIP-712 order hash). Text form is "0x" + 64 hex digits;
/// parsing is case-insensitive, formatting lowercase. Stored as four big-endian words so equality is four compares.
/// </summary>
public readonly struct Hash32 : IEquatable<Hash32>, ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>Bytes in the value.</summary>
    public const int Size = 32;

    /// <summary>Length of the text form: "0x" + 64 hex digits.</summary>
    public const int TextLength = 66;

    /// <summary>All zero bytes.</summary>
    public static readonly Hash32 Zero = default;

    // Bytes 0-7, 8-15, 16-23, 24-31, each read big-endian.
    private readonly ulong _w0, _w1, _w2, _w3;

    private Hash32(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    /// <summary>True when every byte is zero.</summary>
    public bool IsZero => (_w0 | _w1 | _w2 | _w3) == 0;

    /// <summary>Parses "0x"/"0X" + exactly 64 hex digits, any case.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Hash32 value) => TryParseCore(utf8, out value);

    /// <summary>Parses "0x"/"0X" + exactly 64 hex digits, any case.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Hash32 value) => TryParseCore(text, out value);

    /// <summary>Parses text at the edges; throws <see cref="FormatException"/> naming the expected form.</summary>
    public static Hash32 Parse(string text)
    {
        if (text is null)
        {
            ThrowHelper.ThrowArgumentNull(nameof(text));
        }

        if (!TryParse(text.AsSpan(), out Hash32 value))
        {
            ThrowHelper.ThrowFormat(nameof(Hash32), "expected \"0x\" followed by exactly 64 hex digits");
        }

        return value;
    }

    private static bool TryParseCore<TChar>(ReadOnlySpan<TChar> s, out Hash32 value)
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

    /// <summary>Wraps exactly 32 bytes.</summary>
    public static Hash32 FromBytes(ReadOnlySpan<byte> bytes32)
    {
        if (bytes32.Length != Size)
        {
            ThrowHelper.ThrowSourceLength(nameof(bytes32), Size);
        }

        return new Hash32(
            BinaryPrimitives.ReadUInt64BigEndian(bytes32),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(8)),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(16)),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32.Slice(24)));
    }

    /// <summary>Copies the 32 bytes out.</summary>
    public void CopyTo(Span<byte> destination32)
    {
        if (destination32.Length < Size)
        {
            ThrowHelper.ThrowDestinationTooShort(nameof(destination32), Size);
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination32, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination32.Slice(8), _w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination32.Slice(16), _w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination32.Slice(24), _w3);
    }

    /// <summary>Writes "0x" + 64 lowercase hex digits (66 bytes).</summary>
    public bool TryFormat(Span<byte> utf8, out int bytesWritten) => TryFormatCore(utf8, out bytesWritten);

    /// <summary>Writes "0x" + 64 lowercase hex digits (66 chars).</summary>
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

    /// <summary>"0x" + 64 lowercase hex digits.</summary>
    public override string ToString()
    {
        Span<char> buffer = stackalloc char[TextLength];
        TryFormatCore(buffer, out _);
        return new string(buffer);
    }

    public bool Equals(Hash32 other) => ((_w0 ^ other._w0) | (_w1 ^ other._w1) | (_w2 ^ other._w2) | (_w3 ^ other._w3)) == 0;

    public override bool Equals(object? obj) => obj is Hash32 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_w0, _w1, _w2, _w3);

    public static bool operator ==(Hash32 left, Hash32 right) => left.Equals(right);

    public static bool operator !=(Hash32 left, Hash32 right) => !left.Equals(right);
}
