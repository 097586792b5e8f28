namespace FastMaker.Engine.Signing;

/// <summary>Which venue request a <see cref="SignedRequest"/> is.</summary>
public enum RequestKind : byte
{
    /// <summary>POST /order with a signed order body.</summary>
    PostOrder,

    /// <summary>DELETE /order with <c>{"orderID":"0x..."}</c>.</summary>
    CancelOrder,

    /// <summary>DELETE /cancel-market-orders with <c>{"market":"0x..."}</c>.</summary>
    CancelMarket,

    /// <summary>DELETE /cancel-all, no body.</summary>
    CancelAll,
}
