using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FastMaker.Venue.Server;

/// <summary>Builds a Kestrel app bound only to 127.0.0.1 and reports the port it got.</summary>
internal static class LoopbackHost
{
    public static WebApplication Build(int port, int maxBodyBytes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port);
            k.Limits.MaxRequestBodySize = maxBodyBytes;
            k.AddServerHeader = false;
        });
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteOptions>(o => o.LowercaseUrls = false);
        return builder.Build();
    }

    public static int BoundPort(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        foreach (string address in addresses)
        {
            var uri = new Uri(address);
            return uri.Port;
        }
        throw new InvalidOperationException("Kestrel reported no bound address");
    }
}
