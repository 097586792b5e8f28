namespace FastMaker.Engine.Store;

/// <summary>Maker or taker, as persisted with a fill (values mirror the order stage's <c>FillLiquidity</c>).</summary>
public enum StoredLiquidity : byte
{
    /// <summary>Not classified.</summary>
    Unknown = 0,

    /// <summary>Our order rested and was hit.</summary>
    Maker,

    /// <summary>Our order crossed the spread.</summary>
    Taker,
}
