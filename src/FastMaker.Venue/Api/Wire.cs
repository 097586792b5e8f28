using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using FastMaker.Primitives;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Api;

/// <summary>Writers for the reference's JSON shapes (PROTOCOL.md §4-6), shared by REST and the WebSocket channels.</summary>
internal static class Wire
{
    public static string Text(Price p) => p.ToString();
    public static string Text(Quantity q) => q.ToString();
    public static string Text(Amount a) => a.ToString();
    public static string Side(Side s) => s == Primitives.Side.Buy ? "BUY" : "SELL";
    public static string Ms(long ms) => ms.ToString(CultureInfo.InvariantCulture);

    public static string OrderStatusText(OrderStatus s) => s switch
    {
        OrderStatus.Live => "LIVE",
        OrderStatus.Matched => "MATCHED",
        OrderStatus.Canceled => "CANCELED",
        OrderStatus.CanceledMarketResolved => "CANCELED_MARKET_RESOLVED",
        OrderStatus.Unmatched => "UNMATCHED",
        _ => "INVALID",
    };

    public static string TradeStatusText(TradeStatus s) => s switch
    {
        TradeStatus.Matched => "MATCHED",
        TradeStatus.Mined => "MINED",
        TradeStatus.Confirmed => "CONFIRMED",
        TradeStatus.Retrying => "RETRYING",
        _ => "FAILED",
    };

    public static string OrderTypeText(OrderType t) => t switch
    {
        OrderType.Gtc => "GTC",
        OrderType.Gtd => "GTD",
        OrderType.Fok => "FOK",
        _ => "FAK",
    };

