using System.Runtime.CompilerServices;

namespace FastMaker.Primitives;

/// <summary>
/// An amount of collateral in 1e-6 units (a <see cref="long"/> of raw units; pUSD has 6 decimals).
/// Amount alone parses a leading '-' (PnL can be negative); the whole <see cref="long"/> range parses.
/// </summary>
/// <remarks>
/// Text grammar (UTF-8 or UTF-16, no allocation, no floating point): optional '-' (Amount only), digits, optional '.',
/// digits; "0.52", "100", ".5" and "5." (trailing dot accepted) all parse; leading zeros are accepted; zeros beyond the
/// sixth decimal are accepted because the value stays exact ("0.5000000"); anything else is rejected with a
/// <see cref="ParseError"/>: whitespace, exponents and '+' are never accepted. Formatting writes the shortest exact decimal.
/// </remarks>
public readonly struct Amount : IEquatable<Amount>, IComparable<Amount>, ISpanFormattable, IUtf8SpanFormattable
{
    /// <summary>Raw units per 1 collateral.</summary>
    public const int Scale = 1_000_000;

    /// <summary>Decimal places the raw unit represents.</summary>
    public const int Decimals = 6;

    /// <summary>Zero collateral.</summary>
    public static readonly Amount Zero = default;

    // long.MinValue's magnitude: negating through ulong wraps exactly onto it.
    private const ulong NegativeLimit = 1UL << 63;

    private Amount(long raw) => Raw = raw;

    /// <summary>The value in 1e-6 collateral.</summary>
    public long Raw { get; }

    /// <summary>Wraps raw units without validation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Amount FromRaw(long raw) => new(raw);

    /// <summary>Parses signed UTF-8 decimal text; zero-allocation.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Amount value) => TryParse(utf8, out value, out _);

    /// <summary>Parses signed UTF-8 decimal text, reporting why it failed; zero-allocation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Amount value, out ParseError error)
    {
        error = FixedPointParser.Parse(utf8, true, long.MaxValue, NegativeLimit, ParseError.Overflow, out ulong magnitude, out bool negative);
        value = new(negative ? (long)(0UL - magnitude) : (long)magnitude);
        return error == ParseError.None;
    }

    /// <summary>Parses signed UTF-16 decimal text, reporting why it failed; zero-allocation.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Amount value, out ParseError error)
    {
        error = FixedPointParser.Parse(text, true, long.MaxValue, NegativeLimit, ParseError.Overflow, out ulong magnitude, out bool negative);
        value = new(negative ? (long)(0UL - magnitude) : (long)magnitude);
        return error == ParseError.None;
    }

    /// <summary>Parses text at the edges; throws <see cref="FormatException"/> naming the reason.</summary>
    public static Amount Parse(string text)
    {
        if (text is null)
        {
            ThrowHelper.ThrowArgumentNull(nameof(text));
        }

        if (!TryParse(text.AsSpan(), out Amount value, out ParseError error))
        {
            ThrowHelper.ThrowFormat(nameof(Amount), error);
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

    public bool Equals(Amount other) => Raw == other.Raw;

    public override bool Equals(object? obj) => obj is Amount other && Raw == other.Raw;

    public override int GetHashCode() => Raw.GetHashCode();

    public int CompareTo(Amount other) => Raw.CompareTo(other.Raw);

    public static bool operator ==(Amount left, Amount right) => left.Raw == right.Raw;

    public static bool operator !=(Amount left, Amount right) => left.Raw != right.Raw;

    public static bool operator <(Amount left, Amount right) => left.Raw < right.Raw;

    public static bool operator >(Amount left, Amount right) => left.Raw > right.Raw;

    public static bool operator <=(Amount left, Amount right) => left.Raw <= right.Raw;

    public static bool operator >=(Amount left, Amount right) => left.Raw >= right.Raw;
}
