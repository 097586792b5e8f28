using System.CommandLine;
using System.Globalization;
using FastMaker.Engine.Replay;
using FastMaker.Paper.Execution;
using FastMaker.Paper.FillModel;

namespace FastMaker.Cli.Commands;

/// <summary>
/// <c>fastmaker replay</c>: runs the engine over a capture or a frames JSONL file on one thread, sends nothing, and prints
/// every token's final book, event counts, malformed frames and the hash of the intents produced. With <c>--paper</c>:
/// the replay backtest, the engine quoting against the paper fill model (simulated fills only), writing the store.
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
        var paper = new Option<bool>("--paper")
        {
            Description = "Backtest: run the engine, gate and signer against the paper fill model over the capture (fills are SIMULATED), as fast as possible.",
        };
        var store = new Option<string?>("--store")
        {
            Description = "With --paper: the SQLite store to write (orders, simulated fills, positions, marks) for `fastmaker report`.",
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "With --paper: the fill model's seed (latency draws, simulated trade ids).",
            DefaultValueFactory = _ => 1,
        };
        var cancelCredit = new Option<double>("--cancel-credit")
        {
            Description = "With --paper: share of unexplained level decreases credited ahead of us, 0..1 (default 0: nobody ahead is assumed to cancel).",
            DefaultValueFactory = _ => 0,
        };
        var assumeOpen = new Option<bool>("--assume-open")
        {
            Description = "With --paper and no --markets: assume every market open until 30 days after the capture (tick, min size from the books; said in the output).",
        };
        var repeat = new Option<int>("--repeat")
        {
            Description = "With --paper: run the replay N times in one process and print each run's speed and the median (a measured run).",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("replay",
            "Replay recorded frames through the engine, deterministically, without sending anything; print the final books "
            + "(best bid/ask and depth per token), event counts by type, malformed frames, and the intents produced with their hash.");
        command.Options.Add(capture);
        command.Options.Add(frames);
        command.Options.Add(markets);
        command.Options.Add(json);
        command.Options.Add(paper);
        command.Options.Add(store);
        command.Options.Add(seed);
        command.Options.Add(cancelCredit);
        command.Options.Add(assumeOpen);
        command.Options.Add(repeat);
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(paper))
            {
                return RunPaper(parseResult.GetValue(capture), parseResult.GetValue(markets), parseResult.GetValue(store), parseResult.GetValue(seed),
                    parseResult.GetValue(cancelCredit), parseResult.GetValue(assumeOpen), parseResult.GetValue(repeat));
            }

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

    private static int RunPaper(string? capturePath, string? marketsPath, string? storePath, ulong seed, double cancelCredit, bool assumeOpen, int repeat)
    {
        if (repeat < 1)
        {
            Console.Error.WriteLine("error: --repeat must be at least 1");
            return 2;
        }

        try
        {
            var options = new PaperReplayOptions
            {
                CapturePath = capturePath,
                MarketsPath = marketsPath,
                AssumeOpenMarkets = assumeOpen,
                Parameters = new PaperFillParameters { Seed = seed, CancelCreditFactor = cancelCredit },
            };
            var speeds = new List<double>(repeat);
            PaperReplayResult? result = null;
            for (int i = 0; i < repeat; i++)
            {
                // Only the last run writes the store: every run is the same (deterministic).
                result = PaperReplay.RunFile(i == repeat - 1 ? options with { StorePath = storePath } : options);
                speeds.Add(result.SpeedUp);
                if (repeat > 1)
                {
                    Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"run {i + 1}: {result.ElapsedMs:F1} ms, {result.SpeedUp:F1}x real time"));
                }
            }

            Console.Out.Write(result!.ToText());
            if (repeat > 1)
            {
                speeds.Sort();
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median of {repeat} runs: {speeds[repeat / 2]:F1}x real time"));
            }

            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException or InvalidOperationException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 2;
        }
    }
}
