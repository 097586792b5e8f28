using System.Text.Json.Serialization;

namespace FastMaker.Polymarket.Rest.Gamma;

/// <summary>A Gamma event (a market's parent, or an item of <c>GET /events</c>) with its negRisk flags.</summary>
public sealed record GammaEvent(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("slug")] string? Slug,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("active")] bool? Active,
    [property: JsonPropertyName("closed")] bool? Closed,
    [property: JsonPropertyName("negRisk")] bool? NegRisk,
    [property: JsonPropertyName("enableNegRisk")] bool? EnableNegRisk,
    [property: JsonPropertyName("negRiskAugmented")] bool? NegRiskAugmented,
    [property: JsonPropertyName("negRiskMarketID")] string? NegRiskMarketId,
    [property: JsonPropertyName("startTime")] string? StartTime,
    [property: JsonPropertyName("endDate")] string? EndDate,
    [property: JsonPropertyName("seriesSlug")] string? SeriesSlug,
    [property: JsonPropertyName("markets")] GammaMarket[]? Markets);
