using FastMaker.Primitives;

namespace FastMaker.Engine.Signing;

/// <summary>The bodies of the cancel endpoints (PROTOCOL.md 4.1), written without allocation.</summary>
internal static class CancelBodyWriter
{
    /// <summary>DELETE /order: <c>{"orderID":"0x..."}</c>.</summary>
    public static int WriteCancelOrder(Span<byte> destination, in Hash32 orderId) => WriteHashBody(destination, "{\"orderID\":\""u8, orderId);

    /// <summary>DELETE /cancel-market-orders: <c>{"market":"0x..."}</c>.</summary>
    public static int WriteCancelMarket(Span<byte> destination, in Hash32 conditionId) => WriteHashBody(destination, "{\"market\":\""u8, conditionId);

    private static int WriteHashBody(Span<byte> destination, ReadOnlySpan<byte> prefix, in Hash32 hash)
    {
        prefix.CopyTo(destination);
        int n = prefix.Length;
        hash.TryFormat(destination[n..], out int written);
        n += written;
        "\"}"u8.CopyTo(destination[n..]);
        return n + 2;
    }
}
