namespace FastMaker.Polymarket.Rest;

/// <summary>
/// The <c>Poly-RateLimit-*</c> headers of a reply (per-signer token buckets), present on any
/// response that carried them; null fields were absent.
/// </summary>
/// <param name="Remaining">Poly-RateLimit-Remaining: tokens left in the bucket the request used.</param>
/// <param name="ResetUnixSeconds">Poly-RateLimit-Reset: unix time when enough tokens for the attempted request are back.</param>
/// <param name="Tier">Poly-RateLimit-Tier, e.g. "standard".</param>
/// <param name="Warning">Poly-RateLimit-Warning: true while the limiter only warns instead of rejecting.</param>
public readonly record struct RateLimitInfo(long? Remaining, long? ResetUnixSeconds, string? Tier, bool Warning)
{
    /// <summary>True when any rate-limit header was present.</summary>
    public bool IsPresent => Remaining is not null || ResetUnixSeconds is not null || Tier is not null || Warning;
}
