using FastMaker.Cli.Commands;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Replay;
using FastMaker.Paper.Execution;

namespace FastMaker.Cli.Tests;

/// <summary><c>fastmaker venue record</c>: a deterministic capture of a scenario in simulated time, replayable by the paper backtest.</summary>
public sealed class VenueRecordCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-venue-record-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Output, string Error) Run(string scenario, int seconds, string? path)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = VenueRecordCommand.Run(scenario, seconds, path, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Record_WritesACaptureTheSameEachTime_ThatThePaperReplayReadsAndFills()
    {
        var a = Path.Combine(_dir, "a.fmcap");
        var b = Path.Combine(_dir, "sub", "b.fmcap");
        var first = Run("calm", 300, a);
        Assert.Equal(0, first.Code);
        Assert.Contains("recorded calm: 300.0 s simulated", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, Run("calm", 300, b).Code);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));

        var frames = CaptureFrames.ReadFile(a, out var warning);
        Assert.Null(warning);
        Assert.All(frames, f => Assert.Equal(InboundChannel.Market, f.Channel));
        Assert.InRange(frames[^1].ReceiveMs - frames[0].ReceiveMs, 299_000, 300_000);

        var result = PaperReplay.RunFile(new PaperReplayOptions { CapturePath = a, AssumeOpenMarkets = true });
        Assert.Equal(0, result.FrameErrors);
        Assert.Equal(2, result.Markets);
        Assert.True(result.MarketTrades > 50, "only " + result.MarketTrades + " market trades in 300 s of calm");
        Assert.True(result.Posts > 0, "the engine never quoted");
        // The model never fills more than the market traded.
        Assert.True(result.FilledShares.Raw <= result.MarketTradedShares.Raw);
    }

    [Theory]
    [InlineData("calm", 0, "x.fmcap", "--seconds must be between 1 and 86400, got 0")]
    [InlineData("calm", 86_401, "x.fmcap", "--seconds must be between 1 and 86400")]
    [InlineData("calm", 10, null, "--out FILE is required")]
    [InlineData("no-such-scenario", 10, "x.fmcap", "no-such-scenario")]
    public void BadInput_Exits2_WithTheReason_AndWritesNothing(string scenario, int seconds, string? file, string reason)
    {
        var path = file is null ? null : Path.Combine(_dir, file);
        var (code, _, error) = Run(scenario, seconds, path);
        Assert.Equal(2, code);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.False(path is not null && File.Exists(path));
    }
}
