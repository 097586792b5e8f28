using FastMaker.Engine.Budget;
using FastMaker.Engine.Gate;

namespace FastMaker.Engine.Tests.Budget;

public class MutationBudgetTests
{
    private const long T0 = 1_760_000_000_000;
    private const long Min = 60_000;

    [Fact]
    public void ConservativeProfile_MarketCooldownIs30Seconds_OtherMarketsUnaffected()
    {
        var b = new MutationBudget(MutationBudgetOptions.Conservative);
        Assert.Equal(GateRejectReason.None, b.Check(0, true, T0));
        b.Commit(0, T0);
        Assert.Equal(GateRejectReason.MutationBudget, b.Check(0, true, T0 + 29_999));
        Assert.Equal(GateRejectReason.None, b.Check(1, true, T0 + 1));
        Assert.Equal(GateRejectReason.None, b.Check(0, true, T0 + 30_000));
    }

    [Fact]
    public void ProductionProfile_IsTighterThanConservative()
    {
        Assert.True(MutationBudgetOptions.Production.MarketCooldownMs < MutationBudgetOptions.Conservative.MarketCooldownMs);
        Assert.True(MutationBudgetOptions.Production.MaxMutationsPerMinute > MutationBudgetOptions.Conservative.MaxMutationsPerMinute);
        var b = new MutationBudget(MutationBudgetOptions.Production);
        b.Commit(0, T0);
        Assert.Equal(GateRejectReason.MutationBudget, b.Check(0, true, T0 + 999));
        Assert.Equal(GateRejectReason.None, b.Check(0, true, T0 + 1_000));
    }

    [Fact]
    public void GlobalBudget_RefusesTheMutationOverTheLimit_UntilTheOldestLeavesTheMinute()
    {
        var b = new MutationBudget(new MutationBudgetOptions { MaxMutationsPerMinute = 3, MarketCooldownMs = 0 });
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(GateRejectReason.None, b.Check(i, true, T0 + i));
            b.Commit(i, T0 + i);
        }

