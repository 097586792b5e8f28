using System.CommandLine;
using FastMaker.Cli.Demo;
using FastMaker.Venue.Scenarios;

namespace FastMaker.Cli.Commands;

/// <summary>
/// <c>fastmaker demo [--scenario calm] [--seconds 60] [--json FILE] [--store FILE] [--capture FILE]</c>: the whole engine live against the
/// embedded venue over loopback, a live summary, a final summary, and the check against the venue's records. Exit code
/// 0 for a clean run, 1 when our records differ from the venue's, 2 for bad arguments or a failed start.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "Built-in scenario (" + string.Join(", ", ScenarioLoader.BuiltInNames) + ") or a scenario JSON file.",
            DefaultValueFactory = _ => "calm",
        };
        var seconds = new Option<int>("--seconds") { Description = "Seconds of quoting before the clean stop.", DefaultValueFactory = _ => 60 };
        var json = new Option<string?>("--json") { Description = "Write the final summary as one JSON object to this file." };
        var store = new Option<string?>("--store") { Description = "Keep the SQLite store in this file (default: a temporary one)." };
        var capture = new Option<string?>("--capture") { Description = "Journal the run's market data to this capture file (for `replay --paper` and calibration)." };
        var command = new Command("demo", "Run the engine live against the embedded venue on loopback and check the result against the venue's records.");
        command.Options.Add(scenario);
        command.Options.Add(seconds);
        command.Options.Add(json);
        command.Options.Add(store);
        command.Options.Add(capture);
        command.SetAction((parse, ct) => RunAsync(new DemoSettings
        {
            Scenario = parse.GetValue(scenario)!,
            Seconds = parse.GetValue(seconds),
            StorePath = parse.GetValue(store),
            CapturePath = parse.GetValue(capture),
        }, parse.GetValue(json), Console.Out, !Console.IsOutputRedirected, ct));
        return command;
    }

    /// <summary>Runs the demo and reports on <paramref name="output"/>; returns the exit code.</summary>
    internal static async Task<int> RunAsync(DemoSettings settings, string? jsonPath, TextWriter output, bool interactive, CancellationToken ct)
    {
        if (settings.Seconds < 1)
        {
            await Console.Error.WriteLineAsync("demo: --seconds must be at least 1").ConfigureAwait(false);
            return 2;
        }

        if (jsonPath is not null && Path.GetDirectoryName(Path.GetFullPath(jsonPath)) is { } dir && !Directory.Exists(dir))
        {
            await Console.Error.WriteLineAsync("demo: the directory of --json does not exist: " + dir).ConfigureAwait(false);
            return 2;
        }

        var view = new DemoConsole(output, interactive);
        DemoResult result;
        try
        {
            output.WriteLine("demo: scenario " + settings.Scenario + ", " + settings.Seconds + " s of quoting against the embedded venue on loopback");
            result = await DemoRunner.RunAsync(settings, DemoSender.Factory(), view.Show, null, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ScenarioException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync("demo: " + e.Message).ConfigureAwait(false);
            return 2;
        }

        view.ShowFinal(result);
        if (jsonPath is not null)
        {
            DemoReport.WriteJson(result, jsonPath);
            output.WriteLine("demo: summary written to " + jsonPath);
        }

        return result.Clean ? 0 : 1;
    }
}
