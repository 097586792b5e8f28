using System.Text.Json;
using FastMaker.Primitives;
using FastMaker.Venue.Api;
using FastMaker.Venue.Faults;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.WebSockets;

/// <summary>
/// Turns the engine's events into market- and user-channel messages. Called on the engine's thread under the
/// engine lock: it serializes once and queues (never blocks). Level changes of one engine call are collected
/// and sent as one price_change per asset when the gate calls <see cref="Flush"/>.
/// </summary>
internal sealed class ExchangeEventPublisher : IExchangeEvents
{
    private readonly WsHub _hub;
    private readonly VenueFaults _faults;
    private readonly UserEventShaper _user;
    private readonly List<BookLevelChange> _pending = new();

    public ExchangeEventPublisher(WsHub hub, VenueFaults faults, TimeProvider time)
    {
        _hub = hub;
        _faults = faults;
        _user = new UserEventShaper(hub, faults, time);
    }

    /// <summary>Sends a book event directly (used for snapshots after tick size changes).</summary>
    public void OnBookLevel(in BookLevelChange change) => _pending.Add(change);

    public void OnTrade(TradeRecord trade)
    {
        // A forced failure (fault) reuses the engine's own failing-settlement path.
        if (_faults.TakeTradeFailure()) trade.WillFail = true;
        PublishTrade(trade, TradeStatus.Matched, trade.MatchTimeMs);
        var lastTrade = Wire.ToBytes(trade, static (w, t) =>
        {
            w.WriteStartObject();
            w.WriteString("event_type"u8, "last_trade_price");
            w.WriteString("asset_id"u8, t.TakerAssetId.ToString());
            w.WriteString("market"u8, t.Market.ConditionId.ToString());
            w.WriteString("fee_rate_bps"u8, t.TakerFeeRateBps.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("price"u8, Wire.Text(t.TakerPrice));
            w.WriteString("side"u8, Wire.Side(t.TakerSide));
            w.WriteString("size"u8, Wire.Text(t.Size));
            w.WriteString("timestamp"u8, Wire.Ms(t.MatchTimeMs));
            w.WriteString("transaction_hash"u8, "");
            w.WriteEndObject();
        });
        Flush();
        _hub.PublishMarket(trade.TakerAssetId.ToString(), lastTrade);
    }

    public void OnOrder(in OrderEvent e)
    {
        var payload = Wire.ToBytes(e, static (w, ev) =>
        {
            w.WriteStartObject();
            w.WriteString("event_type"u8, "order");
            w.WriteString("type"u8, ev.Type switch { OrderEventType.Placement => "PLACEMENT", OrderEventType.Update => "UPDATE", _ => "CANCELLATION" });
            Wire.OpenOrderFields(w, ev.Order);
            w.WriteString("order_owner"u8, ev.Order.Owner);
            w.WriteString("created_at"u8, (ev.Order.CreatedAtMs / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("timestamp"u8, Wire.Ms(ev.TimestampMs));
            w.WriteEndObject();
        });
        _user.Send(e.Order.Owner, e.Order.Market.ToString(), payload);
    }

    public void OnTradeStatus(in TradeStatusChange change) => PublishTrade(change.Trade, change.Status, change.TimestampMs);

    public void OnTickSizeChange(in TickSizeChange change)
    {
        Flush();
        var payload = Wire.ToBytes(change, static (w, c) =>
        {
            w.WriteStartObject();
            w.WriteString("event_type"u8, "tick_size_change");
            w.WriteString("asset_id"u8, c.AssetId.ToString());
            w.WriteString("market"u8, c.Market.ToString());
            w.WriteString("old_tick_size"u8, c.OldTickSize.ToString());
            w.WriteString("new_tick_size"u8, c.NewTickSize.ToString());
            w.WriteString("timestamp"u8, Wire.Ms(c.TimestampMs));
            w.WriteEndObject();
        });
        _hub.PublishMarket(change.AssetId.ToString(), payload);
    }

    public void OnMarketResolved(in MarketResolved resolved)
    {
        Flush();
        var payload = Wire.ToBytes(resolved, static (w, r) =>
        {
            w.WriteStartObject();
            w.WriteString("event_type"u8, "market_resolved");
            w.WriteString("id"u8, r.Market.ConditionId.ToString());
            w.WriteString("market"u8, r.Market.ConditionId.ToString());
            w.WriteStartArray("assets_ids"u8);
            w.WriteStringValue(r.Market.YesToken.ToString());
            w.WriteStringValue(r.Market.NoToken.ToString());
            w.WriteEndArray();
            w.WriteString("winning_asset_id"u8, r.WinningAssetId.ToString());
            w.WriteString("winning_outcome"u8, r.WinningOutcome);
            w.WriteString("timestamp"u8, Wire.Ms(r.TimestampMs));
            w.WriteEndObject();
        });
        _hub.PublishMarket(resolved.Market.YesToken.ToString(), payload, customFeatureOnly: true);
        _hub.PublishMarket(resolved.Market.NoToken.ToString(), payload, customFeatureOnly: true);
    }

    /// <summary>Sends the collected level changes: one price_change (and one best_bid_ask) per run of the same asset.</summary>
    public void Flush()
    {
        int start = 0;
        while (start < _pending.Count)
        {
            int end = start + 1;
            while (end < _pending.Count && _pending[end].AssetId == _pending[start].AssetId) end++;
            PublishPriceChange(start, end);
            start = end;
        }
        _pending.Clear();
    }

    /// <summary>A new market announced to custom-feature subscribers.</summary>
    public void PublishNewMarket(VenueMarket m, long timestampMs)
    {
        var payload = Wire.ToBytes((m, timestampMs), static (w, s) =>
        {
            var (market, ts) = s;
            w.WriteStartObject();
            w.WriteString("event_type"u8, "new_market");
            w.WriteString("id"u8, market.ConditionId.ToString());
            w.WriteString("question"u8, market.Question);
            w.WriteString("market"u8, market.ConditionId.ToString());
            w.WriteString("slug"u8, market.Slug);
            w.WriteStartArray("assets_ids"u8);
            w.WriteStringValue(market.YesToken.ToString());
            w.WriteStringValue(market.NoToken.ToString());
            w.WriteEndArray();
            w.WriteStartArray("outcomes"u8);
            foreach (string o in market.Outcomes) w.WriteStringValue(o);
            w.WriteEndArray();
            w.WriteString("condition_id"u8, market.ConditionId.ToString());
            w.WriteString("order_price_min_tick_size"u8, market.TickSize.ToString());
            w.WriteBoolean("active"u8, !market.Closed);
            w.WriteString("timestamp"u8, Wire.Ms(ts));
            w.WriteEndObject();
        });
        _hub.PublishToAllCustomFeature(payload);
    }

    private void PublishPriceChange(int start, int end)
    {
        var first = _pending[start];
        var payload = Wire.ToBytes((this, start, end), static (w, s) =>
        {
            var changes = s.Item1._pending;
            var head = changes[s.start];
            var last = changes[s.end - 1];
            w.WriteStartObject();
            w.WriteString("event_type"u8, "price_change");
            w.WriteString("market"u8, head.Market.ToString());
            w.WriteStartArray("price_changes"u8);
            for (int i = s.start; i < s.end; i++)
            {
                var c = changes[i];
                w.WriteStartObject();
                w.WriteString("asset_id"u8, c.AssetId.ToString());
                w.WriteString("price"u8, Wire.Text(c.Price));
                w.WriteString("size"u8, Wire.Text(c.Size));
                w.WriteString("side"u8, Wire.Side(c.Side));
                w.WriteString("hash"u8, ChangeHash(c));
                w.WriteString("best_bid"u8, c.BestBid.Raw == 0 ? "" : Wire.Text(c.BestBid));
                w.WriteString("best_ask"u8, c.BestAsk.Raw == 0 ? "" : Wire.Text(c.BestAsk));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteString("timestamp"u8, Wire.Ms(last.TimestampMs));
            w.WriteEndObject();
        });
        string asset = first.AssetId.ToString();
        _hub.PublishMarket(asset, payload);
        var last = _pending[end - 1];
        var bba = Wire.ToBytes(last, static (w, c) =>
        {
            w.WriteStartObject();
            w.WriteString("event_type"u8, "best_bid_ask");
            w.WriteString("market"u8, c.Market.ToString());
            w.WriteString("asset_id"u8, c.AssetId.ToString());
            w.WriteString("best_bid"u8, c.BestBid.Raw == 0 ? "" : Wire.Text(c.BestBid));
            w.WriteString("best_ask"u8, c.BestAsk.Raw == 0 ? "" : Wire.Text(c.BestAsk));
            w.WriteString("spread"u8, c.BestBid.Raw == 0 || c.BestAsk.Raw == 0 ? "" : Wire.Text(Price.FromRaw(c.BestAsk.Raw - c.BestBid.Raw)));
            w.WriteString("timestamp"u8, Wire.Ms(c.TimestampMs));
            w.WriteEndObject();
        });
        _hub.PublishMarket(asset, bba, customFeatureOnly: true);
    }

    // The reference's incremental hash has no published algorithm; ours is SHA-1 of the entry's fields.
    private static string ChangeHash(in BookLevelChange c)
    {
        Span<byte> input = stackalloc byte[32 + 32 + 4 + 8 + 8 + 1];
        c.Market.CopyTo(input);
        c.AssetId.WriteBigEndian(input[32..]);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(input[64..], c.Price.Raw);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(input[68..], c.Size.Raw);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(input[76..], c.TimestampMs);
        input[84] = (byte)c.Side;
        Span<byte> sha = stackalloc byte[20];
        System.Security.Cryptography.SHA1.HashData(input, sha);
        return Convert.ToHexStringLower(sha);
    }

    private void PublishTrade(TradeRecord t, TradeStatus status, long timestampMs)
    {
        string market = t.Market.ConditionId.ToString();
        _user.Send(t.TakerOwner, market, TradeMessage(t, status, forMaker: false, timestampMs));
        _user.Send(t.MakerOwner, market, TradeMessage(t, status, forMaker: true, timestampMs));
    }

    private static byte[] TradeMessage(TradeRecord t, TradeStatus status, bool forMaker, long timestampMs)
        => Wire.ToBytes((t, status, forMaker, timestampMs), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("event_type"u8, "trade");
            w.WriteString("type"u8, "TRADE");
            Wire.TradeFields(w, s.t, s.status, s.forMaker);
            w.WriteString("trade_owner"u8, s.forMaker ? s.t.MakerOwner : s.t.TakerOwner);
            w.WriteString("timestamp"u8, Wire.Ms(s.timestampMs));
            w.WriteEndObject();
        });
}
