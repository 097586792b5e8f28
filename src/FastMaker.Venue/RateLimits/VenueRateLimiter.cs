using System.Collections.Concurrent;

namespace FastMaker.Venue.RateLimits;

/// <summary>Which per-signer bucket an endpoint draws from.</summary>
public enum SignerBucketKind
{
    /// <summary>Not charged to a signer bucket.</summary>
    None,
    /// <summary>Order placement (POST /order, POST /orders).</summary>
    Order,
    /// <summary>Cancels (DELETE /order, /orders, /cancel-all, /cancel-market-orders).</summary>
    Cancel,
}

/// <summary>
/// The venue's limiter: one bucket per endpoint (all loopback clients share an IP, so per endpoint is
/// per client as Cloudflare counts it) and per-signer order and cancel buckets.
/// </summary>
public sealed class VenueRateLimiter
{
    private readonly RateLimitSettings _settings;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, TokenBucket> _endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TokenBucket> _orderBuckets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, TokenBucket> _cancelBuckets = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a limiter with full buckets.</summary>
    public VenueRateLimiter(RateLimitSettings settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
    }

    /// <summary>The settings in force.</summary>
    public RateLimitSettings Settings => _settings;

    /// <summary>Charges one request to the endpoint's 10-second bucket.</summary>
    public RateDecision TakeEndpoint(string endpointKey)
    {
        long now = _time.GetTimestamp();
        var bucket = _endpoints.GetOrAdd(endpointKey, static (key, state) =>
        {
            int burst = state.Settings.EndpointBurstPer10Seconds.TryGetValue(key, out int b) ? b : state.Settings.DefaultBurstPer10Seconds;
            return new TokenBucket(burst / 10.0, burst, state.Now);
        }, (Settings: _settings, Now: now));
        if (!_settings.Enabled) return new RateDecision(true, bucket.Capacity, 0);
        return bucket.TryTake(1, now, _time);
    }

    /// <summary>Charges <paramref name="cost"/> to the signer's bucket, all or nothing.</summary>
    public RateDecision TakeSigner(string signer, SignerBucketKind kind, double cost, bool allowOverdraw = false)
    {
        long now = _time.GetTimestamp();
        var bucket = SignerBucket(signer, kind, now);
        if (!_settings.Enabled) return new RateDecision(true, bucket.Capacity, 0);
        return bucket.TryTake(cost, now, _time, allowOverdraw);
    }

    /// <summary>Adjusts a signer bucket after the work is known (positive charges, negative refunds).</summary>
    public void Adjust(string signer, SignerBucketKind kind, double tokens)
    {
        if (!_settings.Enabled || tokens == 0) return;
        var bucket = SignerBucket(signer, kind, _time.GetTimestamp());
        if (tokens > 0) bucket.Charge(tokens); else bucket.Refund(-tokens);
    }

    private TokenBucket SignerBucket(string signer, SignerBucketKind kind, long now)
    {
        var map = kind == SignerBucketKind.Order ? _orderBuckets : _cancelBuckets;
        return map.GetOrAdd(signer, static (_, state) => state.Kind == SignerBucketKind.Order
            ? new TokenBucket(state.Settings.OrderRatePerSecond, state.Settings.OrderBurst, state.Now)
            : new TokenBucket(state.Settings.CancelRatePerSecond, state.Settings.CancelBurst, state.Now),
            (Settings: _settings, Kind: kind, Now: now));
    }
}
