using FastMaker.Primitives;
using FastMaker.Venue.Flow;
using FastMaker.Venue.Matching;
using FastMaker.Venue.Scenarios;

namespace FastMaker.Venue.Tests.Flow;

public class ScenarioRunnerTests
{
    private static (string Hash, EventStreamHasher Events, ScenarioRunner Runner) Run(string scenario, TimeSpan duration, ulong? seed = null)
    {
        Scenario s = ScenarioLoader.Load(scenario);
        if (seed is { } x)
            s.Seed = x;
        var events = new EventStreamHasher();
        var clock = new SteppedTimeProvider(s.Start);
        ScenarioRunner runner = ScenarioRunner.Create(s, clock, events);
        runner.RunFor(duration);
        return (events.Finish(), events, runner);
    }

    [Theory]
    [InlineData("calm")]
    [InlineData("toxic-burst")]
    [InlineData("negrisk-event")]
    public void SameSeedSameScenario_TenMinutes_GivesTheSameEventStreamByteForByte(string scenario)
    {
        var first = Run(scenario, TimeSpan.FromMinutes(10));
        var second = Run(scenario, TimeSpan.FromMinutes(10));

        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(first.Events.Count, second.Events.Count);
        Assert.True(first.Events.Trades > 100, "a 10-minute run should trade; got " + first.Events.Trades);
    }

    [Fact]
    public void AnotherSeed_GivesAnotherStream()
    {
        Assert.NotEqual(Run("calm", TimeSpan.FromMinutes(1)).Hash, Run("calm", TimeSpan.FromMinutes(1), seed: 99).Hash);
    }

    [Fact]
    public void ToxicBurst_RunsItsSchedule_JumpsTickChangeFailuresAndResolution()
    {
        var (_, events, runner) = Run("toxic-burst", TimeSpan.FromMinutes(10));
        VenueMarket market = runner.Market("btc-150k").Market;
        Assert.True(market.Closed);
        Assert.Equal(ResolutionState.Resolved, market.Resolution);
        Assert.Equal(0, market.WinningOutcome);
        Assert.Equal(1, events.Resolutions);
        Assert.True(events.TickChanges >= 2);
        Assert.True(events.Failed > 0, "3% of trades should fail settlement");
        Assert.Equal(0, runner.Engine.LiveOrderCount);
    }

    [Fact]
    public void InformedTrader_BuysAheadOfTheJump_AndProfits()
    {
        var (_, _, runner) = Run("toxic-burst", TimeSpan.FromSeconds(125));
        FlowAgent shark = runner.Agents.Single(a => a.Name == "shark");
        FlowMarket market = runner.Market("btc-150k");
        Assert.True(shark.Submitted > 0);
        long yes = runner.Ledger.TokenBalance(shark.Address, market.Market.YesToken).Raw;
        long spent = 500_000_000_000 - runner.Ledger.CollateralBalance(shark.Address).Raw;
        Assert.True(yes > 0, "the informed trader should hold YES before the up-jump");
        // Bought below the post-jump value of 0.62.
        Assert.True(spent < yes * 0.62, $"spent {spent} for {yes} YES");
    }

    [Fact]
    public void NegRiskEvent_MarketsShareTheNegRiskId_AndGameStartClearsTheSportsBook()
    {
        var (_, _, runner) = Run("negrisk-event", TimeSpan.FromSeconds(299));
        var mayor = runner.Markets.Where(m => m.Market.EventId == "mayor").Select(m => m.Market).ToList();
        Assert.Equal(4, mayor.Count);
        Assert.All(mayor, m => Assert.True(m.NegRisk));
        Assert.Single(mayor.Select(m => m.NegRiskMarketId).Distinct());
        Assert.False(mayor[0].NegRiskMarketId.IsZero);
        VenueMarket cup = runner.Market("cup-final").Market;
        Assert.False(cup.NegRisk);
        // The fifth initial book (index 4) seeds the cup final; it rests until the game starts.
        var seeded = runner.Engine.OpenOrders("seed-book:4");
        Assert.NotEmpty(seeded);
        Assert.All(seeded, o => Assert.Equal(cup.ConditionId, o.Market));

        runner.RunFor(TimeSpan.FromSeconds(2));

        Assert.Empty(runner.Engine.OpenOrders("seed-book:4"));
        Assert.Equal(OrderStatus.Canceled, runner.Engine.GetOrder(seeded[0].Id)!.Value.Status);
    }

    [Fact]
    public void FundNewAddresses_FundsOnce()
    {
        Scenario s = ScenarioLoader.Load("calm");
        ScenarioRunner runner = ScenarioRunner.Create(s, new SteppedTimeProvider(s.Start));
        EthAddress outsider = EthAddress.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        Assert.True(runner.Ledger.EnsureFunded(outsider));
        Assert.False(runner.Ledger.EnsureFunded(outsider));
        Assert.Equal(10_000_000_000, runner.Ledger.CollateralBalance(outsider).Raw);
    }

    [Fact]
    public void InitialBooks_AreTwoSidedAroundFairValue()
    {
        Scenario s = ScenarioLoader.Load("calm");
        ScenarioRunner runner = ScenarioRunner.Create(s, new SteppedTimeProvider(s.Start));
        BookSnapshot book = runner.Engine.GetBook(runner.Market("paris-rain").Market.YesToken)!;
        Assert.Equal(5, book.Bids.Length);
        Assert.Equal(5, book.Asks.Length);
        Assert.Equal(530_000, book.BestBid.Raw);
        Assert.Equal(570_000, book.BestAsk.Raw);
    }
}
