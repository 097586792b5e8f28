using System.CommandLine;
using System.Runtime.InteropServices;
using FastMaker.Cli.Demo;
using FastMaker.Cli.Live;

namespace FastMaker.Cli.Commands;

/// <summary>
/// <c>fastmaker live --clob URL --ws URL --gamma URL [--key-file PATH] [--funder ADDR] [--signature-type N] [--store FILE]
/// [--seconds N] [--markets IDS] [--profile P] [--json FILE] [--adopt-resting]</c>: the engine live against any Polymarket-compatible
/// endpoint until SIGINT/SIGTERM (clean stop) or <c>--seconds</c>. The private key comes from <c>--key-file</c> or
/// FASTMAKER_PRIVATE_KEY, never from the command line. Exit code 0 when the run ends equal to the venue's records, 1 when
/// they differ, 2 for bad arguments or a failed start.
/// </summary>
internal static class LiveCommand
{
    public static Command Create()
    {
        var clob = new Option<string?>("--clob") { Description = "CLOB REST base URL (http or https)." };
        var ws = new Option<string?>("--ws") { Description = "WebSocket base URL (ws or wss); the channels are /market and /user under it." };
        var gamma = new Option<string?>("--gamma") { Description = "Gamma metadata API base URL." };
        var keyFile = new Option<string?>("--key-file") { Description = "File holding the private key (hex). Default: the FASTMAKER_PRIVATE_KEY variable." };
        var funder = new Option<string?>("--funder") { Description = "Funder (proxy or Safe) address, for signature types 1-3." };
        var signatureType = new Option<int>("--signature-type") { Description = "0 EOA (default), 1 proxy, 2 Safe, 3 EIP-1271.", DefaultValueFactory = _ => 0 };
        var chainId = new Option<long>("--chain-id") { Description = "Chain id of signatures.", DefaultValueFactory = _ => 137 };
        var store = new Option<string?>("--store") { Description = "SQLite store file (loaded at start, reconciled before quoting)." };
        var seconds = new Option<int>("--seconds") { Description = "Seconds of quoting before the clean stop; 0 runs until SIGINT or SIGTERM.", DefaultValueFactory = _ => 0 };
        var markets = new Option<string?>("--markets") { Description = "Comma-separated condition ids to quote (default: every open market Gamma lists)." };
        var profile = new Option<string>("--profile") { Description = "conservative (default), production or demo (tight quotes, for test venues).", DefaultValueFactory = _ => "conservative" };
        var json = new Option<string?>("--json") { Description = "Write the final summary as one JSON object to this file." };
        var adopt = new Option<bool>("--adopt-resting")
        {
            Description = "After an unclean stop, keep our orders still resting at the venue (adopted) instead of cancelling them (default).",
        };
        var command = new Command("live", "Run the engine live against a Polymarket-compatible endpoint until SIGINT/SIGTERM or --seconds.");
        foreach (var option in new Option[] { clob, ws, gamma, keyFile, funder, signatureType, chainId, store, seconds, markets, profile, json, adopt })
        {
            command.Options.Add(option);
        }

        // A synchronous action: the stop is ours (cancel-all and store flush may take seconds), not the parser's 2 s timeout.
        command.SetAction(parse => Run(new LiveArguments.Raw
        {
            Clob = parse.GetValue(clob),
            Ws = parse.GetValue(ws),
            Gamma = parse.GetValue(gamma),
            KeyFile = parse.GetValue(keyFile),
            Funder = parse.GetValue(funder),
            SignatureType = parse.GetValue(signatureType),
            ChainId = parse.GetValue(chainId),
            Store = parse.GetValue(store),
            Seconds = parse.GetValue(seconds),
            Markets = parse.GetValue(markets),
            Profile = parse.GetValue(profile),
            Json = parse.GetValue(json),
            AdoptResting = parse.GetValue(adopt),
        }));
        return command;
    }

    private static int Run(LiveArguments.Raw raw)
    {
        using var signals = new StopSignals();
        return RunAsync(raw, Environment.GetEnvironmentVariable, Console.Out, Console.Error, signals.Token).GetAwaiter().GetResult();
    }

    /// <summary>Validates, runs and reports; returns the exit code.</summary>
    internal static async Task<int> RunAsync(LiveArguments.Raw raw, Func<string, string?> environment, TextWriter output, TextWriter error,
        CancellationToken stop)
    {
        if (!LiveArguments.TryCreate(raw, environment, out var settings, out var reason))
        {
            await error.WriteLineAsync("live: " + reason).ConfigureAwait(false);
            return 2;
        }

        DemoResult result;
        try
        {
            result = await LiveRunner.RunAsync(settings!, output, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await error.WriteLineAsync("live: stopped before the start completed").ConfigureAwait(false);
            return 2;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or FormatException
            or ArgumentException or HttpRequestException)
        {
            // Messages name files, URLs and venue errors; the key never reaches an exception message.
            await error.WriteLineAsync("live: start failed: " + e.Message).ConfigureAwait(false);
            return 2;
        }

        new DemoConsole(output, interactive: false).ShowFinal(result);
        if (settings!.JsonPath is { } path)
        {
            DemoReport.WriteJson(result, path);
            output.WriteLine("live: summary written to " + path);
        }

        return result.Clean ? 0 : 1;
    }
}
