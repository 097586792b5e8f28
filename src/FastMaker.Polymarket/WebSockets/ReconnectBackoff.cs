namespace FastMaker.Polymarket.WebSockets;

/// <summary>
/// Jittered exponential back-off: attempt n waits min(max, initial * multiplier^(n-1)), reduced by
/// a random fraction of at most <c>jitter</c> so that many clients do not reconnect in step.
/// A seed makes the sequence reproducible.
/// </summary>
public sealed class ReconnectBackoff
{
    private readonly TimeSpan _initial;
    private readonly TimeSpan _max;
    private readonly double _multiplier;
    private readonly double _jitter;
    private readonly Random _random;

    public ReconnectBackoff(TimeSpan initial, TimeSpan max, double multiplier, double jitter, int? seed)
    {
        if (initial <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(initial), "initial must be positive.");
        if (max < initial) throw new ArgumentOutOfRangeException(nameof(max), "max must be at least initial.");
        if (!(multiplier >= 1.0)) throw new ArgumentOutOfRangeException(nameof(multiplier), "multiplier must be at least 1.");
        if (!(jitter >= 0.0 && jitter <= 1.0)) throw new ArgumentOutOfRangeException(nameof(jitter), "jitter must be within [0, 1].");
        _initial = initial;
        _max = max;
        _multiplier = multiplier;
        _jitter = jitter;
        _random = seed is { } s ? new Random(s) : new Random();
    }

    /// <summary>Builds the back-off described by <paramref name="options"/>.</summary>
    public static ReconnectBackoff From(WsConnectionOptions options) => new(
        options.ReconnectInitialDelay, options.ReconnectMaxDelay, options.ReconnectMultiplier, options.ReconnectJitter, options.RandomSeed);

    /// <summary>The delay before attempt <paramref name="attempt"/> (1 = first retry). Consumes one random draw.</summary>
    public TimeSpan NextDelay(int attempt)
    {
        if (attempt < 1) throw new ArgumentOutOfRangeException(nameof(attempt), "attempt counts from 1.");
        double baseTicks = _initial.Ticks * Math.Pow(_multiplier, Math.Min(attempt - 1, 64));
        if (double.IsInfinity(baseTicks) || baseTicks > _max.Ticks) baseTicks = _max.Ticks;
        double draw;
        lock (_random) draw = _random.NextDouble();
        long ticks = (long)(baseTicks * (1.0 - _jitter * draw));
        return TimeSpan.FromTicks(Math.Max(ticks, 1));
    }
}
