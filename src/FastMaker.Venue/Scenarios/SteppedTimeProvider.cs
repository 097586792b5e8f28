namespace FastMaker.Venue.Scenarios;

/// <summary>
/// A clock that moves only when told to: scenario runs in fake time (tests, replays, benchmarks).
/// Timers are not supported; the scenario runner drives everything from <see cref="Advance"/>.
/// </summary>
public sealed class SteppedTimeProvider : TimeProvider
{
    private DateTimeOffset _now;

    /// <summary>Starts the clock at <paramref name="start"/>.</summary>
    public SteppedTimeProvider(DateTimeOffset start) => _now = start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock forward by <paramref name="delta"/> (not backward).</summary>
    public void Advance(TimeSpan delta)
    {
        if (delta < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(delta), "time never goes backward");
        _now += delta;
    }

    /// <summary>Sets the clock to <paramref name="time"/>, which must not be earlier than now.</summary>
    public void SetTo(DateTimeOffset time)
    {
        if (time < _now)
            throw new ArgumentOutOfRangeException(nameof(time), "time never goes backward");
        _now = time;
    }
}
