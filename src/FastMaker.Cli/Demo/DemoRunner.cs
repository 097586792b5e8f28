using System.Security.Cryptography;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Journal;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Signing;
using Microsoft.Extensions.Logging;

namespace FastMaker.Cli.Demo;

/// <summary>
/// Runs the demo: the embedded Venue with a scenario (dates moved to now), a throwaway key generated in-process (the
/// venue funds new addresses), <see cref="LiveEngineHost"/> against the venue over loopback sockets, a summary about
/// once a second, then the clean stop and the comparison of our orders, fills and positions with the venue's records.
/// </summary>
public static class DemoRunner
{
    /// <summary>Runs one demo; <paramref name="onSummary"/> receives each live summary (on a pool thread).</summary>
    /// <param name="settings">Scenario, length, store.</param>
    /// <param name="sender">Builds the sender of signed requests.</param>
    /// <param name="onSummary">Live summaries, or null.</param>
    /// <param name="loggerFactory">Cold-path logging, or null.</param>
    /// <param name="ct">Ends the quoting early (Ctrl+C); the clean stop and the check still run.</param>
    public static async Task<DemoResult> RunAsync(DemoSettings settings, Func<SenderContext, ISignedRequestSink> sender,
        Action<EngineSummary>? onSummary = null, ILoggerFactory? loggerFactory = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(sender);
        if (settings.Seconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Seconds, "the demo runs for at least 1 second");
        }

        var scenario = DemoScenario.Load(settings.Scenario, DateTimeOffset.UtcNow);
        var tempDir = settings.StorePath is null ? Directory.CreateTempSubdirectory("fastmaker-demo-").FullName : null;
        var storePath = settings.StorePath ?? Path.Combine(tempDir!, "demo.db");
        // A throwaway key, never written anywhere: the venue funds the new address when it creates the API key.
        var key = RandomNumberGenerator.GetBytes(32);
        // Outlives the host: frames published up to the stop are journaled, then the journal is flushed and closed.
        using var journal = settings.CapturePath is null ? null : FrameJournal.Create(settings.CapturePath, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        try
        {
            await using var venue = await FastMaker.Venue.Venue.StartAsync(scenario, cancellationToken: ct).ConfigureAwait(false);
            var options = new LiveEngineOptions
            {
                ClobUrl = new Uri(venue.ClobUrl),
                MarketWsUrl = new Uri(venue.WsUrl + "/market"),
                UserWsUrl = new Uri(venue.WsUrl + "/user"),
                GammaUrl = new Uri(venue.GammaUrl),
                SignerFactory = nonces => new EthSigner(key, nonces),
                ChainId = venue.Options.ChainId,
                StorePath = storePath,
                SenderFactory = sender,
                Quote = DemoProfile.Quote,
                Budget = DemoProfile.Budget,
                LoggerFactory = loggerFactory,
                Journal = journal,
            };
            var host = await LiveEngineHost.StartAsync(options, ct).ConfigureAwait(false);
            try
            {
                var end = DateTime.UtcNow.AddSeconds(settings.Seconds);
                while (DateTime.UtcNow < end && !ct.IsCancellationRequested)
                {
                    var wait = end - DateTime.UtcNow;
                    try
                    {
                        await Task.Delay(wait < settings.RefreshInterval ? wait : settings.RefreshInterval, ct).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        break;
                    }

                    if (host.Summary.Latest is { } live)
                    {
                        onSummary?.Invoke(live);
                    }
                }

                await host.StopAsync().ConfigureAwait(false);
                var engine = host.Engine;
                var differences = await VenueComparison.CompareAsync(host.Clob, engine, host.Address, host.ApiKey, 0, CancellationToken.None)
                    .ConfigureAwait(false);
                return new DemoResult
                {
                    Scenario = scenario.Name,
                    Seconds = settings.Seconds,
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
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            if (tempDir is not null)
            {
                TryDelete(tempDir);
            }
        }
    }

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

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // A temp directory left behind is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
