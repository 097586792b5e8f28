using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using FastMaker.Engine.Journal;
using FastMaker.Engine.Pipeline;
using FastMaker.Venue.Recording;
using FastMaker.Venue.Scenarios;

namespace FastMaker.Cli.Commands;

/// <summary>
/// <c>fastmaker venue record --scenario NAME|FILE --seconds N --out FILE</c>: runs the scenario in stepped simulated time
/// (no sockets, no wall clock) and writes the market-channel frames the venue would send, with their simulated receive
/// times, as a capture (format v2) for <c>fastmaker replay</c>. Deterministic: the same scenario and length give the
/// same file byte for byte.
/// </summary>
internal static class VenueRecordCommand
{
    /// <summary>The longest recording accepted: one day of simulated time.</summary>
    public const int MaxSeconds = 86_400;

    public static Command Create()
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "Built-in scenario (" + string.Join(", ", ScenarioLoader.BuiltInNames) + ") or a scenario JSON file.",
            DefaultValueFactory = _ => "calm",
        };
        var seconds = new Option<int>("--seconds") { Description = "Simulated seconds to record (1 to 86400).", DefaultValueFactory = _ => 3600 };
        var output = new Option<string?>("--out") { Description = "The capture file to write (replaced if it exists)." };
        var command = new Command("record",
            "Record a scenario's market-channel frames in simulated time, faster than real time, as a capture for replay.");
        command.Options.Add(scenario);
        command.Options.Add(seconds);
        command.Options.Add(output);
        command.SetAction(parse => Run(parse.GetValue(scenario)!, parse.GetValue(seconds), parse.GetValue(output), Console.Out, Console.Error));
        return command;
    }

    /// <summary>Validates, records and prints one summary line; returns the exit code (0, or 2 for bad input).</summary>
    internal static int Run(string scenarioName, int seconds, string? path, TextWriter output, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            error.WriteLine("venue record: --out FILE is required");
            return 2;
        }

        if (seconds is < 1 or > MaxSeconds)
        {
            error.WriteLine("venue record: --seconds must be between 1 and " + MaxSeconds.ToString(CultureInfo.InvariantCulture) + ", got "
                + seconds.ToString(CultureInfo.InvariantCulture));
            return 2;
        }

        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(scenarioName);
        }
        catch (Exception e) when (e is ScenarioException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine("venue record: " + e.Message);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        ScenarioRecording recording;
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null)
            {
                Directory.CreateDirectory(directory);
            }

            // The header's creation time is the scenario's start, so the file does not depend on when it was made.
            using var journal = FrameJournal.Create(path, scenario.Start.ToUnixTimeMilliseconds());
            recording = ScenarioFrameRecorder.Record(scenario, TimeSpan.FromSeconds(seconds),
                (receiveMs, frame) => journal.Append(receiveMs, InboundChannel.Market, 0, new ReadOnlySequence<byte>(frame)));
            journal.Dispose();
            if (journal.Fault is { } fault)
            {
                throw new IOException("could not write " + path + ": " + fault.Message, fault);
            }

            if (journal.FramesDropped > 0)
            {
                throw new IOException("the journal dropped " + journal.FramesDropped.ToString(CultureInfo.InvariantCulture) + " frames");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ScenarioException)
        {
            error.WriteLine("venue record: " + e.Message);
            return 2;
        }

        clock.Stop();
        var simulated = (recording.EndMs - recording.StartMs) / 1000.0;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recorded {recording.Scenario}: {simulated:F1} s simulated in {clock.Elapsed.TotalSeconds:F1} s, {recording.Frames} market frames ({recording.TradeFrames} last_trade_price), {new FileInfo(path).Length} bytes -> {path}"));
        return 0;
    }
}
