using FastMaker.Venue.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FastMaker.Venue.Api;

/// <summary>Unauthenticated service endpoints: /version, /time, /ok.</summary>
internal static class PublicEndpoints
{
    private static readonly byte[] Version = """{"version":2}"""u8.ToArray();
    private static readonly byte[] Ok = "\"OK\""u8.ToArray();

    public static void Map(WebApplication app, VenueRuntime runtime)
    {
        app.MapGet("/version", (HttpContext c) => VenueHttp.WriteJsonAsync(c, 200, Version));
        app.MapGet("/ok", (HttpContext c) => VenueHttp.WriteJsonAsync(c, 200, Ok));
        app.MapGet("/time", (HttpContext c) =>
        {
            byte[] seconds = System.Text.Encoding.ASCII.GetBytes(runtime.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            return VenueHttp.WriteJsonAsync(c, 200, seconds);
        });
    }
}
