using System.CommandLine;
using FastMaker.Cli.RingBench;

namespace FastMaker.Cli.Commands;

/// <summary><c>fastmaker ring-bench</c>: our ring against Channels and ConcurrentQueue, and ping-pong latency against the spin floor.</summary>
internal static class RingBenchCommand
{
    public static Command Create()
    {
        var seconds = new Option<double>("--seconds")
        {
            Description = "Total measuring time in seconds, split into interleaved rounds (0.05 to 600).",
            DefaultValueFactory = _ => 6.0,
        };
        var idlePause = new Option<int>("--idle-pause")
        {
            Description = "The ring's busy-spin idle pause in spin-waits (0 to 1000, default 0 = none): a wait that finds "
                + "nothing pauses once, so batches form (throughput) at up to that much added latency.",
            DefaultValueFactory = _ => 0,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print exactly one JSON object instead of the table.",
        };
        var command = new Command("ring-bench",
            "Measure the ring's one-to-one throughput against System.Threading.Channels and ConcurrentQueue, "
            + "and its busy-spin ping-pong latency against a bare two-thread spin, interleaved and repeated (medians). "
            + "Spins two threads: run it on an otherwise idle machine for meaningful numbers.");
        command.Options.Add(seconds);
        command.Options.Add(idlePause);
        command.Options.Add(json);
        idlePause.Validators.Add(result =>
        {
            // Not an integer: the parser reports its own conversion error; check the range only.
            foreach (var token in result.Tokens)
            {
                if (int.TryParse(token.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int value)
                    && (value < 0 || value > 1000))
                    result.AddError($"--idle-pause must be between 0 and 1000; got {token.Value}.");
            }
        });
        seconds.Validators.Add(result =>
        {
            // A token that is not a number gets the parser's own conversion error; check the range only.
            foreach (var token in result.Tokens)
            {
                if (double.TryParse(token.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double value)
                    && (double.IsNaN(value) || value < 0.05 || value > 600))
                    result.AddError($"--seconds must be between 0.05 and 600; got {token.Value}.");
            }
        });
        command.SetAction(parseResult =>
        {
            var result = RingBenchRunner.Run(parseResult.GetValue(seconds), parseResult.GetValue(idlePause));
            if (parseResult.GetValue(json))
            {
                using var stdout = new MemoryStream();
                result.WriteJson(stdout);
                Console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
            }
            else
            {
                result.WriteText(Console.Out);
            }
            return 0;
        });
        return command;
    }
}
