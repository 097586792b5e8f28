namespace FastMaker.Primitives;

/// <summary>Why a decimal, hex or tick-size string was rejected. <see cref="ParseErrors.Describe"/> gives the human text.</summary>
public enum ParseError : byte
{
    /// <summary>The input parsed.</summary>
    None,

    /// <summary>The input has no characters.</summary>
    Empty,

    /// <summary>A character that is not a digit (or a single '.') appears: whitespace, exponents, letters, a second dot.</summary>
    InvalidCharacter,

    /// <summary>A leading '+' (never accepted) or a leading '-' on a type that cannot be negative.</summary>
    SignNotAllowed,

    /// <summary>The value does not fit the type's storage (for example more than <see cref="long.MaxValue"/> raw units).</summary>
    Overflow,

    /// <summary>A non-zero digit after the sixth decimal (trailing zeros beyond the sixth are accepted).</summary>
    TooManyDecimals,

    /// <summary>No digits at all, as in "." or "-".</summary>
    MissingDigits,

    /// <summary>The value fits the storage but lies outside the type's domain (a price above 1).</summary>
    OutOfRange,

    /// <summary>A well-formed price that is not one of the tick sizes the venue uses.</summary>
    UnknownTickSize,
}
