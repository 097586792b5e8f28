using System.Net;

namespace FastMaker.Polymarket.Rest;

/// <summary>A failed venue request: the condition, the HTTP status and the venue's own error text.</summary>
public sealed class ApiError
{
    public ApiError(ApiErrorKind kind, HttpStatusCode? status, string message)
    {
        Kind = kind;
        Status = status;
        Message = message;
    }

    /// <summary>Which condition this is.</summary>
    public ApiErrorKind Kind { get; }

    /// <summary>The HTTP status, or null when no reply came.</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The venue's error text verbatim (the <c>error</c> or <c>error_msg</c> field, else the body), or our description.</summary>
    public string Message { get; }

    /// <summary>The venue's machine code when it sent one (e.g. <c>post_only_mode</c>).</summary>
    public string? Code { get; init; }

    /// <summary>From <c>Retry-After</c> (seconds or an HTTP date) or the body's <c>retry_after_seconds</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>For <see cref="ApiErrorKind.InvalidHeartbeatId"/>: the id to send next.</summary>
    public string? ExpectedHeartbeatId { get; init; }

    /// <summary>The raw reply body (cold path, for logs).</summary>
    public string? Body { get; init; }

    public override string ToString() => Kind + (Status is { } s ? " (" + (int)s + ")" : "") + ": " + Message;
}
