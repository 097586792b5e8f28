using System.Runtime.CompilerServices;

namespace FastMaker.Primitives;

/// <summary>
/// A number of outcome-token shares in 1e-6 share (a <see cref="long"/> of raw units; conditional tokens have 6 decimals).
/// Parsing accepts non-negative values only; <see cref="FromRaw"/> accepts any raw value (a signed position, a difference).
/// </summary>
/// <remarks>
/// Text grammar (UTF-8 or UTF-16, no allocation, no floating point): optional '-' (Amount only), digits, optional '.',
/// digits; "0.52", "100", ".5" and "5." (trailing dot accepted) all parse; leading zeros are accepted; zeros beyond the
/// sixth decimal are accepted because the value stays exact ("0.5000000"); anything else is rejected with a
/// <see cref="ParseError"/>: whitespace, exponents and '+' are never accepted. Formatting writes the shortest exact decimal.
/// </remarks>
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>, ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>Raw units per share.</summary>
    public const int Scale = 1_000_000;

    /// <summary>Decimal places the raw unit represents.</summary>
    public const int Decimals = 6;

    /// <summary>Zero shares.</summary>
    public static readonly Quantity Zero = default;

    private Quantity(long raw) => Raw = raw;

    /// <summary>The value in 1e-6 share.</summary>
    public long Raw { get; }

    /// <summary>Wraps raw units without validation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Quantity FromRaw(long raw) => new(raw);

    /// <summary>Parses non-negative UTF-8 decimal text; zero-allocation.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Quantity value) => TryParse(utf8, out value, out _);

    /// <summary>Parses non-negative UTF-8 decimal text, reporting why it failed; zero-allocation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Quantity value, out ParseError error)
    {
        error = FixedPointParser.Parse(utf8, false, long.MaxValue, 0, ParseError.Overflow, out ulong magnitude, out _);
        value = new((long)magnitude);
        return error == ParseError.None;
    }

    /// <summary>Parses non-negative UTF-16 decimal text, reporting why it failed; zero-allocation.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Quantity value, out ParseError error)
    {
        error = FixedPointParser.Parse(text, false, long.MaxValue, 0, ParseError.Overflow, out ulong magnitude, out _);
        value = new((long)magnitude);
        return error == ParseError.None;
    }

    /// <summary>Parses text at the edges; throws <see cref="FormatException"/> naming the reason.</summary>
    public static Quantity Parse(string text)
    {
        if (text is null)
        {
            ThrowHelper.ThrowArgumentNull(nameof(text));
        }

        if (!TryParse(text.AsSpan(), out Quantity value, out ParseError error))
        {
            ThrowHelper.ThrowFormat(nameof(Quantity), error);
        }

        return value;
    }

    /// <summary>Writes the shortest exact decimal as UTF-8.</summary>
    public bool TryFormat(Span<byte> utf8, out int bytesWritten) => FixedPointFormatter.TryFormat(Raw, utf8, out bytesWritten);

    /// <summary>Writes the shortest exact decimal as UTF-16.</summary>
    public bool TryFormat(Span<char> destination, out int charsWritten) => FixedPointFormatter.TryFormat(Raw, destination, out charsWritten);

    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        FixedPointFormatter.TryFormat(Raw, destination, out charsWritten);

    bool IUtf8SpanFormattable.TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        FixedPointFormatter.TryFormat(Raw, utf8Destination, out bytesWritten);

    string IFormattable.ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <summary>The shortest exact decimal.</summary>
    public override string ToString() => FixedPointFormatter.ToString(Raw);

    public bool Equals(Quantity other) => Raw == other.Raw;

    public override bool Equals(object? obj) => obj is Quantity other && Raw == other.Raw;

    public override int GetHashCode() => Raw.GetHashCode();

    public int CompareTo(Quantity other) => Raw.CompareTo(other.Raw);

    public static bool operator ==(Quantity left, Quantity right) => left.Raw == right.Raw;

    public static bool operator !=(Quantity left, Quantity right) => left.Raw != right.Raw;

    public static bool operator <(Quantity left, Quantity right) => left.Raw < right.Raw;

    public static bool operator >(Quantity left, Quantity right) => left.Raw > right.Raw;

    public static bool operator <=(Quantity left, Quantity right) => left.Raw <= right.Raw;

    public static bool operator >=(Quantity left, Quantity right) => left.Raw >= right.Raw;
}
