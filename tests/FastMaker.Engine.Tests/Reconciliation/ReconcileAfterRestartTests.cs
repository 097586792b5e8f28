using FastMaker.Engine.Reconciliation;
using FastMaker.Engine.Store;
using FastMaker.Engine.Tests.Store;
using FastMaker.Primitives;
using Microsoft.Extensions.Logging;

namespace FastMaker.Engine.Tests.Reconciliation;

public sealed class ReconcileAfterRestartTests
{
    private sealed class ListLogger : ILogger
    {
        public List<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add(logLevel + " " + formatter(state, exception));
    }

    [Fact]
    public void Restart_LoadsStore_ReconcilesThreeLiveOrders_WritesCorrections_ThenReconcilesClean()
    {
        using var dir = new TempStorePath();
        var live1 = CrashStream.Order(2, filled: false);                     // BUY 100 @ 0.03
        var live2 = CrashStream.Order(3, filled: false);                     // SELL 100 @ 0.04
        var live3 = CrashStream.Order(4, filled: false);                     // BUY 100 @ 0.05, partly filled while we were down
        var gone = CrashStream.Order(6, filled: false);                      // BUY, cancelled at the venue while we were down
        using (var store = SqliteStore.Open(dir.File))
        {
            // Before the crash: four live orders, reservations never written.
            store.ApplyGroups([StoreChange.Of(live1), StoreChange.Of(live2), StoreChange.Of(live3), StoreChange.Of(gone)], 1);
        }

        var venueOrders = new[]
        {
            new VenueOrder(live1.OrderId, live1.TokenId, live1.MarketId, live1.Side, live1.Price, live1.OriginalSize, Quantity.Zero),
            new VenueOrder(live2.OrderId, live2.TokenId, live2.MarketId, live2.Side, live2.Price, live2.OriginalSize, Quantity.Zero),
            new VenueOrder(live3.OrderId, live3.TokenId, live3.MarketId, live3.Side, live3.Price, live3.OriginalSize, Quantity.FromRaw(40_000_000)),
        };
        var trades = new[]
        {
            new VenueTradeLeg(CrashStream.TradeId(4), live3.OrderId, live3.TokenId, Side.Buy, live3.Price, Quantity.FromRaw(40_000_000), Polymarket.Parsing.TradeStatusCode.Confirmed, true, 5),
        };
        var logger = new ListLogger();
        using var metrics = new ReconciliationMetrics(logger);

        ReconciliationResult first;
        using (var store = SqliteStore.Open(dir.File))
        {
            var loaded = store.Load();
            first = Reconciler.Reconcile(loaded.Orders, loaded.Fills, loaded.Positions, loaded.Reservations, venueOrders, trades, 10_000, new ReconciliationOptions());
            metrics.Record(first);

            var corrections = new List<StoreChange>();
            corrections.AddRange(first.CorrectedOrders.Select(o => StoreChange.Of(o)));
            corrections.AddRange(first.CorrectedFills.Select(f => StoreChange.Of(f)));
            corrections.AddRange(first.CorrectedPositions.Select(p => StoreChange.Of(p)));
            corrections.AddRange(first.Reservations.Select(r => StoreChange.Of(r)));
            store.ApplyGroups(corrections.ToArray(), loaded.LastGroupSequence + 1);
        }

        Assert.Equal(1, metrics.Count(DiscrepancyKind.MissingResolvedCancelled));
        Assert.Equal(1, metrics.Count(DiscrepancyKind.FilledSizeCorrected));
        Assert.Equal(1, metrics.Count(DiscrepancyKind.FillMissing));
        Assert.Equal(1, metrics.Count(DiscrepancyKind.PositionMismatch));
        Assert.Equal(metrics.Total, first.Differences.Count);
        Assert.Equal(first.Differences.Count, logger.Lines.Count(l => l.StartsWith("Warning reconcile ", StringComparison.Ordinal)));

        // Reservations: BUY 100 @ 0.03 and the BUY's 60 left @ 0.05 in the one market, SELL 100 of token 1003 % 3.
        var collateral = Assert.Single(first.Reservations, r => r.Scope == ReservationScope.MarketCollateral);
        Assert.Equal(3_000_000 + 3_000_000, collateral.Amount);
        var shares = Assert.Single(first.Reservations, r => r.Scope == ReservationScope.TokenShares);
        Assert.Equal(live2.TokenId, shares.TokenId);
        Assert.Equal(100_000_000, shares.Amount);

        using (var store = SqliteStore.Open(dir.File))
        {
            var loaded = store.Load();
            Assert.Equal(StoredOrderState.Cancelled, loaded.Orders.Single(o => o.OrderId == gone.OrderId).State);
            var second = Reconciler.Reconcile(loaded.Orders, loaded.Fills, loaded.Positions, loaded.Reservations, venueOrders, trades, 20_000, new ReconciliationOptions());
            Assert.True(second.IsClean, string.Join("; ", second.Differences));
        }
    }
}
