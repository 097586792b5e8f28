namespace FastMaker.Venue.Matching;

/// <summary>Wire names of <see cref="OrderType"/> ("GTC", "GTD", "FOK", "FAK").</summary>
public static class OrderTypeText
{
    /// <summary>The wire name of <paramref name="type"/>.</summary>
    public static string ToWire(OrderType type) => type switch
    {
        OrderType.Gtc => "GTC",
        OrderType.Gtd => "GTD",
        OrderType.Fok => "FOK",
        _ => "FAK",
    };

    /// <summary>Parses a wire name; false for anything else (case-sensitive, as the reference is).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out OrderType type)
    {
        switch (text)
        {
            case "GTC": type = OrderType.Gtc; return true;
            case "GTD": type = OrderType.Gtd; return true;
            case "FOK": type = OrderType.Fok; return true;
            case "FAK": type = OrderType.Fak; return true;
            default: type = default; return false;
        }
    }

    /// <summary>True for the types that may rest on the book (GTC, GTD).</summary>
    public static bool IsLimit(OrderType type) => type is OrderType.Gtc or OrderType.Gtd;
}
