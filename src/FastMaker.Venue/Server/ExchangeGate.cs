using System.Collections.Concurrent;
using FastMaker.Primitives;
using FastMaker.Venue.Api;
using FastMaker.Venue.Matching;
using FastMaker.Venue.WebSockets;

namespace FastMaker.Venue.Server;

/// <summary>
/// Serializes every engine call behind one lock (the engine is single-threaded) and flushes the collected
/// market-channel changes after each call. A timer drives settlement and expiry between requests.
/// </summary>
internal sealed class ExchangeGate : IMarketSnapshotSource, IDisposable
{
    private readonly object _lock = new();
    private readonly ConcurrentDictionary<UInt256, VenueMarket> _marketByToken = new();
    private MatchingEngine? _engine;
    private ExchangeEventPublisher? _publisher;
    private ITimer? _dueTimer;
    private Flow.ScenarioRunner? _runner;
    private TimeProvider _time = TimeProvider.System;

    public MatchingEngine Engine => _engine ?? throw new InvalidOperationException("engine not attached");
    public object Lock => _lock;

    public void Attach(MatchingEngine engine, ExchangeEventPublisher publisher, TimeProvider time, TimeSpan duePeriod, Flow.ScenarioRunner? runner = null)
    {
        _engine = engine;
        _runner = runner;
        _time = time;
        _publisher = publisher;
        RefreshMarkets();
        _dueTimer = time.CreateTimer(static s => ((ExchangeGate)s!).ProcessDue(), this, duePeriod, duePeriod);
    }

    /// <summary>Market of a token, from a concurrent map so that signature checks run outside the lock.</summary>
    public bool TryGetMarket(UInt256 token, out VenueMarket market)
    {
        if (_marketByToken.TryGetValue(token, out market!)) return true;
        RefreshMarkets();
        return _marketByToken.TryGetValue(token, out market!);
    }

    public void RefreshMarkets()
    {
        lock (_lock)
        {
            foreach (var m in Engine.Markets)
            {
                _marketByToken[m.YesToken] = m;
                _marketByToken[m.NoToken] = m;
            }
        }
    }

    public SubmitResult Submit(in OrderRequest request)
    {
        lock (_lock)
        {
            var result = Engine.Submit(in request);
            _publisher!.Flush();
            return result;
        }
    }

    /// <summary>Runs <paramref name="action"/> on the engine under the lock, then flushes events.</summary>
    public T Run<TState, T>(TState state, Func<MatchingEngine, TState, T> action)
    {
        lock (_lock)
        {
            var result = action(Engine, state);
            _publisher!.Flush();
            return result;
        }
    }

    public void SubscribeWithSnapshot<TState>(string assetId, TState state, Action<TState, byte[]?> subscribe)
    {
        // Under the engine lock, where every change is published: nothing slips between the snapshot and the subscription.
        lock (_lock)
        {
            var book = UInt256.TryParse(assetId.AsSpan(), out var token) ? Engine.GetBook(token) : null;
            subscribe(state, book is null ? null : Wire.ToBytes(book, static (w, b) => Wire.Book(w, b, asEvent: true)));
        }
    }

    private void ProcessDue()
    {
        if (_engine is null) return;
        lock (_lock)
        {
            // Scenario flow agents act on the same lock as client orders, so the engine stays single-threaded.
            _runner?.RunUntil(_time.GetUtcNow());
            _engine.ProcessDue();
            _publisher!.Flush();
        }
    }

    public void Dispose() => _dueTimer?.Dispose();
}
