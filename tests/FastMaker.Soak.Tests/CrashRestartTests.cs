using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using FastMaker.Cli.Demo;
using FastMaker.Engine.Store;
using FastMaker.Polymarket.Parsing;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using Xunit.Abstractions;

namespace FastMaker.Soak.Tests;

/// <summary>
/// Issue 6's crash acceptance: the embedded venue runs in this process; <c>fastmaker live</c> runs as a child process
/// on one SQLite store and is SIGKILLed at a seeded random moment 1-5 s after its spawn (even kills) or after it started
/// quoting (odd kills), then restarted on the same store,
/// N times; a last run stops cleanly. Then our orders and fills (the store) and positions (the store and the last run's
/// JSON) must equal the venue's own records: no phantom order, no lost order, no missing or extra fill, and the store
/// opens without corruption after every kill. 20 kills (about 1.5 minutes), or FASTMAKER_SOAK_KILLS; the seed is
/// FASTMAKER_SOAK_SEED (default 6). Recovery cancels the orders a killed run left resting (the default), or adopts them
/// with FASTMAKER_SOAK_ADOPT=1 (<c>--adopt-resting</c>). The venue plays the built-in scenario FASTMAKER_SOAK_SCENARIO
/// (default calm, where fills are rare; toxic-burst trades more and fails some settlements).
/// </summary>
public sealed class CrashRestartTests : IDisposable
{
    private readonly ITestOutputHelper _log;
    private readonly string _dir = Directory.CreateTempSubdirectory("fm-crash-").FullName;

