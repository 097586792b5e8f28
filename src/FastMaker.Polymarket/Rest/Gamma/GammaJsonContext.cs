using System.Text.Json.Serialization;

namespace FastMaker.Polymarket.Rest.Gamma;

/// <summary>Source-generated serializers for Gamma (numbers may arrive as strings).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(GammaMarket[]))]
[JsonSerializable(typeof(GammaMarket))]
[JsonSerializable(typeof(GammaEvent[]))]
internal sealed partial class GammaJsonContext : JsonSerializerContext;
