namespace FastMaker.Venue.RateLimits;

/// <summary>
/// A token bucket on an explicit clock. Costs are taken all or nothing; cancel buckets may be allowed
/// to go negative (the reference lets cancel-all overdraw on lower tiers).
/// </summary>
public sealed class TokenBucket
{
    private readonly object _gate = new();
    private readonly double _ratePerSecond;
    private readonly double _capacity;
    private double _tokens;
    private long _lastTimestamp;

    /// <summary>Creates a full bucket.</summary>
    public TokenBucket(double ratePerSecond, double capacity, long nowTimestamp)
    {
        if (!(ratePerSecond > 0)) throw new ArgumentOutOfRangeException(nameof(ratePerSecond), "ratePerSecond must be positive");
        if (!(capacity >= 1)) throw new ArgumentOutOfRangeException(nameof(capacity), "capacity must be at least 1");
        _ratePerSecond = ratePerSecond;
        _capacity = capacity;
        _tokens = capacity;
        _lastTimestamp = nowTimestamp;
    }

    /// <summary>Bucket capacity (the burst).</summary>
    public double Capacity => _capacity;

    /// <summary>Takes <paramref name="cost"/> tokens if present; reports what is left and when enough for this cost will be there.</summary>
    public RateDecision TryTake(double cost, long nowTimestamp, TimeProvider time, bool allowOverdraw = false)
    {
        lock (_gate)
        {
            Refill(nowTimestamp, time);
            if (_tokens >= cost || allowOverdraw)
            {
                _tokens -= cost;
                return new RateDecision(true, _tokens, 0);
            }
            double secondsUntil = (cost - _tokens) / _ratePerSecond;
            return new RateDecision(false, _tokens, secondsUntil);
        }
    }

    /// <summary>Returns tokens taken for work that did not happen (e.g. a cancel-all that found fewer orders).</summary>
    public void Refund(double tokens)
    {
        lock (_gate) _tokens = Math.Min(_capacity, _tokens + tokens);
    }

    /// <summary>Charges tokens after the fact, possibly going negative.</summary>
    public void Charge(double tokens)
    {
        lock (_gate) _tokens -= tokens;
    }

    private void Refill(long nowTimestamp, TimeProvider time)
    {
        if (nowTimestamp <= _lastTimestamp) return;
        double elapsed = time.GetElapsedTime(_lastTimestamp, nowTimestamp).TotalSeconds;
        _lastTimestamp = nowTimestamp;
        _tokens = Math.Min(_capacity, _tokens + elapsed * _ratePerSecond);
    }
}

/// <summary>Outcome of one take: allowed or not, tokens left, seconds until the same cost would pass.</summary>
public readonly record struct RateDecision(bool Allowed, double Remaining, double SecondsUntilAllowed);
