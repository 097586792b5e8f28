using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Risk;
using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using Xunit.Abstractions;

namespace FastMaker.Integration.Tests;

/// <summary>
/// Issue 6 acceptance, reconcile after restart: three of our orders rest at the venue (one partially filled); the
/// host stops WITHOUT cancelling (as a crash would leave them); a new host on the same key (and store) rebuilds
/// exactly those orders and their reservations at its start-up reconciliation, before any other event and any quote.
/// </summary>
public sealed class AcceptanceRestartTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-accept-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(true, false)] // the store brings our orders back (origin kept); reconciliation confirms them
    [InlineData(false, true)] // no store: reconciliation adopts them from the venue
    public async Task Restart_WithoutCancelAll_RebuildsTheThreeLiveOrdersAndTheirReservations_BeforeAnyQuote(bool withStore, bool adopt)
    {
        var market = AcceptanceRig.QuietMarket(2);
        await using var venue = await AcceptanceRig.StartVenueAsync(TimeSpan.FromMinutes(5), market);
        var key = AcceptanceRig.NewKey();
        var storePath = withStore ? Path.Combine(_dir, "restart.db") : null;

        // Run 1: three resting bids, one of them partially filled by another account; then stop without cancelling.
        var probe1 = new AcceptanceProbe();
        var ids = new List<Hash32>();
        long available1;
        string apiKey1;
        await using (var host1 = await LiveEngineHost.StartAsync(AcceptanceRig.Options(venue, key, storePath, probe1, cancelAllOnStop: false)))
        {
            await probe1.WaitAsync(s => s.AllMarketsActive, "the gate to see the market Active");
            apiKey1 = host1.ApiKey;
            Assert.True(host1.SubmitOperatorOrder(AcceptanceRig.Bid(host1, 0, "0.40", "100")));
            Assert.True(host1.SubmitOperatorOrder(AcceptanceRig.Bid(host1, 0, "0.35", "20")));
            Assert.True(host1.SubmitOperatorOrder(AcceptanceRig.Bid(host1, 0, "0.30", "10")));
            var live = await probe1.WaitAsync(s => s.Open.Count(o => o.State == OrderState.Live) == 3, "three live bids");
            ids.AddRange(live.Open.Select(o => o.Id));

            var counter = AcceptanceRig.CounterpartySells(venue, market, "0.40", "30");
            Assert.True(counter.Success, counter.ErrorMsg);
            var partial = await probe1.WaitAsync(s => s.Open.Any(o => o.State == OrderState.PartiallyFilled && o.Filled == Quantity.Parse("30"))
                && s.PendingCollateral == 0, "the partial fill of the 0.40 bid");
            available1 = partial.AvailableCollateral;
            Assert.Equal(38_000_000, partial.ReservedCollateral); // 0.40 x 70 + 0.35 x 20 + 0.30 x 10
            await host1.StopAsync();
        }

        var resting = venue.WithEngine(e => e.OpenOrders(apiKey1));
        Assert.Equal(3, resting.Count);
        Assert.Equal(ids.OrderBy(i => i.ToString()), resting.Select(o => o.Id).OrderBy(i => i.ToString()));

        // Run 2: same key, same venue (and store when there is one).
        var probe2 = new AcceptanceProbe();
        var host2 = await LiveEngineHost.StartAsync(AcceptanceRig.Options(venue, key, storePath, probe2, adoptUnknown: adopt));
        try
        {
            await probe2.WaitAsync(_ => probe2.AfterReconcile is not null, "the start-up reconciliation");
            var first = probe2.AfterReconcile!;
            output.WriteLine(AcceptanceProbe.Describe(first));
            Assert.Equal(0, probe2.EventsBeforeReconcile);
            Assert.Equal(0, first.IntentsApproved);
            Assert.Equal(0, first.IntentsRejected);

            var open = first.Open.ToList();
            Assert.Equal(3, open.Count);
            Assert.Equal(ids.OrderBy(i => i.ToString()), open.Select(o => o.Id).OrderBy(i => i.ToString()));
            Assert.All(open, o => Assert.Equal(adopt ? OrderOrigin.Adopted : OrderOrigin.Operator, o.Origin));
            Assert.Equal(OrderState.PartiallyFilled, open.Single(o => o.Price == Price.Parse("0.40")).State);
            Assert.Equal(Quantity.Parse("30"), open.Single(o => o.Price == Price.Parse("0.40")).Filled);
            Assert.Equal(2, open.Count(o => o.State == OrderState.Live));

            // Reserved collateral is exactly the sum of price x remaining; 3 orders reserved.
            var expected = open.Sum(o => Reservations.CollateralFor(o.Price, o.RemainingRaw));
            Assert.Equal(38_000_000, expected);
            Assert.Equal(expected, first.ReservedCollateral);
            Assert.Equal(3, first.ReservedOrders);

            var differences = host2.StartupReconciliation!.Differences;
            Assert.DoesNotContain(differences, d => d.Kind is ReconcileDifferenceKind.MissingAtVenue or ReconcileDifferenceKind.UnknownAtVenue
                or ReconcileDifferenceKind.TerminalButOpenAtVenue);
            Assert.Equal(adopt ? 3 : 0, differences.Count(d => d.Kind == ReconcileDifferenceKind.Adopted));
            if (withStore)
            {
                // The store also brought the 30 shares back, so money is where it was: available unchanged.
                Assert.Equal(30_000_000, first.Shares[host2.Engine.Registry.Market(0).YesIndex]);
                Assert.Equal(available1, first.AvailableCollateral);
            }

            if (!withStore)
            {
                // Without a store the pre-restart fill reaches this host only through the venue's later trade status
                // events on the user channel (MINED, CONFIRMED): wait for it instead of relying on the stop's drain time.
                var yes = host2.Engine.Registry.Market(0).YesIndex;
                await probe2.WaitAsync(s => s.Shares[yes] == 30_000_000, "the pre-restart fill through the venue's trade status events");
            }

            await host2.StopAsync();
            Assert.Empty(venue.WithEngine(e => e.OpenOrders(host2.ApiKey)));
            var final = await VenueComparison.CompareAsync(host2.Clob, host2.Engine, host2.Address, host2.ApiKey, 0);
            Assert.True(final.Count == 0, string.Join("\n", final));
        }
        finally
        {
            await host2.DisposeAsync();
        }
    }

    /// <summary>
    /// A fill while the engine is down (MATCHED at the venue, MINED and CONFIRMED still to come): start-up recovery stores it
    /// from the venue's trade list and adopts the order; its later statuses on the user channel must settle that fill, not
    /// add it again on top of the venue's balance (the crash soak's 104.06 vs 94.74 shares in adopt mode).
    /// </summary>
    [Fact]
    public async Task Restart_Adopting_AFillMadeWhileDown_CountsItOnce_AfterItsStatusesArrive()
    {
        var market = AcceptanceRig.QuietMarket(3);
        await using var venue = await AcceptanceRig.StartVenueAsync(TimeSpan.FromMinutes(5), market);
        var key = AcceptanceRig.NewKey();
        var storePath = Path.Combine(_dir, "adopt.db");

        var probe1 = new AcceptanceProbe();
        string apiKey;
        await using (var host1 = await LiveEngineHost.StartAsync(AcceptanceRig.Options(venue, key, storePath, probe1, cancelAllOnStop: false)))
        {
            await probe1.WaitAsync(s => s.AllMarketsActive, "the gate to see the market Active");
            apiKey = host1.ApiKey;
            Assert.True(host1.SubmitOperatorOrder(AcceptanceRig.Bid(host1, 0, "0.40", "100")));
            await probe1.WaitAsync(s => s.Open.Count(o => o.State == OrderState.Live) == 1, "the live bid");
            await host1.StopAsync();
        }

        // Down: a counterparty fills 30 of our resting bid; the trade is MATCHED, its settlement still to come.
        var counter = AcceptanceRig.CounterpartySells(venue, market, "0.40", "30");
        Assert.True(counter.Success, counter.ErrorMsg);
        var trade = Assert.Single(venue.WithEngine(e => e.Trades(apiKey)));
        Assert.Equal(TradeStatus.Matched, trade.Status);

        var probe2 = new AcceptanceProbe();
        var host2 = await LiveEngineHost.StartAsync(AcceptanceRig.Options(venue, key, storePath, probe2));
        try
        {
            var yes = host2.Engine.Registry.Market(0).YesIndex;
            await probe2.WaitAsync(_ => probe2.AfterReconcile is not null, "the start-up reconciliation");
            Assert.Equal(30_000_000, probe2.AfterReconcile!.Shares[yes]);
            Assert.Equal(Quantity.Parse("30"), Assert.Single(probe2.AfterReconcile.Open).Filled);

            // Wait for the venue to settle the trade (MINED, then CONFIRMED, both sent on the user channel after our start).
            for (var i = 0; i < 300 && venue.WithEngine(e => e.Trades(apiKey))[0].Status != TradeStatus.Confirmed; i++)
            {
                await Task.Delay(100);
            }

            Assert.Equal(TradeStatus.Confirmed, venue.WithEngine(e => e.Trades(apiKey))[0].Status);
            await host2.StopAsync();
            Assert.Equal(30_000_000, host2.Engine.Positions.Shares(yes));
            var final = await VenueComparison.CompareAsync(host2.Clob, host2.Engine, host2.Address, host2.ApiKey, 0);
            Assert.True(final.Count == 0, string.Join("\n", final));
        }
        finally
        {
            await host2.DisposeAsync();
        }
    }
}
