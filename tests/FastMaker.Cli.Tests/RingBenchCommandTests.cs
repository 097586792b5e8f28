using System.Text.Json;
using FastMaker.Cli;

namespace FastMaker.Cli.Tests;

/// <summary>Runs <c>ring-bench</c> in-process; console capture needs the tests in this class to run one at a time.</summary>
[Collection("Console")]
public class RingBenchCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var (oldOut, oldError) = (Console.Out, Console.Error);
        var (output, error) = (new StringWriter(), new StringWriter());
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            int exitCode = Program.BuildRoot().Parse(args).Invoke();
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }

    [Fact]
    public void Json_PrintsOneObject_WithEveryRequiredKeyPositive()
    {
        var (exitCode, output, _) = Run("ring-bench", "--seconds", "0.1", "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output); // throws if there is anything but one JSON value
        Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
        foreach (var key in new[]
        {
            "ring_events_per_sec", "ring_batch16_events_per_sec", "channels_events_per_sec",
            "concurrentqueue_events_per_sec", "pingpong_p50_ns", "pingpong_p99_ns", "spin_floor_p50_ns",
        })
        {
            Assert.True(document.RootElement.TryGetProperty(key, out var value), $"missing key {key}");
            Assert.True(value.GetDouble() > 0, $"{key} = {value} is not positive");
        }
        Assert.True(document.RootElement.GetProperty("pingpong_p99_ns").GetDouble()
            >= document.RootElement.GetProperty("pingpong_p50_ns").GetDouble());
    }

    [Fact]
    public void Text_PrintsTheTableWithTargets()
    {
        var (exitCode, output, _) = Run("ring-bench", "--seconds", "0.1");

        Assert.Equal(0, exitCode);
        Assert.Contains("ring, publish batch of 16", output);
        Assert.Contains("ConcurrentQueue", output);
        Assert.Contains("bare spin on a volatile long", output);
        Assert.Contains("target", output);
    }

    [Fact]
    public void Help_DescribesTheOptions()
    {
        var (exitCode, output, _) = Run("ring-bench", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--seconds", output);
        Assert.Contains("--json", output);
        Assert.Contains("--idle-pause", output);
        Assert.Contains("ConcurrentQueue", output);
    }

    [Fact]
    public void IdlePause_IsUsedAndReportedInTheJson()
    {
        var (exitCode, output, _) = Run("ring-bench", "--seconds", "0.1", "--idle-pause", "8", "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(output);
        Assert.Equal(8, document.RootElement.GetProperty("ring_idle_pause").GetInt32());
        Assert.True(document.RootElement.GetProperty("ring_events_per_sec").GetDouble() > 0);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1001")]
    [InlineData("x")]
    public void BadIdlePause_FailsWithAClearError(string pause)
    {
        var (exitCode, output, error) = Run("ring-bench", "--idle-pause", pause, "--json");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--idle-pause", output + error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1000")]
    [InlineData("abc")]
    public void BadSeconds_FailsWithAClearError(string seconds)
    {
        var (exitCode, output, error) = Run("ring-bench", "--seconds", seconds, "--json");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--seconds", output + error);
    }
}
