namespace FastMaker.Venue.RateLimits;

/// <summary>
/// Rate limits as the reference publishes them (PROTOCOL.md §4.10): a burst per 10 s per endpoint,
/// and per-signer order and cancel token buckets whose size depends on the tier.
/// </summary>
public sealed class RateLimitSettings
{
    /// <summary>Settings that never limit (capacity benchmarks, load tests).</summary>
    public static RateLimitSettings Disabled => new() { Enabled = false };

    /// <summary>False turns every limit off; the headers are still sent.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Tier name reported in Poly-RateLimit-Tier.</summary>
    public string Tier { get; init; } = "standard";

    /// <summary>Per-signer order bucket refill, tokens per second (standard tier: 40).</summary>
    public double OrderRatePerSecond { get; init; } = 40;

    /// <summary>Per-signer order bucket capacity (standard tier: 60).</summary>
    public double OrderBurst { get; init; } = 60;

    /// <summary>Per-signer cancel bucket refill, tokens per second (standard tier: 80).</summary>
    public double CancelRatePerSecond { get; init; } = 80;

    /// <summary>Per-signer cancel bucket capacity (standard tier: 120).</summary>
    public double CancelBurst { get; init; } = 120;

    /// <summary>Requests allowed per 10 s on each endpoint ("METHOD /path"); endpoints not listed use <see cref="DefaultBurstPer10Seconds"/>.</summary>
    public IReadOnlyDictionary<string, int> EndpointBurstPer10Seconds { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["POST /order"] = 5000,
        ["POST /orders"] = 2000,
        ["DELETE /order"] = 5000,
        ["DELETE /orders"] = 2000,
        ["DELETE /cancel-all"] = 250,
        ["DELETE /cancel-market-orders"] = 1500,
        ["GET /book"] = 1500,
        ["GET /price"] = 1500,
        ["GET /midpoint"] = 1500,
        ["POST /books"] = 500,
        ["GET /data/orders"] = 500,
        ["GET /data/trades"] = 500,
        ["GET /balance-allowance"] = 200,
        ["GET /balance-allowance/update"] = 50,
        ["POST /auth/api-key"] = 100,
        ["GET /auth/derive-api-key"] = 100,
    };

    /// <summary>Requests per 10 s for any endpoint not in the table (the reference's CLOB general limit).</summary>
    public int DefaultBurstPer10Seconds { get; init; } = 9000;
}
