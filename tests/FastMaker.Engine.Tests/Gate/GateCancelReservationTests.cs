using FastMaker.Engine.Budget;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Signing;
using FastMaker.Engine.Time;
using FastMaker.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Engine.Tests.Gate;

/// <summary>
/// The gate hands approved cancels to risk, so the target becomes PendingCancel (its reservation is kept until the
/// venue confirms); and the budget can run on its own clock.
/// </summary>
public sealed class GateCancelReservationTests
{
    private const long Now = GateFixture.T0;

    [Fact]
    public void Cancel_OfALiveOrder_IsReservedWithRisk_UnderTheTargetId()
    {
        using var f = new GateFixture();
        var id = Hash32.FromBytes(GateFixture.Filled(32, 7));
        f.Orders.Live[id] = new LiveOrderView(id, 0, Side.Buy, Price.Parse("0.5"), Quantity.Parse("10"), Quantity.Parse("10"), false);

        Assert.Equal(GateRejectReason.None, f.Gate.Submit(new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = id, CreatedMs = Now }, Now));

        var (intent, orderId) = Assert.Single(f.Risk.Reserved);
        Assert.Equal(IntentKind.Cancel, intent.Kind);
        Assert.Equal(id, orderId);
        Assert.Equal(id, intent.TargetOrderId);
        Assert.Equal(0, intent.MarketIndex);
        Assert.Equal(0, intent.TokenIndex);
    }

    [Fact]
    public void Cancel_OfAnUnknownOrder_IsNotReserved()
    {
        using var f = new GateFixture();
        var id = Hash32.FromBytes(GateFixture.Filled(32, 8));
        Assert.Equal(GateRejectReason.InvalidIntent, f.Gate.Submit(new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = id }, Now));
        Assert.Empty(f.Risk.Reserved);
    }

    [Fact]
    public void CancelAll_IsReservedWithRisk_SoEveryOpenOrderBecomesPendingCancel()
    {
        using var f = new GateFixture();
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(new OrderIntent { Kind = IntentKind.CancelAll, MarketIndex = 1, TokenIndex = -1, CreatedMs = Now }, Now));
        var (intent, _) = Assert.Single(f.Risk.Reserved);
        Assert.Equal(IntentKind.CancelAll, intent.Kind);
        Assert.Equal(1, intent.MarketIndex);
    }

    [Fact]
    public void CircuitBreaker_CancelAll_IsReservedWithRisk()
    {
        using var f = new GateFixture();
        for (var i = 0; i < 50; i++)
        {
            f.Gate.OnOrderRejected(i % 3, Now);
        }

        Assert.Equal(1, f.Gate.EmergencyCancelAlls);
        var (intent, _) = Assert.Single(f.Risk.Reserved);
        Assert.Equal(IntentKind.CancelAll, intent.Kind);
        Assert.Equal(-1, intent.MarketIndex);
    }

    [Fact]
    public void BudgetClock_DrivesStormPauses_IndependentlyOfTheEngineClock()
    {
        using var f = new GateFixture();
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Now));
        var budget = new MutationBudget(MutationBudgetOptions.Production with { MarketCooldownMs = 0 });
        var gate = new ExecutionGate(f.Registry, f.Risk, f.Orders, budget, f.Sign, f.Sink, new GateOptions { BudgetClock = clock });
        gate.SetMarketState(0, MarketState.Active);
        gate.SetMarketState(1, MarketState.Active);

        // Five rejects pause market 0 for 5 minutes of the budget clock, whatever the engine clock says.
        for (var i = 0; i < 5; i++)
        {
            gate.OnOrderRejected(0, Now + 10 * 60_000);
        }

        Assert.Equal(Now + 5 * 60_000, budget.PausedUntilMs(0));
        Assert.Equal(GateRejectReason.RejectStormPause, gate.Submit(f.Bid(0), Now + 10 * 60_000));
        Assert.Equal(GateRejectReason.None, gate.Submit(f.Bid(1), Now + 10 * 60_000));

        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(GateRejectReason.None, gate.Submit(f.Bid(0), Now));

        // A new storm doubles the pause.
        for (var i = 0; i < 5; i++)
        {
            gate.OnOrderRejected(0, Now);
        }

        Assert.Equal(clock.GetUtcNow().ToUnixTimeMilliseconds() + 10 * 60_000, budget.PausedUntilMs(0));
    }
}
