using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Primitives;
using Xunit.Abstractions;

namespace FastMaker.Integration.Tests;

/// <summary>
/// Issue 6 acceptance, the audit's lifecycle: BUY 100 @ 0.50, a partial fill of 50 by another venue account, a
/// replace, a cancel; against the embedded venue over real sockets with the real HTTP sender. Waits are bounded polls,
/// never timing assertions.
/// </summary>
public sealed class AcceptanceLifecycleTests(ITestOutputHelper output)
{
    private const long Cost50At050 = 25_000_000; // 50 shares x 0.50, raw collateral (6 decimals)

    [Fact]
    public async Task Buy100_PartialFill50_Replace_Cancel_AvailableDropsByCostOfFill_ReservationsZero_AndVenueAgrees()
    {
        var market = AcceptanceRig.QuietMarket(1);
        await using var venue = await AcceptanceRig.StartVenueAsync(TimeSpan.FromMinutes(5), market);
        var probe = new AcceptanceProbe();
        var host = await LiveEngineHost.StartAsync(AcceptanceRig.Options(venue, AcceptanceRig.NewKey(), null, probe));
        try
        {
            var start = await probe.WaitAsync(s => s.AllMarketsActive, "the gate to see the market Active");
            var initialAvailable = start.AvailableCollateral;
            var initialCollateral = start.Collateral;
            Assert.Equal(0, start.ReservedCollateral);
            var yes = host.Engine.Registry.Market(0).YesIndex;
            var owner = host.ApiKey;

            // 1. BUY 100 @ 0.50: live at the venue, 50 of collateral reserved.
            Assert.True(host.SubmitOperatorOrder(AcceptanceRig.Bid(host, 0, "0.50", "100")));
            var live = await probe.WaitAsync(s => s.Open.Any(o => o.State == OrderState.Live), "the BUY to be live");
            var first = Assert.Single(live.Open);
            Assert.Equal(OrderOrigin.Operator, first.Origin);
            Assert.Equal(50_000_000, live.ReservedCollateral);
            Assert.Equal(initialAvailable - 50_000_000, live.AvailableCollateral);
            Assert.Equal(Quantity.Parse("100"), venue.WithEngine(e => e.GetOrder(first.Id))!.Value.OriginalSize);
            Assert.Equal(first.Id, Assert.Single(venue.WithEngine(e => e.OpenOrders(owner))).Id);

            // 2. Another account sells 50 into it: a partial fill; the reservation shrinks to the remaining 50.
            var counter = AcceptanceRig.CounterpartySells(venue, market, "0.50", "50");
            Assert.True(counter.Success, counter.ErrorMsg);
            Assert.True(counter.HasMatch);
            var partial = await probe.WaitAsync(
                s => s.Orders.Any(o => o.Id == first.Id && o.State == OrderState.PartiallyFilled && o.Filled == Quantity.Parse("50"))
                     && s.Shares[yes] == 50_000_000 && s.PendingCollateral == 0,
                "the partial fill of 50, settled");
            Assert.Equal(25_000_000, partial.ReservedCollateral);
            Assert.Equal(initialCollateral - Cost50At050, partial.Collateral);
            Assert.Equal(initialAvailable - Cost50At050 - 25_000_000, partial.AvailableCollateral);

            // 3. Replace the remaining 50 by BUY 50 @ 0.49: the old order is cancelled, the new one rests.
            Assert.True(host.SubmitOperatorOrder(AcceptanceRig.Bid(host, 0, "0.49", "50", IntentKind.Replace, first.Id)));
            var replaced = await probe.WaitAsync(
                s => s.Orders.Any(o => o.Id == first.Id && o.State == OrderState.Cancelled)
                     && s.Open.Any(o => o.Id != first.Id && o.State == OrderState.Live),
                "the replace: old cancelled, new live");
            var second = Assert.Single(replaced.Open);
            Assert.Equal(Price.Parse("0.49"), second.Price);
            Assert.Equal(OrderOrigin.Operator, second.Origin);
            Assert.Equal(24_500_000, replaced.ReservedCollateral);
            Assert.Equal(initialAvailable - Cost50At050 - 24_500_000, replaced.AvailableCollateral);
            Assert.Equal(Quantity.Parse("50"), venue.WithEngine(e => e.GetOrder(first.Id))!.Value.SizeMatched);

            // 4. Cancel: PendingCancel keeps the reservation until the venue confirms, then everything is released.
            Assert.True(host.SubmitOperatorOrder(new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = second.Id, TokenIndex = -1, MarketIndex = -1 }));
            var done = await probe.WaitAsync(s => s.Orders.Any(o => o.Id == second.Id && o.State == OrderState.Cancelled), "the cancel");
            Assert.Empty(done.Open);
            Assert.Equal(0, done.ReservedCollateral);
            Assert.Equal(0, done.ReservedOrders);
            Assert.Equal(50_000_000, done.Shares[yes]);
            Assert.Equal(initialAvailable - Cost50At050, done.AvailableCollateral);
            Assert.Equal(initialCollateral - Cost50At050, done.Collateral);

            // Each order went through the state machine in order; the cancels passed through PendingCancel.
            Assert.Equal([OrderState.PendingNew, OrderState.Live, OrderState.PartiallyFilled, OrderState.PendingCancel, OrderState.Cancelled],
                probe.History(first.Id));
            Assert.Equal([OrderState.PendingNew, OrderState.Live, OrderState.PendingCancel, OrderState.Cancelled],
                probe.History(second.Id));

            // Only the operator's two orders were ever posted: the quote stage left them alone (no cancels of its own).
            Assert.Equal(2, done.Orders.Count(o => o.Origin == OrderOrigin.Operator));
            output.WriteLine(AcceptanceProbe.Describe(done));

            // The venue's own records: no open order of ours, 50 YES shares, collateral down by 25.
            Assert.Empty(venue.WithEngine(e => e.OpenOrders(owner)));
            Assert.Equal(Quantity.Parse("50"), venue.WithEngine(e => e.Ledger.TokenBalance(host.Address, market.YesToken)));
            Assert.Equal(initialCollateral - Cost50At050, venue.WithEngine(e => e.Ledger.CollateralBalance(host.Address)).Raw);

            await host.StopAsync();
            var differences = await VenueComparison.CompareAsync(host.Clob, host.Engine, host.Address, host.ApiKey, 0);
            Assert.True(differences.Count == 0, string.Join("\n", differences));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
