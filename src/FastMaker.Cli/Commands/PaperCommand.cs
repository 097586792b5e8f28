using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using FastMaker.Cli.Demo;
using FastMaker.Cli.Paper;
using FastMaker.Venue.Scenarios;

namespace FastMaker.Cli.Commands;

/// <summary>
/// <c>fastmaker paper [--scenario NAME|FILE | --clob URL --ws URL --gamma URL] [--seconds N] [--store FILE] ...</c>: the
/// engine on live market data with every order simulated by the paper fill model; nothing is sent to the venue's order
/// endpoints. Without URLs it starts the embedded venue like <c>demo</c>. Exit code 0 after a run, 2 for bad arguments or
/// a failed start (unreachable venue, no market data, unknown scenario).
/// </summary>
internal static class PaperCommand
{
    public static Command Create()
    {
        var clob = new Option<string?>("--clob") { Description = "CLOB REST base URL (market metadata only). With --ws and --gamma; none of the three: the embedded venue." };
        var ws = new Option<string?>("--ws") { Description = "WebSocket base URL (ws or wss); the market channel is /market under it." };
        var gamma = new Option<string?>("--gamma") { Description = "Gamma metadata API base URL." };
        var scenario = new Option<string?>("--scenario")
        {
            Description = "Without URLs: the embedded venue's scenario (" + string.Join(", ", ScenarioLoader.BuiltInNames) + " or a scenario JSON file). Default calm.",
        };
        var keyFile = new Option<string?>("--key-file") { Description = "File holding the private key that signs the (never sent) orders. Default: FASTMAKER_PRIVATE_KEY, else a throwaway key." };
        var chainId = new Option<long>("--chain-id") { Description = "Chain id of signatures (the embedded venue uses its own).", DefaultValueFactory = _ => 137 };
        var store = new Option<string?>("--store") { Description = "SQLite store to write (simulated orders and fills) for `fastmaker report`. Default: a new file in a temporary folder." };
        var seconds = new Option<int?>("--seconds") { Description = "Seconds of quoting; 0 runs until SIGINT or SIGTERM. Default 60 on the embedded venue, 0 with URLs." };
        var markets = new Option<string?>("--markets") { Description = "Comma-separated condition ids to quote (default: every open market Gamma lists)." };
        var profile = new Option<string?>("--profile") { Description = "conservative, production or demo. Default demo on the embedded venue, conservative with URLs." };
        var json = new Option<string?>("--json") { Description = "Write the final summary as one JSON object to this file." };
        var seed = new Option<ulong>("--seed") { Description = "The fill model's seed (latency draws, simulated trade ids).", DefaultValueFactory = _ => 1 };
        var cancelCredit = new Option<double>("--cancel-credit") { Description = "Share of unexplained level decreases credited ahead of us, 0..1 (default 0).", DefaultValueFactory = _ => 0 };
        var collateral = new Option<decimal>("--collateral") { Description = "The paper account's starting USDC.", DefaultValueFactory = _ => 1_000m };
        var command = new Command("paper",
            "Paper trading: the whole engine on a venue's live market data, every order and cancel simulated by the paper fill model (nothing is sent).");
        foreach (var option in new Option[] { clob, ws, gamma, scenario, keyFile, chainId, store, seconds, markets, profile, json, seed, cancelCredit, collateral })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(new PaperArguments.Raw
        {
            Clob = parse.GetValue(clob),
            Ws = parse.GetValue(ws),
            Gamma = parse.GetValue(gamma),
            Scenario = parse.GetValue(scenario),
            KeyFile = parse.GetValue(keyFile),
            ChainId = parse.GetValue(chainId),
            Store = parse.GetValue(store),
            Seconds = parse.GetValue(seconds),
            Markets = parse.GetValue(markets),
            Profile = parse.GetValue(profile),
            Json = parse.GetValue(json),
            Seed = parse.GetValue(seed),
            CancelCredit = parse.GetValue(cancelCredit),
            Collateral = parse.GetValue(collateral),
        }));
        return command;
    }

    private static int Run(PaperArguments.Raw raw)
    {
        using var signals = new StopSignals();
        return RunAsync(raw, Environment.GetEnvironmentVariable, Console.Out, Console.Error, signals.Token).GetAwaiter().GetResult();
    }

    /// <summary>Validates, runs and prints the summary; returns the exit code.</summary>
    internal static async Task<int> RunAsync(PaperArguments.Raw raw, Func<string, string?> environment, TextWriter output, TextWriter error,
        CancellationToken stop, TimeSpan? firstDataTimeout = null)
    {
        if (!PaperArguments.TryCreate(raw, environment, out var settings, out var reason))
        {
            await error.WriteLineAsync("paper: " + reason).ConfigureAwait(false);
            return 2;
        }

        PaperRunResult result;
        try
        {
            result = await PaperRunner.RunAsync(settings!, output, stop, firstDataTimeout).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await error.WriteLineAsync("paper: stopped before the start completed").ConfigureAwait(false);
            return 2;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or FormatException
            or ArgumentException or HttpRequestException or ScenarioException)
        {
            // Messages name files, URLs, scenarios and venue errors; the key never reaches an exception message.
            await error.WriteLineAsync("paper: start failed: " + e.Message).ConfigureAwait(false);
            return 2;
        }

        foreach (var line in Summarize(result))
        {
            output.WriteLine(line);
        }

        if (settings!.JsonPath is { } path)
        {
            WriteJson(result, path);
            output.WriteLine("paper: summary written to " + path);
        }

        output.Flush();
        return 0;
    }

    /// <summary>The short end-of-run summary.</summary>
    internal static IEnumerable<string> Summarize(PaperRunResult r)
    {
        var c = CultureInfo.InvariantCulture;
        yield return "final (SIMULATED) " + DemoConsole.Line(r.Summary);
        yield return string.Create(c, $"paper: {r.Seconds} s on {r.Markets} markets from {r.Source}, {r.MarketFrames} market frames");
        yield return string.Create(c, $"paper: simulated orders {r.SimulatedPosts} posted, {r.SimulatedCancels} cancels; simulated fills {r.SimulatedFills} ({r.SimulatedShares} shares); nothing was sent to the venue's order endpoints");
        yield return "paper: model " + r.Model;
        yield return string.Create(c, $"paper: store {r.StorePath} ({r.FillsStored} simulated fills): fastmaker report --db {r.StorePath}");
    }

    private static void WriteJson(PaperRunResult r, string path)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("mode", "paper");
        w.WriteBoolean("simulated", true);
        w.WriteString("source", r.Source);
        w.WriteNumber("seconds", r.Seconds);
        w.WriteNumber("markets", r.Markets);
        w.WriteNumber("market_frames", r.MarketFrames);
        w.WriteNumber("orders_posted", r.SimulatedPosts);
        w.WriteNumber("cancels", r.SimulatedCancels);
        w.WriteNumber("fills", r.SimulatedFills);
        w.WriteNumber("filled_shares", DemoReport.Units(r.SimulatedShares.Raw));
        w.WriteNumber("maker_fills", r.Summary.MakerFills);
        w.WriteNumber("taker_fills", r.Summary.TakerFills);
        w.WriteNumber("open_orders", r.Summary.OpenOrders);
        w.WriteNumber("simulated_inputs", r.SimulatedInputs);
        w.WriteStartObject("pnl");
        w.WriteNumber("realized", DemoReport.Units(r.Summary.RealizedPnl));
        w.WriteNumber("unrealized", DemoReport.Units(r.Summary.UnrealizedPnl));
        w.WriteNumber("fees", DemoReport.Units(r.Summary.FeesPaid));
        w.WriteEndObject();
        w.WriteNumber("collateral", DemoReport.Units(r.Summary.Collateral));
        w.WriteString("store", r.StorePath);
        w.WriteNumber("fills_stored", r.FillsStored);
        w.WriteString("model", r.Model);
        w.WriteEndObject();
    }
}
