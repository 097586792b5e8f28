using System.CommandLine;
using FastMaker.Cli.Demo;
using FastMaker.Paper.Calibration;
using FastMaker.Paper.Execution;
using FastMaker.Venue.Scenarios;

namespace FastMaker.Cli.Commands;

/// <summary>
/// <c>fastmaker calibrate --scenario calm|toxic-burst [--seconds 60] [--json FILE] [--keep DIR]</c>: the paper model's
/// calibration (issue 7). The scenario runs once live against the embedded venue (real matching, the demo's path) while
/// its market data is journaled to a capture; then the paper model replays that capture with the same quote and budget
/// settings; the two stores are compared side by side (fills, fill rate, fill size, maker markouts, ratio paper/live).
/// With <c>--keep</c>, also calibration.db: both runs' fills in one store for <c>fastmaker report</c>. Exit code 0 when the paper run filled no more than the venue did, 1 when it filled more (a bug in the model, not a
/// parameter to tune) or a store was mislabelled, 2 for bad arguments or a failed run.
/// </summary>
internal static class CalibrateCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "Built-in scenario (" + string.Join(", ", ScenarioLoader.BuiltInNames) + ") or a scenario JSON file.",
            DefaultValueFactory = _ => "calm",
        };
        var seconds = new Option<int>("--seconds") { Description = "Seconds of live quoting (the paper run replays the same span).", DefaultValueFactory = _ => 60 };
        var json = new Option<string?>("--json") { Description = "Write every figure of the comparison as JSON to this file." };
        var keep = new Option<string?>("--keep")
        {
            Description = "Keep the capture (live.fmcap) and both stores (live.db, paper.db) in this directory, for `fastmaker report` (default: a temporary directory, deleted).",
        };
        var command = new Command("calibrate",
            "Run a scenario live against the embedded venue while capturing its market data, replay the capture through the paper model with the same settings, and compare fills and markouts side by side.");
        command.Options.Add(scenario);
        command.Options.Add(seconds);
        command.Options.Add(json);
        command.Options.Add(keep);
        command.SetAction(async (parse, ct) =>
        {
            var (code, _) = await RunAsync(parse.GetValue(scenario)!, parse.GetValue(seconds), parse.GetValue(json), parse.GetValue(keep), Console.Out,
                Console.Error, ct).ConfigureAwait(false);
            return code;
        });
        return command;
    }

    /// <summary>Runs the calibration; returns the exit code and the comparison (null when the run failed).</summary>
    internal static async Task<(int ExitCode, CalibrationResult? Result)> RunAsync(string scenario, int seconds, string? jsonPath, string? keepDir,
        TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (seconds < 1)
        {
            await error.WriteLineAsync("calibrate: --seconds must be at least 1").ConfigureAwait(false);
            return (2, null);
        }

        if (jsonPath is not null && Path.GetDirectoryName(Path.GetFullPath(jsonPath)) is { } jsonDir && !Directory.Exists(jsonDir))
        {
            await error.WriteLineAsync("calibrate: the directory of --json does not exist: " + jsonDir).ConfigureAwait(false);
            return (2, null);
        }

        if (keepDir is not null && !Directory.Exists(keepDir))
        {
            await error.WriteLineAsync("calibrate: the --keep directory does not exist: " + keepDir).ConfigureAwait(false);
            return (2, null);
        }

        var dir = keepDir ?? Directory.CreateTempSubdirectory("fastmaker-calibrate-").FullName;
        var capture = Path.Combine(dir, "live.fmcap");
        var liveStore = Path.Combine(dir, "live.db");
        var paperStore = Path.Combine(dir, "paper.db");
        var combinedStore = Path.Combine(dir, "calibration.db");
        try
        {
            foreach (var stale in new[] { capture, liveStore, paperStore, combinedStore })
            {
                // A store left by an earlier run would mix two runs' fills.
                DeleteStore(stale);
            }

            output.WriteLine("calibrate: scenario " + scenario + ": " + seconds + " s live against the embedded venue, capturing market data");
            var live = await DemoRunner.RunAsync(new DemoSettings { Scenario = scenario, Seconds = seconds, StorePath = liveStore, CapturePath = capture },
                DemoSender.Factory(), null, null, ct).ConfigureAwait(false);
            output.WriteLine("calibrate: live run done (" + live.Summary.Fills + " fills, reconcile " + (live.Clean ? "clean" : "NOT clean: " + live.ReconcileDifferences.Count + " differences")
                + "); replaying the capture through the paper model");
            var paper = PaperReplay.RunFile(new PaperReplayOptions
            {
                CapturePath = capture,
                StorePath = paperStore,
                AssumeOpenMarkets = true,
                Quote = DemoProfile.Quote,
                Budget = DemoProfile.Budget,
                HousekeepingIntervalMs = 250, // the live host's housekeeping period
            });
            var result = CalibrationComparer.Compare(live.Scenario, liveStore, paperStore, paper);
            if (!live.Clean)
            {
                result.Findings.Add("the live run did not end equal to the venue's records (" + live.ReconcileDifferences.Count + " differences): its figures are suspect");
            }

            output.Write(CalibrationComparer.ToText(result));
            if (keepDir is not null)
            {
                // For `fastmaker report`: its calibration figure and Gate A's calibration criterion need both kinds in one store.
                CalibrationStore.WriteCombined(liveStore, paperStore, combinedStore);
                output.WriteLine("calibrate: kept " + capture + ", " + liveStore + ", " + paperStore + ", and " + combinedStore
                    + " (real and simulated fills, live marks) for `fastmaker report`");
            }

            if (jsonPath is not null)
            {
                await File.WriteAllTextAsync(jsonPath, CalibrationComparer.ToJson(result) + "\n", ct).ConfigureAwait(false);
                output.WriteLine("calibrate: figures written to " + jsonPath);
            }

            var bug = result.PaperFillsMoreThanLive || result.PaperExceedsMarketVolume;
            foreach (var f in result.Findings)
            {
                bug |= f.StartsWith("BUG", StringComparison.Ordinal);
            }

            return (bug ? 1 : 0, result);
        }
        catch (Exception e) when (e is ScenarioException or IOException or InvalidDataException or InvalidOperationException or UnauthorizedAccessException
            or ArgumentException)
        {
            await error.WriteLineAsync("calibrate: " + e.Message).ConfigureAwait(false);
            return (2, null);
        }
        finally
        {
            if (keepDir is null)
            {
                TryDelete(dir);
            }
        }
    }

    private static void DeleteStore(string path)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
