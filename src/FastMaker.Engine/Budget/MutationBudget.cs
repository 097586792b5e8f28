using FastMaker.Engine.Gate;

namespace FastMaker.Engine.Budget;

/// <summary>
/// How fast and whether the engine may send new orders: a global budget per minute, a per-market cooldown, reject-storm
/// pauses per market that double with each storm (5, 10, 20 min...) and reset after a clean period, a global circuit
/// breaker on rejects per minute, and the venue's own signals (429 retry hints, 425 restarts and the post-only window
/// after them, cancel-only and trading-disabled modes, rate-limit headers). Cancels are never limited here.
/// </summary>
/// <remarks>
/// Every time is the engine's event clock in milliseconds, passed in; the budget never reads a clock. Engine thread
/// only. Checks allocate nothing; a market index beyond the current arrays grows them (cold, once per new market).
/// Venue-mode replies (cancel-only, trading disabled, post-only, 425, 429) are not counted as rejects.
/// </remarks>
public sealed class MutationBudget
{
    private const long Minute = 60_000;

    private readonly MutationBudgetOptions _options;
    private readonly TimestampWindow _mutations;
    private readonly TimestampWindow _rejects;

    private long[] _lastMutationMs;
    private int[] _rejectCount;
    private int[] _stormLevel;
    private long[] _pausedUntilMs;
    private long[] _lastRejectMs;

    private long _breakerUntilMs = long.MinValue;
    private long _backoffUntilMs = long.MinValue;
    private long _postOnlyUntilMs = long.MinValue;
    private long _cancelOnlyUntilMs = long.MinValue;
    private long _tradingDisabledUntilMs = long.MinValue;
    private int _rateLimitedStreak;
    private int _restartStreak;
    private long _lastCommitMs = long.MinValue;
    private long _rateLimitRemaining = -1;
    private long _rateLimitResetMs = long.MinValue;

