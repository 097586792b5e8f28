using System.Collections.Concurrent;
using FastMaker.Engine;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Quoting;
using FastMaker.Primitives;

namespace FastMaker.Integration.Tests;

/// <summary>One intent the engine produced, with the event that caused it.</summary>
internal readonly record struct IntentEntry(long EventOrdinal, InboundKind EventKind, long NowMs, OrderIntent Intent);

/// <summary>
/// The engine's observer (<see cref="EngineCore.Observer"/>), on the engine thread after every event: copies the event's intents (the engine's <see cref="IntentBuffer"/>,
/// cleared before each event) into a log the test reads, acts as an instantly acknowledging order stage (a Place
/// becomes a live order, a Cancel or CancelAll removes it, a Replace swaps it) so that the quote differ sees live orders
/// and pulling a quote shows up as a Cancel intent, and runs probes queued by the test thread.
/// </summary>
internal sealed class MarketDataTap : IEngineObserver
{
    private readonly object _lock = new();
    private readonly List<IntentEntry> _log = new();
    private readonly List<(long Ordinal, ConnectionState State)> _connections = new();
    private readonly ConcurrentQueue<Action<EngineCore>> _probes = new();
    private long _events;
    private long _nextOrder;

    public MarketDataTap(int tokenCapacity) => Live = new LiveOrderTable(tokenCapacity, perToken: 16);

    /// <summary>Our "resting orders" as the instant-ack order stage sees them (engine thread only).</summary>
    public LiveOrderTable Live { get; }

    /// <summary>Events handled.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <summary>A copy of every intent so far.</summary>
    public List<IntentEntry> Intents()
    {
        lock (_lock)
        {
            return [.. _log];
        }
    }

    /// <summary>Every connection status event the engine handled, with its event ordinal.</summary>
    public List<(long Ordinal, ConnectionState State)> ConnectionEvents()
    {
        lock (_lock)
        {
            return [.. _connections];
        }
    }

    /// <summary>Intents logged so far.</summary>
    public int IntentCount
    {
        get
        {
            lock (_lock)
            {
                return _log.Count;
            }
        }
    }

    /// <summary>Queues a probe to run on the engine thread after the next event.</summary>
    public void Enqueue(Action<EngineCore> probe) => _probes.Enqueue(probe);

    public void AfterEvent(EngineCore engine, ref InboundEvent e)
    {
        var ordinal = Interlocked.Increment(ref _events);
        if (e.Kind == InboundKind.ConnectionStatus)
        {
            lock (_lock)
            {
                _connections.Add((ordinal, e.Payload.Connection.State));
            }
        }

        var intents = engine.Intents.AsSpan();
        if (intents.Length > 0)
        {
            lock (_lock)
            {
                foreach (ref readonly var intent in intents)
                {
                    _log.Add(new IntentEntry(ordinal, e.Kind, engine.NowMs, intent));
                }
            }

            foreach (ref readonly var intent in intents)
            {
                Apply(engine, in intent);
            }
        }

        while (_probes.TryDequeue(out var probe))
        {
            probe(engine);
        }
    }

    private void Apply(EngineCore engine, in OrderIntent intent)
    {
        switch (intent.Kind)
        {
            case IntentKind.Place:
                Live.Upsert(NewOrder(in intent));
                break;
            case IntentKind.Cancel:
                Live.Remove(intent.TokenIndex, intent.TargetOrderId);
                break;
            case IntentKind.Replace:
                Live.Remove(intent.TokenIndex, intent.TargetOrderId);
                Live.Upsert(NewOrder(in intent));
                break;
            case IntentKind.CancelAll:
                for (var m = 0; m < engine.Registry.MarketCount; m++)
                {
                    if (intent.MarketIndex < 0 || intent.MarketIndex == m)
                    {
                        var market = engine.Registry.Market(m);
                        RemoveAll(market.YesIndex);
                        RemoveAll(market.NoIndex);
                    }
                }

                break;
        }
    }

    private void RemoveAll(int token)
    {
        Span<LiveOrderView> orders = stackalloc LiveOrderView[16];
        var count = Live.CopyLiveOrders(token, orders);
        for (var i = 0; i < count; i++)
        {
            Live.Remove(token, orders[i].OrderId);
        }
    }

    private LiveOrderView NewOrder(in OrderIntent intent)
    {
        Span<byte> id = stackalloc byte[32];
        BitConverter.TryWriteBytes(id, ++_nextOrder);
        return new LiveOrderView(Hash32.FromBytes(id), intent.TokenIndex, intent.Side, intent.Price, intent.Size, intent.Size, false);
    }
}
