using System.Collections.Concurrent;

namespace FastMaker.Venue.Server;

/// <summary>
/// The dead-man switch behind POST /v1/heartbeats: chained ids per API key; once the first heartbeat is
/// accepted, silence longer than the timeout cancels every order of that key. Checked on a timer, so
/// cancellation can lag by up to one check interval, as on the reference.
/// </summary>
public sealed class HeartbeatRegistry : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly Action<string> _cancelAll;
    private readonly ConcurrentDictionary<string, Registration> _registrations = new(StringComparer.Ordinal);
    private readonly ITimer _timer;
    private long _counter;

    /// <summary>Starts the periodic check; <paramref name="cancelAll"/> is called with the API key whose heartbeat lapsed.</summary>
    public HeartbeatRegistry(TimeProvider time, TimeSpan timeout, TimeSpan checkInterval, Action<string> cancelAll)
    {
        _time = time;
        _timeout = timeout;
        _cancelAll = cancelAll;
        _timer = time.CreateTimer(static s => ((HeartbeatRegistry)s!).Check(), this, checkInterval, checkInterval);
    }

    /// <summary>API keys whose heartbeat lapsed and whose orders were cancelled, in order (for tests and logs).</summary>
    public ConcurrentQueue<string> Expired { get; } = new();

    /// <summary>
    /// Accepts <paramref name="heartbeatId"/> if it is the expected one (empty starts a chain); returns the next id,
    /// or false with the id the client should have sent.
    /// </summary>
    public bool TryBeat(string apiKey, string? heartbeatId, out string nextOrExpected)
    {
        long now = _time.GetTimestamp();
        while (true)
        {
            if (!_registrations.TryGetValue(apiKey, out var current))
            {
                if (!string.IsNullOrEmpty(heartbeatId)) { nextOrExpected = ""; return false; }
                var fresh = new Registration(NewId(), now);
                if (_registrations.TryAdd(apiKey, fresh)) { nextOrExpected = fresh.ExpectedId; return true; }
                continue;
            }
            if (!string.Equals(current.ExpectedId, heartbeatId, StringComparison.Ordinal))
            {
                nextOrExpected = current.ExpectedId;
                return false;
            }
            var next = new Registration(NewId(), now);
            if (_registrations.TryUpdate(apiKey, next, current)) { nextOrExpected = next.ExpectedId; return true; }
        }
    }

    /// <summary>Runs one check now (the timer calls this; tests may too).</summary>
    public void Check()
    {
        long now = _time.GetTimestamp();
        foreach (var pair in _registrations)
        {
            if (_time.GetElapsedTime(pair.Value.LastBeat, now) <= _timeout) continue;
            if (!_registrations.TryRemove(pair)) continue;
            Expired.Enqueue(pair.Key);
            _cancelAll(pair.Key);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private string NewId()
    {
        long n = Interlocked.Increment(ref _counter);
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, n);
        BitConverter.TryWriteBytes(bytes[8..], _time.GetTimestamp());
        return new Guid(bytes).ToString("D");
    }

    private sealed record Registration(string ExpectedId, long LastBeat);
}
