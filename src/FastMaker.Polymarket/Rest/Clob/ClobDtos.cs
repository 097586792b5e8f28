using System.Text.Json.Serialization;

namespace FastMaker.Polymarket.Rest.Clob;

// Reply and request shapes of the CLOB REST API (PROTOCOL.md section 4; cc2 types/clob.ts).
// Plain records on purpose: they live on cold paths and are mapped to engine types by the caller.

/// <summary><c>GET /version</c>.</summary>
public sealed record VersionResponse([property: JsonPropertyName("version")] int? Version);

/// <summary>Reply to <c>POST /order</c> and each element of <c>POST /orders</c>.</summary>
public sealed record OrderResponse(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("errorMsg")] string? ErrorMsg,
    [property: JsonPropertyName("orderID")] string? OrderId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("makingAmount")] string? MakingAmount,
    [property: JsonPropertyName("takingAmount")] string? TakingAmount,
    [property: JsonPropertyName("transactionsHashes")] string[]? TransactionsHashes,
    [property: JsonPropertyName("tradeIDs")] string[]? TradeIds)
{
    /// <summary>True when the venue accepted the order: success, an order id, and no error text (a batch reports rejections as success with an errorMsg).</summary>
    [JsonIgnore]
    public bool IsAccepted => Success && !string.IsNullOrEmpty(OrderId) && string.IsNullOrEmpty(ErrorMsg);

    /// <summary>True for the post-only-mode rejection inside a 200 batch reply.</summary>
    [JsonIgnore]
    public bool IsPostOnlyModeRejection => ErrorMsg is not null && ErrorMsg.Contains("post-only mode", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reply to every cancel endpoint.</summary>
public sealed record CancelResponse(
    [property: JsonPropertyName("canceled")] string[]? Canceled,
    [property: JsonPropertyName("not_canceled")] Dictionary<string, string>? NotCanceled);

/// <summary>An open order (<c>/data/orders</c>, <c>/data/order/{id}</c>).</summary>
public sealed record OpenOrder(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("maker_address")] string? MakerAddress,
    [property: JsonPropertyName("market")] string? Market,
    [property: JsonPropertyName("asset_id")] string? AssetId,
    [property: JsonPropertyName("side")] string? Side,
    [property: JsonPropertyName("original_size")] string? OriginalSize,
    [property: JsonPropertyName("size_matched")] string? SizeMatched,
    [property: JsonPropertyName("price")] string? Price,
    [property: JsonPropertyName("associate_trades")] string[]? AssociateTrades,
    [property: JsonPropertyName("outcome")] string? Outcome,
    [property: JsonPropertyName("created_at")] long? CreatedAt,
    [property: JsonPropertyName("expiration")] string? Expiration,
    [property: JsonPropertyName("order_type")] string? OrderType);

/// <summary>One maker leg of a <see cref="ClobTrade"/>.</summary>
public sealed record MakerOrder(
    [property: JsonPropertyName("order_id")] string OrderId,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("maker_address")] string? MakerAddress,
    [property: JsonPropertyName("matched_amount")] string? MatchedAmount,
    [property: JsonPropertyName("price")] string? Price,
    [property: JsonPropertyName("fee_rate_bps")] string? FeeRateBps,
    [property: JsonPropertyName("asset_id")] string? AssetId,
    [property: JsonPropertyName("outcome")] string? Outcome,
    [property: JsonPropertyName("side")] string? Side);

/// <summary>A trade from <c>/data/trades</c>.</summary>
public sealed record ClobTrade(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("taker_order_id")] string? TakerOrderId,
    [property: JsonPropertyName("market")] string? Market,
    [property: JsonPropertyName("asset_id")] string? AssetId,
    [property: JsonPropertyName("side")] string? Side,
    [property: JsonPropertyName("size")] string? Size,
    [property: JsonPropertyName("fee_rate_bps")] string? FeeRateBps,
    [property: JsonPropertyName("price")] string? Price,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("match_time")] string? MatchTime,
    [property: JsonPropertyName("last_update")] string? LastUpdate,
    [property: JsonPropertyName("outcome")] string? Outcome,
    [property: JsonPropertyName("bucket_index")] int? BucketIndex,
    [property: JsonPropertyName("owner")] string? Owner,
    [property: JsonPropertyName("maker_address")] string? MakerAddress,
    [property: JsonPropertyName("maker_orders")] MakerOrder[]? MakerOrders,
    [property: JsonPropertyName("transaction_hash")] string? TransactionHash,
    [property: JsonPropertyName("trader_side")] string? TraderSide);

/// <summary>A cursor page (<c>next_cursor</c> is <c>LTE=</c> on the last page).</summary>
public sealed record Page<T>(
    [property: JsonPropertyName("data")] T[]? Data,
    [property: JsonPropertyName("next_cursor")] string? NextCursor,
    [property: JsonPropertyName("limit")] int? Limit,
    [property: JsonPropertyName("count")] int? Count);

/// <summary>A price level of a book summary (decimal strings).</summary>
public sealed record BookLevel(
    [property: JsonPropertyName("price")] string Price,
    [property: JsonPropertyName("size")] string Size);

