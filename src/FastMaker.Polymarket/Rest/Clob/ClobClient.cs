using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FastMaker.Polymarket.Auth;

namespace FastMaker.Polymarket.Rest.Clob;

/// <summary>
/// The CLOB REST endpoints a maker needs (PROTOCOL.md section 4). Public endpoints work without
/// credentials; private ones are signed with the <see cref="L2Signer"/> over the exact bytes sent.
/// Every call returns an <see cref="ApiResult{T}"/>: the venue's error text and the rate-limit
/// headers are kept, and an order post or cancel whose reply was lost is an unknown outcome.
/// </summary>
public sealed class ClobClient
{
    /// <summary>The venue's batch limit for <c>POST /orders</c>.</summary>
    public const int MaxOrdersPerBatch = 15;

    /// <summary>The venue's batch limit for <c>DELETE /orders</c>.</summary>
    public const int MaxCancelsPerBatch = 1000;

    /// <summary>The venue's limit for <c>POST /books</c>.</summary>
    public const int MaxBooksPerRequest = 500;

    /// <summary>First cursor of a paginated listing (base64 "0").</summary>
    public const string InitialCursor = "MA==";

    /// <summary>Cursor that marks the last page (base64 "-1").</summary>
    public const string EndCursor = "LTE=";

    private static readonly ClobJsonContext Json = ClobJsonContext.Default;
    private readonly RestTransport _transport;
    private readonly int _maxPages;

    /// <param name="handler">The shared pooled handler (<see cref="PolyHttpHandlerFactory.Create"/>); not disposed here.</param>
    /// <param name="options">Base address, deadlines, pagination cap; null for production defaults.</param>
    /// <param name="signer">L2 signer for private endpoints; null for a read-only client.</param>
    /// <param name="timeProvider">Clock for L2 timestamps and deadlines; null for the system clock.</param>
    public ClobClient(HttpMessageHandler handler, ClobClientOptions? options = null, L2Signer? signer = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        options ??= new ClobClientOptions();
        if (options.MaxPages < 1) throw new ArgumentException("MaxPages must be at least 1.", nameof(options));
        _transport = new RestTransport(options.BaseUri, handler, options.Http, signer, timeProvider ?? TimeProvider.System);
        _maxPages = options.MaxPages;
    }

    // ---- public metadata ----

    /// <summary><c>GET /version</c>: the order version the venue expects (2 when the field is missing).</summary>
    public async Task<ApiResult<int>> GetVersionAsync(CancellationToken ct = default)
    {
        ApiResult<VersionResponse> r = await Get("/version", Json.VersionResponse, false, ct).ConfigureAwait(false);
        return r.IsSuccess ? ApiResult<int>.Success(r.Value!.Version ?? 2, r.RateLimit) : ApiResult<int>.Failure(r.Error!, r.RateLimit);
    }

    /// <summary><c>GET /time</c>: the server's unix seconds.</summary>
    public Task<ApiResult<long>> GetServerTimeAsync(CancellationToken ct = default) => Get("/time", Json.Int64, false, ct);

    /// <summary><c>GET /book?token_id=</c>.</summary>
    public Task<ApiResult<OrderBookSummary>> GetBookAsync(string tokenId, CancellationToken ct = default) =>
        Get("/book?token_id=" + Esc(RequireText(tokenId, nameof(tokenId))), Json.OrderBookSummary, false, ct);

    /// <summary><c>POST /books</c> for up to 500 tokens.</summary>
    public Task<ApiResult<OrderBookSummary[]>> GetBooksAsync(IReadOnlyList<string> tokenIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(tokenIds);
        if (tokenIds.Count == 0 || tokenIds.Count > MaxBooksPerRequest)
            return Task.FromResult(Rejected<OrderBookSummary[]>("POST /books takes 1 to " + MaxBooksPerRequest + " token ids, got " + tokenIds.Count));
        var body = new BookRequest[tokenIds.Count];
        for (int i = 0; i < body.Length; i++) body[i] = new BookRequest(tokenIds[i]);
        return Send(HttpMethod.Post, "/books", Serialize(body, Json.BookRequestArray), false, Json.OrderBookSummaryArray, false, ct);
    }

    /// <summary><c>GET /tick-size?token_id=</c>.</summary>
    public Task<ApiResult<TickSizeResponse>> GetTickSizeAsync(string tokenId, CancellationToken ct = default) =>
        Get("/tick-size?token_id=" + Esc(RequireText(tokenId, nameof(tokenId))), Json.TickSizeResponse, false, ct);

