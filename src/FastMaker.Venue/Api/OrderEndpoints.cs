using System.Globalization;
using System.Text.Json;
using FastMaker.Primitives;
using FastMaker.Venue.Auth;
using FastMaker.Venue.Matching;
using FastMaker.Venue.RateLimits;
using FastMaker.Venue.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FastMaker.Venue.Api;

/// <summary>POST /order, POST /orders, the four cancel endpoints and POST /v1/heartbeats (all L2).</summary>
internal static class OrderEndpoints
{
    public const string ServiceNotReady = "service not ready";
    public const string CancelOnly = "Trading is currently cancel-only. New orders are not accepted, but cancels are allowed.";
    public const string PostOnlyMode = "post-only mode: only post-only orders and cancels are allowed";
    public const string MarketNotReady = "the market is not yet ready to process new orders";
    public const string VersionMismatch = "order_version_mismatch";

    public static void Map(WebApplication app, VenueRuntime rt, ExchangeGate gate)
    {
        app.MapPost("/order", c => PostOrderAsync(c, rt, gate));
        app.MapPost("/orders", c => PostOrdersAsync(c, rt, gate));
        app.MapDelete("/order", c => CancelOneAsync(c, rt, gate));
        app.MapDelete("/orders", c => CancelManyAsync(c, rt, gate));
        app.MapDelete("/cancel-all", c => CancelAllAsync(c, rt, gate));
        app.MapDelete("/cancel-market-orders", c => CancelMarketAsync(c, rt, gate));
        app.MapPost("/v1/heartbeats", c => HeartbeatAsync(c, rt));
    }

    private static async Task PostOrderAsync(HttpContext c, VenueRuntime rt, ExchangeGate gate)
    {
        var (creds, body) = await L2Request.AuthenticateAsync(c, rt).ConfigureAwait(false);
        if (creds is null) return;
        if (await RefusedByModeAsync(c, rt, orders: true).ConfigureAwait(false)) return;
        if (!OrderBodyParser.TryParse(body.Span, out var order, out string error))
        {
            await VenueHttp.ErrorAsync(c, 400, "Invalid order payload: " + error).ConfigureAwait(false);
            return;
        }
        if (order.IsV1) { await VenueHttp.ErrorAsync(c, 400, VersionMismatch).ConfigureAwait(false); return; }
        int postOnlyLeft = rt.Faults.PostOnlySecondsLeft;
        if (postOnlyLeft > 0 && !order.PostOnly)
        {
            await PostOnlyRefusalAsync(c, postOnlyLeft).ConfigureAwait(false);
            return;
        }
        if (!await TakeSignerAsync(c, rt, creds.Address, SignerBucketKind.Order, 1).ConfigureAwait(false)) return;
        if (!TryPrepare(order, creds, rt, gate, out var request, out error))
        {
            await VenueHttp.ErrorAsync(c, 400, error).ConfigureAwait(false);
            return;
        }
        var result = gate.Submit(in request);
        if (!result.Success)
        {
            await VenueHttp.ErrorAsync(c, 400, result.ErrorMsg).ConfigureAwait(false);
            return;
        }
        await VenueHttp.JsonAsync(c, 200, result, static (w, r) => Wire.OrderResponse(w, r)).ConfigureAwait(false);
    }

