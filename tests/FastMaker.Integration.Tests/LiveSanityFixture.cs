using System.Globalization;
using System.Text.Json;
using FastMaker.Engine.Registry;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Polymarket.Rest.Gamma;
using FastMaker.Venue.Scenarios;

namespace FastMaker.Integration.Tests;

/// <summary>
/// Shared state of the live sanity suite: the target (live Polymarket from FASTMAKER_LIVE_* variables, else the
/// in-process venue), the REST clients, the API credentials derived over L1 once, the markets checked, and the report
/// that collects acceptance, reject reasons and latencies and is written as JSON when the suite ends. Nothing secret is
/// ever put in the report or the output: the key stays in the signer, the API secret and passphrase in the L2 signer.
/// </summary>
public sealed class LiveSanityFixture : IAsyncLifetime
{
    private readonly HttpClientHandler _http = new();
    private FastMaker.Venue.Venue? _venue;
    private ApiCredentials? _credentials;
    private MetadataRefresh? _markets;

    internal LiveSanityTarget Target { get; private set; } = null!;

    internal ClobClient Clob { get; private set; } = null!;

    internal GammaClient Gamma { get; private set; } = null!;

    /// <summary>What the suite found, by check; written to the report file at the end.</summary>
    internal Dictionary<string, object?> Report { get; } = new(StringComparer.Ordinal);

    /// <summary>The line every test prints first: which target it ran against, and why.</summary>
    internal string Banner { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var live = LiveSanityTarget.FromEnvironment();
        if (live is null)
        {
            _venue = await FastMaker.Venue.Venue.StartAsync(ScenarioLoader.LoadBuiltIn("calm"));
            Target = LiveSanityTarget.ForVenue(_venue);
            Banner = "LiveSanity: " + LiveSanityTarget.ClobVariable + " is not set, so this ran against the in-process venue (calm scenario, throwaway key): "
                     + Target.Describe();
        }
        else
        {
            Target = live;
            Banner = "LiveSanity: running against " + Target.Describe();
        }

        Clob = new ClobClient(_http, new ClobClientOptions { BaseUri = Target.ClobUrl });
        Gamma = new GammaClient(_http, Target.GammaUrl);
        Report["target"] = Target.IsLive ? "live" : "in-process venue";
        Report["clob"] = Target.ClobUrl.ToString();
        Report["signer"] = Target.Signer.AddressChecksummed;
        Report["started_utc"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
    }

    /// <summary>The markets under test: FASTMAKER_LIVE_MARKETS, or the first active order-book markets Gamma lists; fetched once.</summary>
    internal async Task<MetadataRefresh> MarketsAsync()
    {
        if (_markets is not null)
        {
            return _markets;
        }

        var ids = new List<string>(Target.MarketIds);
        if (ids.Count == 0)
        {
            var page = await Gamma.GetMarketsAsync(new GammaQuery { Active = true, Closed = false, Limit = 20 });
            Assert.True(page.IsSuccess, "Gamma /markets failed: " + page.Error);
            foreach (var market in page.Value!)
            {
                if (market.ConditionId is { } id && market.AcceptingOrders != false && market.EnableOrderBook != false && ids.Count < 5)
                {
                    ids.Add(id);
                }
            }
        }

        Assert.NotEmpty(ids);
        _markets = await new PolymarketMetadataSource(Gamma, Clob, ids).FetchAsync(CancellationToken.None);
        return _markets;
    }

    /// <summary>L2 credentials derived (or, the first time, created) over L1 with the target's signer.</summary>
    internal async Task<ApiCredentials> CredentialsAsync()
    {
        if (_credentials is not null)
        {
            return _credentials;
        }

        var time = await Clob.GetServerTimeAsync();
        var seconds = time.IsSuccess ? time.Value : DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var headers = L1Headers.Create(Target.Signer, Target.ChainId, seconds);
        var l1 = new L1AuthHeaders(headers.Address, headers.Signature, seconds, 0);
        var derived = await Clob.DeriveApiKeyAsync(l1);
        var key = derived.IsSuccess && derived.Value!.ApiKey is { Length: > 0 } ? derived : await Clob.CreateApiKeyAsync(l1);
        Assert.True(key.IsSuccess, "could not derive or create an API key over L1: " + key.Error);
        var value = key.Value!;
        _credentials = new ApiCredentials(value.ApiKey!, value.Secret!, value.Passphrase!);
        Report["api_key_from"] = ReferenceEquals(key.Value, derived.Value) ? "derive" : "create";
        return _credentials;
    }

    /// <summary>A CLOB client that signs L2 headers with the derived credentials.</summary>
    internal async Task<ClobClient> AuthenticatedClobAsync() =>
        new(_http, new ClobClientOptions { BaseUri = Target.ClobUrl }, new L2Signer(await CredentialsAsync(), Target.Signer.AddressChecksummed));

    public async Task DisposeAsync()
    {
        Report["finished_utc"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        var path = Environment.GetEnvironmentVariable(LiveSanityTarget.ReportVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "live-sanity-report.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(Report, new JsonSerializerOptions { WriteIndented = true }));
        Target.Signer.Dispose();
        if (_venue is not null)
        {
            await _venue.DisposeAsync();
        }

        _http.Dispose();
    }
}
