using FastMaker.Engine.Store;
using FastMaker.Paper.Execution;
using FastMaker.Paper.FillModel;
using Xunit.Abstractions;

namespace FastMaker.Paper.Tests.Execution;

public class PaperReplayTests(ITestOutputHelper output)
{
    private static string Capture => Path.Combine(AppContext.BaseDirectory, "fixtures", "captures", "calm-30s.fmcap");

    [Fact]
    public void CalmCapture_ReplaysDeterministically_AndReportsItsSpeed()
    {
        var a = PaperReplay.RunFile(new PaperReplayOptions { CapturePath = Capture, AssumeOpenMarkets = true, Parameters = new PaperFillParameters { Seed = 3 } });
        var b = PaperReplay.RunFile(new PaperReplayOptions { CapturePath = Capture, AssumeOpenMarkets = true, Parameters = new PaperFillParameters { Seed = 3 } });
        output.WriteLine(a.ToText());
        output.WriteLine(b.ToText());
        Assert.True(a.Frames > 100);
        Assert.True(a.CaptureSpanMs >= 25_000);
        Assert.Equal(0, a.FrameErrors);
        Assert.True(a.Posts > 0);                       // the engine quoted through the gate into the paper venue
        Assert.True(a.GateApproved >= a.Posts);         // every post is an approval (a replace: one approval, a cancel and a post)
        Assert.Equal(0, a.Fills);                       // the calm capture has no prints: nothing may fill
        Assert.Equal((a.Posts, a.Cancels, a.Fills, a.FilledShares, a.GateApproved, a.GateRejected, a.Collateral),
            (b.Posts, b.Cancels, b.Fills, b.FilledShares, b.GateApproved, b.GateRejected, b.Collateral));
    }

    [Fact]
    public void MissingCapture_FailsWithTheFileName()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => PaperReplay.RunFile(new PaperReplayOptions { CapturePath = "/nonexistent/x.fmcap" }));
        Assert.Contains("/nonexistent/x.fmcap", ex.Message);
        Assert.Throws<ArgumentException>(() => PaperReplay.RunFile(new PaperReplayOptions()));
    }
}
