using FastMaker.Engine.Orders;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Orders;
using FastMaker.Primitives;

namespace FastMaker.Engine.Signing;

/// <summary>
/// One request ready for the sender: method, path, the exact body bytes (in a pooled buffer), the order id known
/// before sending, and the L2 signature over those bytes. Rented from a <see cref="SignedRequestPool"/>; the sender
/// returns it once sent.
/// </summary>
public sealed class SignedRequest
{
    internal SignedRequest()
    {
    }

    /// <summary>Which request this is.</summary>
    public RequestKind Kind { get; internal set; }

    /// <summary>For <see cref="RequestKind.PostOrder"/>: the new order's id (the EIP-712 digest). For a cancel: the target.</summary>
    public Hash32 OrderId { get; internal set; }

    /// <summary>The intent this request carries out.</summary>
    public OrderIntent Intent { get; internal set; }

    /// <summary>makerAmount and takerAmount of a posted order.</summary>
    public OrderAmounts Amounts { get; internal set; }

    /// <summary>The order version signed.</summary>
    public OrderVersion Version { get; internal set; }

    /// <summary>Dense market index (-1 for a global cancel-all).</summary>
    public int MarketIndex { get; internal set; }

    /// <summary>The pooled body buffer; the valid bytes are <see cref="Body"/>.</summary>
    internal byte[] BodyBuffer { get; } = new byte[OrderBodyWriter.MaxLength];

    /// <summary>Valid bytes in the body buffer.</summary>
    public int BodyLength { get; internal set; }

    /// <summary>The exact bytes to send (empty for cancel-all).</summary>
    public ReadOnlySpan<byte> Body => BodyBuffer.AsSpan(0, BodyLength);

    /// <summary>The body as memory, for HttpContent.</summary>
    public ReadOnlyMemory<byte> BodyMemory => BodyBuffer.AsMemory(0, BodyLength);

    internal byte[] L2SignatureBuffer { get; } = new byte[L2Signer.SignatureLength];

    /// <summary>True when the L2 signature was computed (credentials configured).</summary>
    public bool HasL2Signature { get; internal set; }

    /// <summary>POLY_SIGNATURE (44 url-safe base64 bytes) over timestamp + method + path + body.</summary>
    public ReadOnlySpan<byte> L2Signature => HasL2Signature ? L2SignatureBuffer : default;

    /// <summary>POLY_TIMESTAMP of the L2 signature, unix seconds (from the engine clock).</summary>
    public long L2TimestampSeconds { get; internal set; }

    /// <summary>The HTTP method.</summary>
    public ReadOnlySpan<byte> Method => Kind == RequestKind.PostOrder ? "POST"u8 : "DELETE"u8;

    /// <summary>The request path (also the path the L2 signature covers).</summary>
    public ReadOnlySpan<byte> Path => Kind switch
    {
        RequestKind.PostOrder or RequestKind.CancelOrder => "/order"u8,
        RequestKind.CancelMarket => "/cancel-market-orders"u8,
        _ => "/cancel-all"u8,
    };

    // 1 while rented: the pool's guard against a double return (Interlocked).
    internal int Rented;
}