    /// <summary><c>GET /neg-risk?token_id=</c>.</summary>
    public Task<ApiResult<NegRiskResponse>> GetNegRiskAsync(string tokenId, CancellationToken ct = default) =>
        Get("/neg-risk?token_id=" + Esc(RequireText(tokenId, nameof(tokenId))), Json.NegRiskResponse, false, ct);

    /// <summary><c>GET /fee-rate?token_id=</c>.</summary>
    public Task<ApiResult<FeeRateResponse>> GetFeeRateAsync(string tokenId, CancellationToken ct = default) =>
        Get("/fee-rate?token_id=" + Esc(RequireText(tokenId, nameof(tokenId))), Json.FeeRateResponse, false, ct);

    /// <summary><c>GET /clob-markets/{conditionId}</c>: the compact market details.</summary>
    public Task<ApiResult<MarketDetails>> GetMarketDetailsAsync(string conditionId, CancellationToken ct = default) =>
        Get("/clob-markets/" + Esc(RequireText(conditionId, nameof(conditionId))), Json.MarketDetails, false, ct);

    // ---- orders ----

    /// <summary>
    /// <c>POST /order</c> with <paramref name="body"/> sent byte for byte (the L2 HMAC covers exactly these bytes).
    /// A lost reply is <see cref="ApiErrorKind.UnknownOutcome"/>.
    /// </summary>
    public Task<ApiResult<OrderResponse>> PostOrderAsync(ReadOnlyMemory<byte> body, CancellationToken ct = default)
    {
        if (body.IsEmpty) return Task.FromResult(Rejected<OrderResponse>("the order body is empty"));
        return Send(HttpMethod.Post, "/order", body, true, Json.OrderResponse, true, ct);
    }

