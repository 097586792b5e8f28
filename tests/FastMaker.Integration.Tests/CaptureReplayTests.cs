using System.Buffers;
using FastMaker.Engine.Journal;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Replay;
using FastMaker.Venue.Matching;

namespace FastMaker.Integration.Tests;

/// <summary>Venue scenario -> market-channel frames -> capture -> replay: the engine's books equal the venue's books.</summary>
public sealed class CaptureReplayTests : IDisposable
{
    private const string FixtureName = "fixtures/captures/calm-30s.fmcap";
    private static readonly string FixturePath = Path.Combine(AppContext.BaseDirectory, FixtureName);
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-capture-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    internal static void AssertBooksEqual(IReadOnlyList<BookSnapshot> venue, ReplayReport report)
    {
        Assert.Equal(venue.Count, report.Books.Count);
        foreach (var expected in venue)
        {
            var actual = Assert.Single(report.Books, b => b.AssetId == expected.AssetId.ToString());
            Assert.True(actual.Trusted, "book " + actual.AssetId + " is untrusted");
            Assert.Equal(expected.TickSize, actual.TickSize);
            Assert.Equal(expected.Bids.Select(l => (l.Price, l.Size)), actual.Bids);
            Assert.Equal(expected.Asks.Select(l => (l.Price, l.Size)), actual.Asks);
        }
    }

    private static ReplayReport Replay(IReadOnlyList<ReplayFrame> frames)
    {
        var registry = new MarketRegistry();
        Assert.Empty(ReplayMarkets.DiscoverFromFrames(frames, registry));
        return ReplayRunner.Run(frames, registry);
    }

    [Fact]
    public void CalmScenario_ReplayedFrames_MatchTheVenuesBooksExactly_AtEveryCheckpoint()
    {
        var recorder = VenueFrameRecorder.Start("calm");
        for (var checkpoint = 0; checkpoint < 3; checkpoint++)
        {
            recorder.Runner.RunFor(TimeSpan.FromSeconds(20));
            var report = Replay(recorder.Frames);
            Assert.Empty(report.Errors);
            Assert.Equal(0, report.UnknownTokenEvents);
            AssertBooksEqual(recorder.Snapshots(), report);
        }

        Assert.True(recorder.Frames.Count > 100, "the calm scenario produced only " + recorder.Frames.Count + " frames");
    }

    [Fact]
    public void CalmScenario_ThroughTheJournalAndBack_ReplaysIdenticallyTwice()
    {
        var recorder = VenueFrameRecorder.Start("calm");
        recorder.Runner.RunFor(TimeSpan.FromSeconds(30));
        var path = Path.Combine(_dir, "calm.fmcap");
        WriteCapture(recorder.Frames, path);

        var first = Json(ReplayRunner.RunFiles(path, null, null));
        var second = Json(ReplayRunner.RunFiles(path, null, null));

        Assert.Equal(first, second);
        AssertBooksEqual(recorder.Snapshots(), ReplayRunner.RunFiles(path, null, null));
    }

    [Fact]
    public void CommittedCalmFixture_ReplaysCleanly_AndIdenticallyTwice()
    {
        if (Environment.GetEnvironmentVariable("FASTMAKER_WRITE_FIXTURES") == "1")
        {
            // Regenerates tests/fixtures/captures/calm-30s.fmcap in the source tree (see README.md there).
            var recorder = VenueFrameRecorder.Start("calm");
            recorder.Runner.RunFor(TimeSpan.FromSeconds(30));
            WriteCapture(recorder.Frames, Path.Combine(RepositoryRoot(), "tests", FixtureName));
        }

        Assert.True(File.Exists(FixturePath), "missing fixture " + FixturePath);
        var first = ReplayRunner.RunFiles(FixturePath, null, null);
        Assert.Empty(first.Errors);
        Assert.Empty(first.Warnings);
        Assert.Equal(4, first.Books.Count);
        Assert.All(first.Books, b => Assert.True(b.Trusted && b.Bids.Count > 0 && b.Asks.Count > 0));
        Assert.Equal(Json(first), Json(ReplayRunner.RunFiles(FixturePath, null, null)));

        // The fixture equals what the scenario produces today: the venue is deterministic, so is the capture.
        var fresh = VenueFrameRecorder.Start("calm");
        fresh.Runner.RunFor(TimeSpan.FromSeconds(30));
        AssertBooksEqual(fresh.Snapshots(), first);
    }

    internal static void WriteCapture(IReadOnlyList<ReplayFrame> frames, string path)
    {
        using var journal = FrameJournal.Create(path, frames.Count > 0 ? frames[0].ReceiveMs : 0);
        foreach (var frame in frames)
        {
            journal.Append(frame.ReceiveMs, frame.Channel, frame.ConnectionId, new ReadOnlySequence<byte>(frame.Frame));
        }
    }

    private static string Json(ReplayReport report)
    {
        using var stream = new MemoryStream();
        ReplayReportWriter.WriteJson(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FastMaker.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("FastMaker.sln not found above " + AppContext.BaseDirectory);
    }
}
