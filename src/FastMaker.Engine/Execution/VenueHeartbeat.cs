using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Rest.Clob;

namespace FastMaker.Engine.Execution;

/// <summary>
/// Keeps the venue's dead-man switch alive: <c>POST /v1/heartbeats</c> every interval (5 s) with the chained id the
/// venue returned last. If FastMaker dies or hangs, the venue stops hearing us and cancels every order of our API key
/// within about 10 s. Runs on its own timer, never on the engine thread, so a busy engine cannot starve it.
/// </summary>
/// <remarks>
/// On "Invalid Heartbeat ID" the venue's reply names the id it expects: adopt it and send again at once (one
/// immediate resync per beat, so a confused venue cannot make us spin). Other failures are counted and retried on
/// the next beat. <see cref="Lapsed"/> raises when no heartbeat succeeded for longer than the venue's deadline, which
/// means the venue has probably cancelled our orders: the engine must pull quotes and reconcile.
/// </remarks>
public sealed class VenueHeartbeat : IAsyncDisposable
{
    private readonly Func<string?, CancellationToken, Task<ApiResult<HeartbeatMessage>>> _post;
    private readonly TimeProvider _time;
    private readonly VenueHeartbeatOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _beatLock = new(1, 1);
    private ITimer? _timer;
    private string? _heartbeatId;
    private long _lastSuccessTicks;
    private bool _lapsedReported;

    /// <summary>Creates a heartbeat over a CLOB client.</summary>
    public VenueHeartbeat(ClobClient client, VenueHeartbeatOptions? options = null, TimeProvider? time = null)
        : this((id, ct) => client.PostHeartbeatAsync(id, ct), options, time)
    {
    }

    /// <summary>Creates a heartbeat over any post function (tests, other transports).</summary>
    public VenueHeartbeat(
        Func<string?, CancellationToken, Task<ApiResult<HeartbeatMessage>>> post,
        VenueHeartbeatOptions? options = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(post);
        _post = post;
        _options = options ?? new VenueHeartbeatOptions();
        if (_options.Interval <= TimeSpan.Zero || _options.Interval >= _options.VenueDeadline)
        {
            throw new ArgumentException(
                $"Interval ({_options.Interval}) must be positive and shorter than VenueDeadline ({_options.VenueDeadline})", nameof(options));
        }

        _time = time ?? TimeProvider.System;
    }

    /// <summary>Raised (on the timer thread) when no heartbeat succeeded within the venue's deadline.</summary>
    public event Action<VenueHeartbeatLapse>? Lapsed;

    /// <summary>Raised (on the timer thread) after a heartbeat succeeds again following a lapse.</summary>
    public event Action? Recovered;

    /// <summary>Heartbeats the venue accepted.</summary>
    public long Succeeded => Interlocked.Read(ref _succeeded);

    /// <summary>Heartbeats that failed (any reason, including an id mismatch).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Times the venue corrected our chained id.</summary>
    public long Resyncs => Interlocked.Read(ref _resyncs);

    /// <summary>The last error, for status displays.</summary>
    public ApiError? LastError { get; private set; }

    /// <summary>The id the next heartbeat will carry (empty before the first).</summary>
    public string? CurrentId => Volatile.Read(ref _heartbeatId);

    private long _succeeded;
    private long _failed;
    private long _resyncs;

    /// <summary>Sends the first heartbeat now and then one every <see cref="VenueHeartbeatOptions.Interval"/>.</summary>
    public void Start()
    {
        if (_timer is not null)
        {
            throw new InvalidOperationException("the heartbeat is already started");
        }

        Interlocked.Exchange(ref _lastSuccessTicks, _time.GetTimestamp());
        _timer = _time.CreateTimer(static state => _ = ((VenueHeartbeat)state!).BeatAsync(), this, TimeSpan.Zero, _options.Interval);
    }

    /// <summary>Sends one heartbeat (with at most one immediate resync). Exposed for tests and for a manual beat.</summary>
    public async Task BeatAsync()
    {
        // Beats are sequential: the chained id of one is the input of the next.
        if (!await _beatLock.WaitAsync(0).ConfigureAwait(false))
        {
            return;
        }

        try
        {
            var result = await SendAsync().ConfigureAwait(false);
            if (!result.IsSuccess && result.Error!.Kind == ApiErrorKind.InvalidHeartbeatId && result.Error.ExpectedHeartbeatId is not null)
            {
                Interlocked.Increment(ref _resyncs);
                Volatile.Write(ref _heartbeatId, result.Error.ExpectedHeartbeatId);
                result = await SendAsync().ConfigureAwait(false);
            }

            CheckLapse();
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            _beatLock.Release();
        }
    }

    private async Task<ApiResult<HeartbeatMessage>> SendAsync()
    {
        ApiResult<HeartbeatMessage> result;
        try
        {
            result = await _post(Volatile.Read(ref _heartbeatId), _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stop.IsCancellationRequested)
        {
            // A transport that throws must not kill the timer: the dead-man switch is the last line of defence.
            result = ApiResult<HeartbeatMessage>.Failure(new ApiError(ApiErrorKind.NetworkError, null, ex.Message), default);
        }

        if (result.IsSuccess)
        {
            Interlocked.Increment(ref _succeeded);
            Volatile.Write(ref _heartbeatId, result.Value?.HeartbeatId ?? string.Empty);
            Interlocked.Exchange(ref _lastSuccessTicks, _time.GetTimestamp());
            if (_lapsedReported)
            {
                _lapsedReported = false;
                Recovered?.Invoke();
            }
        }
        else
        {
            Interlocked.Increment(ref _failed);
            LastError = result.Error;
        }

        return result;
    }

    private void CheckLapse()
    {
        var silent = _time.GetElapsedTime(Interlocked.Read(ref _lastSuccessTicks));
        if (silent >= _options.VenueDeadline && !_lapsedReported)
        {
            _lapsedReported = true;
            Lapsed?.Invoke(new VenueHeartbeatLapse(silent, LastError));
        }
    }

    /// <summary>Stops the timer; the venue will cancel our orders after its deadline unless another keeper takes over.</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_timer is not null)
        {
            await _timer.DisposeAsync().ConfigureAwait(false);
        }

        await _beatLock.WaitAsync().ConfigureAwait(false);
        _beatLock.Release();
        _stop.Dispose();
    }
}

/// <summary>Heartbeat settings.</summary>
public sealed class VenueHeartbeatOptions
{
    /// <summary>Time between heartbeats. Default 5 s (the venue cancels after 10 s of silence).</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The venue's deadline: silence this long means our orders are probably cancelled. Default 10 s.</summary>
    public TimeSpan VenueDeadline { get; init; } = TimeSpan.FromSeconds(10);
}

/// <summary>A lapse of the dead-man switch: how long the venue has not heard us, and the last error.</summary>
public readonly record struct VenueHeartbeatLapse(TimeSpan Silence, ApiError? LastError);
