namespace FastMaker.Polymarket.Rest;

/// <summary>Thrown by <see cref="ApiResult{T}.GetValueOrThrow"/> at the edges (CLI, start-up); the hot path inspects the result instead.</summary>
public sealed class ApiException : Exception
{
    public ApiException(ApiError error) : base(error.ToString()) => Error = error;

    public ApiError Error { get; }
}