    /// <summary>Creates a budget; <paramref name="marketCapacity"/> only sizes the first arrays.</summary>
    public MutationBudget(MutationBudgetOptions options, int marketCapacity = 16)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _mutations = new TimestampWindow(options.MaxMutationsPerMinute, Minute);
        _rejects = new TimestampWindow(options.CircuitBreakerRejectsPerMinute, Minute);
        int n = Math.Max(1, marketCapacity);
        _lastMutationMs = NewFilled(n, long.MinValue);
        _rejectCount = new int[n];
        _stormLevel = new int[n];
        _pausedUntilMs = NewFilled(n, long.MinValue);
        _lastRejectMs = NewFilled(n, long.MinValue);
    }

    /// <summary>The settings.</summary>
    public MutationBudgetOptions Options => _options;

    /// <summary>Times the circuit breaker tripped.</summary>
    public long CircuitBreakerTrips { get; private set; }

    /// <summary>Storm pauses started, over all markets.</summary>
    public long MarketPauses { get; private set; }

    /// <summary>True while the circuit breaker stops all new orders.</summary>
    public bool IsCircuitBreakerOpen(long nowMs) => nowMs < _breakerUntilMs;

    /// <summary>When the market's storm pause ends (unix ms), or <see cref="long.MinValue"/> when it never paused.</summary>
    public long PausedUntilMs(int marketIndex) => marketIndex < _pausedUntilMs.Length ? _pausedUntilMs[marketIndex] : long.MinValue;

    /// <summary>Storms the market has had since its last clean period (the next pause is FirstPauseMs x 2^level).</summary>
    public int StormLevel(int marketIndex, long nowMs)
    {
        if (marketIndex >= _stormLevel.Length) return 0;
        ApplyCleanPeriod(marketIndex, nowMs);
        return _stormLevel[marketIndex];
    }

    /// <summary>Rejects counted toward the market's next pause.</summary>
    public int RejectCount(int marketIndex) => marketIndex < _rejectCount.Length ? _rejectCount[marketIndex] : 0;

    /// <summary>What the venue accepts now, as learned from its replies.</summary>
    public VenueMode Mode(long nowMs)
    {
        if (nowMs < _tradingDisabledUntilMs) return VenueMode.TradingDisabled;
        if (nowMs < _cancelOnlyUntilMs) return VenueMode.CancelOnly;
        if (nowMs < _backoffUntilMs) return VenueMode.Backoff;
        if (nowMs < _postOnlyUntilMs) return VenueMode.PostOnly;
        return VenueMode.Normal;
    }

    /// <summary>
    /// Whether a new order (place or replace) of the market may go now; does not change state.
    /// Order of checks: circuit breaker, venue mode, storm pause, rate-limit headers, global budget, market cooldown.
    /// </summary>
    public GateRejectReason Check(int marketIndex, bool postOnly, long nowMs)
    {
        if (nowMs < _breakerUntilMs) return GateRejectReason.CircuitBreaker;
        if (nowMs < _tradingDisabledUntilMs || nowMs < _cancelOnlyUntilMs) return GateRejectReason.VenueCancelOnly;
        if (nowMs < _backoffUntilMs) return GateRejectReason.VenueBackoff;
        if (!postOnly && nowMs < _postOnlyUntilMs) return GateRejectReason.VenuePostOnlyMode;
        EnsureMarket(marketIndex);
        if (nowMs < _pausedUntilMs[marketIndex]) return GateRejectReason.RejectStormPause;
        if (RateLimitHolds(nowMs)) return GateRejectReason.MutationBudget;
        if (_mutations.IsFull(nowMs)) return GateRejectReason.MutationBudget;
        long last = _lastMutationMs[marketIndex];
        if (last != long.MinValue && nowMs - last < _options.MarketCooldownMs) return GateRejectReason.MutationBudget;
        return GateRejectReason.None;
    }

    /// <summary>Records a mutation that was approved and is being sent.</summary>
    public void Commit(int marketIndex, long nowMs)
    {
        EnsureMarket(marketIndex);
        _mutations.Add(nowMs);
        _lastMutationMs[marketIndex] = nowMs;
        _lastCommitMs = nowMs;
        if (_rateLimitRemaining > 0) _rateLimitRemaining--;
    }

    /// <summary>
    /// The venue rejected one of the market's orders (a 400 with a reason, not a venue mode): counts toward the
    /// market's storm pause and the global circuit breaker.
    /// </summary>
    public RejectOutcome OnOrderRejected(int marketIndex, long nowMs)
    {
        EnsureMarket(marketIndex);
        ApplyCleanPeriod(marketIndex, nowMs);
        _lastRejectMs[marketIndex] = nowMs;

        _rejects.Add(nowMs);
        if (nowMs >= _breakerUntilMs && _rejects.IsFull(nowMs))
        {
            _breakerUntilMs = nowMs + _options.CircuitBreakerPauseMs;
            _rejects.Clear();
            CircuitBreakerTrips++;
            CountTowardPause(marketIndex, nowMs);
            return RejectOutcome.CircuitBreakerTripped;
        }

        return CountTowardPause(marketIndex, nowMs) ? RejectOutcome.MarketPaused : RejectOutcome.Counted;
    }

    /// <summary>An order was accepted: the venue is healthy again, so self-chosen backoffs start from the first step.</summary>
    public void OnOrderAccepted(long nowMs)
    {
        _rateLimitedStreak = 0;
        _restartStreak = 0;
    }

    /// <summary>429: back off globally for the retry hint when there is one (honoured in full), else 1 s, 2 s, 4 s... capped.</summary>
    /// <param name="nowMs">Engine time.</param>
    /// <param name="retryAfterMs">The Retry-After hint in ms, or a negative value when absent.</param>
    public void OnRateLimited(long nowMs, long retryAfterMs)
    {
        long wait = retryAfterMs >= 0 ? retryAfterMs : Escalate(ref _rateLimitedStreak);
        if (retryAfterMs >= 0) _rateLimitedStreak++;
        ExtendTo(ref _backoffUntilMs, nowMs + wait);
    }

    /// <summary>425: the matching engine restarts. Back off (1 s, 2 s, 4 s... or the hint), then only post-only orders for the post-only window.</summary>
    public void OnEngineRestarting(long nowMs, long retryAfterMs)
    {
        long wait = Escalate(ref _restartStreak);
        if (retryAfterMs > wait) wait = retryAfterMs;
        ExtendTo(ref _backoffUntilMs, nowMs + wait);
        ExtendTo(ref _postOnlyUntilMs, _backoffUntilMs + _options.PostOnlyWindowMs);
    }

    /// <summary>503 post-only mode: only post-only orders until the hint (or the post-only window) has passed.</summary>
    public void OnPostOnlyMode(long nowMs, long retryAfterMs) =>
        ExtendTo(ref _postOnlyUntilMs, nowMs + (retryAfterMs >= 0 ? retryAfterMs : _options.PostOnlyWindowMs));

    /// <summary>503 cancel-only: no new orders until the probe interval has passed (then one may test the mode).</summary>
    public void OnCancelOnlyMode(long nowMs) => ExtendTo(ref _cancelOnlyUntilMs, nowMs + _options.VenueModeProbeMs);

    /// <summary>503 trading disabled: no new orders until the probe interval has passed.</summary>
    public void OnTradingDisabled(long nowMs) => ExtendTo(ref _tradingDisabledUntilMs, nowMs + _options.VenueModeProbeMs);

    /// <summary>
    /// The Poly-RateLimit headers of any reply: with few tokens left, the remaining ones are spread until the reset;
    /// with none, new orders wait for the reset. Absent headers change nothing.
    /// </summary>
    public void OnRateLimitHeaders(long? remaining, long? resetUnixSeconds, long nowMs)
    {
        if (remaining is null) return;
        _rateLimitRemaining = Math.Max(0, remaining.Value);
        _rateLimitResetMs = resetUnixSeconds is long reset ? reset * 1000 : nowMs + 1_000;
    }

    private bool RateLimitHolds(long nowMs)
    {
        if (_rateLimitRemaining < 0 || _rateLimitRemaining > _options.SlowDownRemaining || nowMs >= _rateLimitResetMs) return false;
        if (_rateLimitRemaining == 0) return true;
        // Spread what is left evenly over the time to the reset.
        long spacing = (_rateLimitResetMs - nowMs) / (_rateLimitRemaining + 1);
        return _lastCommitMs != long.MinValue && nowMs - _lastCommitMs < spacing;
    }

    private bool CountTowardPause(int m, long nowMs)
    {
        if (++_rejectCount[m] < _options.RejectsBeforePause) return false;
        int level = _stormLevel[m];
        long pause = level >= 30 ? _options.MaxPauseMs : Math.Min(_options.MaxPauseMs, _options.FirstPauseMs << level);
        ExtendTo(ref _pausedUntilMs[m], nowMs + pause);
        _stormLevel[m] = level + 1;
        _rejectCount[m] = 0;
        MarketPauses++;
        return true;
    }

    private void ApplyCleanPeriod(int m, long nowMs)
    {
        long lastTrouble = Math.Max(_lastRejectMs[m], _pausedUntilMs[m]);
        if (lastTrouble != long.MinValue && nowMs - lastTrouble >= _options.CleanPeriodMs)
        {
            _stormLevel[m] = 0;
            _rejectCount[m] = 0;
        }
    }

    private long Escalate(ref int streak)
    {
        int s = streak++;
        return s >= 30 ? _options.MaxVenueBackoffMs : Math.Min(_options.MaxVenueBackoffMs, _options.FirstVenueBackoffMs << s);
    }

    private static void ExtendTo(ref long until, long value)
    {
        if (value > until) until = value;
    }

    private void EnsureMarket(int marketIndex)
    {
        if ((uint)marketIndex < (uint)_lastMutationMs.Length) return;
        if (marketIndex < 0) ThrowHelper.NegativeMarket(marketIndex);
        Grow(marketIndex);
    }

    private void Grow(int marketIndex)
    {
        int n = Math.Max(marketIndex + 1, _lastMutationMs.Length * 2);
        _lastMutationMs = GrowTo(_lastMutationMs, n, long.MinValue);
        _pausedUntilMs = GrowTo(_pausedUntilMs, n, long.MinValue);
        _lastRejectMs = GrowTo(_lastRejectMs, n, long.MinValue);
        Array.Resize(ref _rejectCount, n);
        Array.Resize(ref _stormLevel, n);
    }

    private static long[] GrowTo(long[] old, int n, long fill)
    {
        var a = NewFilled(n, fill);
        old.CopyTo(a, 0);
        return a;
    }

    private static long[] NewFilled(int n, long fill)
    {
        var a = new long[n];
        a.AsSpan().Fill(fill);
        return a;
    }

    private static class ThrowHelper
    {
        public static void NegativeMarket(int marketIndex) =>
            throw new ArgumentOutOfRangeException(nameof(marketIndex), marketIndex, "marketIndex must not be negative.");
    }
}
