using System.Globalization;
using System.Text;
using System.Text.Json.Serialization.Metadata;

namespace FastMaker.Polymarket.Rest.Gamma;

/// <summary>Gamma metadata (<c>https://gamma-api.polymarket.com</c>): markets and events with filters and offset pagination. Public, unsigned.</summary>
public sealed class GammaClient
{
    /// <summary>The production Gamma API.</summary>
    public static readonly Uri PolymarketBaseUri = new("https://gamma-api.polymarket.com");

    private readonly RestTransport _transport;

    /// <param name="handler">The shared pooled handler; not disposed here.</param>
    /// <param name="baseUri">Gamma's address; null for production.</param>
    /// <param name="options">Deadlines; null for defaults.</param>
    /// <param name="timeProvider">Clock for deadlines; null for the system clock.</param>
    public GammaClient(HttpMessageHandler handler, Uri? baseUri = null, PolyHttpOptions? options = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _transport = new RestTransport(baseUri ?? PolymarketBaseUri, handler, options ?? new PolyHttpOptions(), null, timeProvider ?? TimeProvider.System);
    }

    /// <summary>One page of <c>GET /markets</c>.</summary>
    public Task<ApiResult<GammaMarket[]>> GetMarketsAsync(GammaQuery query, CancellationToken ct = default) =>
        Get(Build("/markets", query), GammaJsonContext.Default.GammaMarketArray, ct);

    /// <summary>One page of <c>GET /events</c>.</summary>
    public Task<ApiResult<GammaEvent[]>> GetEventsAsync(GammaQuery query, CancellationToken ct = default) =>
        Get(Build("/events", query), GammaJsonContext.Default.GammaEventArray, ct);

    /// <summary>Every page of <c>GET /markets</c> from the query's offset until a short page, at most <paramref name="maxPages"/>.</summary>
    public async Task<ApiResult<List<GammaMarket>>> GetAllMarketsAsync(GammaQuery query, int maxPages = 100, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var all = new List<GammaMarket>();
        GammaQuery page = query;
        RateLimitInfo rateLimit = default;
        for (int i = 0; i < maxPages; i++)
        {
            ApiResult<GammaMarket[]> r = await GetMarketsAsync(page, ct).ConfigureAwait(false);
            rateLimit = r.RateLimit;
            if (!r.IsSuccess) return ApiResult<List<GammaMarket>>.Failure(r.Error!, rateLimit);
            all.AddRange(r.Value!);
            if (r.Value!.Length < page.Limit) return ApiResult<List<GammaMarket>>.Success(all, rateLimit);
            page = page with { Offset = page.Offset + page.Limit };
        }
        return ApiResult<List<GammaMarket>>.Failure(new ApiError(ApiErrorKind.InvalidResponse, null, "more than " + maxPages + " pages of markets"), rateLimit);
    }

    private Task<ApiResult<T>> Get<T>(string pathAndQuery, JsonTypeInfo<T> typeInfo, CancellationToken ct) =>
        _transport.SendAsync(HttpMethod.Get, pathAndQuery, null, false, null, typeInfo, false, ct);

    private static string Build(string path, GammaQuery q)
    {
        ArgumentNullException.ThrowIfNull(q);
        if (q.Limit < 1) throw new ArgumentException("Limit must be at least 1.", nameof(q));
        if (q.Offset < 0) throw new ArgumentException("Offset must not be negative.", nameof(q));
        var sb = new StringBuilder(path).Append('?');
        sb.Append("limit=").Append(q.Limit.ToString(CultureInfo.InvariantCulture));
        sb.Append("&offset=").Append(q.Offset.ToString(CultureInfo.InvariantCulture));
        Bool(sb, "active", q.Active);
        Bool(sb, "closed", q.Closed);
        Bool(sb, "archived", q.Archived);
        if (q.ConditionIds is { } cids) foreach (string c in cids) Text(sb, "condition_ids", c);
        if (q.ClobTokenIds is { } tids) foreach (string t in tids) Text(sb, "clob_token_ids", t);
        Text(sb, "slug", q.Slug);
        Text(sb, "tag_id", q.TagId);
        Text(sb, "order", q.Order);
        Bool(sb, "ascending", q.Ascending);
        return sb.ToString();
    }

    private static void Bool(StringBuilder sb, string name, bool? value)
    {
        if (value is { } v) sb.Append('&').Append(name).Append('=').Append(v ? "true" : "false");
    }

    private static void Text(StringBuilder sb, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) sb.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
    }
}
