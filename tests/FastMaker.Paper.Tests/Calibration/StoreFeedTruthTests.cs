using FastMaker.Engine.Hosting;
using FastMaker.Engine.Store;
using FastMaker.Paper.Execution;
using FastMaker.Paper.Tests.Execution;
using FastMaker.Polymarket.Orders;
using FastMaker.Primitives;

namespace FastMaker.Paper.Tests.Calibration;

/// <summary>
/// The store tells the truth: <see cref="StoreFeed"/> writes the marks the report measures against (about once a second
/// per token, and at every fill) and never stores a paper fill as real.
/// </summary>
public sealed class StoreFeedTruthTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-storefeed-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A maker bid at 0.48 in a 0.48/0.52 book, filled 15 of 20 by a print at 3000; heartbeat ticks every 250 ms.</summary>
    private (StoreSnapshot Snapshot, List<StoredMark> Marks, StoreFeed Feed, PaperEngineFixture Fixture) RunFilledBid(bool simulated, long markIntervalMs = 1_000)
    {
        var path = Path.Combine(_dir, "feed.db");
        var f = new PaperEngineFixture();
        StoreFeed feed;
        using (var store = SqliteStore.Open(path))
        using (var writer = new StoreWriter(store))
        {
            feed = new StoreFeed(writer, simulated, markIntervalMs);
            f.Engine.Observer = feed;
            f.Snapshot(1_000, [("0.48", "10")], [("0.52", "100")]);
            for (long t = 1_250; t <= 2_000; t += 250) f.Tick(t);
            f.Bid("0.48", "20");
            f.Tick(2_100);
            f.Print(true, Side.Sell, "0.48", "25", 3_000);
            for (long t = 3_000; t <= 5_000; t += 250) f.Tick(t);
            feed.WriteAll(f.Engine);
            Assert.True(writer.WaitForCommit(feed.LastGroup, TimeSpan.FromSeconds(30)), "the store writer did not commit");
        }

        using var reopened = SqliteStore.Open(path);
        return (reopened.Load(), reopened.LoadMarks(), feed, f);
    }

    [Fact]
    public void PaperFeed_StoresEveryFillSimulated()
    {
        var (snapshot, _, feed, f) = RunFilledBid(simulated: true);
        using var _ = f;
        var fill = Assert.Single(snapshot.Fills);
        Assert.True(fill.Simulated);
        Assert.Equal(Quantity.Parse("15"), fill.Size);
        Assert.Equal(StoredLiquidity.Maker, fill.Liquidity);
        Assert.Equal(0, feed.SimulatedByTradeId); // the flag decided, not the cross-check
    }

    [Fact]
    public void LiveFeed_PaperTradeId_IsStillStoredSimulated()
    {
        // A feed built for a live run that nonetheless sees a paper venue's fill: the PAPR trade id marks it simulated.
        var (snapshot, _, feed, f) = RunFilledBid(simulated: false);
        using var _ = f;
        var fill = Assert.Single(snapshot.Fills);
        Assert.True(fill.Simulated);
        Assert.Equal(2, feed.SimulatedByTradeId); // the fill's MATCHED and CONFIRMED records
    }

    [Fact]
    public void Marks_HeartbeatAtMostOncePerSecondPerToken_AndOneAtTheFill()
    {
        var (snapshot, marks, feed, f) = RunFilledBid(simulated: true);
        using var _ = f;
        var fill = Assert.Single(snapshot.Fills);
        var yes = f.Market.YesToken;
        var yesMarks = marks.Where(m => m.TokenId == yes).OrderBy(m => m.TimeMs).ToList();
        Assert.Equal(yes, Assert.Single(marks.Select(m => m.TokenId).Distinct())); // the NO token never had a book: no mark for it

        // The fill (matched at 3000, recorded at 3010) gets its own mark with the book as it was; the fill does not reset
        // the heartbeat, which runs at most once a second per token from the first priced book.
        var atFill = Assert.Single(yesMarks, m => m.TimeMs == fill.UpdatedMs);
        Assert.Equal(Price.Parse("0.48"), atFill.BestBid);
        Assert.Equal(Price.Parse("0.52"), atFill.BestAsk);
        Assert.Equal(Price.Parse("0.50"), atFill.Mid);
        var heartbeats = yesMarks.Where(m => m.TimeMs != fill.UpdatedMs).Select(m => m.TimeMs).ToList();
        // The snapshot's first event (BookBegin, no level yet) has no price; the first tick after it does (1250). The next
        // is due at 2250, but no event comes between 2100 and the print at 3000; then 4000 and 5000 (the ticks at
        // 3250..3750 are within the second, and the fill's mark at 3010 does not count as a heartbeat).
        Assert.Equal(new long[] { 1_250, 3_000, 4_000, 5_000 }, heartbeats);
        Assert.True(feed.MarksAppended >= marks.Count); // MATCHED and CONFIRMED in the same ms write the same key twice
    }

    [Fact]
    public void MarkIntervalZero_WritesNoMarks_ButStillTheFill()
    {
        var (snapshot, marks, feed, f) = RunFilledBid(simulated: true, markIntervalMs: 0);
        using var _ = f;
        Assert.Empty(marks);
        Assert.Equal(0, feed.MarksAppended);
        Assert.Single(snapshot.Fills);
    }

    [Fact]
    public void NegativeMarkInterval_IsRejected()
    {
        using var store = SqliteStore.Open(Path.Combine(_dir, "bad.db"));
        using var writer = new StoreWriter(store);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StoreFeed(writer, false, -1));
    }

    [Fact]
    public void IsPaperTradeId_AgreesWithThePaperVenue()
    {
        using var f = new PaperEngineFixture();
        f.Snapshot(1_000, [("0.48", "10")], [("0.52", "100")]);
        f.Tick(2_000);
        f.Bid("0.48", "20");
        f.Tick(2_100);
        f.Print(true, Side.Sell, "0.48", "25", 3_000);
        f.Tick(4_000);
        var paperId = Assert.Single(f.Paper.Fills).TradeId;
        Assert.True(StoreFeed.IsPaperTradeId(paperId));
        Assert.Equal(PaperExecution.IsSimulatedTradeId(paperId), StoreFeed.IsPaperTradeId(paperId));
        Assert.False(StoreFeed.IsPaperTradeId(Guid.Parse("2f6c1a0e-7d3b-4c8e-9a51-0b2d4e6f8a10")));
        Assert.False(StoreFeed.IsPaperTradeId(Guid.Empty));
    }

    [Fact]
    public void PaperReplayWithStore_WritesMarksForTheReport()
    {
        var capture = Path.Combine(AppContext.BaseDirectory, "fixtures", "captures", "calm-30s.fmcap");
        var path = Path.Combine(_dir, "replay.db");
        var result = PaperReplay.RunFile(new PaperReplayOptions { CapturePath = capture, StorePath = path, AssumeOpenMarkets = true });
        using var store = SqliteStore.Open(path);
        var marks = store.LoadMarks();
        Assert.Equal(result.MarksStored, marks.Count);

        // 29 s of data, 2 markets = 4 tokens with books: about 30 heartbeats per token, never two within a second.
        Assert.True(marks.Count >= 4 * 25, "only " + marks.Count + " marks for 4 tokens over 29 s");
        foreach (var byToken in marks.GroupBy(m => m.TokenId))
        {
            var times = byToken.Select(m => m.TimeMs).OrderBy(t => t).ToList();
            for (int i = 1; i < times.Count; i++) Assert.True(times[i] - times[i - 1] >= 1_000);
            foreach (var m in byToken)
            {
                if (m.BestBid.Raw > 0 && m.BestAsk.Raw > 0)
                {
                    Assert.InRange(m.Mid.Raw, m.BestBid.Raw, m.BestAsk.Raw);
                }
                else
                {
                    Assert.Equal(0, m.Mid.Raw);
                }
            }
        }

        Assert.All(store.Load().Fills, fill => Assert.True(fill.Simulated));
    }
}
