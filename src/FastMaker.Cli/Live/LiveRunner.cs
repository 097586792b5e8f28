using FastMaker.Cli.Demo;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Quoting;
using FastMaker.Engine.Budget;

namespace FastMaker.Cli.Live;

/// <summary>
/// Runs <see cref="LiveEngineHost"/> against any Polymarket-compatible endpoint with the real HTTP sender: start (store
/// load, reconciliation before quoting), quote until <see cref="LiveSettings.Seconds"/> or the stop token, then the clean
/// stop (cancel-all, drain, store flush) and the comparison with the venue's records. A process killed at any moment
/// leaves the store consistent; the next start reconciles from it.
/// </summary>
public static class LiveRunner
{
    /// <summary>The line written once the engine is running (tests and scripts wait for it).</summary>
    public const string StartedMarker = "live: started";

    /// <summary>Runs one session and returns its result.</summary>
    /// <param name="settings">Validated arguments.</param>
    /// <param name="output">Progress lines.</param>
    /// <param name="stop">Ends the quoting (SIGINT, SIGTERM); the clean stop and the comparison still run.</param>
    public static async Task<DemoResult> RunAsync(LiveSettings settings, TextWriter output, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(output);
        var ws = settings.WsUrl.ToString().TrimEnd('/');
        var options = new LiveEngineOptions
        {
            ClobUrl = settings.ClobUrl,
            MarketWsUrl = new Uri(ws + "/market"),
            UserWsUrl = new Uri(ws + "/user"),
            GammaUrl = settings.GammaUrl,
            PrivateKeyFile = settings.KeyFile,
            PrivateKeyVariable = settings.KeyVariable,
            Funder = settings.Funder,
            SignatureType = settings.SignatureType,
            ChainId = settings.ChainId,
            ConditionIds = settings.Markets.Count > 0 ? settings.Markets : null,
            StorePath = settings.StorePath,
            CancelRestingOrdersOnRecovery = !settings.AdoptRestingOrders,
            SenderFactory = DemoSender.Factory(),
            Quote = QuoteOf(settings.Profile),
            Budget = BudgetOf(settings.Profile),
        };

        var host = await LiveEngineHost.StartAsync(options, stop).ConfigureAwait(false);
        var started = DateTime.UtcNow;
        try
        {
            output.WriteLine(StartedMarker + ": " + host.MarketCount + " markets, address " + host.Address + ", startup reconciliation "
                + (host.StartupReconciliation?.Differences.Count ?? 0) + " differences");
            output.Flush();
            var view = new DemoConsole(output, interactive: false);
            var end = settings.Seconds > 0 ? started.AddSeconds(settings.Seconds) : DateTime.MaxValue;
            var nextLine = DateTime.UtcNow.AddSeconds(5);
            while (!stop.IsCancellationRequested && DateTime.UtcNow < end)
            {
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(200), stop).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                if (DateTime.UtcNow >= nextLine && host.Summary.Latest is { } live)
                {
                    view.Show(live);
                    nextLine = DateTime.UtcNow.AddSeconds(5);
                }
            }

            output.WriteLine("live: stopping (cancel-all, drain, store flush)");
            output.Flush();
            await host.StopAsync().ConfigureAwait(false);
            var engine = host.Engine;
            var differences = await VenueComparison.CompareAsync(host.Clob, engine, host.Address, host.ApiKey, (int)settings.SignatureType,
                CancellationToken.None).ConfigureAwait(false);
            return new DemoResult
            {
                Scenario = "live",
                Seconds = (int)Math.Round((DateTime.UtcNow - started).TotalSeconds),
                Summary = host.Summary.Latest ?? SummaryPublisher.Build(engine, null),
                OrdersCancelled = CountCancelled(engine.Orders),
                ReconcileDifferences = differences,
                StartupDifferences = host.StartupReconciliation?.Differences.Count ?? 0,
                Heartbeats = host.HeartbeatsSucceeded,
                Markets = host.MarketCount,
            };
        }
        finally
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static QuoteOptions? QuoteOf(LiveProfile profile) => profile == LiveProfile.Demo ? DemoProfile.Quote : null;

    private static MutationBudgetOptions BudgetOf(LiveProfile profile) =>
        profile == LiveProfile.Conservative ? MutationBudgetOptions.Conservative : MutationBudgetOptions.Production;

    private static long CountCancelled(OrderTracker orders)
    {
        long n = 0;
        for (var slot = 0; slot < orders.Capacity; slot++)
        {
            if (!orders[slot].Id.IsZero && orders[slot].State == OrderState.Cancelled)
            {
                n++;
            }
        }

        return n;
    }
}
