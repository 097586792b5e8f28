using System.Text.Json.Serialization;

namespace FastMaker.Polymarket.Rest.Gamma;

/// <summary>
/// Gamma's <c>feeSchedule</c>: fee = shares x <see cref="Rate"/> x (p(1-p))^<see cref="Exponent"/>, charged to takers
/// when <see cref="TakerOnly"/> (PROTOCOL.md section 8.2). Numbers may arrive as strings.
/// </summary>
public sealed record GammaFeeSchedule(
    [property: JsonPropertyName("rate")] decimal? Rate,
    [property: JsonPropertyName("exponent")] decimal? Exponent,
    [property: JsonPropertyName("takerOnly")] bool? TakerOnly);