    private static async Task PostOrdersAsync(HttpContext c, VenueRuntime rt, ExchangeGate gate)
    {
        var (creds, body) = await L2Request.AuthenticateAsync(c, rt).ConfigureAwait(false);
        if (creds is null) return;
        if (await RefusedByModeAsync(c, rt, orders: true).ConfigureAwait(false)) return;
        int max = rt.Options.MaxBatchOrders;
        if (!OrderBodyParser.TryParseBatch(body.Span, max, out var orders, out string error, out int count))
        {
            await VenueHttp.ErrorAsync(c, 400, "Invalid order payload: " + error).ConfigureAwait(false);
            return;
        }
        if (count > max)
        {
            await VenueHttp.ErrorAsync(c, 400, string.Create(CultureInfo.InvariantCulture, $"Too many orders in payload: {count}, max allowed: {max}")).ConfigureAwait(false);
            return;
        }
        if (count == 0) { await VenueHttp.ErrorAsync(c, 400, "Invalid order payload: empty batch").ConfigureAwait(false); return; }
        if (!await TakeSignerAsync(c, rt, creds.Address, SignerBucketKind.Order, count).ConfigureAwait(false)) return;
        int postOnlyLeft = rt.Faults.PostOnlySecondsLeft;
        var results = new List<(SubmitResult Result, string? Refusal)>(orders.Count);
        foreach (var order in orders)
        {
            if (order.IsV1) { results.Add((default, VersionMismatch)); continue; }
            if (postOnlyLeft > 0 && !order.PostOnly) { results.Add((default, PostOnlyMode)); continue; }
            if (!TryPrepare(order, creds, rt, gate, out var request, out error)) { results.Add((default, error)); continue; }
            results.Add((gate.Submit(in request), null));
        }
        await VenueHttp.JsonAsync(c, 200, results, static (w, list) =>
        {
            w.WriteStartArray();
            foreach (var (result, refusal) in list)
            {
                // Batches report refusals inside HTTP 200 with an empty orderID (PROTOCOL.md §4.8).
                if (refusal is not null) Wire.OrderRejection(w, refusal, successFlag: true);
                else Wire.OrderResponse(w, result);
            }
            w.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private static bool TryPrepare(OrderBody order, ApiCredentials creds, VenueRuntime rt, ExchangeGate gate, out OrderRequest request, out string error)
    {
        request = default;
        if (!gate.TryGetMarket(order.TokenId, out var market)) { error = "Invalid token id"; return false; }
        if (rt.Faults.RejectStormMarket is { } storm && string.Equals(storm, market.ConditionId.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            error = MarketNotReady;
            return false;
        }
        return OrderSignatureVerifier.TryVerify(order, creds, market, (ulong)rt.Options.ChainId, rt.Time.GetUtcNow().ToUnixTimeMilliseconds(), out request, out error);
    }

    private static async Task CancelOneAsync(HttpContext c, VenueRuntime rt, ExchangeGate gate)
    {
        var (creds, body) = await L2Request.AuthenticateAsync(c, rt).ConfigureAwait(false);
        if (creds is null) return;
        if (await RefusedByModeAsync(c, rt, orders: false).ConfigureAwait(false)) return;
        if (!TryReadOrderId(body.Span, out var id))
        {
            await VenueHttp.ErrorAsync(c, 400, "Invalid orderID").ConfigureAwait(false);
            return;
        }
        if (!await TakeSignerAsync(c, rt, creds.Address, SignerBucketKind.Cancel, 1).ConfigureAwait(false)) return;
        var result = gate.Run((creds.ApiKey, id), static (e, s) => e.Cancel(s.ApiKey, s.id));
        await VenueHttp.JsonAsync(c, 200, result, static (w, r) => Wire.Cancel(w, r)).ConfigureAwait(false);
    }

    private static async Task CancelManyAsync(HttpContext c, VenueRuntime rt, ExchangeGate gate)
    {
        var (creds, body) = await L2Request.AuthenticateAsync(c, rt).ConfigureAwait(false);
        if (creds is null) return;
        if (await RefusedByModeAsync(c, rt, orders: false).ConfigureAwait(false)) return;
        var ids = new List<Hash32>();
        int max = rt.Options.MaxBatchCancels;
        try
        {
            var reader = new Utf8JsonReader(body.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new JsonException("expected an array of order ids");
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.String || !Hash32.TryParse(reader.ValueSpan, out var id))
                {
                    await VenueHttp.ErrorAsync(c, 400, "Invalid orderID").ConfigureAwait(false);
                    return;
                }
                if (!ids.Contains(id)) ids.Add(id); // duplicates are ignored
            }
        }
        catch (JsonException e)
        {
            await VenueHttp.ErrorAsync(c, 400, "Invalid payload: " + e.Message).ConfigureAwait(false);
            return;
        }
        if (ids.Count > max)
        {
            await VenueHttp.ErrorAsync(c, 400, "Too many orders in payload, max allowed: " + max.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
            return;
        }
        if (!await TakeSignerAsync(c, rt, creds.Address, SignerBucketKind.Cancel, Math.Max(1, ids.Count)).ConfigureAwait(false)) return;
        var result = gate.Run((creds.ApiKey, ids), static (e, s) => e.CancelMany(s.ApiKey, s.ids));
        await VenueHttp.JsonAsync(c, 200, result, static (w, r) => Wire.Cancel(w, r)).ConfigureAwait(false);
    }

    private static async Task CancelAllAsync(HttpContext c, VenueRuntime rt, ExchangeGate gate)
    {
        var (creds, _) = await L2Request.AuthenticateAsync(c, rt).ConfigureAwait(false);
        if (creds is null) return;
        if (await RefusedByModeAsync(c, rt, orders: false).ConfigureAwait(false)) return;
        if (!await TakeSignerAsync(c, rt, creds.Address, SignerBucketKind.Cancel, 1).ConfigureAwait(false)) return;
        var result = gate.Run(creds.ApiKey, static (e, key) => e.CancelAll(key));
        rt.Limiter.Adjust(creds.Address, SignerBucketKind.Cancel, result.Canceled.Count); // 1 up front + 1 per order, may overdraw
        await VenueHttp.JsonAsync(c, 200, result, static (w, r) => Wire.Cancel(w, r)).ConfigureAwait(false);
    }

    private static async Task CancelMarketAsync(HttpContext c, VenueRuntime rt, ExchangeGate gate)
    {
        var (creds, body) = await L2Request.AuthenticateAsync(c, rt).ConfigureAwait(false);
        if (creds is null) return;
        if (await RefusedByModeAsync(c, rt, orders: false).ConfigureAwait(false)) return;
        Hash32? market = null;
        UInt256? asset = null;
        try
        {
            var reader = new Utf8JsonReader(body.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a JSON object");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isMarket = reader.ValueTextEquals("market"u8), isAsset = reader.ValueTextEquals("asset_id"u8);
                if (!isMarket && !isAsset) throw new JsonException("unknown field '" + reader.GetString() + "'");
                reader.Read();
                if (reader.TokenType != JsonTokenType.String) throw new JsonException("market and asset_id must be strings");
                if (reader.ValueSpan.Length == 0) continue;
                if (isMarket)
                {
                    if (!Hash32.TryParse(reader.ValueSpan, out var m)) throw new JsonException("market must be a 0x-prefixed 32-byte condition id");
                    market = m;
                }
                else
                {
                    if (!UInt256.TryParse(reader.ValueSpan, out var a)) throw new JsonException("asset_id must be a decimal token id");
                    asset = a;
                }
            }
        }
        catch (JsonException e)
        {
            await VenueHttp.ErrorAsync(c, 400, "Invalid payload: " + e.Message).ConfigureAwait(false);
            return;
        }
        if (market is null && asset is null)
        {
            await VenueHttp.ErrorAsync(c, 400, "Invalid payload: market or asset_id is required").ConfigureAwait(false);
            return;
        }
        if (!await TakeSignerAsync(c, rt, creds.Address, SignerBucketKind.Cancel, 1).ConfigureAwait(false)) return;
        var result = gate.Run((creds.ApiKey, market, asset), static (e, s) => e.CancelMarket(s.ApiKey, s.market, s.asset));
        rt.Limiter.Adjust(creds.Address, SignerBucketKind.Cancel, result.Canceled.Count);
        await VenueHttp.JsonAsync(c, 200, result, static (w, r) => Wire.Cancel(w, r)).ConfigureAwait(false);
    }

    private static async Task HeartbeatAsync(HttpContext c, VenueRuntime rt)
    {
        var (creds, body) = await L2Request.AuthenticateAsync(c, rt).ConfigureAwait(false);
        if (creds is null) return;
        string? id = null;
        try
        {
            var reader = new Utf8JsonReader(body.Span);
            if (body.Length > 0)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) throw new JsonException("expected a JSON object");
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (!reader.ValueTextEquals("heartbeat_id"u8)) throw new JsonException("unknown field '" + reader.GetString() + "'");
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Null) id = null;
                    else if (reader.TokenType == JsonTokenType.String) id = reader.GetString();
                    else throw new JsonException("heartbeat_id must be a string or null");
                }
            }
        }
        catch (JsonException e)
        {
            await VenueHttp.ErrorAsync(c, 400, "Invalid payload: " + e.Message).ConfigureAwait(false);
            return;
        }
        if (rt.Heartbeats.TryBeat(creds.ApiKey, id, out string next))
        {
            await VenueHttp.JsonAsync(c, 200, next, static (w, n) => { w.WriteStartObject(); w.WriteString("heartbeat_id"u8, n); w.WriteEndObject(); }).ConfigureAwait(false);
            return;
        }
        await VenueHttp.JsonAsync(c, 400, next, static (w, n) =>
        {
            w.WriteStartObject();
            w.WriteString("error_msg"u8, "Invalid Heartbeat ID");
            w.WriteString("heartbeat_id"u8, n);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    /// <summary>425 during a restart; 503 for new orders in cancel-only mode.</summary>
    private static async Task<bool> RefusedByModeAsync(HttpContext c, VenueRuntime rt, bool orders)
    {
        if (rt.Faults.IsRestarting)
        {
            c.Response.Headers.RetryAfter = Math.Max(1, rt.Faults.RestartSecondsLeft).ToString(CultureInfo.InvariantCulture);
            await VenueHttp.ErrorAsync(c, 425, ServiceNotReady).ConfigureAwait(false);
            return true;
        }
        if (orders && rt.Faults.CancelOnly)
        {
            await VenueHttp.ErrorAsync(c, 503, CancelOnly).ConfigureAwait(false);
            return true;
        }
        return false;
    }

    private static Task PostOnlyRefusalAsync(HttpContext c, int secondsLeft)
    {
        c.Response.Headers.RetryAfter = secondsLeft.ToString(CultureInfo.InvariantCulture);
        return VenueHttp.JsonAsync(c, 503, secondsLeft, static (w, s) =>
        {
            w.WriteStartObject();
            w.WriteString("error"u8, PostOnlyMode);
            w.WriteString("code"u8, "post_only_mode");
            w.WriteNumber("retry_after_seconds"u8, s);
            w.WriteEndObject();
        });
    }

    private static async Task<bool> TakeSignerAsync(HttpContext c, VenueRuntime rt, string signer, SignerBucketKind kind, int cost)
    {
        var decision = rt.Limiter.TakeSigner(signer, kind, cost);
        RequestGuard.WriteRateHeaders(c, decision, rt.Limiter.Settings.Tier, rt.Time);
        if (decision.Allowed) return true;
        await RequestGuard.TooManyAsync(c, decision.SecondsUntilAllowed).ConfigureAwait(false);
        return false;
    }

    private static bool TryReadOrderId(ReadOnlySpan<byte> json, out Hash32 id)
    {
        id = default;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            bool found = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("orderID"u8)) return false;
                reader.Read();
                if (reader.TokenType != JsonTokenType.String || !Hash32.TryParse(reader.ValueSpan, out id)) return false;
                found = true;
            }
            return found;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
