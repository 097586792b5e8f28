using System.Text.Json;
using FastMaker.Venue.RateLimits;
using FastMaker.Venue.Tests.Api;
using Xunit.Abstractions;

namespace FastMaker.Venue.Tests.OfficialClient;

/// <summary>
/// Issue 4's acceptance: the official @polymarket/clob-client-v2 (installed with npm ci from
/// tools/venue-client-check) derives an API key, posts, reads, cancels and is refused with the reference's texts.
/// </summary>
public class OfficialClientAcceptanceTests(ITestOutputHelper output)
{
    // Hardhat account 0: a public test key, never funded on a real chain. The venue funds it on key creation.
    private const string TestKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    // Hardhat account 1, the counterparty of the crossing step.
    private const string TestKey2 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    private static readonly string[] ExpectedSteps =
    [
        "version", "server_time", "create_api_key", "derive_api_key", "tick_size_and_neg_risk", "fee_info_via_market_by_token",
        "post_order_gtc_post_only", "post_order_gtc", "post_orders_batch", "get_order_book", "get_open_orders", "get_order",
        "cancel_one", "cancel_one_again_not_canceled", "cancel_many", "cancel_all", "cancel_market_orders", "balance_allowance", "heartbeat", "cross_mints_and_trade_resolves", "open_orders_empty_after_cancels",
        "tampered_signature_refused", "stale_l2_timestamp_refused", "off_tick_price_refused", "below_min_size_refused",
        "refusals_left_no_orders", "done",
    ];

    [Fact]
    public async Task OfficialClient_DerivesKey_PostsReadsCancels_AndIsRefusedWithReferenceTexts()
    {
        await NodeTool.RequireNodeAsync();
        string tool = NodeTool.ToolDirectory();
        await NodeTool.EnsureInstalledAsync(tool);

        var market = TestTrader.Market(7);
        await using var venue = await Venue.StartAsync(new VenueOptions { RateLimits = RateLimitSettings.Disabled }, s => s.Engine.AddMarket(market));
        var env = new Dictionary<string, string>
        {
            ["VENUE_CLOB_URL"] = venue.ClobUrl,
            ["VENUE_PRIVATE_KEY"] = TestKey,
            ["VENUE_PRIVATE_KEY_2"] = TestKey2,
            ["VENUE_TOKEN_ID"] = market.YesToken.ToString(),
            ["VENUE_CHAIN_ID"] = venue.Options.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var run = await NodeTool.RunAsync("node", ["check.mjs"], tool, env, TimeSpan.FromMinutes(2));

        output.WriteLine(run.Output);
        var steps = new Dictionary<string, JsonElement>();
        foreach (string line in run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{')) continue;
            using var doc = JsonDocument.Parse(line);
            steps[doc.RootElement.GetProperty("step").GetString()!] = doc.RootElement.Clone();
        }
        foreach (string name in ExpectedSteps)
        {
            Assert.True(steps.TryGetValue(name, out var s), "step '" + name + "' missing from the client's output:\n" + run.Output);
            Assert.True(s.GetProperty("ok").GetBoolean(), "step '" + name + "' failed: " + s.GetRawText() + "\n\nfull output:\n" + run.Output);
        }
        Assert.Equal(0, run.ExitCode);

        // The venue's own view agrees: nothing of the key's rests, and the refused orders left no trace.
        string apiKey = steps["create_api_key"].GetProperty("apiKey").GetString()!;
        Assert.True(venue.ApiKeys.TryGet(apiKey, out var creds));
        Assert.Equal("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", creds!.Address);
        Assert.Empty(venue.WithEngine(e => e.OpenOrders(apiKey)));
    }
}
