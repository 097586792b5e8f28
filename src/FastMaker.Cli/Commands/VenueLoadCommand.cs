using System.CommandLine;
using FastMaker.Cli.VenueLoad;

namespace FastMaker.Cli.Commands;

/// <summary>
/// <c>fastmaker venue-load --clob URL --gamma URL [--orders N] [--connections N] [--venue-pid PID]</c>: a lean load
/// generator for the venue's order-post capacity, meant to run as its own process beside <c>fastmaker venue</c>.
/// Exit 0 when every post was accepted, 1 when any was refused or a connection failed, 2 on bad arguments.
/// </summary>
internal static class VenueLoadCommand
{
    public static Command Create()
    {
        var clob = new Option<string>("--clob") { Description = "The venue's CLOB URL (the 'clob' line of fastmaker venue).", Required = true };
        var gamma = new Option<string>("--gamma") { Description = "The venue's Gamma URL (the 'gamma' line).", Required = true };
        var orders = new Option<int>("--orders") { Description = "Order posts in the timed window.", DefaultValueFactory = _ => 20_000 };
        var connections = new Option<int>("--connections") { Description = "Keep-alive connections (one thread each).", DefaultValueFactory = _ => 4 };
        var seed = new Option<int>("--seed") { Description = "Seeds the per-connection keys.", DefaultValueFactory = _ => 1 };
        var venuePid = new Option<int>("--venue-pid") { Description = "The venue's process id, to report its CPU time per post.", DefaultValueFactory = _ => 0 };
        var command = new Command("venue-load", "Measure the venue's order posts per second from a separate process: pre-signed orders and L2 headers, raw HTTP/1.1.");
        command.Options.Add(clob);
        command.Options.Add(gamma);
        command.Options.Add(orders);
        command.Options.Add(connections);
        command.Options.Add(seed);
        command.Options.Add(venuePid);
        command.SetAction((parse, ct) => RunAsync(new VenueLoadSettings
        {
            ClobUrl = parse.GetValue(clob)!,
            GammaUrl = parse.GetValue(gamma)!,
            Orders = parse.GetValue(orders),
            Connections = parse.GetValue(connections),
            Seed = parse.GetValue(seed),
            VenuePid = parse.GetValue(venuePid),
        }, ct));
        return command;
    }

    internal static async Task<int> RunAsync(VenueLoadSettings settings, CancellationToken ct)
    {
        if (settings.Orders < 1 || settings.Connections < 1 || settings.Connections > 64)
        {
            Console.Error.WriteLine("venue-load: --orders must be at least 1 and --connections between 1 and 64");
            return 2;
        }
        if (!Uri.TryCreate(settings.ClobUrl, UriKind.Absolute, out var clob) || clob.Scheme != "http" || !Uri.TryCreate(settings.GammaUrl, UriKind.Absolute, out _))
        {
            Console.Error.WriteLine("venue-load: --clob and --gamma must be http URLs");
            return 2;
        }
        var log = Console.Out;
        var signing = System.Diagnostics.Stopwatch.StartNew();
        LoadPlan plan;
        try
        {
            plan = await LoadPlan.BuildAsync(settings, log, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine("venue-load: set-up failed: " + e.Message);
            return 1;
        }
        log.WriteLine("venue-load: " + plan.Count + " orders signed and framed in " + signing.Elapsed.TotalSeconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " s (before the timed window)");
        LoadResult result;
        try
        {
            result = LoadRunner.Run(plan, settings);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            Console.Error.WriteLine("venue-load: could not connect to " + plan.Host + ":" + plan.Port + ": " + e.Message);
            return 1;
        }
        log.Write(result.Format(settings.Connections));
        log.Flush();
        return result.Clean ? 0 : 1;
    }
}