/// <summary><c>GET /book</c>: bids ascending and asks descending, so the best of each is last.</summary>
public sealed record OrderBookSummary(
    [property: JsonPropertyName("market")] string? Market,
    [property: JsonPropertyName("asset_id")] string? AssetId,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("hash")] string? Hash,
    [property: JsonPropertyName("bids")] BookLevel[]? Bids,
    [property: JsonPropertyName("asks")] BookLevel[]? Asks,
    [property: JsonPropertyName("min_order_size")] string? MinOrderSize,
    [property: JsonPropertyName("tick_size")] string? TickSize,
    [property: JsonPropertyName("neg_risk")] bool? NegRisk,
    [property: JsonPropertyName("last_trade_price")] string? LastTradePrice);

/// <summary><c>GET /tick-size</c>.</summary>
public sealed record TickSizeResponse([property: JsonPropertyName("minimum_tick_size")] decimal MinimumTickSize);

/// <summary><c>GET /neg-risk</c>.</summary>
public sealed record NegRiskResponse([property: JsonPropertyName("neg_risk")] bool NegRisk);

/// <summary><c>GET /fee-rate</c> (number or string on the wire).</summary>
public sealed record FeeRateResponse([property: JsonPropertyName("base_fee")] decimal BaseFee);

/// <summary>A token of <see cref="MarketDetails"/>: <c>t</c> token id, <c>o</c> outcome.</summary>
public sealed record MarketDetailsToken(
    [property: JsonPropertyName("t")] string TokenId,
    [property: JsonPropertyName("o")] string? Outcome);

/// <summary>Platform fee parameters <c>fd</c>: rate, exponent, taker only.</summary>
public sealed record MarketFeeDetails(
    [property: JsonPropertyName("r")] decimal? Rate,
    [property: JsonPropertyName("e")] decimal? Exponent,
    [property: JsonPropertyName("to")] bool? TakerOnly);

/// <summary>Reward parameters <c>r</c>: min size, max spread, enabled, skip min order age, min order age seconds.</summary>
public sealed record MarketRewardDetails(
    [property: JsonPropertyName("mi")] decimal? MinSize,
    [property: JsonPropertyName("ma")] decimal? MaxSpread,
    [property: JsonPropertyName("e")] bool? Enabled,
    [property: JsonPropertyName("smoa")] bool? SkipMinOrderAge,
    [property: JsonPropertyName("moas")] decimal? MinOrderAgeSeconds);

/// <summary>The compact <c>GET /clob-markets/{conditionId}</c> reply: the cheapest call for tick, negRisk, fees, min size and delays.</summary>
public sealed record MarketDetails(
    [property: JsonPropertyName("c")] string? ConditionId,
    [property: JsonPropertyName("t")] MarketDetailsToken[]? Tokens,
    [property: JsonPropertyName("mts")] decimal? MinTickSize,
    [property: JsonPropertyName("nr")] bool? NegRisk,
    [property: JsonPropertyName("fd")] MarketFeeDetails? Fees,
    [property: JsonPropertyName("mbf")] decimal? MakerBaseFee,
    [property: JsonPropertyName("tbf")] decimal? TakerBaseFee,
    [property: JsonPropertyName("r")] MarketRewardDetails? Rewards,
    [property: JsonPropertyName("ao")] bool? AcceptingOrders,
    [property: JsonPropertyName("mos")] decimal? MinOrderSize,
    [property: JsonPropertyName("sd")] decimal? SecondsDelay,
    [property: JsonPropertyName("gst")] string? GameStartTime,
    [property: JsonPropertyName("cbos")] bool? ClearBookOnStart,
    [property: JsonPropertyName("aot")] string? AcceptingOrdersTimestamp,
    [property: JsonPropertyName("rfqe")] bool? RfqEnabled,
    [property: JsonPropertyName("itode")] bool? TakerOrderDelayEnabled,
    [property: JsonPropertyName("ibce")] bool? BlockaidCheckEnabled)
{
    /// <summary>nr is omitted when false.</summary>
    [JsonIgnore]
    public bool IsNegRisk => NegRisk == true;
}

/// <summary><c>GET /balance-allowance</c> (base units, 6 decimals).</summary>
public sealed record BalanceAllowance(
    [property: JsonPropertyName("balance")] string? Balance,
    [property: JsonPropertyName("allowances")] Dictionary<string, string>? Allowances,
    [property: JsonPropertyName("allowance")] string? Allowance);

/// <summary><c>GET /order-scoring</c>.</summary>
public sealed record OrderScoring([property: JsonPropertyName("scoring")] bool Scoring);

/// <summary><c>POST /v1/heartbeats</c> request and reply.</summary>
public sealed record HeartbeatMessage([property: JsonPropertyName("heartbeat_id")] string? HeartbeatId);

/// <summary>The L2 credentials returned by API key create/derive. The secret never appears in <see cref="ToString"/>.</summary>
public sealed record ApiKeyResponse(
    [property: JsonPropertyName("apiKey")] string? ApiKey,
    [property: JsonPropertyName("secret")] string? Secret,
    [property: JsonPropertyName("passphrase")] string? Passphrase)
{
    public override string ToString() => "ApiKeyResponse { ApiKey = " + ApiKey + ", Secret = ***, Passphrase = *** }";
}

/// <summary><c>DELETE /order</c> body.</summary>
public sealed record CancelOrderRequest([property: JsonPropertyName("orderID")] string OrderId);

/// <summary><c>DELETE /cancel-market-orders</c> body; at least one field is set.</summary>
public sealed record CancelMarketOrdersRequest(
    [property: JsonPropertyName("market"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Market,
    [property: JsonPropertyName("asset_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AssetId);

/// <summary>One element of the <c>POST /books</c> body.</summary>
public sealed record BookRequest([property: JsonPropertyName("token_id")] string TokenId);
