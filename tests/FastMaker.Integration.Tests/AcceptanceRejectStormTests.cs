using FastMaker.Cli.Demo;
using FastMaker.Engine;
using FastMaker.Engine.Budget;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Risk;
using Xunit.Abstractions;

namespace FastMaker.Integration.Tests;

/// <summary>
/// Issue 6 acceptance, the reject storm: the venue rejects every order of one market (calm scenario, two markets,
/// the engine quoting both over loopback). The mutation budget runs on its own clock (the gate's BudgetClock): real
/// time plus an offset the test moves forward, so a 5-minute pause is ended by a jump, never by waiting, while backoffs
/// and cooldowns still pass with real time. The venue and the rest of the engine run on real time; waits are bounded polls.
/// </summary>
public sealed class AcceptanceRejectStormTests(ITestOutputHelper output)
{
    private const long Minute = 60_000;

    // Venue rejects are engine errors too: the kill switch's error rate is set out of the way to test the budget alone.
    private static readonly EngineOptions Engine = new() { Risk = new RiskLimits { MaxErrorsPerWindow = 10_000 } };

    [Fact]
    public async Task StormInOneMarket_PausesItAfter5Rejects_5ThenTenMinutes_WhileTheOtherMarketKeepsQuoting()
    {
        await using var venue = await FastMaker.Venue.Venue.StartAsync(DemoScenario.Load("calm", DateTimeOffset.UtcNow));
        var clock = new JumpClock();
        var probe = new AcceptanceProbe();
        var host = await LiveEngineHost.StartAsync(AcceptanceRig.Options(venue, AcceptanceRig.NewKey(), null, probe, MutationBudgetOptions.Production,
            new GateOptions { BudgetClock = clock }, engine: Engine));
        try
        {
            Assert.Equal(2, host.MarketCount);
            const int storm = 0;
            const int calm = 1;
            var stormStart = clock.NowMs;
            venue.Faults.RejectStormMarket = host.Engine.Registry.Market(storm).ConditionId.ToString();

            // First storm: paused for 5 minutes (budget clock) from its 5th reject.
            var paused = await probe.WaitAsync(s => s.PausedUntilMs[storm] > stormStart, "the storm market's first pause", 60);
            var seen = clock.NowMs;
            Assert.InRange(paused.PausedUntilMs[storm] - 5 * Minute, stormStart, seen);
            Assert.InRange(paused.VenueRejects[storm], 5, 6); // a 6th may already be in flight (bid and ask)
            Assert.Equal(0, paused.CircuitBreakerTrips);
            Assert.False(paused.KillSwitchOn);
            var firstPauseEnd = paused.PausedUntilMs[storm];

            // While paused: the calm market keeps quoting (new orders of its own), the storm market sends nothing.
            var calmBefore = paused.Orders.Count(o => o.MarketIndex == calm);
            var during = await probe.WaitAsync(s => s.Orders.Count(o => o.MarketIndex == calm) >= calmBefore + 2
                && s.Open.Any(o => o.MarketIndex == calm && o.State == OrderState.Live), "the calm market to keep quoting", 60);
            Assert.Equal(during.VenueRejects[storm], during.Orders.Count(o => o.MarketIndex == storm));
            Assert.InRange(during.VenueRejects[storm], 5, 6);
            Assert.Equal(firstPauseEnd, during.PausedUntilMs[storm]);
            Assert.True(during.PausedUntilMs[calm] < clock.NowMs, "the calm market must not be paused (" + during.VenueRejects[calm] + " venue rejects)");
            Assert.Contains("RejectStormPause=", during.GateRejects, StringComparison.Ordinal);
            var firstStormRejects = during.VenueRejects[storm];

            // The pause ends with the budget clock; the next storm pauses it for twice as long (10 minutes) from then.
            clock.Advance(TimeSpan.FromMinutes(5));
            var secondStart = clock.NowMs;
            var second = await probe.WaitAsync(s => s.PausedUntilMs[storm] > firstPauseEnd, "the storm market's second pause", 60);
            Assert.InRange(second.PausedUntilMs[storm] - 10 * Minute, secondStart, clock.NowMs);
            Assert.InRange(second.VenueRejects[storm], 10, 12);
            Assert.True(second.VenueRejects[storm] > firstStormRejects);
            Assert.Equal(0, second.CircuitBreakerTrips);
            Assert.False(second.KillSwitchOn);
            output.WriteLine("calm market venue rejects " + second.VenueRejects[calm] + "; " + AcceptanceProbe.Describe(second).Split(", orders")[0]);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task PastFiftyRejectsPerMinute_TheCircuitBreakerStopsEverything_AndCancelsAll()
    {
        await using var venue = await FastMaker.Venue.Venue.StartAsync(DemoScenario.Load("calm", DateTimeOffset.UtcNow));
        var clock = new JumpClock();
        var probe = new AcceptanceProbe();

        // Market pauses are pushed out of the way (1000 rejects) so that one storming market reaches the global 50.
        var budget = MutationBudgetOptions.Production with { MarketCooldownMs = 200, RejectsBeforePause = 1_000 };
        var host = await LiveEngineHost.StartAsync(AcceptanceRig.Options(venue, AcceptanceRig.NewKey(), null, probe, budget,
            new GateOptions { BudgetClock = clock }, engine: Engine));
        try
        {
            const int storm = 0;
            const int calm = 1;

            // The calm market has a live quote first, so that there is something to cancel.
            await probe.WaitAsync(s => s.Open.Any(o => o.MarketIndex == calm && o.State == OrderState.Live), "a live quote in the calm market", 60);
            venue.Faults.RejectStormMarket = host.Engine.Registry.Market(storm).ConditionId.ToString();

            var tripped = await probe.WaitAsync(s => s.CircuitBreakerTrips > 0, "the circuit breaker", 60);
            Assert.Equal(1, tripped.CircuitBreakerTrips);
            Assert.Equal(1, tripped.EmergencyCancelAlls);
            Assert.True(tripped.VenueRejects.Sum() >= 50, "venue rejects: " + string.Join(",", tripped.VenueRejects));
            Assert.True(tripped.VenueRejects[storm] > tripped.VenueRejects[calm]);

            // Everything is cancelled: nothing of ours open here or at the venue.
            var cancelled = await probe.WaitAsync(s => !s.Open.Any(), "every order closed", 30);
            Assert.Equal(0, cancelled.ReservedCollateral);
            var apiKey = host.ApiKey;
            Assert.Empty(venue.WithEngine(e => e.OpenOrders(apiKey)));

            // And everything stays stopped: the quote stage keeps trying, the gate refuses with CircuitBreaker, no order is made.
            var ordersThen = cancelled.Orders.Length;
            var refused = cancelled.CircuitBreakerGateRejects;
            var later = await probe.WaitAsync(s => s.CircuitBreakerGateRejects >= refused + 4, "the quote stage to be refused", 60);
            Assert.Equal(ordersThen, later.Orders.Length);
            Assert.Empty(later.Open);
            Assert.Equal(1, later.CircuitBreakerTrips);
            Assert.Empty(venue.WithEngine(e => e.OpenOrders(apiKey)));
            output.WriteLine(AcceptanceProbe.Describe(later));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}

/// <summary>Real time plus an offset that only moves forward (the budget's clock in these tests).</summary>
internal sealed class JumpClock : TimeProvider
{
    private long _offsetTicks;

    public long NowMs => GetUtcNow().ToUnixTimeMilliseconds();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
