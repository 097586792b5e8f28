using System.CommandLine;
using FastMaker.Engine.Replay;

namespace FastMaker.Cli.Commands;

/// <summary>
/// <c>fastmaker replay</c>: runs the engine over a capture or a frames JSONL file on one thread, sends nothing, and prints
/// every token's final book, event counts, malformed frames and the hash of the intents produced.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create()
    {
        var capture = new Option<string?>("--capture")
        {
            Description = "A capture file written by the journal (binary, versioned; see src/FastMaker.Engine/Journal/FORMAT.md).",
        };
        var frames = new Option<string?>("--frames")
        {
            Description = "A JSONL file instead of a capture: one {\"ts\": unix ms, \"channel\": \"market\"|\"user\", \"frame\": \"...\"} per line.",
        };
        var markets = new Option<string?>("--markets")
        {
            Description = "Gamma markets JSON (an array or one market) to take markets from; by default markets come from the frames.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print exactly one JSON object instead of text.",
        };
        var command = new Command("replay",
            "Replay recorded frames through the engine, deterministically, without sending anything; print the final books "
            + "(best bid/ask and depth per token), event counts by type, malformed frames, and the intents produced with their hash.");
        command.Options.Add(capture);
        command.Options.Add(frames);
        command.Options.Add(markets);
        command.Options.Add(json);
        command.SetAction(parseResult =>
        {
            ReplayReport report;
            try
            {
                report = ReplayRunner.RunFiles(parseResult.GetValue(capture), parseResult.GetValue(frames), parseResult.GetValue(markets));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 2;
            }

            if (parseResult.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                ReplayReportWriter.WriteJson(report, stdout);
                stdout.Write("\n"u8);
            }
            else
            {
                Console.Out.Write(ReplayReportWriter.ToText(report));
            }

            return 0;
        });
        return command;
    }
}
