namespace FastMaker.Polymarket.Rest;

/// <summary>Settings of the shared HTTP connection pool and of request deadlines.</summary>
public sealed class PolyHttpOptions
{
    /// <summary>How long a pooled connection lives before it is replaced (picks up DNS changes). Default 10 min.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long an idle pooled connection is kept open (keep-alive). Default 90 s.</summary>
    public TimeSpan PooledConnectionIdleTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>TCP connect deadline. Default 5 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Parallel connections per host. Default 16.</summary>
    public int MaxConnectionsPerServer { get; set; } = 16;

    /// <summary>Deadline of one request (send to last byte of the reply). Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
