using System.Text.Json.Serialization;

namespace FastMaker.Polymarket.Rest.Clob;

/// <summary>Source-generated serializers for the CLOB REST shapes (no reflection at run time).</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowReadingFromString, PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(VersionResponse))]
[JsonSerializable(typeof(long))]
[JsonSerializable(typeof(OrderResponse))]
[JsonSerializable(typeof(OrderResponse[]))]
[JsonSerializable(typeof(CancelResponse))]
[JsonSerializable(typeof(OpenOrder))]
[JsonSerializable(typeof(Page<OpenOrder>))]
[JsonSerializable(typeof(Page<ClobTrade>))]
[JsonSerializable(typeof(OrderBookSummary))]
[JsonSerializable(typeof(OrderBookSummary[]))]
[JsonSerializable(typeof(TickSizeResponse))]
[JsonSerializable(typeof(NegRiskResponse))]
[JsonSerializable(typeof(FeeRateResponse))]
[JsonSerializable(typeof(MarketDetails))]
[JsonSerializable(typeof(BalanceAllowance))]
[JsonSerializable(typeof(OrderScoring))]
[JsonSerializable(typeof(Dictionary<string, bool>))]
[JsonSerializable(typeof(HeartbeatMessage))]
[JsonSerializable(typeof(ApiKeyResponse))]
[JsonSerializable(typeof(CancelOrderRequest))]
[JsonSerializable(typeof(CancelMarketOrdersRequest))]
[JsonSerializable(typeof(BookRequest[]))]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
internal sealed partial class ClobJsonContext : JsonSerializerContext;
