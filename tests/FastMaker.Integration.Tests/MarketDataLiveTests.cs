using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Primitives;
using Xunit.Abstractions;

namespace FastMaker.Integration.Tests;

/// <summary>
/// The market side over real loopback WebSockets against the in-process venue: books equal the venue's at checkpoints,
/// and tick size changes, stale feeds, dropped sockets and negRisk flag changes pull and resume quoting as they should.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MarketDataLiveTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CalmScenario_EngineBooksEqualVenueBooks_AtEveryCheckpoint_AndBothMarketsAreQuoted()
    {
        await using var rig = await MarketDataRig.StartAsync("calm");
        for (var checkpoint = 0; checkpoint < 3; checkpoint++)
        {
            await rig.AdvanceAsync(TimeSpan.FromSeconds(4));
            await rig.WaitForVenueBooksAsync();
        }

        var intents = rig.Tap.Intents();
        output.WriteLine(intents.Count + " intents over " + rig.Tap.Events + " events");
        for (var m = 0; m < rig.Markets.Count; m++)
        {
            Assert.Contains(intents, i => i.Intent.MarketIndex == m && i.Intent.Kind == IntentKind.Place && i.Intent.PostOnly);
            var market = m;
            Assert.True(await rig.OnEngineAsync(e => MarketDataRig.LiveOrderCount(e, market)) > 0, "market " + m + " has no resting quote");
        }

        Assert.Equal(0, await rig.OnEngineAsync(e => e.Books.UnknownTokenEvents));
        Assert.Equal(0, await rig.OnEngineAsync(e => e.Books.TopOfBookMismatches));
        Assert.Equal(0, rig.Ingress.Translator.Errors);
    }

    [Fact]
    public async Task TickSizeChange_ToAFinerTick_RegridsBothBooks_AndRequotesOnTheNewGrid()
    {
        await using var rig = await MarketDataRig.StartAsync("calm");
        await rig.AdvanceAsync(TimeSpan.FromSeconds(3));
        await rig.WaitForVenueBooksAsync();
        var changed = rig.Markets[0];
        var mark = rig.Tap.IntentCount;

        rig.Venue.WithEngine(e =>
        {
            e.SetTickSize(changed.ConditionId, TickSize.Thousandth);
            return 0;
        });
        await rig.WaitUntilAsync(e => e.Registry.Market(0).Tick == TickSize.Thousandth, "the engine to take the new tick size");
        await rig.WaitForVenueBooksAsync();
        await rig.AdvanceAsync(TimeSpan.FromSeconds(4));
        await rig.WaitForVenueBooksAsync();

        var after = rig.Tap.Intents().Skip(mark).Where(i => i.Intent.MarketIndex == 0 && i.Intent.Kind != IntentKind.Cancel).ToList();
        output.WriteLine(after.Count + " place/replace intents for the re-ticked market after the change");
        Assert.NotEmpty(after);
        Assert.All(after, i => Assert.True(TickSize.Thousandth.IsAligned(i.Intent.Price), "price " + i.Intent.Price + " is off the 0.001 grid"));
        Assert.Contains(after, i => !TickSize.Hundredth.IsAligned(i.Intent.Price));
        Assert.True(await rig.OnEngineAsync(e => MarketDataRig.LiveOrderCount(e, 0)) > 0, "the re-ticked market is no longer quoted");
        Assert.True(await rig.OnEngineAsync(e => MarketDataRig.LiveOrderCount(e, 1)) > 0, "the other market is no longer quoted");
    }

    [Fact]
    public async Task StaleFeed_ForOneMarket_PullsItsQuotes_KeepsTheOther_AndResumesWhenDataReturns()
    {
        await using var rig = await MarketDataRig.StartAsync("calm");
        await rig.AdvanceAsync(TimeSpan.FromSeconds(3));
        await rig.WaitForVenueBooksAsync();
        Assert.True(await rig.OnEngineAsync(e => MarketDataRig.LiveOrderCount(e, 1)) > 0, "market 1 was not quoted before the stall");
        var silent = rig.Markets[1];
        string[] tokens = [silent.YesToken.ToString(), silent.NoToken.ToString()];

        // The venue sends nothing more for this market: the engine sees a feed that stopped.
        await rig.Feed.UnsubscribeAsync(tokens);
        var stallMark = rig.Tap.IntentCount;
        await rig.AdvanceAsync(TimeSpan.FromSeconds(5));
        await rig.WaitUntilAsync(e => MarketDataRig.LiveOrderCount(e, 1) == 0, "the stale market's quotes to be pulled");
        Assert.True(await rig.OnEngineAsync(e => e.Books.IsStale(e.Registry.Market(1).YesIndex, e.NowMs)), "the silent market's book is not stale");
        Assert.True(await rig.OnEngineAsync(e => MarketDataRig.LiveOrderCount(e, 0)) > 0, "the live market lost its quotes");
        var stalled = rig.Tap.Intents().Skip(stallMark).Where(i => i.Intent.MarketIndex == 1).ToList();
        Assert.NotEmpty(stalled);
        Assert.All(stalled, i => Assert.Equal(IntentKind.Cancel, i.Intent.Kind));
        Assert.All(stalled, i => Assert.Equal(InboundKind.Timer, i.EventKind));

        // Data returns: a fresh snapshot, and the market is quoted again.
        var resumeMark = rig.Tap.IntentCount;
        await rig.Feed.SubscribeAsync(tokens);
        await rig.WaitForVenueBooksAsync();
        await rig.AdvanceAsync(TimeSpan.FromSeconds(1));
        await rig.WaitUntilAsync(e => MarketDataRig.LiveOrderCount(e, 1) > 0, "quoting to resume on the market whose data returned");
        Assert.Contains(rig.Tap.Intents().Skip(resumeMark), i => i.Intent.MarketIndex == 1 && i.Intent.Kind == IntentKind.Place);
        await rig.WaitForVenueBooksAsync();
    }

    [Fact]
    public async Task DroppedSocket_PullsEveryQuote_ThenReconnectsResubscribesRebuildsBooks_AndQuotesAgain()
    {
        await using var rig = await MarketDataRig.StartAsync("calm");
        await rig.AdvanceAsync(TimeSpan.FromSeconds(3));
        await rig.WaitForVenueBooksAsync();
        var mark = rig.Tap.IntentCount;

        // Reconnection runs on the fake clock's back-off; housekeeping pulls the quotes meanwhile.
        await rig.DropAndReconnectAsync();

        await rig.WaitForVenueBooksAsync();
        await rig.AdvanceAsync(TimeSpan.FromSeconds(1));
        await rig.WaitUntilAsync(e => MarketDataRig.LiveOrderCount(e, 0) > 0 && MarketDataRig.LiveOrderCount(e, 1) > 0, "quoting to resume on both markets");
        await rig.WaitForVenueBooksAsync();

        var connections = rig.Tap.ConnectionEvents();
        // Disconnected and Reconnecting both report Down.
        var down = connections.First(c => c.State == ConnectionState.Down).Ordinal;
        var up = connections.First(c => c.State == ConnectionState.Up && c.Ordinal > down).Ordinal;
        var intents = rig.Tap.Intents().Skip(mark).ToList();
        for (var m = 0; m < rig.Markets.Count; m++)
        {
            var market = m;
            var between = intents.Where(i => i.Intent.MarketIndex == market && i.EventOrdinal > down && i.EventOrdinal < up).ToList();
            Assert.NotEmpty(between);
            Assert.All(between, i => Assert.Equal(IntentKind.Cancel, i.Intent.Kind));
            Assert.Contains(intents, i => i.Intent.MarketIndex == market && i.EventOrdinal > up && i.Intent.Kind == IntentKind.Place);
        }
    }

    [Fact]
    public async Task NegRiskFlagChange_CancelsAllOfTheEventsMarketsFirst_HaltsThem_AndResumesAfterACleanRefresh()
    {
        await using var rig = await MarketDataRig.StartAsync("calm");
        await rig.AdvanceAsync(TimeSpan.FromSeconds(3));
        await rig.WaitForVenueBooksAsync();
        Assert.True(await rig.OnEngineAsync(e => MarketDataRig.LiveOrderCount(e, 0)) > 0, "market 0 was not quoted before the change");
        var refresh = await rig.FetchMetadataAsync();
        var target = refresh.Markets.Single(m => m.ConditionId == rig.Markets[0].ConditionId);
        Assert.NotNull(target.EventId);
        Assert.False(target.NegRisk ?? false);
        // The venue cannot flip an event's negRisk flag while running, so the refresh it served is edited as the
        // next Gamma answer would read after such a change.
        var flipped = new MetadataRefresh(
            refresh.Markets.Select(m => m.EventId == target.EventId ? m with { NegRisk = true, EventNegRisk = true } : m).ToList(),
            refresh.Rejected,
            refresh.IsComplete);

        var mark = rig.Tap.IntentCount;
        rig.Enqueue(ControlItem.ForCold(InboundKind.MetadataRefresh, flipped, rig.NowMs));
        await rig.WaitUntilAsync(e => e.Metadata.RefreshesApplied == 2, "the changed refresh to be applied");
        var onChange = rig.Tap.Intents().Skip(mark).ToList();
        Assert.NotEmpty(onChange);
        Assert.Equal(IntentKind.CancelAll, onChange[0].Intent.Kind);
        Assert.Equal(0, onChange[0].Intent.MarketIndex);
        Assert.Equal(InboundKind.MetadataRefresh, onChange[0].EventKind);
        Assert.Equal(FastMaker.Engine.Time.MarketState.Halted, await rig.OnEngineAsync(e => e.Registry.Market(0).State));
        Assert.Equal(0, await rig.OnEngineAsync(e => MarketDataRig.LiveOrderCount(e, 0)));

        await rig.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(rig.Tap.Intents().Skip(mark), i => i.Intent.MarketIndex == 0 && i.Intent.Kind is IntentKind.Place or IntentKind.Replace);
        Assert.True(await rig.OnEngineAsync(e => MarketDataRig.LiveOrderCount(e, 1)) > 0, "the other event's market stopped quoting");

        // The next refresh carries the same (new) flags: clean, so the halt lifts.
        var resumeMark = rig.Tap.IntentCount;
        rig.Enqueue(ControlItem.ForCold(InboundKind.MetadataRefresh, flipped, rig.NowMs));
        await rig.WaitUntilAsync(e => e.Metadata.RefreshesApplied == 3, "the clean refresh to be applied");
        await rig.AdvanceAsync(TimeSpan.FromSeconds(2));
        await rig.WaitUntilAsync(e => MarketDataRig.LiveOrderCount(e, 0) > 0, "quoting to resume after the clean refresh");
        Assert.Contains(rig.Tap.Intents().Skip(resumeMark), i => i.Intent.MarketIndex == 0 && i.Intent.Kind == IntentKind.Place);
    }
}
