using System.Globalization;
using System.Net;
using FastMaker.Venue.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FastMaker.Venue.Faults;

/// <summary>
/// Loopback-only fault control over HTTP (POST /control/...), for standalone runs and out-of-process tests.
/// Every request from a non-loopback address gets 403.
/// </summary>
internal static class ControlEndpoints
{
    private static readonly byte[] Done = """{"ok":true}"""u8.ToArray();

    public static void Map(WebApplication app, VenueRuntime runtime, Action restart)
    {
        var f = runtime.Faults;
        Post(app, "/control/cancel-only", c => f.CancelOnly = Bool(c, "on", true));
        Post(app, "/control/restart", _ => restart());
        Post(app, "/control/http-5xx", c => f.Burst5xx(Int(c, "count", 1)));
        Post(app, "/control/http-429", c => f.Burst429(Int(c, "count", 1)));
        Post(app, "/control/reject-storm", c => f.RejectStormMarket = c.Request.Query["market"].ToString() is { Length: > 0 } m ? m : null);
        Post(app, "/control/fail-trades", c => f.FailNextTrades(Int(c, "count", 1)));
        Post(app, "/control/ws/drop", c => f.DropWebSockets(Target(c)));
        Post(app, "/control/ws/silence", c => f.SilenceWebSockets(Target(c)));
        Post(app, "/control/ws/unsilence", c => f.UnsilenceWebSockets(Target(c)));
        Post(app, "/control/user-events", c =>
        {
            f.UserEventDelay = TimeSpan.FromMilliseconds(Int(c, "delayMs", 0));
            f.DuplicateUserEvents = Bool(c, "duplicate", false);
            f.ReorderUserEvents = Bool(c, "reorder", false);
        });
        Post(app, "/control/reset", _ => f.Reset());
    }

    private static void Post(WebApplication app, string path, Action<HttpContext> action)
    {
        app.MapPost(path, async context =>
        {
            var remote = context.Connection.RemoteIpAddress;
            if (remote is null || !IPAddress.IsLoopback(remote))
            {
                await VenueHttp.ErrorAsync(context, StatusCodes.Status403Forbidden, "control endpoints are loopback only").ConfigureAwait(false);
                return;
            }
            try
            {
                action(context);
            }
            catch (FormatException e)
            {
                await VenueHttp.ErrorAsync(context, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
                return;
            }
            await VenueHttp.WriteJsonAsync(context, 200, Done).ConfigureAwait(false);
        });
    }

    private static bool Bool(HttpContext c, string name, bool fallback)
    {
        string v = c.Request.Query[name].ToString();
        if (v.Length == 0) return fallback;
        return bool.TryParse(v, out bool b) ? b : throw new FormatException($"query parameter {name} must be true or false");
    }

    private static int Int(HttpContext c, string name, int fallback)
    {
        string v = c.Request.Query[name].ToString();
        if (v.Length == 0) return fallback;
        return int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n <= 1_000_000
            ? n : throw new FormatException($"query parameter {name} must be an integer from 0 to 1000000");
    }

    private static WebSocketTarget Target(HttpContext c) => c.Request.Query["target"].ToString() switch
    {
        "" or "all" => WebSocketTarget.All,
        "market" => WebSocketTarget.Market,
        "user" => WebSocketTarget.User,
        _ => throw new FormatException("query parameter target must be all, market or user"),
    };
}
