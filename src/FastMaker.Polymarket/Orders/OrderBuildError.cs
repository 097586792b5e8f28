namespace FastMaker.Polymarket.Orders;

/// <summary>Why an order could not be built; <see cref="None"/> on success.</summary>
public enum OrderBuildError : byte
{
    /// <summary>Success.</summary>
    None,
    /// <summary>Price, size or amount rejected; see <see cref="SignedOrderInfo.AmountError"/>.</summary>
    InvalidAmounts,
    /// <summary>Salt above 2^53 - 1.</summary>
    SaltTooLarge,
    /// <summary>Timestamp not positive.</summary>
    InvalidTimestamp,
    /// <summary>GTD without an expiration, or an expiration on another order type.</summary>
    InvalidExpiration,
    /// <summary>postOnly on a FOK/FAK order.</summary>
    PostOnlyNotAllowed,
    /// <summary>The token id is zero.</summary>
    InvalidTokenId,
    /// <summary>No exchange for this chain and version (V1 is not built).</summary>
    UnsupportedVersionOrChain,
    /// <summary>The body or signature destination is too small.</summary>
    DestinationTooSmall,
}

/// <summary>Human-readable reasons for <see cref="OrderBuildError"/>.</summary>
public static class OrderBuildErrors
{
    /// <summary>A short English reason.</summary>
    public static string Describe(OrderBuildError error, OrderAmountError amountError = OrderAmountError.None) => error switch
    {
        OrderBuildError.None => "ok",
        OrderBuildError.InvalidAmounts => OrderAmountErrors.Describe(amountError),
        OrderBuildError.SaltTooLarge => "salt must be at most 2^53 - 1",
        OrderBuildError.InvalidTimestamp => "timestamp must be a positive number of milliseconds",
        OrderBuildError.InvalidExpiration => "GTD orders need an expiration (unix seconds); other order types must not have one",
        OrderBuildError.PostOnlyNotAllowed => "postOnly is not supported for FOK/FAK orders",
        OrderBuildError.InvalidTokenId => "tokenId must be a non-zero uint256",
        OrderBuildError.UnsupportedVersionOrChain => "unsupported order version or chain (V2/V3 on chains 137 and 80002)",
        OrderBuildError.DestinationTooSmall => "destination buffer too small",
        _ => "unknown error",
    };
}
