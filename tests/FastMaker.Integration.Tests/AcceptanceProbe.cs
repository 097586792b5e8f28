using FastMaker.Engine;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Primitives;

namespace FastMaker.Integration.Tests;

/// <summary>One of our orders as the engine saw it at a snapshot.</summary>
internal readonly record struct ProbeOrder(
    Hash32 Id, OrderState State, OrderOrigin Origin, int MarketIndex, int TokenIndex, Side Side, Price Price, Quantity OriginalSize, Quantity Filled)
{
    public long RemainingRaw => State.IsOpen() ? OriginalSize.Raw - Filled.Raw : 0;
}

/// <summary>The engine's money and order state at one event, copied on the engine thread.</summary>
internal sealed record ProbeSnapshot(
    long Sequence,
    long ReservedCollateral,
    int ReservedOrders,
    long Collateral,
    long PendingCollateral,
    long AvailableCollateral,
    long[] Shares,
    ProbeOrder[] Orders,
    long IntentsApproved,
    long IntentsRejected,
    bool KillSwitchOn,
    string GateRejects,
    string MarketStates,
    long[] PausedUntilMs,
    long[] VenueRejects,
    long CircuitBreakerTrips,
    long EmergencyCancelAlls,
    long CircuitBreakerGateRejects)
{
    public IEnumerable<ProbeOrder> Open => Orders.Where(o => o.State.IsOpen());

    /// <summary>True when the gate sees every market Active (the first housekeeping tick syncs it after start).</summary>
    public bool AllMarketsActive => MarketStates.Length > 0 && MarketStates.Split(',').All(p => p.EndsWith(":Active", StringComparison.Ordinal));
}

/// <summary>
/// An engine observer for the acceptance tests: after every non-market-data event it publishes a copy of the
/// engine's orders, reservations and balances (allocating: tests only), and keeps the copy taken right after the
/// first reconciliation snapshot was applied.
/// </summary>
internal sealed class AcceptanceProbe : IEngineObserver
{
    private long _sequence;
    private volatile ProbeSnapshot? _latest;
    private volatile ProbeSnapshot? _afterReconcile;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Hash32, List<OrderState>> _history = new();

    public ProbeSnapshot? Latest => _latest;

    /// <summary>The engine right after the start-up reconciliation, before any other event.</summary>
    public ProbeSnapshot? AfterReconcile => _afterReconcile;

    /// <summary>Events the engine processed before the start-up reconciliation (must be 0: it is the first).</summary>
    public long EventsBeforeReconcile { get; private set; }

    public void AfterEvent(EngineCore engine, ref InboundEvent e)
    {
        var reconcile = e.Kind == InboundKind.RestReply && e.Cold is VenueOrdersSnapshot;
        if (_afterReconcile is null && !reconcile)
        {
            EventsBeforeReconcile++;
        }

        if (e.Kind is InboundKind.BookBegin or InboundKind.BookLevel or InboundKind.BookEnd or InboundKind.PriceChange or InboundKind.BestBidAsk
            or InboundKind.LastTradePrice && !reconcile && _afterReconcile is not null)
        {
            return;
        }

        var snapshot = Take(engine);
        if (reconcile && _afterReconcile is null)
        {
            _afterReconcile = snapshot;
        }

        _latest = snapshot;
    }

    /// <summary>The distinct states an order went through, in order, as seen after each event.</summary>
    public OrderState[] History(Hash32 orderId)
    {
        if (!_history.TryGetValue(orderId, out var states))
        {
            return [];
        }

        lock (states)
        {
            return [.. states];
        }
    }

    /// <summary>Polls (bounded, not a timing assertion) until <paramref name="condition"/> holds on the latest snapshot.</summary>
    public async Task<ProbeSnapshot> WaitAsync(Func<ProbeSnapshot, bool> condition, string what, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_latest is { } s && condition(s))
            {
                return s;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("waited " + timeoutSeconds + " s for: " + what + "; last snapshot: " + Describe(_latest));
    }

    public static string Describe(ProbeSnapshot? s) => s is null
        ? "none"
        : "reserved " + s.ReservedCollateral + " in " + s.ReservedOrders + " orders, collateral " + s.Collateral + " pending " + s.PendingCollateral
          + ", available " + s.AvailableCollateral + ", approved " + s.IntentsApproved + ", rejected " + s.IntentsRejected + " (" + s.GateRejects
          + "), markets " + s.MarketStates + ", kill " + s.KillSwitchOn + ", orders ["
          + string.Join("; ", s.Orders.Select(o => o.Origin + " " + o.Side + " " + o.Price + " " + o.Filled + "/" + o.OriginalSize + " " + o.State)) + "]";

    private ProbeSnapshot Take(EngineCore engine)
    {
        var orders = new List<ProbeOrder>();
        for (var slot = 0; slot < engine.Orders.Capacity; slot++)
        {
            ref readonly var o = ref engine.Orders[slot];
            if (!o.Id.IsZero)
            {
                var states = _history.GetOrAdd(o.Id, _ => new List<OrderState>());
                lock (states)
                {
                    if (states.Count == 0 || states[^1] != o.State)
                    {
                        states.Add(o.State);
                    }
                }

                orders.Add(new ProbeOrder(o.Id, o.State, o.Origin, o.MarketIndex, o.TokenIndex, o.Side, o.Price, o.OriginalSize, o.Filled));
            }
        }

        var shares = new long[engine.Registry.TokenCount];
        for (var t = 0; t < shares.Length; t++)
        {
            shares[t] = engine.Positions.Shares(t);
        }

        return new ProbeSnapshot(++_sequence, engine.Reservations.TotalCollateral, engine.Reservations.TotalOpenOrders, engine.Positions.Collateral,
            engine.Positions.PendingCollateral, engine.Risk.AvailableCollateral, shares, [.. orders], engine.IntentsApproved, engine.IntentsRejected,
            engine.Risk.KillSwitchOn, GateRejects(engine), MarketStates(engine), PerMarket(engine, (g, m) => g.Budget.PausedUntilMs(m)),
            PerMarket(engine, (g, m) => g.Stats.VenueRejects(m)), engine.Gate?.Budget.CircuitBreakerTrips ?? 0, engine.Gate?.EmergencyCancelAlls ?? 0,
            engine.Gate?.Stats.Rejects(GateRejectReason.CircuitBreaker) ?? 0);
    }

    private static long[] PerMarket(EngineCore engine, Func<ExecutionGate, int, long> read)
    {
        var values = new long[engine.Registry.MarketCount];
        if (engine.Gate is { } gate)
        {
            for (var m = 0; m < values.Length; m++)
            {
                values[m] = read(gate, m);
            }
        }

        return values;
    }

    private static string GateRejects(EngineCore engine)
    {
        if (engine.Gate is not { } gate || gate.Stats.Rejected == 0)
        {
            return "";
        }

        var parts = new List<string>();
        foreach (var reason in Enum.GetValues<GateRejectReason>())
        {
            if (gate.Stats.Rejects(reason) > 0)
            {
                parts.Add(reason + "=" + gate.Stats.Rejects(reason));
            }
        }

        return string.Join(",", parts);
    }

    private static string MarketStates(EngineCore engine)
    {
        var parts = new List<string>();
        for (var m = 0; m < engine.Registry.MarketCount; m++)
        {
            var market = engine.Registry.Market(m);
            parts.Add(m + ":" + (engine.Gate?.StateOf(m) ?? market.State) + (market.NotQuotableReason is { } r ? "(" + r + ")" : "") + (market.HaltReason is { } h ? "(" + h + ")" : ""));
        }

        return string.Join(",", parts);
    }
}
