using System.CommandLine;
using System.Runtime.InteropServices;
using FastMaker.Cli.Demo;
using FastMaker.Venue;
using FastMaker.Venue.Scenarios;

namespace FastMaker.Cli.Commands;

/// <summary>
/// <c>fastmaker venue --scenario NAME|FILE [--port N] [--gamma-port N]</c>: runs the loopback exchange until Ctrl+C;
/// <c>fastmaker venue record</c> records a scenario's market data in simulated time (<see cref="VenueRecordCommand"/>).
/// </summary>
internal static class VenueCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario")
        {
            Description = "Built-in scenario (" + string.Join(", ", ScenarioLoader.BuiltInNames) + ") or a scenario JSON file.",
            DefaultValueFactory = _ => "calm",
        };
        var port = new Option<int>("--port") { Description = "CLOB REST and WebSocket port on 127.0.0.1 (0: a free port).", DefaultValueFactory = _ => 0 };
        var gammaPort = new Option<int>("--gamma-port") { Description = "Gamma metadata port on 127.0.0.1 (0: a free port).", DefaultValueFactory = _ => 0 };
        var noLimits = new Option<bool>("--no-rate-limits") { Description = "Turn rate limits off (capacity tests)." };
        var command = new Command("venue", "Run the Polymarket-compatible exchange on loopback with a scenario's markets and flow.");
        command.Options.Add(scenario);
        command.Options.Add(port);
        command.Options.Add(gammaPort);
        command.Options.Add(noLimits);
        command.Subcommands.Add(VenueRecordCommand.Create());
        command.SetAction(parse => Run(parse.GetValue(scenario)!, parse.GetValue(port), parse.GetValue(gammaPort), parse.GetValue(noLimits)));
        return command;
    }

    // Serves until SIGINT (Ctrl+C) or SIGTERM, then stops the venue cleanly and exits 0. The scenario's dates are moved
    // to start now, as demo does, so that its markets have not already ended.
    private static int Run(string scenarioName, int port, int gammaPort, bool noLimits)
    {
        Scenario scenario;
        try
        {
            scenario = DemoScenario.Load(scenarioName, DateTimeOffset.UtcNow);
        }
        catch (Exception e) when (e is ScenarioException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("venue: " + e.Message);
            return 2;
        }
        if (port is < 0 or > 65535 || gammaPort is < 0 or > 65535)
        {
            Console.Error.WriteLine("venue: ports must be between 0 and 65535");
            return 2;
        }
        var options = new VenueOptions
        {
            ClobPort = port,
            GammaPort = gammaPort,
            RateLimits = noLimits ? FastMaker.Venue.RateLimits.RateLimitSettings.Disabled : new FastMaker.Venue.RateLimits.RateLimitSettings(),
        };
        // On SIGINT/SIGTERM the venue is disposed (Kestrel closes its sockets, the flow loop ends) and the command returns 0.
        using var signals = new StopSignals();
        return RunAsync(scenario, options, signals.Token).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(Scenario scenario, VenueOptions options, CancellationToken stop)
    {
        await using (var venue = await FastMaker.Venue.Venue.StartAsync(scenario, options).ConfigureAwait(false))
        {
            Console.WriteLine("clob " + venue.ClobUrl);
            Console.WriteLine("ws " + venue.WsUrl);
            Console.WriteLine("gamma " + venue.GammaUrl);
            Console.Out.Flush();
            try { await Task.Delay(Timeout.Infinite, stop).ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
        // Printed after the venue is disposed: a supervisor reading it knows the ports are closed.
        Console.WriteLine("venue: stopped");
        Console.Out.Flush();
        return 0;
    }
}
