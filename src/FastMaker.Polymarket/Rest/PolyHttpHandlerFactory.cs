using System.Net;

namespace FastMaker.Polymarket.Rest;

/// <summary>
/// Builds the one pooled <see cref="SocketsHttpHandler"/> the REST clients share: keep-alive,
/// bounded connection lifetime, gzip, no proxy, no cookies. Create it once per process.
/// </summary>
public static class PolyHttpHandlerFactory
{
    public static SocketsHttpHandler Create(PolyHttpOptions? options = null)
    {
        options ??= new PolyHttpOptions();
        return new SocketsHttpHandler
        {
            PooledConnectionLifetime = options.PooledConnectionLifetime,
            PooledConnectionIdleTimeout = options.PooledConnectionIdleTimeout,
            ConnectTimeout = options.ConnectTimeout,
            MaxConnectionsPerServer = options.MaxConnectionsPerServer,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            EnableMultipleHttp2Connections = true,
        };
    }
}