    public static void OrderResponse(Utf8JsonWriter w, in SubmitResult r)
    {
        w.WriteStartObject();
        w.WriteBoolean("success"u8, r.Success);
        w.WriteString("errorMsg"u8, r.ErrorMsg);
        w.WriteString("orderID"u8, r.Success || !r.OrderId.IsZero ? r.OrderId.ToString() : "");
        w.WriteString("status"u8, r.Status);
        w.WriteString("makingAmount"u8, r.HasMatch ? Amount.FromRaw(r.MakingAmount).ToString() : "");
        w.WriteString("takingAmount"u8, r.HasMatch ? Amount.FromRaw(r.TakingAmount).ToString() : "");
        w.WriteStartArray("transactionsHashes"u8);
        w.WriteEndArray();
        w.WriteStartArray("tradeIDs"u8);
        foreach (var t in r.TradeIds) w.WriteStringValue(t.ToString());
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A per-order rejection inside a batch or before the engine (empty orderID, reason in errorMsg).</summary>
    public static void OrderRejection(Utf8JsonWriter w, string reason, bool successFlag)
    {
        w.WriteStartObject();
        w.WriteBoolean("success"u8, successFlag);
        w.WriteString("errorMsg"u8, reason);
        w.WriteString("orderID"u8, "");
        w.WriteString("status"u8, "");
        w.WriteString("makingAmount"u8, "");
        w.WriteString("takingAmount"u8, "");
        w.WriteStartArray("transactionsHashes"u8);
        w.WriteEndArray();
        w.WriteStartArray("tradeIDs"u8);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Cancel(Utf8JsonWriter w, CancelResult r)
    {
        w.WriteStartObject();
        w.WriteStartArray("canceled"u8);
        foreach (var id in r.Canceled) w.WriteStringValue(id.ToString());
        w.WriteEndArray();
        w.WriteStartObject("not_canceled"u8);
        foreach (var pair in r.NotCanceled) w.WriteString(pair.Key.ToString(), pair.Value);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>An OpenOrder (REST) — the user channel adds event fields around the same content.</summary>
    public static void OpenOrderFields(Utf8JsonWriter w, in OrderView o)
    {
        w.WriteString("id"u8, o.Id.ToString());
        w.WriteString("status"u8, OrderStatusText(o.Status));
        w.WriteString("owner"u8, o.Owner);
        w.WriteString("maker_address"u8, o.MakerAddress.ToString());
        w.WriteString("market"u8, o.Market.ToString());
        w.WriteString("asset_id"u8, o.AssetId.ToString());
        w.WriteString("side"u8, Side(o.Side));
        w.WriteString("original_size"u8, Text(o.OriginalSize));
        w.WriteString("size_matched"u8, Text(o.SizeMatched));
        w.WriteString("price"u8, Text(o.Price));
        w.WriteStartArray("associate_trades"u8);
        for (int i = 0; i < o.AssociateTrades.Count; i++) w.WriteStringValue(o.AssociateTrades[i].ToString());
        w.WriteEndArray();
        w.WriteString("outcome"u8, o.Outcome);
        w.WriteString("expiration"u8, o.Expiration.ToString(CultureInfo.InvariantCulture));
        w.WriteString("order_type"u8, OrderTypeText(o.OrderType));
    }

    public static void OpenOrder(Utf8JsonWriter w, in OrderView o)
    {
        w.WriteStartObject();
        OpenOrderFields(w, o);
        w.WriteNumber("created_at"u8, o.CreatedAtMs / 1000);
        w.WriteEndObject();
    }

    /// <summary>A Trade as <c>/data/trades</c> and the user channel show it, from the taker's or the maker's point of view.</summary>
    public static void TradeFields(Utf8JsonWriter w, TradeRecord t, TradeStatus status, bool forMaker)
    {
        w.WriteString("id"u8, t.Id.ToString());
        w.WriteString("taker_order_id"u8, t.TakerOrderId.ToString());
        w.WriteString("market"u8, t.Market.ConditionId.ToString());
        w.WriteString("asset_id"u8, t.TakerAssetId.ToString());
        w.WriteString("side"u8, Side(t.TakerSide));
        w.WriteString("size"u8, Text(t.Size));
        w.WriteString("fee_rate_bps"u8, t.TakerFeeRateBps.ToString(CultureInfo.InvariantCulture));
        w.WriteString("price"u8, Text(t.TakerPrice));
        w.WriteString("status"u8, TradeStatusText(status));
        w.WriteString("match_time"u8, (t.MatchTimeMs / 1000).ToString(CultureInfo.InvariantCulture));
        w.WriteString("last_update"u8, (t.LastUpdateMs / 1000).ToString(CultureInfo.InvariantCulture));
        w.WriteString("outcome"u8, t.Market.Outcomes[t.TakerOutcome]);
        w.WriteNumber("bucket_index"u8, 0);
        w.WriteString("owner"u8, forMaker ? t.MakerOwner : t.TakerOwner);
        w.WriteString("maker_address"u8, (forMaker ? t.MakerAddress : t.TakerAddress).ToString());
        w.WriteString("transaction_hash"u8, t.TransactionHash.IsZero ? "" : t.TransactionHash.ToString());
        w.WriteString("trader_side"u8, forMaker ? "MAKER" : "TAKER");
        w.WriteStartArray("maker_orders"u8);
        w.WriteStartObject();
        w.WriteString("order_id"u8, t.MakerOrderId.ToString());
        w.WriteString("owner"u8, t.MakerOwner);
        w.WriteString("maker_address"u8, t.MakerAddress.ToString());
        w.WriteString("matched_amount"u8, Text(t.Size));
        w.WriteString("price"u8, Text(t.MakerPrice));
        w.WriteString("fee_rate_bps"u8, "0");
        w.WriteString("asset_id"u8, t.MakerAssetId.ToString());
        w.WriteString("outcome"u8, t.Market.Outcomes[t.MakerOutcome]);
        w.WriteString("side"u8, Side(t.MakerSide));
        w.WriteEndObject();
        w.WriteEndArray();
    }

    /// <summary>
    /// The book summary (REST /book and the WS book event share it). The hash is SHA-1 of the compact JSON
    /// with hash "" in the reference's key order (py-clob-client-v2 "server-compatible orderbook hash").
    /// </summary>
    public static void Book(Utf8JsonWriter w, BookSnapshot b, bool asEvent)
    {
        var scratch = new ArrayBufferWriter<byte>(512);
        using (var hw = new Utf8JsonWriter(scratch, Server.VenueHttp.WriterOptions))
            BookBody(hw, b, "", asEvent: false);
        Span<byte> sha = stackalloc byte[20];
        SHA1.HashData(scratch.WrittenSpan, sha);
        BookBody(w, b, Convert.ToHexStringLower(sha), asEvent);
    }

    private static void BookBody(Utf8JsonWriter w, BookSnapshot b, string hash, bool asEvent)
    {
        w.WriteStartObject();
        if (asEvent) w.WriteString("event_type"u8, "book");
        w.WriteString("market"u8, b.Market.ToString());
        w.WriteString("asset_id"u8, b.AssetId.ToString());
        w.WriteString("timestamp"u8, Ms(b.TimestampMs));
        w.WriteString("hash"u8, hash);
        // Worst first: bids ascending, asks descending, so the best is last (PROTOCOL.md §4.4).
        w.WriteStartArray("bids"u8);
        for (int i = b.Bids.Length - 1; i >= 0; i--) Level(w, b.Bids[i]);
        w.WriteEndArray();
        w.WriteStartArray("asks"u8);
        for (int i = b.Asks.Length - 1; i >= 0; i--) Level(w, b.Asks[i]);
        w.WriteEndArray();
        w.WriteString("min_order_size"u8, Text(b.MinOrderSize));
        w.WriteString("tick_size"u8, b.TickSize.ToString());
        w.WriteBoolean("neg_risk"u8, b.NegRisk);
        w.WriteString("last_trade_price"u8, b.LastTradePrice.Raw == 0 ? "" : Text(b.LastTradePrice));
        w.WriteEndObject();
    }

    private static void Level(Utf8JsonWriter w, BookLevel level)
    {
        w.WriteStartObject();
        w.WriteString("price"u8, Text(level.Price));
        w.WriteString("size"u8, Text(level.Size));
        w.WriteEndObject();
    }

    public static byte[] ToBytes<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer, Server.VenueHttp.WriterOptions))
            write(w, state);
        return buffer.WrittenSpan.ToArray();
    }
}
