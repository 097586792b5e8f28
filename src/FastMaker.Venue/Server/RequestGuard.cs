using System.Globalization;
using FastMaker.Venue.RateLimits;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FastMaker.Venue.Server;

/// <summary>
/// Runs before every CLOB endpoint: per-endpoint rate limit with the Poly-RateLimit headers, then injected
/// 429 and 5xx bursts. Control endpoints are exempt.
/// </summary>
internal sealed class RequestGuard
{
    private readonly VenueRuntime _runtime;

    public RequestGuard(VenueRuntime runtime) => _runtime = runtime;

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint() as RouteEndpoint;
        string? pattern = endpoint?.RoutePattern.RawText;
        if (pattern is null || pattern.StartsWith("/control", StringComparison.Ordinal) || pattern.StartsWith("/ws", StringComparison.Ordinal))
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        string key = context.Request.Method + " " + pattern;
        _runtime.Requests.AddOrUpdate(key, 1, static (_, n) => n + 1);
        var decision = _runtime.Limiter.TakeEndpoint(key);
        WriteRateHeaders(context, decision, _runtime.Limiter.Settings.Tier, _runtime.Time);
        if (!decision.Allowed)
        {
            await TooManyAsync(context, decision.SecondsUntilAllowed).ConfigureAwait(false);
            return;
        }
        if (_runtime.Faults.TakeHttp429())
        {
            await TooManyAsync(context, 1).ConfigureAwait(false);
            return;
        }
        if (_runtime.Faults.TakeHttp5xx())
        {
            await VenueHttp.ErrorAsync(context, StatusCodes.Status500InternalServerError, "Internal server error").ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    }

    public static void WriteRateHeaders(HttpContext context, RateDecision decision, string tier, TimeProvider time)
    {
        var headers = context.Response.Headers;
        headers["Poly-RateLimit-Remaining"] = Math.Max(0, (long)Math.Floor(decision.Remaining)).ToString(CultureInfo.InvariantCulture);
        long reset = time.GetUtcNow().ToUnixTimeSeconds() + (long)Math.Ceiling(decision.SecondsUntilAllowed);
        headers["Poly-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        headers["Poly-RateLimit-Tier"] = tier;
    }

    public static Task TooManyAsync(HttpContext context, double retryAfterSeconds)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(retryAfterSeconds)).ToString(CultureInfo.InvariantCulture);
        return VenueHttp.ErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too Many Requests");
    }
}
