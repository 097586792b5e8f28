using FastMaker.Polymarket.Rest;
using FastMaker.Primitives;

namespace FastMaker.Engine.Gate;

/// <summary>
/// What a venue reply means for the gate and the mutation budget. The sender puts one in
/// <see cref="Pipeline.InboundEvent.Cold"/> of a <see cref="Pipeline.InboundKind.RestReply"/> event; the engine passes it
/// to <see cref="ExecutionGate.OnVenueFeedback"/> on its own thread, in event order.
/// </summary>
public sealed class VenueFeedback
{
    /// <summary>What happened.</summary>
    public VenueReplyKind Kind { get; init; }

    /// <summary>The market of the order concerned, or -1.</summary>
    public int MarketIndex { get; init; } = -1;

    /// <summary>The order concerned, if any.</summary>
    public Hash32 OrderId { get; init; }

    /// <summary>The retry hint (Retry-After or retry_after_seconds) in ms, or -1 when absent.</summary>
    public long RetryAfterMs { get; init; } = -1;

    /// <summary>The Poly-RateLimit headers of the reply.</summary>
    public RateLimitInfo RateLimit { get; init; }

    /// <summary>Maps a failed request's error kind to a reply kind.</summary>
    public static VenueReplyKind KindOf(ApiErrorKind error) => error switch
    {
        ApiErrorKind.BadRequest => VenueReplyKind.OrderRejected,
        ApiErrorKind.RateLimited => VenueReplyKind.RateLimited,
        ApiErrorKind.EngineRestarting => VenueReplyKind.EngineRestarting,
        ApiErrorKind.PostOnlyMode => VenueReplyKind.PostOnlyMode,
        ApiErrorKind.CancelOnlyMode => VenueReplyKind.CancelOnlyMode,
        ApiErrorKind.TradingDisabled => VenueReplyKind.TradingDisabled,
        _ => VenueReplyKind.Other,
    };
}

/// <summary>The reply kinds that change what the gate allows.</summary>
public enum VenueReplyKind : byte
{
    /// <summary>An order was accepted.</summary>
    OrderAccepted,

    /// <summary>An order was rejected with a reason (counts toward storm pauses and the circuit breaker).</summary>
    OrderRejected,

    /// <summary>429.</summary>
    RateLimited,

    /// <summary>425: the matching engine is restarting.</summary>
    EngineRestarting,

    /// <summary>503 post-only mode.</summary>
    PostOnlyMode,

    /// <summary>503 cancel-only mode.</summary>
    CancelOnlyMode,

    /// <summary>503 trading disabled.</summary>
    TradingDisabled,

    /// <summary>Anything else (only its rate-limit headers are used).</summary>
    Other,
}
