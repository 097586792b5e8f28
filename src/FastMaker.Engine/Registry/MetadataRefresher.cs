using Microsoft.Extensions.Logging;

namespace FastMaker.Engine.Registry;

/// <summary>
/// Runs the metadata fetch on a timer (default every 10 minutes), off the engine thread, and hands each result to
/// <c>publish</c>, which enqueues it for the ingress thread to publish as a
/// <see cref="Pipeline.InboundKind.MetadataRefresh"/> event (the engine applies it; it never reads this object here).
/// A failed fetch is logged and retried at the next tick; it never stops the loop.
/// </summary>
public sealed class MetadataRefresher
{
    /// <summary>The default refresh period.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromMinutes(10);

    private static readonly Action<ILogger, Exception?> LogFailed =
        LoggerMessage.Define(LogLevel.Error, new EventId(5104, "MetadataFetchFailed"), "metadata fetch failed; retrying at the next refresh");

    private readonly IMetadataSource _source;
    private readonly Action<MetadataRefresh> _publish;
    private readonly TimeSpan _period;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the refresher.</summary>
    /// <param name="source">The fetch.</param>
    /// <param name="publish">Hands a result to the ingress (thread-safe: called from the refresher's task).</param>
    /// <param name="period">Time between fetches; null for <see cref="DefaultPeriod"/>.</param>
    /// <param name="timeProvider">Clock of the timer; null for the system clock.</param>
    /// <param name="logger">Fetch failures; null for none.</param>
    public MetadataRefresher(IMetadataSource source, Action<MetadataRefresh> publish, TimeSpan? period = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(publish);
        var p = period ?? DefaultPeriod;
        if (p <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), p, "period must be positive");
        }

        _source = source;
        _publish = publish;
        _period = p;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    }

    /// <summary>Fetches that published a result.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Fetches that threw.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    private long _published;
    private long _failures;

    /// <summary>Fetches once at once, then once per period, until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(_period, _time);
        do
        {
            await FetchOnceAsync(ct).ConfigureAwait(false);
        }
        while (await WaitAsync(timer, ct).ConfigureAwait(false));
    }

    /// <summary>One fetch and publish; failures are logged and counted, never thrown (except cancellation).</summary>
    public async Task FetchOnceAsync(CancellationToken ct)
    {
        MetadataRefresh refresh;
        try
        {
            refresh = await _source.FetchAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // Counters are read by other threads (status, tests).
            Interlocked.Increment(ref _failures);
            LogFailed(_logger, ex);
            return;
        }

        _publish(refresh);
        Interlocked.Increment(ref _published);
    }

    private static async ValueTask<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
