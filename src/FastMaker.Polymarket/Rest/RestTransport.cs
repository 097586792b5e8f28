using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FastMaker.Polymarket.Auth;

namespace FastMaker.Polymarket.Rest;

/// <summary>
/// Sends one request, signs it when asked (L2 over the exact bytes sent, or forwarded L1
/// headers), and turns the reply into an <see cref="ApiResult{T}"/> with the venue's error text
/// and the rate-limit headers.
/// </summary>
internal sealed partial class RestTransport
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json");

    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly L2Signer? _signer;

    public RestTransport(Uri baseUri, HttpMessageHandler handler, PolyHttpOptions options, L2Signer? signer, TimeProvider time)
    {
        _http = new HttpClient(handler, disposeHandler: false)
        {
            BaseAddress = baseUri,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("FastMaker/1.0");
        _timeout = options.RequestTimeout;
        _signer = signer;
        _time = time;
    }

    public bool HasSigner => _signer is not null;

    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">What is sent, e.g. <c>/data/orders?next_cursor=MA==</c>.</param>
    /// <param name="body">The exact body bytes, or null for none.</param>
    /// <param name="l2">Adds the L2 headers, signed over the path without the query string.</param>
    /// <param name="l1">Forwarded L1 headers (API key create/derive), or null.</param>
    /// <param name="typeInfo">Source-generated reader of the success reply.</param>
    /// <param name="outcomeMatters">A lost reply means <see cref="ApiErrorKind.UnknownOutcome"/> (order posts and cancels).</param>
    /// <param name="cancellationToken">Caller cancellation (not a timeout).</param>
    public async Task<ApiResult<T>> SendAsync<T>(
        HttpMethod method,
        string pathAndQuery,
        ReadOnlyMemory<byte>? body,
        bool l2,
        L1AuthHeaders? l1,
        JsonTypeInfo<T> typeInfo,
        bool outcomeMatters,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is { } bytes)
        {
            request.Content = new ReadOnlyMemoryContent(bytes);
            request.Content.Headers.ContentType = JsonMediaType;
        }
        if (l2)
        {
            if (_signer is null)
                return ApiResult<T>.Failure(new ApiError(ApiErrorKind.RejectedLocally, null, "this endpoint needs L2 credentials; the client was built without an L2Signer"), default);
            int query = pathAndQuery.IndexOf('?');
            string signedPath = query < 0 ? pathAndQuery : pathAndQuery.Substring(0, query);
            _signer.AddHeaders(request, _time.GetUtcNow().ToUnixTimeSeconds(), signedPath, body is { } b ? b.Span : default);
        }
        if (l1 is not null)
        {
            request.Headers.TryAddWithoutValidation(PolyHeaderNames.Address, l1.Address);
            request.Headers.TryAddWithoutValidation(PolyHeaderNames.Signature, l1.Signature);
            request.Headers.TryAddWithoutValidation(PolyHeaderNames.Timestamp, l1.TimestampSeconds.ToString(CultureInfo.InvariantCulture));
            request.Headers.TryAddWithoutValidation(PolyHeaderNames.Nonce, l1.Nonce.ToString(CultureInfo.InvariantCulture));
        }

        using var deadline = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        HttpResponseMessage response;
        byte[] replyBytes;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            replyBytes = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            string what = "no reply within " + _timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture) + " s";
            return ApiResult<T>.Failure(new ApiError(outcomeMatters ? ApiErrorKind.UnknownOutcome : ApiErrorKind.Timeout, null, what), default);
        }
        catch (HttpRequestException ex)
        {
            // Connect and DNS failures never reached the venue; anything later may have.
            bool notSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError or HttpRequestError.SecureConnectionError;
            ApiErrorKind kind = outcomeMatters && !notSent ? ApiErrorKind.UnknownOutcome : ApiErrorKind.NetworkError;
            return ApiResult<T>.Failure(new ApiError(kind, null, ex.HttpRequestError + ": " + ex.Message), default);
        }

        using (response)
        {
            RateLimitInfo rateLimit = ReadRateLimit(response.Headers);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    T? value = JsonSerializer.Deserialize(replyBytes, typeInfo);
                    if (value is null)
                        return ApiResult<T>.Failure(new ApiError(ApiErrorKind.InvalidResponse, response.StatusCode, "empty reply body") { Body = Text(replyBytes) }, rateLimit);
                    return ApiResult<T>.Success(value, rateLimit);
                }
                catch (JsonException ex)
                {
                    return ApiResult<T>.Failure(new ApiError(ApiErrorKind.InvalidResponse, response.StatusCode, "reply did not parse: " + ex.Message) { Body = Text(replyBytes) }, rateLimit);
                }
            }
            return ApiResult<T>.Failure(Classify(response, replyBytes), rateLimit);
        }
    }

    private ApiError Classify(HttpResponseMessage response, byte[] replyBytes)
    {
        string body = Text(replyBytes);
        string? message = null, code = null, heartbeatId = null;
        double? retryAfterSeconds = null;
        try
        {
            using JsonDocument doc = JsonDocument.Parse(replyBytes);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                JsonElement root = doc.RootElement;
                message = StringField(root, "error") ?? StringField(root, "error_msg") ?? StringField(root, "errorMsg") ?? StringField(root, "message");
                code = StringField(root, "code");
                heartbeatId = StringField(root, "heartbeat_id");
                if (root.TryGetProperty("retry_after_seconds", out JsonElement ra) && ra.ValueKind == JsonValueKind.Number) retryAfterSeconds = ra.GetDouble();
            }
            else if (doc.RootElement.ValueKind == JsonValueKind.String)
            {
                message = doc.RootElement.GetString();
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy page, "service not ready"): the raw text is the message.
        }
        message ??= body.Length > 0 ? body : response.ReasonPhrase ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);

        TimeSpan? retryAfter = ReadRetryAfter(response.Headers) ?? (retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null);
        int status = (int)response.StatusCode;
        ApiErrorKind kind = status switch
        {
            400 when Contains(message, "order_version_mismatch") || Contains(message, "invalid order version") => ApiErrorKind.OrderVersionMismatch,
            400 when Contains(message, "Invalid Heartbeat ID") => ApiErrorKind.InvalidHeartbeatId,
            400 => ApiErrorKind.BadRequest,
            401 => ApiErrorKind.Unauthorized,
            404 => ApiErrorKind.NotFound,
            425 => ApiErrorKind.EngineRestarting,
            429 => ApiErrorKind.RateLimited,
            503 when code == "post_only_mode" || Contains(message, "post-only mode") => ApiErrorKind.PostOnlyMode,
            503 when Contains(message, "cancel-only") => ApiErrorKind.CancelOnlyMode,
            503 when Contains(message, "Trading is currently disabled") => ApiErrorKind.TradingDisabled,
            503 => ApiErrorKind.ServiceUnavailable,
            >= 500 => ApiErrorKind.ServerError,
            _ => ApiErrorKind.ClientError,
        };
        return new ApiError(kind, response.StatusCode, message)
        {
            Code = code,
            RetryAfter = retryAfter,
            ExpectedHeartbeatId = kind == ApiErrorKind.InvalidHeartbeatId ? heartbeatId : null,
            Body = body,
        };
    }

    private TimeSpan? ReadRetryAfter(HttpResponseHeaders headers)
    {
        RetryConditionHeaderValue? retry = headers.RetryAfter;
        if (retry is null) return null;
        if (retry.Delta is { } delta) return delta;
        if (retry.Date is { } date)
        {
            TimeSpan wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    internal static RateLimitInfo ReadRateLimit(HttpResponseHeaders headers)
    {
        long? remaining = LongHeader(headers, "Poly-RateLimit-Remaining");
        long? reset = LongHeader(headers, "Poly-RateLimit-Reset");
        string? tier = headers.TryGetValues("Poly-RateLimit-Tier", out IEnumerable<string>? tiers) ? tiers.FirstOrDefault() : null;
        bool warning = headers.TryGetValues("Poly-RateLimit-Warning", out IEnumerable<string>? warnings)
            && string.Equals(warnings.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);
        return new RateLimitInfo(remaining, reset, tier, warning);
    }

    private static long? LongHeader(HttpResponseHeaders headers, string name)
    {
        if (!headers.TryGetValues(name, out IEnumerable<string>? values)) return null;
        string? raw = values.FirstOrDefault();
        if (raw is null) return null;
        if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return l;
        // Some replies carry a fractional epoch; keep the whole seconds.
        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) ? (long)d : null;
    }

    private static string? StringField(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);
}
