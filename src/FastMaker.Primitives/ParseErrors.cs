namespace FastMaker.Primitives;

/// <summary>Human-readable text for each <see cref="ParseError"/>.</summary>
public static class ParseErrors
{
    /// <summary>A short sentence naming the reason; never allocates.</summary>
    public static string Describe(ParseError e) => e switch
    {
        ParseError.None => "no error",
        ParseError.Empty => "the input is empty",
        ParseError.InvalidCharacter => "the input contains a character that is not a digit or a single decimal point",
        ParseError.SignNotAllowed => "a sign is not allowed here (only Amount accepts a leading '-'; '+' is never accepted)",
        ParseError.Overflow => "the value is too large for the type",
        ParseError.TooManyDecimals => "the value has more than 6 significant decimals",
        ParseError.MissingDigits => "the input has no digits",
        ParseError.OutOfRange => "the value is outside the type's range (a price must lie between 0 and 1)",
        ParseError.UnknownTickSize => "the value is not a known tick size (0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001)",
        _ => "unknown parse error",
    };
}
