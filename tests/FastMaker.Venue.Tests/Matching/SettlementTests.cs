using FastMaker.Primitives;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Tests.Matching;

public class SettlementTests
{
    [Fact]
    public void Trade_GoesMatchedMinedConfirmed_OnTheEngineClock()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 10); f.Fund(2, 10);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 10));
        f.MustAccept(f.Limit(2, f.Yes, Side.Buy, 0.50m, 10));
        TradeRecord t = Assert.Single(f.Events.Trades);
        Assert.Equal(TradeStatus.Matched, t.Status);

        f.Clock.Advance(TimeSpan.FromMilliseconds(1999));
        f.Engine.ProcessDue();
        Assert.Empty(f.Events.TradeStatuses);

        f.Clock.Advance(TimeSpan.FromMilliseconds(1));
        f.Engine.ProcessDue();
        Assert.Equal(TradeStatus.Mined, Assert.Single(f.Events.TradeStatuses).Status);
        Assert.False(t.TransactionHash.IsZero);

        f.Clock.Advance(TimeSpan.FromSeconds(5));
        f.Engine.ProcessDue();
        Assert.Equal([TradeStatus.Mined, TradeStatus.Confirmed], f.Events.TradeStatuses.Select(s => s.Status).ToArray());
        Assert.Equal(t.MatchTimeMs + 7000, f.Events.TradeStatuses[1].TimestampMs);
    }

    [Fact]
    public void Proceeds_AreNotSpendable_UntilMined()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 10); f.Fund(2, 10); f.Fund(3, 10);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 10));
        f.MustAccept(f.Limit(2, f.Yes, Side.Buy, 0.50m, 10));

        // Account 2 holds 10 YES but cannot sell them yet.
        SubmitResult early = f.Submit(f.Limit(2, f.Yes, Side.Sell, 0.60m, 10));
        Assert.Equal(RejectReasons.NotEnoughBalance, early.ErrorMsg);

        f.Clock.Advance(TimeSpan.FromSeconds(2));
        f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.60m, 10));
    }

    [Fact]
    public void FailingTrade_GoesRetryingThenFailed_AndRollsBalancesBack()
    {
        var f = new EngineFixture(new EngineOptions { SettlementFailureRate = 1.0, MinedDelay = TimeSpan.FromSeconds(1), ConfirmedDelay = TimeSpan.FromSeconds(1) }, feeRatePpm: 70_000);
        f.FundTokens(1, f.Yes, 10); f.Fund(2, 10);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 10));
        f.MustAccept(f.Limit(2, f.Yes, Side.Buy, 0.50m, 10));
        Assert.Equal(10_000_000 - 5_000_000 - 175_000, f.Collateral(2));

        f.Clock.Advance(TimeSpan.FromSeconds(2));
        f.Engine.ProcessDue();

        Assert.Equal([TradeStatus.Retrying, TradeStatus.Failed], f.Events.TradeStatuses.Select(s => s.Status).ToArray());
        Assert.Equal(10_000_000, f.Tokens(1, f.Yes));
        Assert.Equal(0, f.Collateral(1));
        Assert.Equal(10_000_000, f.Collateral(2));
        Assert.Equal(0, f.Tokens(2, f.Yes));
        Assert.Equal(0, f.Ledger.FeesCollected);
        Assert.Equal(10_000_000, f.AvailableCollateral(2));
    }

    [Fact]
    public void SeededFailureRate_IsDeterministic()
    {
        static TradeStatus[] Run()
        {
            var f = new EngineFixture(new EngineOptions { Seed = 42, SettlementFailureRate = 0.5, MinedDelay = TimeSpan.Zero, ConfirmedDelay = TimeSpan.Zero });
            f.FundTokens(1, f.Yes, 1000); f.Fund(2, 1000);
            for (int i = 0; i < 20; i++)
            {
                f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 5));
                f.MustAccept(f.Limit(2, f.Yes, Side.Buy, 0.50m, 5));
            }
            f.Engine.ProcessDue();
            return f.Events.TradeStatuses.Where(s => s.Status is TradeStatus.Confirmed or TradeStatus.Failed).Select(s => s.Status).ToArray();
        }
        TradeStatus[] a = Run();
        Assert.Equal(a, Run());
        Assert.Contains(TradeStatus.Failed, a);
        Assert.Contains(TradeStatus.Confirmed, a);
    }
}
