using System.Runtime.CompilerServices;

namespace FastMaker.Primitives;

/// <summary>
/// A price in 1e-6 collateral per share (an <see cref="int"/> of raw units). Parsing accepts 0 to 1 inclusive;
/// <see cref="FromRaw"/> accepts any raw value so that differences and offsets can be represented too.
/// </summary>
/// <remarks>
/// Text grammar (UTF-8 or UTF-16, no allocation, no floating point): optional '-' (Amount only), digits, optional '.',
/// digits; "0.52", "100", ".5" and "5." (trailing dot accepted) all parse; leading zeros are accepted; zeros beyond the
/// sixth decimal are accepted because the value stays exact ("0.5000000"); anything else is rejected with a
/// <see cref="ParseError"/>: whitespace, exponents and '+' are never accepted. Formatting writes the shortest exact decimal.
/// </remarks>
public readonly struct Price : IEquatable<Price>, IComparable<Price>, ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>Raw units per 1 collateral per share.</summary>
    public const int Scale = 1_000_000;

    /// <summary>Decimal places the raw unit represents.</summary>
    public const int Decimals = 6;

    /// <summary>The largest price text can carry: 1 collateral per share.</summary>
    public static readonly Price One = new(Scale);

    /// <summary>Zero.</summary>
    public static readonly Price Zero = default;

    private Price(int raw) => Raw = raw;

    /// <summary>The value in 1e-6 collateral per share.</summary>
    public int Raw { get; }

    /// <summary>Wraps raw units without validation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Price FromRaw(int raw) => new(raw);

    /// <summary>True when 0 &lt; price &lt; 1, the range in which an order price can lie.</summary>
    public bool IsStrictlyBetweenZeroAndOne => Raw > 0 && Raw < Scale;

    /// <summary>Parses UTF-8 decimal text between 0 and 1 inclusive; zero-allocation.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Price value) => TryParse(utf8, out value, out _);

    /// <summary>Parses UTF-8 decimal text between 0 and 1 inclusive, reporting why it failed; zero-allocation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Price value, out ParseError error)
    {
        error = FixedPointParser.Parse(utf8, false, Scale, 0, ParseError.OutOfRange, out ulong magnitude, out _);
        value = new((int)magnitude);
        return error == ParseError.None;
    }

    /// <summary>Parses UTF-16 decimal text between 0 and 1 inclusive, reporting why it failed; zero-allocation.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Price value, out ParseError error)
    {
        error = FixedPointParser.Parse(text, false, Scale, 0, ParseError.OutOfRange, out ulong magnitude, out _);
        value = new((int)magnitude);
        return error == ParseError.None;
    }

    /// <summary>Parses text at the edges (configuration, CLI); throws <see cref="FormatException"/> naming the reason.</summary>
    public static Price Parse(string text)
    {
        if (text is null)
        {
            ThrowHelper.ThrowArgumentNull(nameof(text));
        }

        if (!TryParse(text.AsSpan(), out Price value, out ParseError error))
        {
            ThrowHelper.ThrowFormat(nameof(Price), error);
        }

        return value;
    }

    /// <summary>Writes the shortest exact decimal ("0.52", "1", "0.0001") as UTF-8.</summary>
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

    public bool Equals(Price other) => Raw == other.Raw;

    public override bool Equals(object? obj) => obj is Price other && Raw == other.Raw;

    public override int GetHashCode() => Raw;

    public int CompareTo(Price other) => Raw.CompareTo(other.Raw);

    public static bool operator ==(Price left, Price right) => left.Raw == right.Raw;

    public static bool operator !=(Price left, Price right) => left.Raw != right.Raw;

    public static bool operator <(Price left, Price right) => left.Raw < right.Raw;

    public static bool operator >(Price left, Price right) => left.Raw > right.Raw;

    public static bool operator <=(Price left, Price right) => left.Raw <= right.Raw;

    public static bool operator >=(Price left, Price right) => left.Raw >= right.Raw;
}
