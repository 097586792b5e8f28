using FastMaker.Venue.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FastMaker.Venue.WebSockets;

/// <summary>Maps /ws/market and /ws/user onto the hub.</summary>
internal static class WebSocketEndpoints
{
    public static void Map(WebApplication app, VenueRuntime runtime, CancellationToken stopping)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        app.Map("/ws/market", c => AcceptAsync(c, runtime, WsChannelKind.Market, stopping));
        app.Map("/ws/user", c => AcceptAsync(c, runtime, WsChannelKind.User, stopping));
    }

    private static async Task AcceptAsync(HttpContext context, VenueRuntime runtime, WsChannelKind kind, CancellationToken stopping)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await VenueHttp.ErrorAsync(context, StatusCodes.Status400BadRequest, "expected a WebSocket upgrade").ConfigureAwait(false);
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        await runtime.Hub.RunAsync(socket, kind, stopping).ConfigureAwait(false);
    }
}
