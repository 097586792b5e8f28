namespace FastMaker.Polymarket.Rest;

/// <summary>The outcome of a venue request: a value or an <see cref="ApiError"/>, plus the rate-limit headers of the reply.</summary>
public readonly struct ApiResult<T>
{
    private ApiResult(T? value, ApiError? error, RateLimitInfo rateLimit)
    {
        Value = value;
        Error = error;
        RateLimit = rateLimit;
    }

    /// <summary>The parsed reply when <see cref="IsSuccess"/>.</summary>
    public T? Value { get; }

    /// <summary>Why it failed, or null.</summary>
    public ApiError? Error { get; }

    /// <summary>The Poly-RateLimit-* headers of the reply (also on success).</summary>
    public RateLimitInfo RateLimit { get; }

    public bool IsSuccess => Error is null;

    /// <summary>True for an order post or cancel that timed out or lost its connection after sending: it may have happened.</summary>
    public bool IsUnknownOutcome => Error is { Kind: ApiErrorKind.UnknownOutcome };

    public static ApiResult<T> Success(T value, RateLimitInfo rateLimit) => new(value, null, rateLimit);

    public static ApiResult<T> Failure(ApiError error, RateLimitInfo rateLimit) => new(default, error, rateLimit);

    /// <summary>The value, or an <see cref="ApiException"/> carrying the error.</summary>
    public T GetValueOrThrow() => Error is null ? Value! : throw new ApiException(Error);
}
