using System.Text.Json;

namespace FastMaker.Cli.Tests;

/// <summary>Runs <c>fastmaker demo</c> in-process against the embedded venue (real loopback sockets) and checks its JSON summary.</summary>
[Collection("Console")]
public sealed class DemoCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-demo-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var oldOut = Console.Out;
        var oldError = Console.Error;
        var output = new StringWriter();
        var error = new StringWriter();
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            var code = await Program.BuildRoot().Parse(args).InvokeAsync();
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    [Fact]
    public async Task Demo_FiveSeconds_WritesTheJsonSummary_AndEndsCleanAgainstTheVenue()
    {
        var json = Path.Combine(_dir, "summary.json");
        var store = Path.Combine(_dir, "demo.db");
        var (code, output, error) = await RunAsync("demo", "--seconds", "5", "--json", json, "--store", store);

        Assert.True(code == 0, "exit " + code + "\n" + output + "\n" + error);
        Assert.Contains("reconcile: clean", output);
        Assert.True(File.Exists(store), "the store was not kept at --store");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        var root = doc.RootElement;
        Assert.Equal("calm", root.GetProperty("scenario").GetString());
        Assert.Equal(2, root.GetProperty("markets").GetInt32());
        Assert.True(root.GetProperty("orders_posted").GetInt64() > 0, "no order posted in 5 s");
        Assert.True(root.GetProperty("orders_cancelled").GetInt64() > 0, "the clean stop cancels the resting quotes");
        var fills = root.GetProperty("fills").GetInt64();
        Assert.Equal(fills, root.GetProperty("maker_fills").GetInt64() + root.GetProperty("taker_fills").GetInt64());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("rejects").ValueKind);
        Assert.True(root.GetProperty("rejects").TryGetProperty("venue", out _));
        Assert.Equal(0, root.GetProperty("reconcile_differences").GetArrayLength());
        Assert.True(root.GetProperty("clean").GetBoolean());
        Assert.Equal(4, root.GetProperty("positions").GetArrayLength());
        foreach (var p in root.GetProperty("positions").EnumerateArray())
        {
            Assert.False(string.IsNullOrEmpty(p.GetProperty("token_id").GetString()));
            Assert.True(p.GetProperty("shares").GetDecimal() >= 0);
        }

        var pnl = root.GetProperty("pnl");
        Assert.Equal(pnl.GetProperty("realized").GetDecimal() + pnl.GetProperty("unrealized").GetDecimal(), pnl.GetProperty("total").GetDecimal());
        Assert.True(root.GetProperty("collateral").GetDecimal() > 0);
    }

    [Fact]
    public async Task Demo_ZeroSeconds_IsRejectedWithExitCode2()
    {
        var (code, _, error) = await RunAsync("demo", "--seconds", "0");
        Assert.Equal(2, code);
        Assert.Contains("--seconds must be at least 1", error);
    }

    [Fact]
    public async Task Demo_UnknownScenario_IsRejectedWithExitCode2_AndAReason()
    {
        var (code, _, error) = await RunAsync("demo", "--scenario", Path.Combine(_dir, "missing.json"), "--seconds", "1");
        Assert.Equal(2, code);
        Assert.StartsWith("demo: ", error);
    }

    [Fact]
    public async Task Demo_JsonInAMissingDirectory_IsRejectedBeforeRunning()
    {
        var (code, output, error) = await RunAsync("demo", "--seconds", "1", "--json", Path.Combine(_dir, "no", "such", "dir", "s.json"));
        Assert.Equal(2, code);
        Assert.Contains("does not exist", error);
        Assert.DoesNotContain("scenario calm", output);
    }
}
