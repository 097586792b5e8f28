using FastMaker.Primitives;

namespace FastMaker.Polymarket.Orders;

/// <summary>What <see cref="OrderBuilder.TryBuild"/> produced besides the body bytes.</summary>
public struct SignedOrderInfo
{
    /// <summary>The order id: the EIP-712 digest, known before sending.</summary>
    public Hash32 OrderId;
    /// <summary>makerAmount and takerAmount.</summary>
    public OrderAmounts Amounts;
    /// <summary>Bytes written to the body destination.</summary>
    public int BodyLength;
    /// <summary>Bytes written to the signature destination (65, or 317 for POLY_1271).</summary>
    public int SignatureLength;
    /// <summary>The version actually signed.</summary>
    public OrderVersion Version;
    /// <summary>The amount error when the build failed with <see cref="OrderBuildError.InvalidAmounts"/>.</summary>
    public OrderAmountError AmountError;
}
