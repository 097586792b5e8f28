using System.Globalization;
using System.Text;
using System.Text.Json;
using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using FastMaker.Venue.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FastMaker.Venue.Api;

/// <summary>L2 reads: /data/orders, /data/trades (cursor pages), /data/order/{id}, /order-scoring, /balance-allowance.</summary>
internal static class DataEndpoints
{
    public const string InitialCursor = "MA==";
    public const string EndCursor = "LTE=";
    private const int PageSize = 100;

    public static void Map(WebApplication app, VenueRuntime rt, ExchangeGate gate)
    {
        app.MapGet("/data/orders", c => OrdersAsync(c, rt, gate));
        app.MapGet("/data/trades", c => TradesAsync(c, rt, gate));
        app.MapGet("/data/order/{id}", c => OrderAsync(c, rt, gate));
        app.MapGet("/order-scoring", c => ScoringAsync(c, rt, gate));
        app.MapGet("/balance-allowance", c => BalanceAsync(c, rt, gate));
        app.MapGet("/balance-allowance/update", c => BalanceAsync(c, rt, gate));
    }

    private static async Task OrdersAsync(HttpContext c, VenueRuntime rt, ExchangeGate gate)
    {
        var (creds, _) = await L2Request.AuthenticateAsync(c, rt).ConfigureAwait(false);
        if (creds is null) return;
        var q = c.Request.Query;
        if (!TryCursor(q["next_cursor"].ToString(), out int offset)
            || !TryOptionalHash(q["id"].ToString(), out var id) || !TryOptionalHash(q["market"].ToString(), out var market)
            || !TryOptionalToken(q["asset_id"].ToString(), out var asset))
        {
            await VenueHttp.ErrorAsync(c, 400, "Invalid query parameters").ConfigureAwait(false);
            return;
        }
        var orders = gate.Run((creds.ApiKey, new OrderFilter(id, market, asset)), static (e, s) => e.OpenOrders(s.ApiKey, s.Item2));
        await WritePageAsync(c, orders, offset, static (w, o) => Wire.OpenOrder(w, o)).ConfigureAwait(false);
    }

