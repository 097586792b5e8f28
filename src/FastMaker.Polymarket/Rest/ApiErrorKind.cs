namespace FastMaker.Polymarket.Rest;

/// <summary>The distinct failure conditions of a venue request; each changes what the engine may do next.</summary>
public enum ApiErrorKind
{
    /// <summary>400 with the venue's error text (a rejected order, a bad parameter).</summary>
    BadRequest,

    /// <summary>400 <c>order_version_mismatch</c> / <c>invalid order version</c>: re-read <c>/version</c>, re-sign once.</summary>
    OrderVersionMismatch,

    /// <summary>400 "Invalid Heartbeat ID": <see cref="ApiError.ExpectedHeartbeatId"/> carries the id the venue expects.</summary>
    InvalidHeartbeatId,

    /// <summary>401: wrong or expired credentials, or clock skew.</summary>
    Unauthorized,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>Another 4xx.</summary>
    ClientError,

    /// <summary>425: the matching engine is restarting; back off (1-2 s, exponential, cap about 30 s).</summary>
    EngineRestarting,

    /// <summary>429: rate limited; see <see cref="ApiError.RetryAfter"/> and the rate-limit headers.</summary>
    RateLimited,

    /// <summary>503 cancel-only mode: new orders are refused, cancels work.</summary>
    CancelOnlyMode,

    /// <summary>503 post-only mode (after a restart): only post-only orders and cancels are accepted.</summary>
    PostOnlyMode,

    /// <summary>503 trading disabled: neither orders nor cancels.</summary>
    TradingDisabled,

    /// <summary>Another 503.</summary>
    ServiceUnavailable,

    /// <summary>Another 5xx (500 "order timed out" included: the text is kept).</summary>
    ServerError,

    /// <summary>No reply within the deadline for a request that changes nothing (safe to retry).</summary>
    Timeout,

    /// <summary>
    /// An order post (or cancel) whose reply never came: it may or may not have reached the book.
    /// Not a failure; reconcile through the user channel or <c>/data/orders</c>.
    /// </summary>
    UnknownOutcome,

    /// <summary>The request could not be sent (DNS, connect refused).</summary>
    NetworkError,

    /// <summary>A 2xx reply whose body did not parse.</summary>
    InvalidResponse,

    /// <summary>Rejected before sending (e.g. a batch of more than 15 orders).</summary>
    RejectedLocally,
}
