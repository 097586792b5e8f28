using FastMaker.Engine.Registry;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Engine.Tests.Registry;

public class MetadataRefresherTests
{
    private sealed class ScriptedSource : IMetadataSource
    {
        public int Calls;
        public bool FailNext;

        public Task<MetadataRefresh> FetchAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref Calls);
            if (FailNext)
            {
                FailNext = false;
                throw new HttpRequestException("gamma down");
            }

            return Task.FromResult(new MetadataRefresh([EngineHarness.Meta(1)], [], true));
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }

    [Fact]
    public async Task Refresher_FetchesAtStart_ThenEveryPeriod_AndPublishesEachResult()
    {
        var time = new FakeTimeProvider();
        var source = new ScriptedSource();
        var published = new List<MetadataRefresh>();
        var refresher = new MetadataRefresher(source, r => { lock (published) published.Add(r); }, null, time);
        using var cts = new CancellationTokenSource();
        var run = refresher.RunAsync(cts.Token);

        await WaitUntil(() => refresher.Published == 1);
        time.Advance(TimeSpan.FromMinutes(9));
        await Task.Delay(50);
        Assert.Equal(1, refresher.Published);

        time.Advance(TimeSpan.FromMinutes(1));
        await WaitUntil(() => refresher.Published == 2);
        Assert.Equal(2, published.Count);
        Assert.Single(published[1].Markets);

        cts.Cancel();
        await run;
    }

    [Fact]
    public async Task FailedFetch_IsLoggedAndCounted_AndTheNextPeriodFetchesAgain()
    {
        var time = new FakeTimeProvider();
        var source = new ScriptedSource { FailNext = true };
        var log = new ListLogger();
        var refresher = new MetadataRefresher(source, _ => { }, TimeSpan.FromMinutes(10), time, log);
        using var cts = new CancellationTokenSource();
        var run = refresher.RunAsync(cts.Token);

        await WaitUntil(() => refresher.Failures == 1);
        Assert.Equal(0, refresher.Published);
        Assert.Equal(1, log.Count("metadata fetch failed"));

        time.Advance(TimeSpan.FromMinutes(10));
        await WaitUntil(() => refresher.Published == 1);

        cts.Cancel();
        await run;
    }

    [Fact]
    public void Refresher_RejectsANonPositivePeriod() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new MetadataRefresher(new ScriptedSource(), _ => { }, TimeSpan.Zero));
}