    private static async Task TradesAsync(HttpContext c, VenueRuntime rt, ExchangeGate gate)
    {
        var (creds, _) = await L2Request.AuthenticateAsync(c, rt).ConfigureAwait(false);
        if (creds is null) return;
        var q = c.Request.Query;
        TradeId? tradeId = null;
        string idText = q["id"].ToString();
        if (idText.Length > 0)
        {
            if (!TradeId.TryParse(idText, out var t)) { await VenueHttp.ErrorAsync(c, 400, "Invalid query parameters").ConfigureAwait(false); return; }
            tradeId = t;
        }
        EthAddress? makerAddress = null;
        string makerText = q["maker_address"].ToString();
        if (makerText.Length > 0)
        {
            if (!EthAddress.TryParse(makerText, out var a)) { await VenueHttp.ErrorAsync(c, 400, "Invalid query parameters").ConfigureAwait(false); return; }
            makerAddress = a;
        }
        if (!TryCursor(q["next_cursor"].ToString(), out int offset) || !TryOptionalHash(q["market"].ToString(), out var market)
            || !TryOptionalToken(q["asset_id"].ToString(), out var asset) || !TryOptionalLong(q["before"].ToString(), out var before)
            || !TryOptionalLong(q["after"].ToString(), out var after))
        {
            await VenueHttp.ErrorAsync(c, 400, "Invalid query parameters").ConfigureAwait(false);
            return;
        }
        var filter = new TradeFilter(tradeId, makerAddress, market, asset, before, after);
        var trades = gate.Run((creds.ApiKey, filter), static (e, s) => e.Trades(s.ApiKey, s.filter));
        await WritePageAsync(c, trades, offset, (w, t) =>
        {
            w.WriteStartObject();
            Wire.TradeFields(w, t, t.Status, forMaker: t.TakerOwner != creds.ApiKey);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task OrderAsync(HttpContext c, VenueRuntime rt, ExchangeGate gate)
    {
        var (creds, _) = await L2Request.AuthenticateAsync(c, rt).ConfigureAwait(false);
        if (creds is null) return;
        if (!Hash32.TryParse((c.Request.RouteValues["id"] as string ?? "").AsSpan(), out var id))
        {
            await VenueHttp.ErrorAsync(c, 400, "Invalid orderID").ConfigureAwait(false);
            return;
        }
        var order = gate.Run(id, static (e, i) => e.GetOrder(i));
        if (order is null || order.Value.Owner != creds.ApiKey)
        {
            // The reference answers an unknown (or someone else's) order with an empty body.
            await VenueHttp.WriteJsonAsync(c, 200, "null"u8.ToArray()).ConfigureAwait(false);
            return;
        }
        await VenueHttp.JsonAsync(c, 200, order.Value, static (w, o) => Wire.OpenOrder(w, o)).ConfigureAwait(false);
    }

    private static async Task ScoringAsync(HttpContext c, VenueRuntime rt, ExchangeGate gate)
    {
        var (creds, _) = await L2Request.AuthenticateAsync(c, rt).ConfigureAwait(false);
        if (creds is null) return;
        if (!Hash32.TryParse(c.Request.Query["order_id"].ToString().AsSpan(), out var id))
        {
            await VenueHttp.ErrorAsync(c, 400, "Invalid orderID").ConfigureAwait(false);
            return;
        }
        bool scoring = gate.Run((id, creds.ApiKey), static (e, s) =>
        {
            var o = e.GetOrder(s.id);
            if (o is not { } order || order.Owner != s.ApiKey || order.Status != OrderStatus.Live) return false;
            if (!e.TryGetMarketByToken(order.AssetId, out var m, out _) || m.RewardsMinSize.Raw == 0) return false;
            return order.OriginalSize.Raw - order.SizeMatched.Raw >= m.RewardsMinSize.Raw;
        });
        await VenueHttp.WriteJsonAsync(c, 200, scoring ? "{\"scoring\":true}"u8.ToArray() : "{\"scoring\":false}"u8.ToArray()).ConfigureAwait(false);
    }

    private static async Task BalanceAsync(HttpContext c, VenueRuntime rt, ExchangeGate gate)
    {
        var (creds, _) = await L2Request.AuthenticateAsync(c, rt).ConfigureAwait(false);
        if (creds is null) return;
        var q = c.Request.Query;
        string type = q["asset_type"].ToString();
        string sigType = q["signature_type"].ToString();
        if (sigType.Length > 0 && sigType is not ("0" or "1" or "2" or "3")) { await VenueHttp.ErrorAsync(c, 400, "Invalid signature_type").ConfigureAwait(false); return; }
        UInt256? token = null;
        if (type == "CONDITIONAL")
        {
            if (!UInt256.TryParse(q["token_id"].ToString().AsSpan(), out var t)) { await VenueHttp.ErrorAsync(c, 400, "Invalid token id").ConfigureAwait(false); return; }
            token = t;
        }
        else if (type != "COLLATERAL") { await VenueHttp.ErrorAsync(c, 400, "Invalid asset type").ConfigureAwait(false); return; }
        var address = EthAddress.Parse(creds.Address);
        var (balance, allowance) = gate.Run((address, token), static (e, s) => e.Ledger.BalanceAllowance(s.address, s.token));
        ulong chain = (ulong)rt.Options.ChainId;
        await VenueHttp.JsonAsync(c, 200, (balance, allowance, chain), static (w, s) =>
        {
            string value = s.allowance.ToString(CultureInfo.InvariantCulture);
            w.WriteStartObject();
            w.WriteString("balance"u8, s.balance.ToString(CultureInfo.InvariantCulture));
            // The V2 clients read "allowances" (spender -> amount); older ones and fixtures read "allowance".
            w.WriteStartObject("allowances"u8);
            w.WriteString(ExchangeAddress(s.chain, negRisk: false), value);
            w.WriteString(ExchangeAddress(s.chain, negRisk: true), value);
            w.WriteEndObject();
            w.WriteString("allowance"u8, value);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static string ExchangeAddress(ulong chainId, bool negRisk)
        => EthAddress.FromBytes(FastMaker.Polymarket.Signing.PolymarketDomains.Exchange(2, negRisk, chainId).VerifyingContract).ToString();

    private static Task WritePageAsync<T>(HttpContext c, List<T> items, int offset, Action<Utf8JsonWriter, T> write)
    {
        offset = Math.Min(offset, items.Count);
        int end = Math.Min(items.Count, offset + PageSize);
        string next = end >= items.Count ? EndCursor : Convert.ToBase64String(Encoding.ASCII.GetBytes(end.ToString(CultureInfo.InvariantCulture)));
        return VenueHttp.JsonAsync(c, 200, (items, offset, end, next, write), static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteNumber("limit"u8, PageSize);
            w.WriteNumber("count"u8, Math.Max(0, s.end - s.offset));
            w.WriteString("next_cursor"u8, s.next);
            w.WriteStartArray("data"u8);
            for (int i = s.offset; i < s.end; i++) s.write(w, s.items[i]);
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Cursor = base64 of the decimal offset; "MA==" is 0, "LTE=" (-1) means the end.</summary>
    internal static bool TryCursor(string cursor, out int offset)
    {
        offset = 0;
        if (cursor.Length == 0 || cursor == InitialCursor) return true;
        if (cursor == EndCursor) { offset = int.MaxValue; return true; }
        try
        {
            string text = Encoding.ASCII.GetString(Convert.FromBase64String(cursor));
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException) { return false; }
    }

    private static bool TryOptionalHash(string text, out Hash32? value)
    {
        value = null;
        if (text.Length == 0) return true;
        if (!Hash32.TryParse(text.AsSpan(), out var h)) return false;
        value = h;
        return true;
    }

    private static bool TryOptionalToken(string text, out UInt256? value)
    {
        value = null;
        if (text.Length == 0) return true;
        if (!UInt256.TryParse(text.AsSpan(), out var t)) return false;
        value = t;
        return true;
    }

    private static bool TryOptionalLong(string text, out long? value)
    {
        value = null;
        if (text.Length == 0) return true;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long v)) return false;
        value = v;
        return true;
    }
}
