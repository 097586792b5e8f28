using FastMaker.Cli.Commands;
using FastMaker.Cli.Demo;
using FastMaker.Cli.Live;
using FastMaker.Cli.Paper;
using FastMaker.Engine.Store;
using FastMaker.Paper.Execution;

namespace FastMaker.Cli.Tests;

/// <summary>
/// <c>fastmaker paper</c>: live market data from the in-process venue over real sockets, the whole engine, and every
/// order simulated; the venue never sees an order, cancel, auth, balance or heartbeat request. Bad input exits 2 with a reason.
/// </summary>
[Collection("Console")]
public sealed class PaperCommandTests : IDisposable
{
    // Every endpoint that would touch an account: none may be called in paper mode.
    private static readonly string[] AccountEndpoints =
    [
        "POST /order", "POST /orders", "DELETE /order", "DELETE /orders", "DELETE /cancel-all", "DELETE /cancel-market-orders",
        "POST /v1/heartbeats", "POST /auth/api-key", "GET /auth/derive-api-key", "GET /balance-allowance", "GET /balance-allowance/update",
        "GET /data/orders", "GET /data/trades", "GET /data/order/{id}",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("fm-paper-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Output, string Error)> RunAsync(PaperArguments.Raw raw, TimeSpan? firstDataTimeout = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await PaperCommand.RunAsync(raw, _ => null, output, error, CancellationToken.None, firstDataTimeout);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Paper_AgainstTheVenue_SendsNoOrderOrAccountRequest_AndStoresSimulatedOrdersAndFills()
    {
        await using var venue = await FastMaker.Venue.Venue.StartAsync(DemoScenario.Load("calm", DateTimeOffset.UtcNow));
        var keysIssued = 0;
        venue.ApiKeys.AddressRegistered += _ => Interlocked.Increment(ref keysIssued);
        Assert.True(PaperArguments.TryCreate(new PaperArguments.Raw
        {
            Clob = venue.ClobUrl,
            Ws = venue.WsUrl,
            Gamma = venue.GammaUrl,
            Profile = "demo",
            Seconds = 120,
            Store = Path.Combine(_dir, "paper.db"),
        }, _ => null, out var settings, out var reason), reason);
        var output = new StringWriter();

        // Quote until the paper venue has filled us (or 120 s), then the clean stop.
        var result = await PaperRunner.RunAsync(settings!, output, CancellationToken.None, until: s => s.Fills >= 1 && s.OrdersPosted >= 3);

        var requests = venue.RequestCounts;
        foreach (var endpoint in AccountEndpoints)
        {
            Assert.False(requests.ContainsKey(endpoint), endpoint + " was called " + requests.GetValueOrDefault(endpoint) + " times in paper mode");
        }

        Assert.Equal(0, Volatile.Read(ref keysIssued));
        // The metadata did come from the venue's public endpoints, and the market data over its WebSocket.
        Assert.True(requests.GetValueOrDefault("GET /clob-markets/{conditionId}") > 0, "no public metadata request: " + string.Join(", ", requests.Keys));
        Assert.True(result.MarketFrames > 0);
        Assert.Equal(2, result.Markets);
        Assert.True(result.SimulatedPosts >= 3, output.ToString());
        Assert.True(result.SimulatedFills >= 1, output.ToString());
        Assert.Contains(PaperRunner.StartedMarker, output.ToString(), StringComparison.Ordinal);

        using var store = SqliteStore.Open(result.StorePath);
        var stored = store.Load();
        Assert.True(stored.Orders.Count >= result.SimulatedPosts, "the store holds " + stored.Orders.Count + " orders");
        Assert.NotEmpty(stored.Fills);
        Assert.Equal(result.FillsStored, stored.Fills.Count);
        Assert.All(stored.Fills, f =>
        {
            Assert.True(f.Simulated, "fill " + f.TradeId + " is not marked simulated");
            Assert.True(PaperExecution.IsSimulatedTradeId(f.TradeId), "fill " + f.TradeId + " has no simulated trade id");
        });
        // The clean stop cancelled every simulated order: nothing is left open.
        Assert.Equal(0, result.Summary.OpenOrders);
    }

    [Fact]
    public async Task Paper_FromTheCommandLine_RunsOnTheEmbeddedVenue_AndPrintsTheSimulatedSummary()
    {
        var json = Path.Combine(_dir, "summary.json");
        var oldOut = Console.Out;
        var oldError = Console.Error;
        var output = new StringWriter();
        var error = new StringWriter();
        int code;
        try
        {
            Console.SetOut(output);
            Console.SetError(error);
            code = await Program.BuildRoot().Parse(["paper", "--scenario", "calm", "--seconds", "3", "--store", Path.Combine(_dir, "e.db"), "--json", json]).InvokeAsync();
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }

        Assert.True(code == 0, "exit " + code + "\n" + output + "\n" + error);
        var text = output.ToString();
        Assert.Contains("scenario calm on the embedded venue", text, StringComparison.Ordinal);
        Assert.Contains("final (SIMULATED) posted", text, StringComparison.Ordinal);
        Assert.Contains("nothing was sent to the venue's order endpoints", text, StringComparison.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(json));
        Assert.Equal("paper", doc.RootElement.GetProperty("mode").GetString());
        Assert.True(doc.RootElement.GetProperty("simulated").GetBoolean());
        Assert.True(doc.RootElement.GetProperty("market_frames").GetInt64() > 0);
    }

    [Fact]
    public async Task PaperTrading_WithTheHttpSender_IsRefusedAtStart_BeforeAnyOrder()
    {
        await using var venue = await FastMaker.Venue.Venue.StartAsync(DemoScenario.Load("calm", DateTimeOffset.UtcNow));
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var options = new FastMaker.Engine.Hosting.LiveEngineOptions
        {
            ClobUrl = new Uri(venue.ClobUrl),
            MarketWsUrl = new Uri(venue.WsUrl + "/market"),
            UserWsUrl = new Uri(venue.WsUrl + "/user"),
            GammaUrl = new Uri(venue.GammaUrl),
            SignerFactory = nonces => new FastMaker.Polymarket.Signing.EthSigner(key, nonces),
            ChainId = venue.Options.ChainId,
            PaperTrading = true,
            SenderFactory = DemoSender.Factory(),
        };
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => FastMaker.Engine.Hosting.LiveEngineHost.StartAsync(options));
        Assert.Contains("paper trading never sends orders", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(venue.RequestCounts.Keys, k => k.StartsWith("POST /order", StringComparison.Ordinal) || k.StartsWith("DELETE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paper_WithTheVenueUp_ButNoWebSocket_FailsWithExit2_AndSaysSo()
    {
        await using var venue = await FastMaker.Venue.Venue.StartAsync(DemoScenario.Load("calm", DateTimeOffset.UtcNow));
        var (code, _, error) = await RunAsync(new PaperArguments.Raw
        {
            Clob = venue.ClobUrl,
            Ws = "ws://127.0.0.1:1/ws",
            Gamma = venue.GammaUrl,
            Store = Path.Combine(_dir, "p.db"),
        }, TimeSpan.FromSeconds(2));
        Assert.Equal(2, code);
        Assert.Contains("paper: start failed: no market data from ws://127.0.0.1:1/ws/market", error, StringComparison.Ordinal);
        Assert.DoesNotContain("POST /order", venue.RequestCounts.Keys);
    }

    [Fact]
    public async Task Paper_UnreachableVenue_FailsWithExit2_AndTheReason()
    {
        var (code, _, error) = await RunAsync(new PaperArguments.Raw
        {
            Clob = "http://127.0.0.1:1",
            Ws = "ws://127.0.0.1:1/ws",
            Gamma = "http://127.0.0.1:1",
            Store = Path.Combine(_dir, "p.db"),
        });
        Assert.Equal(2, code);
        Assert.StartsWith("paper: start failed: ", error, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:1", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paper_UnknownScenario_FailsWithExit2_NamingIt()
    {
        var (code, _, error) = await RunAsync(new PaperArguments.Raw { Scenario = "no-such-scenario", Seconds = 1 });
        Assert.Equal(2, code);
        Assert.StartsWith("paper: ", error, StringComparison.Ordinal);
        Assert.Contains("no-such-scenario", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1", null, null, null, "give all three of --clob, --ws and --gamma")]
    [InlineData("http://127.0.0.1:1", "http://127.0.0.1:1/ws", "http://127.0.0.1:2", null, "--ws must be a ws:// or wss:// URL")]
    [InlineData("not a url", "ws://127.0.0.1:1/ws", "http://127.0.0.1:2", null, "--clob is not an absolute URL")]
    [InlineData("http://127.0.0.1:1", "ws://127.0.0.1:1/ws", "http://127.0.0.1:2", "calm", "--scenario runs the embedded venue")]
    public async Task BadUrls_Exit2_BeforeAnyConnection(string? clob, string? ws, string? gamma, string? scenario, string reason)
    {
        var (code, output, error) = await RunAsync(new PaperArguments.Raw { Clob = clob, Ws = ws, Gamma = gamma, Scenario = scenario });
        Assert.Equal(2, code);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.DoesNotContain(PaperRunner.StartedMarker, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadOptions_Exit2_WithTheReason()
    {
        Assert.Contains("--cancel-credit must be between 0 and 1", (await RunAsync(new PaperArguments.Raw { CancelCredit = 1.5 })).Error, StringComparison.Ordinal);
        Assert.Contains("--collateral must be a positive amount", (await RunAsync(new PaperArguments.Raw { Collateral = 0 })).Error, StringComparison.Ordinal);
        Assert.Contains("--seconds must be 0", (await RunAsync(new PaperArguments.Raw { Seconds = -1 })).Error, StringComparison.Ordinal);
        Assert.Contains("--key-file: no such file", (await RunAsync(new PaperArguments.Raw { KeyFile = Path.Combine(_dir, "none.hex") })).Error, StringComparison.Ordinal);
        Assert.Contains("--profile must be", (await RunAsync(new PaperArguments.Raw { Profile = "yolo" })).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_EmbeddedVenue60sDemoProfile_UrlsUntilSignalConservative_KeyFromEnvironmentOnlyWhenSet()
    {
        Assert.True(PaperArguments.TryCreate(new PaperArguments.Raw(), _ => null, out var embedded, out _));
        Assert.True(embedded!.EmbeddedVenue);
        Assert.Equal(PaperArguments.DefaultEmbeddedSeconds, embedded.Seconds);
        Assert.Equal(LiveProfile.Demo, embedded.Profile);
        Assert.False(embedded.KeyFromEnvironment);

        var urls = new PaperArguments.Raw { Clob = "http://127.0.0.1:1", Ws = "ws://127.0.0.1:1/ws", Gamma = "http://127.0.0.1:2" };
        Assert.True(PaperArguments.TryCreate(urls, name => name == LiveArguments.KeyVariable ? "00" : null, out var remote, out _));
        Assert.False(remote!.EmbeddedVenue);
        Assert.Equal(0, remote.Seconds);
        Assert.Equal(LiveProfile.Conservative, remote.Profile);
        Assert.True(remote.KeyFromEnvironment);
    }
}
