using System.Numerics;
using System.Text.Json;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Polymarket.Rest.Gamma;
using FastMaker.Primitives;

namespace FastMaker.Engine.Replay;

/// <summary>
/// Builds the replay's market registry, either from the frames themselves or from Gamma metadata (cold path).
/// </summary>
/// <remarks>
/// From frames: every market-channel event that names a <c>market</c> (condition id) and an <c>asset_id</c> binds that
/// asset to that market. A market must show exactly two assets; its first outcome is the asset with the smaller
/// token id as a number (the frames do not say which is YES, so the order is only made stable). A market with one
/// asset or more than two is not registered and is reported, and its events count as unknown-token events.
/// </remarks>
public static class ReplayMarkets
{
    /// <summary>Registers every binary market the frames reveal; returns one problem per market that could not be.</summary>
    public static List<string> DiscoverFromFrames(IReadOnlyList<ReplayFrame> frames, MarketRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(registry);
        var assetsByMarket = new Dictionary<string, SortedSet<BigInteger>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var frame in frames)
        {
            if (frame.Channel != InboundChannel.Market)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(frame.Frame);
                Collect(document.RootElement, assetsByMarket, order);
            }
            catch (JsonException)
            {
                // Not JSON (PONG) or malformed: the replay reports malformed frames itself.
            }
        }

        var problems = new List<string>();
        foreach (var market in order)
        {
            var assets = assetsByMarket[market];
            if (assets.Count != 2)
            {
                problems.Add("market " + market + ": " + assets.Count + " asset id(s) seen in the frames, a binary market needs 2; pass --markets");
                continue;
            }

            if (!Hash32.TryParse(market, out var condition))
            {
                problems.Add("market " + market + ": not a 32-byte hex condition id");
                continue;
            }

            try
            {
                registry.GetOrAdd(condition, ToToken(assets.Min), ToToken(assets.Max));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                problems.Add(e.Message);
            }
        }

        return problems;
    }

    /// <summary>Registers every market of a Gamma markets JSON file (an array, or one market); returns why any was skipped.</summary>
    public static List<string> LoadGamma(string json, MarketRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        GammaMarket[]? markets;
        try
        {
            var trimmed = json.AsSpan().TrimStart();
            markets = !trimmed.IsEmpty && trimmed[0] == '['
                ? JsonSerializer.Deserialize<GammaMarket[]>(json)
                : [JsonSerializer.Deserialize<GammaMarket>(json)!];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("markets file is not Gamma markets JSON: " + e.Message, e);
        }

        if (markets is null || markets.Length == 0)
        {
            throw new InvalidDataException("markets file holds no market");
        }

        var problems = new List<string>();
        foreach (var market in markets)
        {
            if (!GammaMarketMapper.TryMap(market, out var info, out var reason) || info is null)
            {
                problems.Add("market " + (market.ConditionId ?? market.Id ?? "?") + ": " + reason);
                continue;
            }

            var entry = registry.GetOrAdd(info.ConditionId, info.YesTokenId, info.NoTokenId);
            entry.Tick = info.TickSize;
            entry.MinOrderSize = info.MinOrderSize;
            entry.Question = market.Question ?? string.Empty;
            entry.Outcomes = [info.YesOutcome, info.NoOutcome];
            entry.NegRisk = info.NegRisk;
            entry.AcceptingOrders = info.AcceptingOrders;
            entry.Closed = info.Closed;
            entry.EndMs = info.EndDate?.ToUnixTimeMilliseconds();
        }

        return problems;
    }

    private static void Collect(JsonElement element, Dictionary<string, SortedSet<BigInteger>> assetsByMarket, List<string> order)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, assetsByMarket, order);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("market", out var marketElement) ||
            marketElement.ValueKind != JsonValueKind.String)
        {
            return;
        }

        var market = marketElement.GetString()!;
        Add(market, element, assetsByMarket, order);
        if (element.TryGetProperty("price_changes", out var changes) && changes.ValueKind == JsonValueKind.Array)
        {
            foreach (var change in changes.EnumerateArray())
            {
                Add(market, change, assetsByMarket, order);
            }
        }
    }

    private static void Add(string market, JsonElement element, Dictionary<string, SortedSet<BigInteger>> assetsByMarket, List<string> order)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("asset_id", out var asset) ||
            asset.ValueKind != JsonValueKind.String || !UInt256.TryParse(asset.GetString(), out _) ||
            !BigInteger.TryParse(asset.GetString(), out var token))
        {
            return;
        }

        if (!assetsByMarket.TryGetValue(market, out var assets))
        {
            assets = new SortedSet<BigInteger>();
            assetsByMarket.Add(market, assets);
            order.Add(market);
        }

        assets.Add(token);
    }

    private static UInt256 ToToken(BigInteger value) => UInt256.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
