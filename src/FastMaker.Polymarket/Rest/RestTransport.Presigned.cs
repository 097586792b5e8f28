using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FastMaker.Polymarket.Auth;

namespace FastMaker.Polymarket.Rest;

/// <summary>Requests whose L2 headers were computed by the caller over the exact body bytes passed here.</summary>
internal sealed partial class RestTransport
{
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">What is sent; the caller signed its path without the query string.</param>
    /// <param name="body">The exact bytes the signature covers (empty: no content).</param>
    /// <param name="l2">The header values, sent verbatim.</param>
    /// <param name="typeInfo">Source-generated reader of the success reply.</param>
    /// <param name="outcomeMatters">A lost reply means <see cref="ApiErrorKind.UnknownOutcome"/>.</param>
    /// <param name="nullIsValue">A 2xx <c>null</c> body is a success with a null value (an unknown order), not an error.</param>
    /// <param name="cancellationToken">Caller cancellation (not a timeout).</param>
    public async Task<ApiResult<T?>> SendPresignedAsync<T>(
        HttpMethod method,
        string pathAndQuery,
        ReadOnlyMemory<byte> body,
        L2HeaderValues l2,
        JsonTypeInfo<T> typeInfo,
        bool outcomeMatters,
        bool nullIsValue,
        CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (!body.IsEmpty)
        {
            request.Content = new ReadOnlyMemoryContent(body);
            request.Content.Headers.ContentType = JsonMediaType;
        }

        HttpRequestHeaders headers = request.Headers;
        headers.TryAddWithoutValidation(PolyHeaderNames.Address, l2.Address);
        headers.TryAddWithoutValidation(PolyHeaderNames.Signature, l2.Signature);
        headers.TryAddWithoutValidation(PolyHeaderNames.Timestamp, l2.TimestampSeconds.ToString(CultureInfo.InvariantCulture));
        headers.TryAddWithoutValidation(PolyHeaderNames.ApiKey, l2.ApiKey);
        headers.TryAddWithoutValidation(PolyHeaderNames.Passphrase, l2.Passphrase);

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
            return ApiResult<T?>.Failure(new ApiError(outcomeMatters ? ApiErrorKind.UnknownOutcome : ApiErrorKind.Timeout, null, what), default);
        }
        catch (HttpRequestException ex)
        {
            // Connect and DNS failures never reached the venue; anything later may have.
            bool notSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.ProxyTunnelError or HttpRequestError.SecureConnectionError;
            ApiErrorKind kind = outcomeMatters && !notSent ? ApiErrorKind.UnknownOutcome : ApiErrorKind.NetworkError;
            return ApiResult<T?>.Failure(new ApiError(kind, null, ex.HttpRequestError + ": " + ex.Message), default);
        }

        using (response)
        {
            RateLimitInfo rateLimit = ReadRateLimit(response.Headers);
            if (!response.IsSuccessStatusCode) return ApiResult<T?>.Failure(Classify(response, replyBytes), rateLimit);
            try
            {
                T? value = JsonSerializer.Deserialize(replyBytes, typeInfo);
                if (value is null && !nullIsValue)
                    return ApiResult<T?>.Failure(new ApiError(ApiErrorKind.InvalidResponse, response.StatusCode, "empty reply body") { Body = Text(replyBytes) }, rateLimit);
                return ApiResult<T?>.Success(value, rateLimit);
            }
            catch (JsonException ex)
            {
                if (nullIsValue && replyBytes.Length == 0) return ApiResult<T?>.Success(null, rateLimit);
                return ApiResult<T?>.Failure(new ApiError(ApiErrorKind.InvalidResponse, response.StatusCode, "reply did not parse: " + ex.Message) { Body = Text(replyBytes) }, rateLimit);
            }
        }
    }
}
