using System.Diagnostics;
using System.Globalization;
using FastMaker.Engine.Store;
using Xunit.Abstractions;

namespace FastMaker.Engine.Tests.Store;

public sealed class StoreCrashTests
{
    private const int Kills = 20;
    private readonly ITestOutputHelper _output;

    public StoreCrashTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Sigkill_AtRandomPoints_20Times_StoreHoldsExactlyAPrefixOfTheStream()
    {
        using var dir = new TempStorePath();
        var random = new Random(20_26);
        var expected = new ReferenceState();
        long previous = 0;
        var killedWithWritesInFlight = 0;

        for (var run = 0; run < Kills; run++)
        {
            var (acknowledged, started) = RunChildAndKill(dir.File, random.Next(20, 250));

            using var store = SqliteStore.Open(dir.File);
            Assert.Equal("ok", store.QuickCheck());
            var loaded = store.Load();
            var last = loaded.LastGroupSequence;

            // Every group the child reported durable is there; nothing committed is ever lost between runs.
            Assert.True(last >= acknowledged, $"run {run}: group {acknowledged} was acknowledged but the store ends at {last}");
            Assert.True(last >= previous, $"run {run}: the store went back from {previous} to {last}");
            Assert.Equal(previous + 1, started);

            // Exactly groups 1..last, each whole: any half-written group would differ from the reference.
            expected.AdvanceCrashStreamTo(last);
            expected.AssertEqual(loaded);

            if (last > acknowledged)
            {
                killedWithWritesInFlight++;
            }

            _output.WriteLine($"run {run}: child wrote from {started}, acknowledged {acknowledged}, store holds 1..{last}");
            previous = last;
        }

        Assert.True(previous > Kills, $"the children made too little progress ({previous} groups) for the test to mean anything");
        _output.WriteLine($"{killedWithWritesInFlight} of {Kills} kills landed after a commit the child had not yet reported");
    }

    private (long Acknowledged, long Started) RunChildAndKill(string databasePath, int killAfterMs)
    {
        var testAssembly = typeof(StoreCrashChild).Assembly.Location;
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(testAssembly);
        info.Environment[StoreCrashChild.PathVariable] = databasePath;

        long acknowledged = 0;
        long started = -1;
        var firstCommit = new ManualResetEventSlim(false);
        var errors = new System.Text.StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (e.Data.StartsWith("C ", StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref acknowledged, long.Parse(e.Data.AsSpan(2), CultureInfo.InvariantCulture));
                firstCommit.Set();
            }
            else if (e.Data.StartsWith("S ", StringComparison.Ordinal))
            {
                Interlocked.Exchange(ref started, long.Parse(e.Data.AsSpan(2), CultureInfo.InvariantCulture));
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };

        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var committed = firstCommit.Wait(TimeSpan.FromSeconds(60));
        if (committed)
        {
            Thread.Sleep(killAfterMs);
        }

        var exitedByItself = process.HasExited;
        if (!exitedByItself)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
        Assert.True(committed, "the crash child never committed a group: " + errors);
        Assert.False(exitedByItself, "the crash child exited before it was killed: " + errors);
        return (Interlocked.Read(ref acknowledged), Interlocked.Read(ref started));
    }
}