    public CrashRestartTests(ITestOutputHelper log) => _log = log;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task LiveEngine_SigkilledAtRandomMoments_RestartsOnItsStore_AndEndsEqualToTheVenue()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("FASTMAKER_SOAK_KILLS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var k)
            && k > 0 ? k : 20;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("FASTMAKER_SOAK_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? s : 6;
        var random = new Random(seed);
        var adopt = Environment.GetEnvironmentVariable("FASTMAKER_SOAK_ADOPT") == "1";
        var scenario = Environment.GetEnvironmentVariable("FASTMAKER_SOAK_SCENARIO") is { Length: > 0 } name ? name : "calm";
        _log.WriteLine("recovery mode: " + (adopt ? "adopt resting orders" : "cancel resting orders") + ", seed " + seed + ", scenario " + scenario);

        await using var venue = await FastMaker.Venue.Venue.StartAsync(DemoScenario.Load(scenario, DateTimeOffset.UtcNow));
        var keyBytes = RandomNumberGenerator.GetBytes(32);
        var keyFile = Path.Combine(_dir, "key.hex");
        File.WriteAllText(keyFile, Convert.ToHexString(keyBytes));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        EthAddress address;
        using (var signer = new EthSigner(keyBytes, null))
        {
            address = EthAddress.FromBytes(signer.Address);
        }

        CryptographicOperations.ZeroMemory(keyBytes);
        var store = Path.Combine(_dir, "live.db");
        var json = Path.Combine(_dir, "final.json");
        var common = new List<string>
        {
            "--clob", venue.ClobUrl, "--ws", venue.WsUrl, "--gamma", venue.GammaUrl, "--key-file", keyFile, "--store", store,
            "--profile", "demo", "--chain-id", venue.Options.ChainId.ToString(CultureInfo.InvariantCulture),
        };
        if (adopt)
        {
            common.Add("--adopt-resting");
        }

        // Every order of ours the venue ever showed open, sampled while the engine runs (the "lost order" witness).
        var seenOpen = new HashSet<Hash32>();
        using var sampling = new CancellationTokenSource();
        var sampler = SampleOpenOrdersAsync(venue, address, seenOpen, sampling.Token);

        var started = 0;
        for (var i = 0; i < kills; i++)
        {
            // Odd kills count the delay from the started line (a kill while quoting), even ones from the spawn (often a kill
            // during start-up, store load or recovery): on a loaded machine the start alone can take several seconds.
            var delay = TimeSpan.FromMilliseconds(random.Next(1_000, 5_001));
            var whileQuoting = i % 2 == 1;
            using var live = LiveProcess.Start(common);
            if (whileQuoting)
            {
                try
                {
                    await live.Started.WaitAsync(TimeSpan.FromSeconds(60));
                }
                catch (TimeoutException)
                {
                    Assert.Fail("run " + (i + 1) + " did not start within 60 s:\n" + live.Output);
                }
            }

            await Task.Delay(delay);
            live.Kill();
            await live.WaitForExitAsync(TimeSpan.FromSeconds(30));
            var reachedStart = live.Started.IsCompleted;
            started += reachedStart ? 1 : 0;
            var check = CheckStore(store);
            _log.WriteLine("kill " + (i + 1) + "/" + kills + " " + delay.TotalMilliseconds + " ms after the " + (whileQuoting ? "start" : "spawn") + " ("
                + (reachedStart ? "quoting" : "starting")
                + "): store " + check + (reachedStart ? "" : "\n" + live.Output));
            Assert.True(check.StartsWith("ok", StringComparison.Ordinal), "after kill " + (i + 1) + ": " + check + "\n" + live.Output);
        }

        using (var last = LiveProcess.Start([.. common, "--seconds", "6", "--json", json]))
        {
            await last.WaitForExitAsync(TimeSpan.FromSeconds(90));
            _log.WriteLine("final run, exit " + last.ExitCode + ":\n" + last.Output);
            Assert.True(last.ExitCode is 0 or 1, "the final run failed (exit " + last.ExitCode + "):\n" + last.Output);
            Assert.True(last.Started.IsCompleted, "the final run never started quoting:\n" + last.Output);
        }

        await sampling.CancelAsync();
        await sampler;

        var differences = Compare(venue, address, store, json, seenOpen, out var counts);
        _log.WriteLine(counts);
        foreach (var d in differences)
        {
            _log.WriteLine("DIFF " + d);
        }

        _log.WriteLine(started + " of " + kills + " runs were killed while quoting");
        Assert.True(started >= kills / 2, "only " + started + " of " + kills + " runs were killed while quoting");
        Assert.True(differences.Count == 0, differences.Count + " differences with the venue:\n" + string.Join("\n", differences));
    }

    /// <summary>Opens the store as the next start does (WAL recovery), checks its integrity and loads it.</summary>
    private static string CheckStore(string path)
    {
        if (!File.Exists(path))
        {
            return "ok (not created yet)";
        }

        try
        {
            using var store = SqliteStore.Open(path);
            var check = store.QuickCheck();
            if (check != "ok")
            {
                return "quick_check: " + check;
            }

            var snapshot = store.Load();
            return "ok (" + snapshot.Orders.Count + " orders, " + snapshot.Fills.Count + " fills, group " + snapshot.LastGroupSequence + ")";
        }
        catch (Exception e) when (e is StoreCorruptedException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return "failed to open: " + e.Message;
        }
    }

    private static async Task SampleOpenOrdersAsync(FastMaker.Venue.Venue venue, EthAddress address, HashSet<Hash32> seen, CancellationToken ct)
    {
        string? owner = null;
        while (!ct.IsCancellationRequested)
        {
            if (owner is null && venue.ApiKeys.TryDerive(address.ToString(), 0, out var credentials) && credentials is not null)
            {
                owner = credentials.ApiKey;
            }

            if (owner is not null)
            {
                var open = venue.WithEngine(e => e.OpenOrders(owner));
                lock (seen)
                {
                    foreach (var o in open)
                    {
                        seen.Add(o.Id);
                    }
                }
            }

            try
            {
                await Task.Delay(50, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static List<string> Compare(FastMaker.Venue.Venue venue, EthAddress address, string storePath, string jsonPath, HashSet<Hash32> seenOpen,
        out string counts)
    {
        var differences = new List<string>();
        StoreSnapshot stored;
        using (var store = SqliteStore.Open(storePath))
        {
            Assert.Equal("ok", store.QuickCheck());
            stored = store.Load();
        }

        var ours = new Dictionary<Hash32, StoredOrder>();
        foreach (var o in stored.Orders)
        {
            ours[o.OrderId] = o;
        }

        // Venue legs of ours, keyed like the store's fills.
        var trades = venue.WithEngine(e => e.Trades(OwnerOf(venue, address)));
        var venueFills = new Dictionary<(Guid, Hash32), (Side Side, Price Price, Quantity Size, TradeStatus Status)>();
        foreach (var t in trades)
        {
            var id = Guid.Parse(t.Id.ToString());
            if (t.MakerAddress == address)
            {
                venueFills[(id, t.MakerOrderId)] = (t.MakerSide, t.MakerPrice, t.Size, t.Status);
            }

            if (t.TakerAddress == address)
            {
                venueFills[(id, t.TakerOrderId)] = (t.TakerSide, t.TakerPrice, t.Size, t.Status);
            }
        }

        // No phantom: every order we recorded as having reached the venue exists there, with the same state and fill.
        var venueOrdersChecked = 0;
        foreach (var o in stored.Orders)
        {
            if (o.State == StoredOrderState.Rejected)
            {
                continue;
            }

            var v = venue.WithEngine(e => e.GetOrder(o.OrderId));
            if (v is not { } view)
            {
                differences.Add("order " + o.OrderId + ": in our store as " + o.State + ", unknown to the venue (phantom)");
                continue;
            }

            venueOrdersChecked++;
            if (view.SizeMatched.Raw != o.FilledSize.Raw)
            {
                differences.Add("order " + o.OrderId + ": filled " + o.FilledSize + " in our store, " + view.SizeMatched + " at the venue");
            }

            if (o.State.IsOpen() != (view.Status == OrderStatus.Live))
            {
                differences.Add("order " + o.OrderId + ": " + o.State + " in our store, " + view.Status + " at the venue");
            }
        }

        // No lost order: every order the venue showed open, or filled, is in our store.
        lock (seenOpen)
        {
            foreach (var id in seenOpen)
            {
                if (!ours.ContainsKey(id))
                {
                    differences.Add("order " + id + ": was open at the venue, missing from our store (lost)");
                }
            }
        }

        foreach (var (tradeId, orderId) in venueFills.Keys)
        {
            if (!ours.ContainsKey(orderId))
            {
                differences.Add("order " + orderId + ": filled at the venue (trade " + tradeId + "), missing from our store (lost)");
            }
        }

        // Fills: the same legs, sizes, prices and sides, and the same failed/active status.
        var storedFills = new HashSet<(Guid, Hash32)>();
        foreach (var f in stored.Fills)
        {
            storedFills.Add((f.TradeId, f.OrderId));
            if (!venueFills.TryGetValue((f.TradeId, f.OrderId), out var v))
            {
                differences.Add("fill " + f.TradeId + " of order " + f.OrderId + ": in our store, not at the venue");
                continue;
            }

            if (v.Side != f.Side || v.Price.Raw != f.Price.Raw || v.Size.Raw != f.Size.Raw)
            {
                differences.Add("fill " + f.TradeId + ": " + f.Side + " " + f.Size + " @ " + f.Price + " in our store, " + v.Side + " " + v.Size + " @ "
                    + v.Price + " at the venue");
            }

            if ((f.Status == TradeStatusCode.Failed) != (v.Status == TradeStatus.Failed))
            {
                differences.Add("fill " + f.TradeId + ": " + f.Status + " in our store, " + v.Status + " at the venue");
            }
        }

        foreach (var key in venueFills.Keys)
        {
            if (!storedFills.Contains(key))
            {
                differences.Add("fill " + key.Item1 + " of order " + key.Item2 + ": at the venue, not in our store");
            }
        }

        // Positions: the venue's token balances = the store's positions = the last run's JSON.
        var jsonShares = new Dictionary<string, decimal>();
        using (var doc = JsonDocument.Parse(File.ReadAllBytes(jsonPath)))
        {
            foreach (var p in doc.RootElement.GetProperty("positions").EnumerateArray())
            {
                jsonShares[p.GetProperty("token_id").GetString()!] = p.GetProperty("shares").GetDecimal();
            }
        }

        var storeShares = new Dictionary<string, long>();
        foreach (var p in stored.Positions)
        {
            storeShares[p.TokenId.ToString()] = p.Shares;
        }

        Assert.NotEmpty(jsonShares);
        foreach (var (token, shares) in jsonShares)
        {
            var venueShares = venue.WithEngine(e => e.Ledger.TokenBalance(address, UInt256.Parse(token)));
            if (venueShares.Raw / 1_000_000m != shares)
            {
                differences.Add("position " + token + ": " + shares + " shares in the final JSON, " + venueShares + " at the venue");
            }

            storeShares.TryGetValue(token, out var inStore);
            if (inStore != venueShares.Raw)
            {
                differences.Add("position " + token + ": " + Quantity.FromRaw(inStore) + " shares in our store, " + venueShares + " at the venue");
            }
        }

        var legsLog = new System.Text.StringBuilder();
        foreach (var ((tradeId, orderId), v) in venueFills)
        {
            legsLog.Append("\n  venue leg ").Append(tradeId).Append(' ').Append(orderId.ToString().AsSpan(0, 10)).Append(' ').Append(v.Side).Append(' ')
                .Append(v.Size).Append(" @ ").Append(v.Price).Append(' ').Append(v.Status);
        }

        counts = legsLog + "\nstore: " + stored.Orders.Count + " orders (" + venueOrdersChecked + " found at the venue), " + stored.Fills.Count + " fills; venue: "
            + venueFills.Count + " fills of ours, " + seenOpen.Count + " orders seen open";
        Assert.True(stored.Orders.Count > 0, "no order was ever recorded: the test proves nothing");
        return differences;
    }

    private static string OwnerOf(FastMaker.Venue.Venue venue, EthAddress address) =>
        venue.ApiKeys.TryDerive(address.ToString(), 0, out var credentials) && credentials is not null
            ? credentials.ApiKey
            : throw new InvalidOperationException("the venue never issued an API key to " + address);
}
