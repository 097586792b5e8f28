using System.Text.Json;
using FastMaker.Cli.Commands;
using FastMaker.Engine.Store;

namespace FastMaker.Cli.Tests;

/// <summary>Runs <c>fastmaker calibrate</c> in-process: a short live run against the embedded venue, then the paper replay of its capture.</summary>
[Collection("Console")]
public sealed class CalibrateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-calibrate-cli-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task ShortCalm_ComparesBothRuns_PaperNeverFillsMoreThanTheMarketTraded()
    {
        var json = Path.Combine(_dir, "calibration.json");
        var output = new StringWriter();
        var error = new StringWriter();
        var (code, result) = await CalibrateCommand.RunAsync("calm", 4, json, _dir, output, error, CancellationToken.None);

        Assert.True(result is not null, "no result: exit " + code + "\n" + output + "\n" + error);
        var text = output.ToString();
        // Exit 0 unless the model filled more than the venue (1, a bug to find, printed as such); never a failed run.
        Assert.True(code == 0 || (code == 1 && text.Contains("BUG", StringComparison.Ordinal)), "exit " + code + "\n" + text + "\n" + error);
        Assert.Equal(code == 1, result.PaperFillsMoreThanLive || result.PaperExceedsMarketVolume || result.Findings.Exists(f => f.StartsWith("BUG", StringComparison.Ordinal)));

        // The hard bound of the model: no paper fill larger than the volume that actually traded in the captured data.
        Assert.True(result.Paper.FilledShares <= result.MarketTradedShares + 1e-9,
            $"paper filled {result.Paper.FilledShares} shares, the market traded {result.MarketTradedShares}");
        Assert.False(result.PaperExceedsMarketVolume);

        // Structure: both runs over the same market data, quoting, with marks; every ratio defined when its base is.
        Assert.Equal("calm", result.Scenario);
        Assert.Equal(result.Live.Seconds, result.Paper.Seconds);
        Assert.True(result.Live.Seconds >= 3, "the capture spans only " + result.Live.Seconds + " s");
        Assert.True(result.Live.OrdersPlaced > 0, "the live run placed no order");
        Assert.True(result.Paper.OrdersPlaced > 0, "the paper run placed no order over the captured data");
        Assert.True(result.Live.Marks > 0 && result.Paper.Marks > 0, "marks: live " + result.Live.Marks + ", paper " + result.Paper.Marks);
        Assert.Equal(result.Live.Fills, result.Live.MakerFills + result.Live.TakerFills);
        Assert.Equal(result.Paper.Fills, result.Paper.MakerFills + result.Paper.TakerFills);
        Assert.Equal(result.Live.Fills > 0, result.FillCountRatio is not null);
        Assert.Contains("paper/live", text);
        Assert.Contains("maker markout 1 s", text);

        // Each store holds only its own kind of fill.
        using (var live = SqliteStore.Open(Path.Combine(_dir, "live.db")))
        {
            Assert.All(live.Load().Fills, f => Assert.False(f.Simulated));
        }

        using (var paper = SqliteStore.Open(Path.Combine(_dir, "paper.db")))
        {
            Assert.All(paper.Load().Fills, f => Assert.True(f.Simulated));
        }

        Assert.True(new FileInfo(Path.Combine(_dir, "live.fmcap")).Length > 0, "the capture is empty");
        using (var combined = SqliteStore.Open(Path.Combine(_dir, "calibration.db")))
        {
            // The report leaves settlements that failed on chain out of every figure.
            var fills = combined.Load().Fills.Where(f => f.Status != FastMaker.Polymarket.Parsing.TradeStatusCode.Failed).ToList();
            Assert.Equal(result.Live.Fills, fills.Count(f => !f.Simulated));
            Assert.Equal(result.Paper.Fills, fills.Count(f => f.Simulated));
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        var root = doc.RootElement;
        Assert.Equal("calm", root.GetProperty("scenario").GetString());
        Assert.Equal(result.Paper.Fills, root.GetProperty("paper").GetProperty("Fills").GetInt32());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("ratios").ValueKind);
        Assert.Equal(4, root.GetProperty("markoutHorizonsMs").GetArrayLength());
    }

    [Fact]
    public async Task ZeroSeconds_IsABadArgument()
    {
        var error = new StringWriter();
        var (code, result) = await CalibrateCommand.RunAsync("calm", 0, null, null, new StringWriter(), error, CancellationToken.None);
        Assert.Equal(2, code);
        Assert.Null(result);
        Assert.Contains("--seconds must be at least 1", error.ToString());
    }

    [Fact]
    public async Task MissingKeepDirectory_IsABadArgument()
    {
        var error = new StringWriter();
        var (code, _) = await CalibrateCommand.RunAsync("calm", 5, null, Path.Combine(_dir, "absent"), new StringWriter(), error, CancellationToken.None);
        Assert.Equal(2, code);
        Assert.Contains("--keep directory does not exist", error.ToString());
    }

    [Fact]
    public async Task UnknownScenario_FailsWithAReason_AndLeavesNoTempDirectory()
    {
        var error = new StringWriter();
        var (code, result) = await CalibrateCommand.RunAsync("no-such-scenario", 5, null, _dir, new StringWriter(), error, CancellationToken.None);
        Assert.Equal(2, code);
        Assert.Null(result);
        Assert.Contains("no-such-scenario", error.ToString());
    }
}
