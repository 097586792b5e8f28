using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
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
}