        Assert.Equal(GateRejectReason.MutationBudget, b.Check(7, true, T0 + 10));
        Assert.Equal(GateRejectReason.MutationBudget, b.Check(7, true, T0 + Min - 1));
        Assert.Equal(GateRejectReason.None, b.Check(7, true, T0 + Min));
    }

    [Fact]
    public void RejectStorm_PausesAfterFive_EscalatesFiveTenTwentyMinutes()
    {
        var b = new MutationBudget(MutationBudgetOptions.Conservative);
        long now = T0;
        long[] expected = [5 * Min, 10 * Min, 20 * Min, 40 * Min];
        foreach (long pause in expected)
        {
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(RejectOutcome.Counted, b.OnOrderRejected(3, now));
                now += 1_000;
            }

            Assert.Equal(RejectOutcome.MarketPaused, b.OnOrderRejected(3, now));
            Assert.Equal(now + pause, b.PausedUntilMs(3));
            Assert.Equal(GateRejectReason.RejectStormPause, b.Check(3, true, now + pause - 1));
            Assert.Equal(GateRejectReason.None, b.Check(4, true, now + 1));
            now += pause;
            Assert.Equal(GateRejectReason.None, b.Check(3, true, now));
        }
    }

    [Fact]
    public void RejectStorm_AfterACleanPeriod_StartsAgainAtFiveMinutes()
    {
        var opts = MutationBudgetOptions.Conservative;
        var b = new MutationBudget(opts);
        long now = T0;
        for (int storm = 0; storm < 2; storm++)
        {
            for (int i = 0; i < 5; i++) b.OnOrderRejected(0, now);
            now = b.PausedUntilMs(0);
        }

        Assert.Equal(2, b.StormLevel(0, now));
        // One minute short of a clean period: the level holds and the next storm pauses 20 min.
        long almost = now + opts.CleanPeriodMs - Min;
        Assert.Equal(2, b.StormLevel(0, almost));
        // A clean period after the last pause ended: back to the first step.
        long clean = now + opts.CleanPeriodMs;
        Assert.Equal(0, b.StormLevel(0, clean));
        for (int i = 0; i < 5; i++) b.OnOrderRejected(0, clean);
        Assert.Equal(clean + 5 * Min, b.PausedUntilMs(0));
    }

    [Fact]
    public void RejectCount_IsForgottenAfterACleanPeriod()
    {
        var b = new MutationBudget(MutationBudgetOptions.Conservative);
        for (int i = 0; i < 4; i++) b.OnOrderRejected(0, T0);
        long later = T0 + MutationBudgetOptions.Conservative.CleanPeriodMs;
        Assert.Equal(RejectOutcome.Counted, b.OnOrderRejected(0, later));
        Assert.Equal(1, b.RejectCount(0));
    }

    [Fact]
    public void StormPause_IsCappedAtMaxPause()
    {
        var b = new MutationBudget(new MutationBudgetOptions { RejectsBeforePause = 1, FirstPauseMs = Min, MaxPauseMs = 3 * Min });
        b.OnOrderRejected(0, T0);
        b.OnOrderRejected(0, T0 + Min);
        b.OnOrderRejected(0, T0 + 3 * Min);
        Assert.Equal(T0 + 6 * Min, b.PausedUntilMs(0));
    }

    [Fact]
    public void CircuitBreaker_TripsAtFiftyRejectsAMinute_StopsEverything()
    {
        var b = new MutationBudget(MutationBudgetOptions.Conservative);
        for (int i = 0; i < 49; i++) Assert.NotEqual(RejectOutcome.CircuitBreakerTripped, b.OnOrderRejected(i, T0 + i * 1_000));
        Assert.False(b.IsCircuitBreakerOpen(T0 + 49_000));
        Assert.Equal(RejectOutcome.CircuitBreakerTripped, b.OnOrderRejected(60, T0 + 49_000));
        Assert.True(b.IsCircuitBreakerOpen(T0 + 49_000));
        Assert.Equal(GateRejectReason.CircuitBreaker, b.Check(99, true, T0 + 49_001));
        Assert.Equal(1, b.CircuitBreakerTrips);
        Assert.Equal(GateRejectReason.None, b.Check(99, true, T0 + 49_000 + MutationBudgetOptions.Conservative.CircuitBreakerPauseMs));
    }

    [Fact]
    public void CircuitBreaker_FiftyRejectsSpreadOverMoreThanAMinute_DoNotTrip()
    {
        var b = new MutationBudget(MutationBudgetOptions.Conservative);
        for (int i = 0; i < 100; i++) Assert.NotEqual(RejectOutcome.CircuitBreakerTripped, b.OnOrderRejected(i, T0 + i * 1_300));
        Assert.Equal(0, b.CircuitBreakerTrips);
    }

    [Fact]
    public void RateLimited_WithRetryHint_BacksOffGloballyForExactlyTheHint()
    {
        var b = new MutationBudget(MutationBudgetOptions.Production);
        b.OnRateLimited(T0, retryAfterMs: 7_000);
        Assert.Equal(VenueMode.Backoff, b.Mode(T0));
        Assert.Equal(GateRejectReason.VenueBackoff, b.Check(5, true, T0 + 6_999));
        Assert.Equal(GateRejectReason.None, b.Check(5, true, T0 + 7_000));
    }

    [Fact]
    public void RateLimited_WithoutHint_BacksOffOneTwoFourSeconds_ResetByAnAcceptedOrder()
    {
        var b = new MutationBudget(MutationBudgetOptions.Production);
        long now = T0;
        foreach (long wait in new long[] { 1_000, 2_000, 4_000 })
        {
            b.OnRateLimited(now, -1);
            Assert.Equal(GateRejectReason.VenueBackoff, b.Check(0, true, now + wait - 1));
            Assert.Equal(GateRejectReason.None, b.Check(0, true, now + wait));
            now += wait;
        }

        b.OnOrderAccepted(now);
        b.OnRateLimited(now, -1);
        Assert.Equal(GateRejectReason.None, b.Check(0, true, now + 1_000));
    }

    [Fact]
    public void EngineRestart_BacksOff_ThenOnlyPostOnlyForTwoMinutes()
    {
        var b = new MutationBudget(MutationBudgetOptions.Production);
        b.OnEngineRestarting(T0, -1);
        Assert.Equal(GateRejectReason.VenueBackoff, b.Check(0, true, T0 + 999));
        long end = T0 + 1_000;
        Assert.Equal(VenueMode.PostOnly, b.Mode(end));
        Assert.Equal(GateRejectReason.None, b.Check(0, postOnly: true, end));
        Assert.Equal(GateRejectReason.VenuePostOnlyMode, b.Check(0, postOnly: false, end + 119_999));
        Assert.Equal(GateRejectReason.None, b.Check(0, postOnly: false, end + 120_000));
        Assert.Equal(VenueMode.Normal, b.Mode(end + 120_000));
    }

    [Fact]
    public void EngineRestart_Repeated_DoublesTheBackoff_AndHonoursALongerHint()
    {
        var b = new MutationBudget(MutationBudgetOptions.Production);
        b.OnEngineRestarting(T0, -1);
        b.OnEngineRestarting(T0 + 1_000, -1);
        Assert.Equal(GateRejectReason.VenueBackoff, b.Check(0, true, T0 + 2_999));
        Assert.Equal(GateRejectReason.None, b.Check(0, true, T0 + 3_000));
        b.OnEngineRestarting(T0 + 3_000, retryAfterMs: 20_000);
        Assert.Equal(GateRejectReason.VenueBackoff, b.Check(0, true, T0 + 22_999));
    }

    [Fact]
    public void PostOnlyModeReply_HonoursRetryAfterSeconds()
    {
        var b = new MutationBudget(MutationBudgetOptions.Production);
        b.OnPostOnlyMode(T0, retryAfterMs: 79_000);
        Assert.Equal(GateRejectReason.VenuePostOnlyMode, b.Check(0, false, T0 + 78_999));
        Assert.Equal(GateRejectReason.None, b.Check(0, true, T0 + 1));
        Assert.Equal(GateRejectReason.None, b.Check(0, false, T0 + 79_000));
    }

    [Fact]
    public void CancelOnlyAndTradingDisabled_StopNewOrders_WithoutCountingRejects()
    {
        var b = new MutationBudget(MutationBudgetOptions.Production);
        for (int i = 0; i < 60; i++) b.OnCancelOnlyMode(T0 + i);
        Assert.Equal(VenueMode.CancelOnly, b.Mode(T0 + 60));
        Assert.Equal(GateRejectReason.VenueCancelOnly, b.Check(0, true, T0 + 60));
        Assert.Equal(0, b.RejectCount(0));
        Assert.Equal(0, b.MarketPauses);
        Assert.False(b.IsCircuitBreakerOpen(T0 + 60));
        Assert.Equal(GateRejectReason.None, b.Check(0, true, T0 + 59 + 30_000));

        b.OnTradingDisabled(T0 + 100_000);
        Assert.Equal(VenueMode.TradingDisabled, b.Mode(T0 + 100_000));
        Assert.Equal(GateRejectReason.VenueCancelOnly, b.Check(0, true, T0 + 100_001));
        Assert.Equal(0, b.MarketPauses);
    }

    [Fact]
    public void RateLimitHeaders_NoTokensLeft_HoldUntilReset()
    {
        var b = new MutationBudget(MutationBudgetOptions.Production);
        long resetSeconds = T0 / 1000 + 3;
        b.OnRateLimitHeaders(0, resetSeconds, T0);
        Assert.Equal(GateRejectReason.MutationBudget, b.Check(0, true, T0 + 100));
        Assert.Equal(GateRejectReason.None, b.Check(0, true, resetSeconds * 1000));
    }

    [Fact]
    public void RateLimitHeaders_FewTokensLeft_SpreadMutationsUntilReset_ManyTokensChangeNothing()
    {
        var b = new MutationBudget(MutationBudgetOptions.Production);
        long reset = T0 / 1000 + 10; // 10 s away, 4 tokens: one mutation every 2 s
        b.OnRateLimitHeaders(4, reset, T0);
        Assert.Equal(GateRejectReason.None, b.Check(0, true, T0));
        b.Commit(0, T0);
        Assert.Equal(GateRejectReason.MutationBudget, b.Check(1, true, T0 + 500));
        Assert.Equal(GateRejectReason.None, b.Check(1, true, T0 + 2_600));

        var free = new MutationBudget(MutationBudgetOptions.Production);
        free.OnRateLimitHeaders(500, reset, T0);
        free.Commit(0, T0);
        Assert.Equal(GateRejectReason.None, free.Check(1, true, T0 + 1));
    }

    [Fact]
    public void RateLimitHeaders_Absent_ChangeNothing()
    {
        var b = new MutationBudget(MutationBudgetOptions.Production);
        b.OnRateLimitHeaders(null, null, T0);
        b.Commit(0, T0);
        Assert.Equal(GateRejectReason.None, b.Check(1, true, T0 + 1));
    }

    [Fact]
    public void Options_OutOfRange_ThrowWithTheOptionName()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new MutationBudget(new MutationBudgetOptions { MaxMutationsPerMinute = 0 }));
        Assert.Contains("MaxMutationsPerMinute", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MutationBudget(new MutationBudgetOptions { FirstPauseMs = 10, MaxPauseMs = 5 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MutationBudget(MutationBudgetOptions.Production).Check(-1, true, T0));
    }

    [Fact]
    public void Check_IsAllocationFree()
    {
        var b = new MutationBudget(MutationBudgetOptions.Production, marketCapacity: 64);
        for (int i = 0; i < 100; i++) { b.Check(i % 64, true, T0 + i); b.Commit(i % 64, T0 + i * 2_000); }
        long before = GC.GetAllocatedBytesForCurrentThread();
        long sink = 0;
        for (int i = 0; i < 10_000; i++)
        {
            sink += (int)b.Check(i % 64, i % 2 == 0, T0 + 1_000_000 + i);
            b.Commit(i % 64, T0 + 1_000_000 + i);
            b.OnOrderRejected(i % 64, T0 + 1_000_000 + i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sink > 0);
    }
}
