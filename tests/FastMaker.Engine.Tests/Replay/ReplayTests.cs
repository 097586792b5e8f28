using System.Text;
using System.Text.Json;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Replay;
using FastMaker.Engine.Tests.Pipeline;

namespace FastMaker.Engine.Tests.Replay;

/// <summary>Replay from frames JSONL: markets from frames, books, errors, determinism, bad input.</summary>
public sealed class ReplayTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-replay-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteJsonl(params (long Ts, string Channel, byte[] Frame)[] lines)
    {
        var path = Path.Combine(_dir, "frames.jsonl");
        var text = new StringBuilder();
        foreach (var (ts, channel, frame) in lines)
        {
            text.Append(JsonSerializer.Serialize(new { ts, channel, frame = Encoding.UTF8.GetString(frame) })).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Json(ReplayReport report)
    {
        using var stream = new MemoryStream();
        ReplayReportWriter.WriteJson(report, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void FramesJsonl_WithMarketsFromTheFrames_GivesBooksEventsAndErrors()
    {
        var path = WriteJsonl(
            (1_000, "market", TestFrames.Book(TestFrames.Yes, "0.01", [("0.47", "50"), ("0.48", "100")], [("0.52", "80")])),
            (1_001, "market", TestFrames.Book(TestFrames.No, "0.01", [("0.48", "80")], [("0.52", "100")])),
            (1_100, "market", TestFrames.Change(TestFrames.Yes, "0.49", "BUY", "10", "0.49", "0.52")),
            (1_200, "market", "{\"event_type\":\"book\",\"asset_id\":"u8.ToArray()),
            (1_300, "market", TestFrames.Pong));

        var report = ReplayRunner.RunFiles(null, path, null);

        using var doc = JsonDocument.Parse(Json(report));
        var root = doc.RootElement;
        var yes = root.GetProperty("books").GetProperty(TestFrames.Yes);
        Assert.Equal("0.01", yes.GetProperty("tick_size").GetString());
        Assert.Equal("[[\"0.49\",\"10\"],[\"0.48\",\"100\"],[\"0.47\",\"50\"]]", yes.GetProperty("bids").GetRawText());
        Assert.Equal("[[\"0.52\",\"80\"]]", yes.GetProperty("asks").GetRawText());
        Assert.True(root.GetProperty("books").TryGetProperty(TestFrames.No, out _));
        Assert.Equal(1, root.GetProperty("events").GetProperty("PriceChange").GetInt32());
        Assert.Equal(1, root.GetProperty("events").GetProperty("Pong").GetInt32());
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, error.GetProperty("frame").GetInt32());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("reason").GetString()));
        Assert.Equal(64, root.GetProperty("intents_hash").GetString()!.Length);
    }

    [Fact]
    public void SameFrames_ReplayedTwice_GiveIdenticalOutput()
    {
        var path = WriteJsonl(
            (1_000, "market", TestFrames.Book(TestFrames.Yes, "0.01", [("0.48", "100")], [("0.52", "80")])),
            (1_001, "market", TestFrames.Book(TestFrames.No, "0.01", [("0.48", "80")], [("0.52", "100")])),
            (1_100, "market", TestFrames.Change(TestFrames.No, "0.47", "BUY", "5", "0.48", "0.52")));

        Assert.Equal(Json(ReplayRunner.RunFiles(null, path, null)), Json(ReplayRunner.RunFiles(null, path, null)));
        Assert.Equal(ReplayReportWriter.ToText(ReplayRunner.RunFiles(null, path, null)), ReplayReportWriter.ToText(ReplayRunner.RunFiles(null, path, null)));
    }

    [Fact]
    public void ReplayWithoutIntents_HashesNothing_AndTheAfterEventHookSeesEveryEvent()
    {
        var frames = new List<ReplayFrame> { new(1, InboundChannel.Market, 0, TestFrames.Pong), new(2, InboundChannel.Market, 0, TestFrames.Pong) };
        string empty;
        using (var none = new IntentRecorder())
        {
            empty = none.HashHex();
        }

        var events = 0;
        var report = ReplayRunner.Run(frames, TestFrames.Registry(), afterEvent: engine =>
        {
            Assert.Equal(0, engine.Intents.Count);
            events++;
        });

        Assert.Equal(2, events);
        Assert.Equal(0, report.IntentCount);
        Assert.Equal(empty, report.IntentsHash);
    }

    [Fact]
    public void MarketWithOneAssetInTheFrames_IsReportedNotGuessed()
    {
        var frames = new List<ReplayFrame>
        {
            new(1, InboundChannel.Market, 0, TestFrames.Book(TestFrames.Yes, "0.01", [("0.48", "100")], [("0.52", "80")])),
        };
        var registry = new MarketRegistry();
        var problems = ReplayMarkets.DiscoverFromFrames(frames, registry);
        Assert.Contains("1 asset id(s)", Assert.Single(problems));
        Assert.Equal(0, registry.MarketCount);
    }

    [Theory]
    [InlineData("not json", "line 1: not JSON")]
    [InlineData("{\"ts\":\"x\",\"channel\":\"market\",\"frame\":\"PONG\"}", "line 1: \"ts\"")]
    [InlineData("{\"ts\":1,\"channel\":\"rest\",\"frame\":\"PONG\"}", "not \"rest\"")]
    [InlineData("{\"ts\":1,\"channel\":\"market\"}", "\"frame\" must be")]
    public void BadFramesFile_GetsAClearError(string line, string expected)
    {
        var path = Path.Combine(_dir, "bad.jsonl");
        File.WriteAllText(path, line + "\n");
        var error = Assert.Throws<InvalidDataException>(() => ReplayRunner.RunFiles(null, path, null));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void MissingFile_AndBothOrNeitherInput_GetClearErrors()
    {
        Assert.Contains("not found", Assert.Throws<FileNotFoundException>(() => ReplayRunner.RunFiles(Path.Combine(_dir, "none.fmcap"), null, null)).Message);
        Assert.Contains("exactly one", Assert.Throws<ArgumentException>(() => ReplayRunner.RunFiles(null, null, null)).Message);
        Assert.Contains("exactly one", Assert.Throws<ArgumentException>(() => ReplayRunner.RunFiles("a", "b", null)).Message);
    }
}
