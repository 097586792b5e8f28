using System.Text.Json.Serialization;

namespace FastMaker.Polymarket.Rest.Gamma;

/// <summary>
/// The Gamma market fields a maker needs (PROTOCOL.md section 7). <c>clobTokenIds</c>,
/// <c>outcomes</c> and <c>umaResolutionStatuses</c> arrive as JSON strings inside JSON; index i of
/// <see cref="ClobTokenIds"/> belongs to index i of <see cref="Outcomes"/>. See <see cref="GammaMarketMapper"/>
/// for the engine's types.
/// </summary>
public sealed record GammaMarket(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("question")] string? Question,
    [property: JsonPropertyName("conditionId")] string? ConditionId,
    [property: JsonPropertyName("slug")] string? Slug,
    [property: JsonPropertyName("clobTokenIds"), JsonConverter(typeof(JsonEncodedStringArrayConverter))] string[]? ClobTokenIds,
    [property: JsonPropertyName("outcomes"), JsonConverter(typeof(JsonEncodedStringArrayConverter))] string[]? Outcomes,
    [property: JsonPropertyName("active")] bool? Active,
    [property: JsonPropertyName("closed")] bool? Closed,
    [property: JsonPropertyName("archived")] bool? Archived,
    [property: JsonPropertyName("acceptingOrders")] bool? AcceptingOrders,
    [property: JsonPropertyName("enableOrderBook")] bool? EnableOrderBook,
    [property: JsonPropertyName("orderPriceMinTickSize")] decimal? OrderPriceMinTickSize,
    [property: JsonPropertyName("orderMinSize")] decimal? OrderMinSize,
    [property: JsonPropertyName("endDate")] string? EndDate,
    [property: JsonPropertyName("gameStartTime")] string? GameStartTime,
    [property: JsonPropertyName("eventStartTime")] string? EventStartTime,
    [property: JsonPropertyName("secondsDelay")] decimal? SecondsDelay,
    [property: JsonPropertyName("clearBookOnStart")] bool? ClearBookOnStart,
    [property: JsonPropertyName("negRisk")] bool? NegRisk,
    [property: JsonPropertyName("negRiskMarketID")] string? NegRiskMarketId,
    [property: JsonPropertyName("negRiskOther")] bool? NegRiskOther,
    [property: JsonPropertyName("events")] GammaEvent[]? Events,
    [property: JsonPropertyName("rewardsMinSize")] decimal? RewardsMinSize,
    [property: JsonPropertyName("rewardsMaxSpread")] decimal? RewardsMaxSpread,
    [property: JsonPropertyName("feesEnabled")] bool? FeesEnabled,
    [property: JsonPropertyName("feeType")] string? FeeType,
    [property: JsonPropertyName("makerBaseFee")] decimal? MakerBaseFee,
    [property: JsonPropertyName("takerBaseFee")] decimal? TakerBaseFee,
    [property: JsonPropertyName("makerRebatesFeeShareBps")] decimal? MakerRebatesFeeShareBps,
    [property: JsonPropertyName("umaResolutionStatuses"), JsonConverter(typeof(JsonEncodedStringArrayConverter))] string[]? UmaResolutionStatuses)
{
    /// <summary>When the market opened (<c>startDate</c>), ISO 8601.</summary>
    [JsonPropertyName("startDate")]
    public string? StartDate { get; init; }

    /// <summary>The current UMA resolution status (<c>umaResolutionStatus</c>: "proposed", "disputed", "resolved"), if any.</summary>
    [JsonPropertyName("umaResolutionStatus")]
    public string? UmaResolutionStatus { get; init; }

    /// <summary>Platform fee parameters (<c>feeSchedule</c>: rate, exponent, taker only), when Gamma sends them.</summary>
    [JsonPropertyName("feeSchedule")]
    public GammaFeeSchedule? FeeSchedule { get; init; }
}
