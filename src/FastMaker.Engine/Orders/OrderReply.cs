using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Primitives;

namespace FastMaker.Engine.Orders;

/// <summary>
/// A REST reply about one of our orders, as the sender hands it to the engine (in <c>InboundEvent.Cold</c>).
/// Replies are rare next to market data, so this is a class built off the engine thread.
/// </summary>
public sealed class OrderReply
{
    /// <summary>What happened.</summary>
    public OrderReplyKind Kind { get; init; }

    /// <summary>The order (its EIP-712 hash).</summary>
    public Hash32 OrderId { get; init; }

    /// <summary>For <see cref="OrderReplyKind.PostAccepted"/>: the reply's status.</summary>
    public PostStatus Status { get; init; }

    /// <summary>For <see cref="OrderReplyKind.PostAccepted"/>: shares matched at placement (from making/taking amounts).</summary>
    public Quantity MatchedShares { get; init; }

    /// <summary>The venue's error text (reject, cancel refusal), never shown with secrets.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// Maps a POST /order reply. The shares matched come from the amounts: a BUY receives shares (takingAmount),
    /// a SELL gives them (makingAmount); both are decimal strings, "" when nothing matched.
    /// An accepted reply whose orderID is not the hash we computed is treated as a reject with that reason.
    /// </summary>
    public static OrderReply FromPostResponse(OrderResponse response, Hash32 expectedOrderId, Side side)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsAccepted)
        {
            return new OrderReply
            {
                Kind = OrderReplyKind.PostRejected,
                OrderId = expectedOrderId,
                Error = string.IsNullOrEmpty(response.ErrorMsg) ? "rejected without a reason" : response.ErrorMsg,
            };
        }

        if (!Hash32.TryParse(response.OrderId.AsSpan(), out var id) || id != expectedOrderId)
        {
            return new OrderReply
            {
                Kind = OrderReplyKind.PostRejected,
                OrderId = expectedOrderId,
                Error = "orderID " + response.OrderId + " is not the computed order hash " + expectedOrderId,
            };
        }

        PostStatus status;
        switch (response.Status?.ToLowerInvariant())
        {
            case "live": status = PostStatus.Live; break;
            case "matched": status = PostStatus.Matched; break;
            case "delayed": status = PostStatus.Delayed; break;
            case "unmatched": status = PostStatus.Unmatched; break;
            default:
                return new OrderReply
                {
                    Kind = OrderReplyKind.PostRejected,
                    OrderId = expectedOrderId,
                    Error = "unknown order status '" + response.Status + "'",
                };
        }

        var sharesText = side == Side.Buy ? response.TakingAmount : response.MakingAmount;
        var shares = Quantity.Zero;
        if (!string.IsNullOrEmpty(sharesText) && !Quantity.TryParse(sharesText.AsSpan(), out shares, out _))
        {
            // The order is accepted whatever the amount says; the size is learnt from events instead.
            shares = Quantity.Zero;
        }

        return new OrderReply { Kind = OrderReplyKind.PostAccepted, OrderId = id, Status = status, MatchedShares = shares };
    }
}

/// <summary>Which REST outcome an <see cref="OrderReply"/> reports.</summary>
public enum OrderReplyKind : byte
{
    /// <summary>The post was accepted.</summary>
    PostAccepted,

    /// <summary>The venue refused the post (the error text says why).</summary>
    PostRejected,

    /// <summary>The post timed out or the connection failed: the order's existence is unknown.</summary>
    PostTimedOut,

    /// <summary>The cancel was confirmed (the id is in <c>canceled</c>).</summary>
    CancelConfirmed,

    /// <summary>The cancel was refused (the id is in <c>not_canceled</c>, e.g. "already canceled or matched").</summary>
    CancelRefused,
}
