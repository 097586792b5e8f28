namespace FastMaker.Primitives;

/// <summary>Order side. The numeric values equal the <c>side</c> field of the signed EIP-712 order (BUY = 0, SELL = 1).</summary>
public enum Side : byte
{
    /// <summary>Buy outcome tokens, paying collateral.</summary>
    Buy = 0,

    /// <summary>Sell outcome tokens, receiving collateral.</summary>
    Sell = 1,
}
