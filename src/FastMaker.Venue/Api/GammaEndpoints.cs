using System.Globalization;
using System.Text.Json;
using FastMaker.Venue.Matching;
using FastMaker.Venue.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FastMaker.Venue.Api;

/// <summary>
/// Gamma-style metadata on its own port: GET /markets and GET /events with the fields a maker needs
/// (PROTOCOL.md §7). clobTokenIds and outcomes are JSON strings inside JSON, as on the reference.
/// </summary>
internal static class GammaEndpoints
{
    public static void Map(WebApplication app, ExchangeGate gate)
    {
        app.MapGet("/markets", c =>
        {
            string closedFilter = c.Request.Query["closed"].ToString();
            var markets = gate.Run(0, static (e, _) => new List<VenueMarket>(e.Markets));
            return VenueHttp.JsonAsync(c, 200, (markets, closedFilter), static (w, s) =>
            {
                w.WriteStartArray();
                foreach (var m in s.markets)
                {
                    if (s.closedFilter == "false" && m.Closed) continue;
                    if (s.closedFilter == "true" && !m.Closed) continue;
                    Market(w, m, withEvents: true);
                }
                w.WriteEndArray();
            });
        });
        app.MapGet("/events", c =>
        {
            var markets = gate.Run(0, static (e, _) => new List<VenueMarket>(e.Markets));
            return VenueHttp.JsonAsync(c, 200, markets, static (w, list) =>
            {
                var byEvent = new SortedDictionary<string, List<VenueMarket>>(StringComparer.Ordinal);
                foreach (var m in list)
                {
                    string id = m.EventId.Length > 0 ? m.EventId : m.ConditionId.ToString();
                    if (!byEvent.TryGetValue(id, out var group)) byEvent[id] = group = new List<VenueMarket>();
                    group.Add(m);
                }
                w.WriteStartArray();
                foreach (var (id, group) in byEvent)
                {
                    bool negRisk = group[0].NegRisk;
                    w.WriteStartObject();
                    w.WriteString("id"u8, id);
                    w.WriteString("slug"u8, group[0].Slug.Length > 0 ? group[0].Slug : id);
                    w.WriteBoolean("active"u8, true);
                    w.WriteBoolean("closed"u8, group.TrueForAll(static m => m.Closed));
                    w.WriteBoolean("negRisk"u8, negRisk);
                    w.WriteBoolean("enableNegRisk"u8, negRisk);
                    w.WriteBoolean("negRiskAugmented"u8, false);
                    if (negRisk) w.WriteString("negRiskMarketID"u8, group[0].NegRiskMarketId.ToString());
                    w.WriteStartArray("markets"u8);
                    foreach (var m in group) Market(w, m, withEvents: false);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        });
    }

    private static void Market(Utf8JsonWriter w, VenueMarket m, bool withEvents)
    {
        w.WriteStartObject();
        w.WriteString("id"u8, m.ConditionId.ToString());
        w.WriteString("question"u8, m.Question);
        w.WriteString("conditionId"u8, m.ConditionId.ToString());
        w.WriteString("slug"u8, m.Slug);
        w.WriteString("outcomes"u8, JsonSerializer.Serialize(m.Outcomes));
        w.WriteString("clobTokenIds"u8, "[\"" + m.YesToken.ToString() + "\", \"" + m.NoToken.ToString() + "\"]");
        w.WriteBoolean("active"u8, !m.Closed);
        w.WriteBoolean("closed"u8, m.Closed);
        w.WriteBoolean("archived"u8, false);
        w.WriteBoolean("enableOrderBook"u8, true);
        w.WriteBoolean("acceptingOrders"u8, m.AcceptingOrders && !m.Closed);
        w.WriteNumber("orderPriceMinTickSize"u8, m.TickSize.Value.Raw / 1_000_000m);
        w.WriteNumber("orderMinSize"u8, m.MinOrderSize.Raw / 1_000_000m);
        if (m.EndDate is { } end)
        {
            w.WriteString("endDate"u8, end.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteString("endDateIso"u8, end.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        if (m.GameStart is { } gs) w.WriteString("gameStartTime"u8, gs.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss+00", CultureInfo.InvariantCulture));
        w.WriteBoolean("clearBookOnStart"u8, m.ClearBookOnStart);
        w.WriteBoolean("negRisk"u8, m.NegRisk);
        if (m.NegRisk) w.WriteString("negRiskMarketID"u8, m.NegRiskMarketId.ToString());
        w.WriteNumber("rewardsMinSize"u8, m.RewardsMinSize.Raw / 1_000_000m);
        w.WriteNumber("rewardsMaxSpread"u8, m.RewardsMaxSpreadCents);
        w.WriteBoolean("feesEnabled"u8, m.TakerFeeRatePpm > 0);
        w.WriteNumber("takerBaseFee"u8, m.TakerFeeRatePpm / 100);
        w.WriteNumber("makerBaseFee"u8, 0);
        w.WriteString("umaResolutionStatuses"u8, m.Resolution == default ? "[]" : "[\"" + m.Resolution.ToString().ToLowerInvariant() + "\"]");
        if (withEvents && m.EventId.Length > 0)
        {
            w.WriteStartArray("events"u8);
            w.WriteStartObject();
            w.WriteString("id"u8, m.EventId);
            w.WriteBoolean("negRisk"u8, m.NegRisk);
            w.WriteBoolean("enableNegRisk"u8, m.NegRisk);
            w.WriteBoolean("negRiskAugmented"u8, false);
            w.WriteEndObject();
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
