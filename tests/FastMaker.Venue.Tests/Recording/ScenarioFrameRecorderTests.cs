using System.Text;
using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using FastMaker.Venue.RateLimits;
using FastMaker.Venue.Recording;
using FastMaker.Venue.Scenarios;
using FastMaker.Venue.Tests.WebSockets;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Venue.Tests.Recording;

/// <summary>
/// The scenario recorder produces, in simulated time, exactly the market-channel messages the venue's WebSocket sends a
/// client subscribed to every token, deterministically, with trades included.
/// </summary>
public class ScenarioFrameRecorderTests
{
    private static List<(long Ms, string Text)> Record(string scenario, int seconds)
    {
        var frames = new List<(long, string)>();
        ScenarioFrameRecorder.Record(ScenarioLoader.LoadBuiltIn(scenario), TimeSpan.FromSeconds(seconds),
            (ms, frame) => frames.Add((ms, Encoding.UTF8.GetString(frame))));
        return frames;
    }

    [Fact]
    public void Record_SameScenarioTwice_GivesTheSameFramesAndTimes()
    {
        var first = Record("calm", 20);
        var second = Record("calm", 20);
        Assert.True(first.Count > 100, "only " + first.Count + " frames in 20 s of calm");
        Assert.Equal(first, second);
    }

    [Fact]
    public void Record_Calm_OneBookPerTokenFirst_ThenFlowWithTrades_InTimeOrder()
    {
        var scenario = ScenarioLoader.LoadBuiltIn("calm");
        var frames = Record("calm", 120);
        long start = scenario.Start.ToUnixTimeMilliseconds();

        // Two binary markets: four subscribe snapshots at the start, and no other book before the flow.
        for (int i = 0; i < 4; i++)
        {
            Assert.StartsWith("{\"event_type\":\"book\"", frames[i].Text, StringComparison.Ordinal);
            Assert.Equal(start, frames[i].Ms);
        }

        Assert.DoesNotContain(frames.Skip(4), f => f.Text.Contains("\"event_type\":\"book\"", StringComparison.Ordinal));
        int trades = frames.Count(f => f.Text.StartsWith("{\"event_type\":\"last_trade_price\"", StringComparison.Ordinal));
        int changes = frames.Count(f => f.Text.StartsWith("{\"event_type\":\"price_change\"", StringComparison.Ordinal));
        Assert.True(trades > 20, "only " + trades + " last_trade_price frames in 120 s of calm (noise flow trades 1.5/s x 25%)");
        Assert.True(changes > 1000, "only " + changes + " price_change frames");
        for (int i = 1; i < frames.Count; i++)
        {
            Assert.True(frames[i].Ms >= frames[i - 1].Ms, "receive times go backwards at frame " + i);
        }

        Assert.InRange(frames[^1].Ms, start + 119_000, start + 120_000);
        // One message per frame: never a coalesced array.
        Assert.All(frames, f => Assert.StartsWith("{", f.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Record_ShorterThanOneStep_IsRefused()
    {
        var scenario = ScenarioLoader.LoadBuiltIn("calm");
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioFrameRecorder.Record(scenario, TimeSpan.FromMilliseconds(50), (_, _) => { }));
        Assert.Contains("at least one scenario step", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_EqualsTheVenueWebSocketStream_ByteForByte()
    {
        const int Seconds = 20;
        var scenario = ScenarioLoader.LoadBuiltIn("calm");
        var recorded = Record("calm", Seconds);

        // The real venue on a fake clock at the scenario's start, frames not coalesced, one client on every token.
        var clock = new FakeTimeProvider(scenario.Start);
        await using var venue = await Venue.StartAsync(scenario,
            new VenueOptions { Time = clock, RateLimits = RateLimitSettings.Disabled, CoalesceWebSocketFrames = false, EngineTickInterval = TimeSpan.FromMilliseconds(100) });
        var tokens = new List<UInt256>();
        foreach (var m in venue.WithEngine(e => new List<VenueMarket>(e.Markets)))
        {
            tokens.Add(m.YesToken);
            tokens.Add(m.NoToken);
        }

        await using var ws = await TestWsClient.ConnectAsync(venue, "market");
        string ids = string.Join(",", tokens.ConvertAll(t => "\"" + t + "\""));
        await ws.SendAsync("{\"assets_ids\":[" + ids + "],\"type\":\"market\",\"custom_feature_enabled\":true}");
        var received = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            received.Add((await ws.NextAsync(30_000))!);
        }

        for (int step = 0; step < Seconds * 10; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        await ws.SendAsync("PING");
        while (true)
        {
            var m = await ws.NextAsync(30_000);
            Assert.NotNull(m);
            Assert.NotEqual("<timeout>", m);
            if (m == "PONG")
            {
                break;
            }

            received.Add(m!);
        }

        Assert.Equal(recorded.ConvertAll(f => f.Text), received);
    }
}