    /// <summary><c>POST /orders</c>: 1 to 15 order bodies joined into one JSON array (more are rejected before sending).</summary>
    public Task<ApiResult<OrderResponse[]>> PostOrdersAsync(IReadOnlyList<ReadOnlyMemory<byte>> orderBodies, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(orderBodies);
        if (orderBodies.Count == 0 || orderBodies.Count > MaxOrdersPerBatch)
            return Task.FromResult(Rejected<OrderResponse[]>("POST /orders takes 1 to " + MaxOrdersPerBatch + " orders, got " + orderBodies.Count));
        int length = 1 + orderBodies.Count;
        for (int i = 0; i < orderBodies.Count; i++)
        {
            if (orderBodies[i].IsEmpty) return Task.FromResult(Rejected<OrderResponse[]>("order body " + i + " is empty"));
            length += orderBodies[i].Length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        joined[at++] = (byte)'[';
        for (int i = 0; i < orderBodies.Count; i++)
        {
            if (i > 0) joined[at++] = (byte)',';
            orderBodies[i].Span.CopyTo(joined.AsSpan(at));
            at += orderBodies[i].Length;
        }
        joined[at] = (byte)']';
        return Send(HttpMethod.Post, "/orders", joined, true, Json.OrderResponseArray, true, ct);
    }

    /// <summary><c>DELETE /order</c> <c>{"orderID":...}</c>.</summary>
    public Task<ApiResult<CancelResponse>> CancelOrderAsync(string orderId, CancellationToken ct = default) =>
        Send(HttpMethod.Delete, "/order", Serialize(new CancelOrderRequest(RequireText(orderId, nameof(orderId))), Json.CancelOrderRequest), true, Json.CancelResponse, true, ct);

    /// <summary><c>DELETE /orders</c> with 1 to 1000 order ids.</summary>
    public Task<ApiResult<CancelResponse>> CancelOrdersAsync(IReadOnlyList<string> orderIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(orderIds);
        if (orderIds.Count == 0 || orderIds.Count > MaxCancelsPerBatch)
            return Task.FromResult(Rejected<CancelResponse>("DELETE /orders takes 1 to " + MaxCancelsPerBatch + " ids, got " + orderIds.Count));
        string[] ids = new string[orderIds.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = RequireText(orderIds[i], nameof(orderIds));
        return Send(HttpMethod.Delete, "/orders", Serialize(ids, Json.StringArray), true, Json.CancelResponse, true, ct);
    }

    /// <summary><c>DELETE /cancel-all</c>.</summary>
    public Task<ApiResult<CancelResponse>> CancelAllAsync(CancellationToken ct = default) =>
        Send(HttpMethod.Delete, "/cancel-all", null, true, Json.CancelResponse, true, ct);

    /// <summary><c>DELETE /cancel-market-orders</c> by condition id, token id, or both (at least one).</summary>
    public Task<ApiResult<CancelResponse>> CancelMarketOrdersAsync(string? market, string? assetId, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(market) && string.IsNullOrEmpty(assetId))
            return Task.FromResult(Rejected<CancelResponse>("cancel-market-orders needs a market, an asset id, or both"));
        var body = new CancelMarketOrdersRequest(string.IsNullOrEmpty(market) ? null : market, string.IsNullOrEmpty(assetId) ? null : assetId);
        return Send(HttpMethod.Delete, "/cancel-market-orders", Serialize(body, Json.CancelMarketOrdersRequest), true, Json.CancelResponse, true, ct);
    }

    /// <summary><c>GET /data/order/{id}</c>.</summary>
    public Task<ApiResult<OpenOrder>> GetOrderAsync(string orderId, CancellationToken ct = default) =>
        Get("/data/order/" + Esc(RequireText(orderId, nameof(orderId))), Json.OpenOrder, true, ct);

    /// <summary><c>GET /data/orders</c>, every page until <c>LTE=</c>.</summary>
    public Task<ApiResult<List<OpenOrder>>> GetOpenOrdersAsync(string? market = null, string? assetId = null, string? id = null, CancellationToken ct = default)
    {
        var query = new StringBuilder("/data/orders?");
        Append(query, "id", id);
        Append(query, "market", market);
        Append(query, "asset_id", assetId);
        return GetAllPages(query.ToString(), Json.PageOpenOrder, ct);
    }

    /// <summary><c>GET /data/trades</c>, every page until <c>LTE=</c>.</summary>
    public Task<ApiResult<List<ClobTrade>>> GetTradesAsync(TradeQuery? filter = null, CancellationToken ct = default)
    {
        filter ??= new TradeQuery();
        var query = new StringBuilder("/data/trades?");
        Append(query, "id", filter.Id);
        Append(query, "maker_address", filter.MakerAddress);
        Append(query, "market", filter.Market);
        Append(query, "asset_id", filter.AssetId);
        Append(query, "before", filter.Before?.ToString(CultureInfo.InvariantCulture));
        Append(query, "after", filter.After?.ToString(CultureInfo.InvariantCulture));
        return GetAllPages(query.ToString(), Json.PageClobTrade, ct);
    }

    // ---- account ----

    /// <summary><c>GET /balance-allowance?asset_type=&amp;token_id=&amp;signature_type=</c>.</summary>
    public Task<ApiResult<BalanceAllowance>> GetBalanceAllowanceAsync(AssetType assetType, string? tokenId, int signatureType, CancellationToken ct = default) =>
        Get(BalanceQuery("/balance-allowance", assetType, tokenId, signatureType), Json.BalanceAllowance, true, ct);

    /// <summary><c>GET /balance-allowance/update</c>: makes the venue refresh its cached on-chain balance.</summary>
    public Task<ApiResult<JsonElement>> UpdateBalanceAllowanceAsync(AssetType assetType, string? tokenId, int signatureType, CancellationToken ct = default) =>
        Get(BalanceQuery("/balance-allowance/update", assetType, tokenId, signatureType), Json.JsonElement, true, ct);

    /// <summary><c>GET /order-scoring?order_id=</c>: whether a resting order earns liquidity rewards.</summary>
    public Task<ApiResult<OrderScoring>> GetOrderScoringAsync(string orderId, CancellationToken ct = default) =>
        Get("/order-scoring?order_id=" + Esc(RequireText(orderId, nameof(orderId))), Json.OrderScoring, true, ct);

    /// <summary><c>POST /orders-scoring</c>: id to scoring flag.</summary>
    public Task<ApiResult<Dictionary<string, bool>>> GetOrdersScoringAsync(IReadOnlyList<string> orderIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(orderIds);
        string[] ids = new string[orderIds.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = RequireText(orderIds[i], nameof(orderIds));
        return Send(HttpMethod.Post, "/orders-scoring", Serialize(ids, Json.StringArray), true, Json.DictionaryStringBoolean, false, ct);
    }

    /// <summary>
    /// <c>POST /v1/heartbeats</c> with the previous id ("" for the first). The reply carries the next id.
    /// On a stale id the error is <see cref="ApiErrorKind.InvalidHeartbeatId"/> and
    /// <see cref="ApiError.ExpectedHeartbeatId"/> is the id to send next.
    /// </summary>
    public Task<ApiResult<HeartbeatMessage>> PostHeartbeatAsync(string? heartbeatId, CancellationToken ct = default) =>
        Send(HttpMethod.Post, "/v1/heartbeats", Serialize(new HeartbeatMessage(heartbeatId ?? ""), Json.HeartbeatMessage), true, Json.HeartbeatMessage, false, ct);

    /// <summary><c>POST /auth/api-key</c> with L1 headers: creates a new API key.</summary>
    public Task<ApiResult<ApiKeyResponse>> CreateApiKeyAsync(L1AuthHeaders l1, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(l1);
        return _transport.SendAsync(HttpMethod.Post, "/auth/api-key", null, false, l1, Json.ApiKeyResponse, false, ct);
    }

    /// <summary><c>GET /auth/derive-api-key</c> with L1 headers: re-derives the key for the same address and nonce.</summary>
    public Task<ApiResult<ApiKeyResponse>> DeriveApiKeyAsync(L1AuthHeaders l1, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(l1);
        return _transport.SendAsync(HttpMethod.Get, "/auth/derive-api-key", null, false, l1, Json.ApiKeyResponse, false, ct);
    }

    // ---- plumbing ----

    private async Task<ApiResult<List<T>>> GetAllPages<T>(string baseQuery, JsonTypeInfo<Page<T>> typeInfo, CancellationToken ct)
    {
        var all = new List<T>();
        string cursor = InitialCursor;
        RateLimitInfo rateLimit = default;
        for (int page = 0; page < _maxPages; page++)
        {
            string query = baseQuery + (baseQuery.EndsWith('?') ? "" : "&") + "next_cursor=" + Esc(cursor);
            ApiResult<Page<T>> r = await Get(query, typeInfo, true, ct).ConfigureAwait(false);
            rateLimit = r.RateLimit;
            if (!r.IsSuccess) return ApiResult<List<T>>.Failure(r.Error!, rateLimit);
            if (r.Value!.Data is { } data) all.AddRange(data);
            string? next = r.Value.NextCursor;
            if (string.IsNullOrEmpty(next) || next == EndCursor) return ApiResult<List<T>>.Success(all, rateLimit);
            if (next == cursor)
                return ApiResult<List<T>>.Failure(new ApiError(ApiErrorKind.InvalidResponse, null, "pagination repeated cursor " + cursor), rateLimit);
            cursor = next;
        }
        return ApiResult<List<T>>.Failure(new ApiError(ApiErrorKind.InvalidResponse, null, "pagination did not reach " + EndCursor + " within " + _maxPages + " pages"), rateLimit);
    }

    private Task<ApiResult<T>> Get<T>(string pathAndQuery, JsonTypeInfo<T> typeInfo, bool l2, CancellationToken ct) =>
        _transport.SendAsync(HttpMethod.Get, pathAndQuery, null, l2, null, typeInfo, false, ct);

    private Task<ApiResult<T>> Send<T>(HttpMethod method, string path, ReadOnlyMemory<byte>? body, bool l2, JsonTypeInfo<T> typeInfo, bool outcomeMatters, CancellationToken ct) =>
        _transport.SendAsync(method, path, body, l2, null, typeInfo, outcomeMatters, ct);

    private static string BalanceQuery(string path, AssetType assetType, string? tokenId, int signatureType)
    {
        if (signatureType is < 0 or > 3) throw new ArgumentOutOfRangeException(nameof(signatureType), "signature type must be 0, 1, 2 or 3.");
        if (assetType == AssetType.Conditional && string.IsNullOrEmpty(tokenId))
            throw new ArgumentException("a CONDITIONAL balance query needs a token id.", nameof(tokenId));
        var query = new StringBuilder(path).Append('?');
        Append(query, "asset_type", assetType == AssetType.Collateral ? "COLLATERAL" : "CONDITIONAL");
        Append(query, "token_id", tokenId);
        Append(query, "signature_type", signatureType.ToString(CultureInfo.InvariantCulture));
        return query.ToString();
    }

    private static void Append(StringBuilder query, string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        if (query[^1] != '?') query.Append('&');
        query.Append(name).Append('=').Append(Esc(value));
    }

    private static byte[] Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

    private static string Esc(string value) => Uri.EscapeDataString(value);

    private static string RequireText(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException(name + " must not be empty.", name);
        return value;
    }

    private static ApiResult<T> Rejected<T>(string message) => ApiResult<T>.Failure(new ApiError(ApiErrorKind.RejectedLocally, null, message), default);
}
