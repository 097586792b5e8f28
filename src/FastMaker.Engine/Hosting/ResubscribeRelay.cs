using FastMaker.Engine.Pipeline;
using FastMaker.Polymarket.WebSockets;
using FastMaker.Ring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FastMaker.Engine.Hosting;

/// <summary>
/// Carries the engine's <see cref="ResubscribeRequest"/>s to the market feed: the engine thread only queues (no
/// allocation, no lock, no network); <see cref="RunAsync"/>, on the thread pool, turns each into
/// <see cref="MarketDataFeed.ResyncAsync"/> (an unsubscribe and subscribe of the asset on its connection, or a
/// reconnect). The snapshot the venue answers with comes back through the feed like any other frame.
/// </summary>
public sealed class ResubscribeRelay : IResubscribeSink
{
    private readonly MpscQueue<ResubscribeRequest> _queue;
    private readonly SemaphoreSlim _signal = new(0);
    private readonly ILogger _log;
    private MarketDataFeed? _feed;
    private long _queued;
    private long _dropped;
    private long _resubscribed;
    private long _reconnects;
    private long _deferred;
    private long _notSubscribed;

    /// <summary>Creates a relay with room for <paramref name="capacity"/> requests in flight (a power of two).</summary>
    public ResubscribeRelay(int capacity = 256, ILogger? log = null)
    {
        _queue = new MpscQueue<ResubscribeRequest>(capacity);
        _log = log ?? NullLogger.Instance;
    }

    /// <summary>Requests queued by the engine.</summary>
    public long Queued => Interlocked.Read(ref _queued);

    /// <summary>Requests refused because the queue was full (the engine retries after its back-off).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Resyncs done by unsubscribe and subscribe on the live socket.</summary>
    public long Resubscribed => Interlocked.Read(ref _resubscribed);

    /// <summary>Resyncs done by dropping the connection.</summary>
    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Requests that found no live session (the next session's first message resubscribes the asset).</summary>
    public long Deferred => Interlocked.Read(ref _deferred);

    /// <summary>Requests for assets no connection carries (or made before a feed was attached).</summary>
    public long NotSubscribed => Interlocked.Read(ref _notSubscribed);

    /// <summary>The feed that requests go to; before it is attached they are counted under <see cref="NotSubscribed"/>.</summary>
    public void Attach(MarketDataFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        Volatile.Write(ref _feed, feed);
        _signal.Release();
    }

    /// <inheritdoc />
    public bool TryRequestResubscribe(in ResubscribeRequest request)
    {
        if (!_queue.TryEnqueue(request))
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }

        Interlocked.Increment(ref _queued);
        // The waiter's continuation runs on the pool (SemaphoreSlim completes async waiters asynchronously).
        _signal.Release();
        return true;
    }

    /// <summary>Delivers requests until <paramref name="ct"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var ids = new List<string>();
        while (true)
        {
            await _signal.WaitAsync(ct).ConfigureAwait(false);
            ids.Clear();
            var requests = new List<ResubscribeRequest>();
            while (_queue.TryDequeue(out var request))
            {
                var id = request.AssetId.ToString();
                if (!ids.Contains(id))
                {
                    ids.Add(id);
                    requests.Add(request);
                }
            }

            if (ids.Count == 0)
            {
                continue;
            }

            var outcome = Volatile.Read(ref _feed) is { } feed ? await ResyncAsync(feed, ids).ConfigureAwait(false) : ResyncOutcome.NotSubscribed;
            Count(outcome);
            foreach (var r in requests)
            {
                _log.LogWarning("book of asset {Asset} untrusted ({Reason}), snapshot request {Attempt}: {Outcome}",
                    r.AssetId, r.Reason, r.Attempt, outcome);
            }
        }
    }

    private async Task<ResyncOutcome> ResyncAsync(MarketDataFeed feed, List<string> ids)
    {
        try
        {
            return await feed.ResyncAsync(ids).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The feed is shutting down.
            return ResyncOutcome.Deferred;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One failed resync must not end the relay: the engine asks again after its back-off.
            _log.LogError(e, "resync of {Count} asset(s) failed", ids.Count);
            return ResyncOutcome.Deferred;
        }
    }

    private void Count(ResyncOutcome outcome)
    {
        switch (outcome)
        {
            case ResyncOutcome.Resubscribed:
                Interlocked.Increment(ref _resubscribed);
                break;
            case ResyncOutcome.Reconnecting:
                Interlocked.Increment(ref _reconnects);
                break;
            case ResyncOutcome.Deferred:
                Interlocked.Increment(ref _deferred);
                break;
            default:
                Interlocked.Increment(ref _notSubscribed);
                break;
        }
    }
}
