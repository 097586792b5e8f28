using System.Security.Cryptography;
using FastMaker.Cli.Demo;
using FastMaker.Cli.Live;
using FastMaker.Engine.Budget;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Quoting;
using FastMaker.Paper.Execution;
using FastMaker.Paper.FillModel;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;
using Microsoft.Extensions.Logging;

namespace FastMaker.Cli.Paper;

/// <summary>
/// Runs <see cref="LiveEngineHost"/> in paper mode: live market data from a venue (the embedded one on loopback when no
/// URL is given), the whole engine (books, signals, quoting, gate, signer), and every approved order or cancel handed to
/// the paper venue (<see cref="PaperVenue"/>) instead of the sender. Nothing reaches the venue's order, cancel, balance,
/// auth or heartbeat endpoints. At the end the store holds the simulated orders and fills for <c>fastmaker report</c>.
/// </summary>
public static class PaperRunner
{
    /// <summary>The line written once the engine is running (tests and scripts wait for it).</summary>
    public const string StartedMarker = "paper: started";

    /// <summary>Runs one paper session.</summary>
    /// <param name="settings">Validated arguments.</param>
    /// <param name="output">Progress lines.</param>
    /// <param name="stop">Ends the quoting early (SIGINT, SIGTERM); the clean stop and the store write still run.</param>
    /// <param name="firstDataTimeout">How long to wait for the first market frame before failing (default 15 s).</param>
    /// <param name="loggerFactory">Cold-path logging, or null.</param>
    /// <param name="until">Ends the quoting early once a live summary satisfies it (tests), or null.</param>
    /// <returns>The result; throws <see cref="InvalidOperationException"/> with the reason when the venue is unusable.</returns>
    public static async Task<PaperRunResult> RunAsync(PaperSettings settings, TextWriter output, CancellationToken stop,
        TimeSpan? firstDataTimeout = null, ILoggerFactory? loggerFactory = null, Func<EngineSummary, bool>? until = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        FastMaker.Venue.Venue? venue = null;
        string source;
        Uri clob, ws, gamma;
        long chainId = settings.ChainId;
        if (settings.EmbeddedVenue)
        {
            var scenario = DemoScenario.Load(settings.Scenario, DateTimeOffset.UtcNow);
            venue = await FastMaker.Venue.Venue.StartAsync(scenario, cancellationToken: stop).ConfigureAwait(false);
            clob = new Uri(venue.ClobUrl);
            ws = new Uri(venue.WsUrl);
            gamma = new Uri(venue.GammaUrl);
            chainId = venue.Options.ChainId;
            source = "scenario " + scenario.Name + " on the embedded venue";
        }
        else
        {
            clob = settings.ClobUrl!;
            ws = settings.WsUrl!;
            gamma = settings.GammaUrl!;
            source = clob.ToString();
        }

        try
        {
            return await RunOnVenueAsync(settings, source, clob, ws, gamma, chainId, output, stop, firstDataTimeout ?? TimeSpan.FromSeconds(15), loggerFactory, until)
                .ConfigureAwait(false);
        }
        finally
        {
            if (venue is not null)
            {
                await venue.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<PaperRunResult> RunOnVenueAsync(PaperSettings settings, string source, Uri clob, Uri ws, Uri gamma, long chainId,
        TextWriter output, CancellationToken stop, TimeSpan firstDataTimeout, ILoggerFactory? loggerFactory, Func<EngineSummary, bool>? until)
    {
        var storePath = settings.StorePath ?? Path.Combine(Directory.CreateTempSubdirectory("fastmaker-paper-").FullName, "paper.db");
        var parameters = new PaperFillParameters { Seed = settings.Seed, CancelCreditFactor = settings.CancelCredit };
        PaperVenue? paper = null;
        // Orders are signed as live signs them; without a configured key a throwaway one does (nothing is ever sent).
        var throwaway = settings.KeyFile is null && !settings.KeyFromEnvironment ? RandomNumberGenerator.GetBytes(32) : null;
        var wsBase = ws.ToString().TrimEnd('/');
        var options = new LiveEngineOptions
        {
            ClobUrl = clob,
            MarketWsUrl = new Uri(wsBase + "/market"),
            UserWsUrl = new Uri(wsBase + "/user"),
            GammaUrl = gamma,
            PrivateKeyFile = settings.KeyFile,
            PrivateKeyVariable = settings.KeyVariable,
            SignerFactory = throwaway is null ? null : nonces => new EthSigner(throwaway, nonces),
            ChainId = chainId,
            ConditionIds = settings.Markets.Count > 0 ? settings.Markets : null,
            StorePath = storePath,
            PaperTrading = true,
            PaperCollateral = settings.Collateral,
            SenderFactory = PaperVenue.Factory(parameters, created => paper = created),
            Quote = settings.Profile == LiveProfile.Demo ? DemoProfile.Quote : null,
            Budget = settings.Profile == LiveProfile.Conservative ? MutationBudgetOptions.Conservative : MutationBudgetOptions.Production,
            // Simulated replies are delivered on the next event: a short housekeeping period keeps their delay near the drawn latency.
            HousekeepingInterval = TimeSpan.FromMilliseconds(50),
            LoggerFactory = loggerFactory,
        };

        LiveEngineHost host;
        try
        {
            host = await LiveEngineHost.StartAsync(options, stop).ConfigureAwait(false);
        }
        finally
        {
            if (throwaway is not null)
            {
                CryptographicOperations.ZeroMemory(throwaway);
            }
        }

        var started = DateTime.UtcNow;
        try
        {
            output.WriteLine(StartedMarker + ": " + host.MarketCount + " markets from " + source + ", address " + host.Address
                + (throwaway is null ? "" : " (throwaway key)") + "; orders are SIMULATED, nothing is sent to the venue");
            output.Flush();
            await WaitForMarketDataAsync(host, ws, firstDataTimeout, stop).ConfigureAwait(false);
            var view = new DemoConsole(output, interactive: false);
            var end = settings.Seconds > 0 ? started.AddSeconds(settings.Seconds) : DateTime.MaxValue;
            var nextLine = DateTime.UtcNow.AddSeconds(5);
            while (!stop.IsCancellationRequested && DateTime.UtcNow < end)
            {
                try
                {
                    var wait = end - DateTime.UtcNow;
                    await Task.Delay(wait < TimeSpan.FromMilliseconds(200) ? wait : TimeSpan.FromMilliseconds(200), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                if (until is not null && host.Summary.Latest is { } latest && until(latest))
                {
                    break;
                }

                if (DateTime.UtcNow >= nextLine && host.Summary.Latest is { } live)
                {
                    output.Write("paper ");
                    view.Show(live);
                    nextLine = DateTime.UtcNow.AddSeconds(5);
                }
            }

            output.WriteLine("paper: stopping (simulated cancel-all, drain, store flush)");
            output.Flush();
            await host.StopAsync().ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var engine = host.Engine;
        var summary = host.Summary.Latest ?? SummaryPublisher.Build(engine, null);
        var frames = host.Pipeline.Ingress.Frames;
        var markets = host.MarketCount;
        await host.DisposeAsync().ConfigureAwait(false);
        var execution = paper!.Execution;
        // The store is closed: the authoritative write of every simulated fill with the model's time and classification.
        var stored = PaperStoreWriter.Write(storePath, engine, execution);
        return new PaperRunResult
        {
            Source = source,
            Seconds = (int)Math.Round((DateTime.UtcNow - started).TotalSeconds),
            Markets = markets,
            Summary = summary,
            MarketFrames = frames,
            SimulatedPosts = execution.PostsReceived,
            SimulatedCancels = execution.CancelsReceived,
            SimulatedFills = execution.Model.Fills,
            SimulatedShares = Quantity.FromRaw(execution.Model.FilledShares),
            SimulatedInputs = paper.InputsDelivered,
            StorePath = storePath,
            FillsStored = stored,
            Model = parameters.Describe(),
        };
    }

    private static async Task WaitForMarketDataAsync(LiveEngineHost host, Uri ws, TimeSpan timeout, CancellationToken stop)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (host.Pipeline.Ingress.Frames == 0)
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new InvalidOperationException("no market data from " + ws + "/market within " + timeout.TotalSeconds + " s: is --ws right and the venue up?");
            }

            try
            {
                await Task.Delay(50, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
