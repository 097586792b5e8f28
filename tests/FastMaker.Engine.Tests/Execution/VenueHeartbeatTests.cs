using System.Net;
using FastMaker.Engine.Execution;
using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Rest.Clob;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Engine.Tests.Execution;

public class VenueHeartbeatTests
{
    /// <summary>The venue's side of the chain: each accepted beat returns a new id; a wrong id gets the expected one.</summary>
    private sealed class FakeVenue
    {
        private int _next;
        public string Expected { get; set; } = "";
        public List<string?> Received { get; } = new();
        public bool Down { get; set; }

        public Task<ApiResult<HeartbeatMessage>> Post(string? id, CancellationToken ct)
        {
            lock (Received)
            {
                Received.Add(id);
                if (Down)
                {
                    return Task.FromResult(ApiResult<HeartbeatMessage>.Failure(
                        new ApiError(ApiErrorKind.ServerError, HttpStatusCode.InternalServerError, "down"), default));
                }

                if ((id ?? "") != Expected)
                {
                    return Task.FromResult(ApiResult<HeartbeatMessage>.Failure(
                        new ApiError(ApiErrorKind.InvalidHeartbeatId, HttpStatusCode.BadRequest, "Invalid Heartbeat ID") { ExpectedHeartbeatId = Expected },
                        default));
                }

                Expected = "hb-" + (++_next);
                return Task.FromResult(ApiResult<HeartbeatMessage>.Success(new HeartbeatMessage(Expected), default));
            }
        }
    }

    [Fact]
    public async Task Beats_ChainTheIdTheVenueReturned()
    {
        var venue = new FakeVenue();
        var time = new FakeTimeProvider();
        await using var heartbeat = new VenueHeartbeat(venue.Post, time: time);

        await heartbeat.BeatAsync();
        await heartbeat.BeatAsync();
        await heartbeat.BeatAsync();

        Assert.Equal(new string?[] { null, "hb-1", "hb-2" }, venue.Received);
        Assert.Equal(3, heartbeat.Succeeded);
        Assert.Equal("hb-3", heartbeat.CurrentId);
    }

    [Fact]
    public async Task WrongId_IsResyncedFromTheVenueReply_InTheSameBeat()
    {
        var venue = new FakeVenue { Expected = "server-side-id" };
        var time = new FakeTimeProvider();
        await using var heartbeat = new VenueHeartbeat(venue.Post, time: time);

        await heartbeat.BeatAsync();

        Assert.Equal(new string?[] { null, "server-side-id" }, venue.Received);
        Assert.Equal(1, heartbeat.Resyncs);
        Assert.Equal(1, heartbeat.Succeeded);
        Assert.Equal(1, heartbeat.Failed);
    }

    [Fact]
    public async Task VenueSilenceBeyondDeadline_RaisesLapseOnce_ThenRecovered()
    {
        var venue = new FakeVenue();
        var time = new FakeTimeProvider();
        await using var heartbeat = new VenueHeartbeat(venue.Post, time: time);
        var lapses = new List<VenueHeartbeatLapse>();
        var recovered = 0;
        heartbeat.Lapsed += lapses.Add;
        heartbeat.Recovered += () => recovered++;

        await heartbeat.BeatAsync();
        venue.Down = true;
        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await heartbeat.BeatAsync();
        }

        Assert.Single(lapses);
        Assert.True(lapses[0].Silence >= TimeSpan.FromSeconds(10));
        Assert.Equal(ApiErrorKind.ServerError, lapses[0].LastError!.Kind);

        venue.Down = false;
        time.Advance(TimeSpan.FromSeconds(5));
        await heartbeat.BeatAsync();
        Assert.Equal(1, recovered);
    }

    [Fact]
    public async Task ThrowingTransport_CountsAFailure_AndKeepsBeating()
    {
        var calls = 0;
        var time = new FakeTimeProvider();
        await using var heartbeat = new VenueHeartbeat((_, _) =>
        {
            calls++;
            throw new HttpRequestException("connection refused");
        }, time: time);

        await heartbeat.BeatAsync();
        await heartbeat.BeatAsync();

        Assert.Equal(2, calls);
        Assert.Equal(2, heartbeat.Failed);
        Assert.Equal(ApiErrorKind.NetworkError, heartbeat.LastError!.Kind);
    }

    [Fact]
    public async Task Start_BeatsOnTheTimer()
    {
        var venue = new FakeVenue();
        var time = new FakeTimeProvider();
        await using var heartbeat = new VenueHeartbeat(venue.Post, time: time);
        heartbeat.Start();
        time.Advance(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));

        // Each timer callback completes synchronously against the fake venue.
        Assert.Equal(3, venue.Received.Count);
        Assert.Throws<InvalidOperationException>(heartbeat.Start);
    }

    [Fact]
    public void IntervalNotShorterThanDeadline_IsRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => new VenueHeartbeat(new FakeVenue().Post,
            new VenueHeartbeatOptions { Interval = TimeSpan.FromSeconds(10), VenueDeadline = TimeSpan.FromSeconds(10) }));
        Assert.Contains("shorter than VenueDeadline", ex.Message);
    }
}
