using FastMaker.Venue.Api;
using FastMaker.Venue.Flow;
using FastMaker.Venue.Scenarios;
using FastMaker.Venue.Server;
using FastMaker.Venue.WebSockets;

namespace FastMaker.Venue.Recording;

/// <summary>
/// Runs a scenario in stepped simulated time, much faster than real time, and hands over every market-channel message
/// the venue would send to a client subscribed to all of the scenario's tokens with custom features on (as the engine
/// subscribes): first one <c>book</c> per token (the subscribe snapshot), then, step by step, the venue's own
/// <c>price_change</c>, <c>last_trade_price</c>, <c>tick_size_change</c>, <c>best_bid_ask</c> and
/// <c>market_resolved</c> messages. The bytes come from the same publisher that feeds the venue's WebSockets; each
/// message is one frame (the venue's frame coalescing, which depends on socket timing, is not applied). The receive
/// time of a frame is the stepped clock when the venue published it. The same scenario and duration give the same
/// frames byte for byte.
/// </summary>
public static class ScenarioFrameRecorder
{
    /// <summary>Records <paramref name="duration"/> of <paramref name="scenario"/> from its start.</summary>
    /// <param name="scenario">The scenario (its seed and start date make the run deterministic).</param>
    /// <param name="duration">Simulated time to run, at least one step.</param>
    /// <param name="onFrame">Receives each frame with its receive time (unix ms), in order; must not keep the array beyond the call unless it copies it.</param>
    /// <returns>What was recorded.</returns>
    public static ScenarioRecording Record(Scenario scenario, TimeSpan duration, Action<long, byte[]> onFrame)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(onFrame);
        if (duration < TimeSpan.FromMilliseconds(scenario.StepMilliseconds))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "record at least one scenario step (" + scenario.StepMilliseconds + " ms)");
        }

        var time = new SteppedTimeProvider(scenario.Start);
        var options = new VenueOptions { Time = time };
        using var runtime = new VenueRuntime(options, NoSnapshots.Instance, static _ => { });
        var publisher = new ExchangeEventPublisher(runtime.Hub, runtime.Faults, time);
        var runner = ScenarioRunner.Create(scenario, time, publisher);

        // The initial books were built before anyone subscribed: a subscriber sees them only as its snapshot.
        publisher.Flush();
        long frames = 0;
        long trades = 0;
        long bytes = 0;
        void Emit(byte[] frame)
        {
            frames++;
            bytes += frame.Length;
            if (frame.AsSpan().IndexOf("\"last_trade_price\""u8) >= 0)
            {
                trades++;
            }

            onFrame(time.GetUtcNow().ToUnixTimeMilliseconds(), frame);
        }

        foreach (var market in runner.Engine.Markets)
        {
            foreach (var token in new[] { market.YesToken, market.NoToken })
            {
                if (runner.Engine.GetBook(token) is { } book)
                {
                    Emit(Wire.ToBytes(book, static (w, b) => Wire.Book(w, b, asEvent: true)));
                }
            }
        }

        runtime.Hub.MarketTap = Emit;
        var end = runner.Origin + duration;
        var step = TimeSpan.FromMilliseconds(scenario.StepMilliseconds);
        while (runner.Now + step <= end)
        {
            // One step, then its level changes go out (as the venue's tick does after running the flow).
            runner.RunUntil(runner.Now + step);
            publisher.Flush();
        }

        runtime.Hub.MarketTap = null;
        return new ScenarioRecording(scenario.Name, runner.Origin.ToUnixTimeMilliseconds(), runner.Now.ToUnixTimeMilliseconds(), frames, trades, bytes);
    }

    // Nobody subscribes to the recorder's hub: the snapshots are emitted directly.
    private sealed class NoSnapshots : IMarketSnapshotSource
    {
        public static readonly NoSnapshots Instance = new();

        public void SubscribeWithSnapshot<TState>(string assetId, TState state, Action<TState, byte[]?> subscribe) => subscribe(state, null);
    }
}
