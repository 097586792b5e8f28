namespace FastMaker.Engine.Pipeline;

/// <summary>
/// Produces the engine's timers: each schedule entry fires periodically on a <see cref="TimeProvider"/> timer and
/// enqueues a <see cref="InboundKind.Timer"/> control item stamped with the due time and the time it fired. The engine
/// never reads a clock; with a fake TimeProvider the timers are driven by the test.
/// </summary>
public sealed class TimerSource : IDisposable
{
    private readonly IControlSink _sink;
    private readonly TimeProvider _time;
    private readonly List<ITimer> _timers = new();
    private long _dropped;

    /// <summary>Creates the timers; they start at once.</summary>
    /// <param name="sink">Where timer items go (the pipeline).</param>
    /// <param name="time">The clock.</param>
    /// <param name="schedule">Each timer and its period (positive).</param>
    public TimerSource(IControlSink sink, TimeProvider time, IReadOnlyList<(TimerKind Kind, TimeSpan Period)> schedule)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(schedule);
        _sink = sink;
        _time = time;
        foreach (var (kind, period) in schedule)
        {
            if (period <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(schedule), period, "timer " + kind + ": the period must be positive");
            }
        }

        foreach (var (kind, period) in schedule)
        {
            var entry = new Entry(this, kind, (long)period.TotalMilliseconds, time.GetUtcNow().ToUnixTimeMilliseconds());
            _timers.Add(time.CreateTimer(static state => ((Entry)state!).Fire(), entry, period, period));
        }
    }

    /// <summary>The default schedule: housekeeping 250 ms, venue heartbeat 5 s, reconcile 60 s, metadata refresh 10 min.</summary>
    public static IReadOnlyList<(TimerKind Kind, TimeSpan Period)> DefaultSchedule { get; } =
    [
        (TimerKind.Housekeeping, TimeSpan.FromMilliseconds(250)),
        (TimerKind.VenueHeartbeat, TimeSpan.FromSeconds(5)),
        (TimerKind.Reconcile, TimeSpan.FromSeconds(60)),
        (TimerKind.MetadataRefresh, TimeSpan.FromMinutes(10)),
    ];

    /// <summary>Timer items dropped because the control queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }
    }

    private sealed class Entry(TimerSource owner, TimerKind kind, long periodMs, long startMs)
    {
        private long _nextDueMs = startMs + periodMs;

        public void Fire()
        {
            var now = owner._time.GetUtcNow().ToUnixTimeMilliseconds();
            var due = _nextDueMs;
            _nextDueMs += periodMs;
            if (!owner._sink.EnqueueControl(ControlItem.ForTimer(kind, due, now)))
            {
                Interlocked.Increment(ref owner._dropped);
            }
        }
    }
}
