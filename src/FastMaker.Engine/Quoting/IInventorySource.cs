using FastMaker.Primitives;

namespace FastMaker.Engine.Quoting;

/// <summary>Our token holdings, as the risk or order stage knows them; the skew's input.</summary>
public interface IInventorySource
{
    /// <summary>Shares of the token held (never negative on Polymarket: there is no shorting).</summary>
    Quantity Position(int tokenIndex);
}
