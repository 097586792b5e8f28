using System.Net;
using FastMaker.Venue.RateLimits;

namespace FastMaker.Venue.Tests.Server;

public class VenueServerTests
{
    [Fact]
    public async Task Start_BindsLoopbackOnly_AndServesVersionAndTime()
    {
        await using var venue = await Venue.StartAsync();
        Assert.StartsWith("http://127.0.0.1:", venue.ClobUrl);
        Assert.StartsWith("http://127.0.0.1:", venue.GammaUrl);
        Assert.NotEqual(venue.ClobUrl, venue.GammaUrl);
        Assert.Equal(venue.ClobUrl.Replace("http", "ws") + "/ws", venue.WsUrl);
        using var http = new HttpClient();
        Assert.Equal("{\"version\":2}", await http.GetStringAsync(venue.ClobUrl + "/version"));
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        long served = long.Parse(await http.GetStringAsync(venue.ClobUrl + "/time"));
        Assert.InRange(served, now - 5, now + 5);
    }

    [Fact]
    public async Task Responses_CarryRateLimitHeaders()
    {
        await using var venue = await Venue.StartAsync();
        using var http = new HttpClient();
        using var response = await http.GetAsync(venue.ClobUrl + "/version");
        Assert.True(response.Headers.Contains("Poly-RateLimit-Remaining"));
        Assert.True(response.Headers.Contains("Poly-RateLimit-Reset"));
        Assert.Equal("standard", Assert.Single(response.Headers.GetValues("Poly-RateLimit-Tier")));
    }

    [Fact]
    public async Task EndpointLimit_Exceeded_Gives429WithRetryAfter()
    {
        var settings = new RateLimitSettings
        {
            EndpointBurstPer10Seconds = new Dictionary<string, int> { ["GET /version"] = 3 },
        };
        await using var venue = await Venue.StartAsync(new VenueOptions { RateLimits = settings });
        using var http = new HttpClient();
        for (int i = 0; i < 3; i++) (await http.GetAsync(venue.ClobUrl + "/version")).EnsureSuccessStatusCode();
        using var limited = await http.GetAsync(venue.ClobUrl + "/version");
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
        Assert.Equal("{\"error\":\"Too Many Requests\"}", await limited.Content.ReadAsStringAsync());
        Assert.Equal("0", Assert.Single(limited.Headers.GetValues("Poly-RateLimit-Remaining")));
        // other endpoints are unaffected
        (await http.GetAsync(venue.ClobUrl + "/time")).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task InjectedBursts_5xxThen429_ThenNormal()
    {
        await using var venue = await Venue.StartAsync();
        using var http = new HttpClient();
        venue.Faults.Burst5xx(2);
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync(venue.ClobUrl + "/version")).StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync(venue.ClobUrl + "/version")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(venue.ClobUrl + "/version")).StatusCode);
        // the same fault over the loopback control endpoint
        (await http.PostAsync(venue.ClobUrl + "/control/http-429?count=1", null)).EnsureSuccessStatusCode();
        Assert.Equal((HttpStatusCode)429, (await http.GetAsync(venue.ClobUrl + "/version")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(venue.ClobUrl + "/version")).StatusCode);
    }

    [Fact]
    public async Task ControlEndpoint_BadParameter_Gives400()
    {
        await using var venue = await Venue.StartAsync();
        using var http = new HttpClient();
        using var r = await http.PostAsync(venue.ClobUrl + "/control/http-5xx?count=lots", null);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("count", await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Restart_Windows_FollowTheClock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var venue = await Venue.StartAsync(new VenueOptions
        {
            Time = time,
            RestartDuration = TimeSpan.FromSeconds(5),
            PostOnlyWindow = TimeSpan.FromSeconds(120),
        });
        venue.RestartEngine();
        Assert.True(venue.Faults.IsRestarting);
        Assert.Equal(0, venue.Faults.PostOnlySecondsLeft);
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(venue.Faults.IsRestarting);
        Assert.Equal(119, venue.Faults.PostOnlySecondsLeft);
        time.Advance(TimeSpan.FromSeconds(120));
        Assert.Equal(0, venue.Faults.PostOnlySecondsLeft);
    }
}
