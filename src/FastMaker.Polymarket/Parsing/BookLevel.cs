using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>One level of a <c>book</c> snapshot: side, price and aggregate size. Blittable.</summary>
public struct BookLevel
{
    /// <summary>Level price.</summary>
    public Price Price;
    /// <summary>Aggregate resting size at the price, in shares.</summary>
    public Quantity Size;
    /// <summary><see cref="Side.Buy"/> for a bid, <see cref="Side.Sell"/> for an ask.</summary>
    public Side Side;
    /// <summary>Position of the level within its side, in wire order (0-based).</summary>
    public int Index;
}
