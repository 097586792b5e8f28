using FastMaker.Engine.Budget;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Signing;

namespace FastMaker.Engine.Tests.Gate;

/// <summary>The acceptance scenario at unit level: the venue rejects everything of one market, then of many.</summary>
public class RejectStormTests
{
    private const long Min = 60_000;

    [Fact]
    public void OneMarketRejectingEverything_PausesWithEscalatingPauses_WhileAnotherKeepsQuoting()
    {
        using var f = new GateFixture(markets: 2, budget: MutationBudgetOptions.Production);
        long now = GateFixture.T0;
        long[] pauses = [5 * Min, 10 * Min, 20 * Min];
        int healthyApproved = 0;
        foreach (long pause in pauses)
        {
            // The bad market quotes and the venue rejects every order, until the gate stops it.
            int sent = 0;
            while (f.Gate.Submit(f.Bid(0), now) == GateRejectReason.None)
            {
                sent++;
                f.Gate.OnVenueFeedback(new VenueFeedback { Kind = VenueReplyKind.OrderRejected, MarketIndex = 0 }, now);
                if (f.Gate.Submit(f.Bid(1), now) == GateRejectReason.None) healthyApproved++;
                now += 1_000;
            }

            Assert.Equal(5, sent);
            Assert.Equal(GateRejectReason.RejectStormPause, f.Gate.Submit(f.Bid(0), now));
            long pausedAt = now - 1_000;
            Assert.Equal(pausedAt + pause, f.Budget.PausedUntilMs(0));
            // The healthy market keeps quoting during the pause.
            Assert.Equal(GateRejectReason.None, f.Gate.Submit(f.Bid(1), now + Min));
            healthyApproved++;
            Assert.Equal(GateRejectReason.RejectStormPause, f.Gate.Submit(f.Bid(0), pausedAt + pause - 1));
            now = pausedAt + pause;
        }

        Assert.Equal(18, healthyApproved); // 5 alongside each storm's rejects + 1 during each pause
        Assert.True(f.Gate.Stats.Rejects(0, GateRejectReason.RejectStormPause) >= 6);
        Assert.Equal(0, f.Gate.Stats.Rejects(1, GateRejectReason.RejectStormPause));
        Assert.Equal(15, f.Gate.Stats.VenueRejects(0));
        Assert.Equal(0, f.Gate.EmergencyCancelAlls);
    }

    [Fact]
    public void FiftyRejectsAMinuteAcrossMarkets_StopsEverything_AndEmitsOneCancelAll()
    {
        using var f = new GateFixture(markets: 12, budget: MutationBudgetOptions.Production with { MarketCooldownMs = 0 });
        long now = GateFixture.T0;
        int rejects = 0;
        while (f.Gate.EmergencyCancelAlls == 0)
        {
            for (int m = 0; m < 12 && f.Gate.EmergencyCancelAlls == 0; m++)
            {
                if (f.Gate.Submit(f.Bid(m), now) != GateRejectReason.None) continue;
                f.Gate.OnVenueFeedback(new VenueFeedback { Kind = VenueReplyKind.OrderRejected, MarketIndex = m }, now);
                rejects++;
            }

            now += 100;
            Assert.True(now < GateFixture.T0 + Min, "the breaker should trip within a minute");
        }

        Assert.Equal(50, rejects);
        var cancelAll = f.Sink.Requests[^1];
        Assert.Equal(RequestKind.CancelAll, cancelAll.Kind);
        Assert.Equal(-1, cancelAll.MarketIndex);
        Assert.Equal(1, f.Gate.EmergencyCancelAlls);
        // Everything stops: every market, for the breaker's pause.
        for (int m = 0; m < 12; m++) Assert.Equal(GateRejectReason.CircuitBreaker, f.Gate.Submit(f.Bid(m), now + Min));
        long reopen = now + MutationBudgetOptions.Production.CircuitBreakerPauseMs;
        Assert.Equal(GateRejectReason.None, f.Gate.Submit(f.Bid(11), reopen + 1));
    }
}
