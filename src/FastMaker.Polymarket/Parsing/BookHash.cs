using System.Buffers;
using System.Buffers.Binary;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// The venue's 20-byte order-book hash (40 hex digits on the wire, no 0x prefix) carried by
/// <c>book</c> and <c>price_change</c>. Blittable; <c>default</c> means "absent".
/// There is no documented way to recompute it from deltas (PROTOCOL.md §5.7), so it is kept only
/// for logging and for comparing with a later REST book.
/// </summary>
public readonly struct BookHash : IEquatable<BookHash>
{
    private readonly ulong _a;
    private readonly ulong _b;
    private readonly uint _c;

    /// <summary>True when the field was present and non-empty.</summary>
    public readonly bool IsPresent;

    private BookHash(ulong a, ulong b, uint c)
    {
        _a = a;
        _b = b;
        _c = c;
        IsPresent = true;
    }

    /// <summary>Parses 40 hex digits, with or without a 0x prefix.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out BookHash hash)
    {
        if (utf8.Length == 42 && utf8[0] == (byte)'0' && (utf8[1] | 0x20) == (byte)'x')
        {
            utf8 = utf8[2..];
        }

        hash = default;
        if (utf8.Length != 40)
        {
            return false;
        }

        // The BCL's hex decoder is vectorized and case-insensitive, like the per-digit loop it replaced.
        Span<byte> bytes = stackalloc byte[20];
        if (Convert.FromHexString(utf8, bytes, out _, out int written) != OperationStatus.Done || written != 20)
        {
            return false;
        }

        hash = new BookHash(
            BinaryPrimitives.ReadUInt64BigEndian(bytes),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]));
        return true;
    }

    /// <inheritdoc />
    public bool Equals(BookHash other) => _a == other._a && _b == other._b && _c == other._c && IsPresent == other.IsPresent;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BookHash other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_a, _b, _c);

    /// <summary>Lower-case hex, or an empty string when absent.</summary>
    public override string ToString() => IsPresent ? _a.ToString("x16") + _b.ToString("x16") + _c.ToString("x8") : string.Empty;
}
