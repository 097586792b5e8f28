namespace FastMaker.Engine.Books;

/// <summary>What happened to one level update.</summary>
public enum BookUpdateResult : byte
{
    /// <summary>The level was set.</summary>
    Applied,

    /// <summary>The price is not a multiple of the book's tick; not applied, book untrusted.</summary>
    OffGrid,

    /// <summary>The price is not strictly between 0 and 1; not applied, book untrusted.</summary>
    OutOfRange,

    /// <summary>The size is negative; not applied, book untrusted.</summary>
    NegativeSize,
}
