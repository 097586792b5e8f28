using System.Globalization;
using System.Text.Json;
using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using FastMaker.Venue.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FastMaker.Venue.Api;

/// <summary>Public market data: /book, /books, /tick-size, /neg-risk, /fee-rate, /midpoint, /price, /clob-markets/{conditionId}, /markets-by-token/{tokenId}.</summary>
internal static class MarketDataEndpoints
{
    public const string InvalidTokenId = "Invalid token id";
    public const string NoBook = "No orderbook exists for the requested token id";

    public static void Map(WebApplication app, VenueRuntime rt, ExchangeGate gate)
    {
        app.MapGet("/book", c => BookAsync(c, gate));
        app.MapPost("/books", c => BooksAsync(c, rt, gate));
        app.MapGet("/tick-size", c => WithMarket(c, gate, static (w, m, _) => { w.WriteStartObject(); w.WriteNumber("minimum_tick_size"u8, m.TickSize.Value.Raw / 1_000_000m); w.WriteEndObject(); }));
        app.MapGet("/neg-risk", c => WithMarket(c, gate, static (w, m, _) => { w.WriteStartObject(); w.WriteBoolean("neg_risk"u8, m.NegRisk); w.WriteEndObject(); }));
        app.MapGet("/fee-rate", c => WithMarket(c, gate, static (w, m, _) => { w.WriteStartObject(); w.WriteNumber("base_fee"u8, m.TakerFeeRatePpm / 100); w.WriteEndObject(); }));
        app.MapGet("/midpoint", c => TopAsync(c, gate, mid: true));
        app.MapGet("/price", c => TopAsync(c, gate, mid: false));
        app.MapGet("/clob-markets/{conditionId}", c => ClobMarketAsync(c, gate));
        app.MapGet("/markets-by-token/{tokenId}", c => MarketByTokenAsync(c, gate));
    }

    // The official client resolves a token's condition id here before /clob-markets (createMarketOrder, fee info).
    private static async Task MarketByTokenAsync(HttpContext c, ExchangeGate gate)
    {
        if (!UInt256.TryParse((c.Request.RouteValues["tokenId"] as string ?? "").AsSpan(), out var token)) { await VenueHttp.ErrorAsync(c, 400, InvalidTokenId).ConfigureAwait(false); return; }
        if (!gate.TryGetMarket(token, out var m)) { await VenueHttp.ErrorAsync(c, 404, "market not found").ConfigureAwait(false); return; }
        await VenueHttp.JsonAsync(c, 200, m, static (w, market) =>
        {
            w.WriteStartObject();
            w.WriteString("condition_id"u8, market.ConditionId.ToString());
            w.WriteString("primary_token_id"u8, market.YesToken.ToString());
            w.WriteString("secondary_token_id"u8, market.NoToken.ToString());
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private static async Task BookAsync(HttpContext c, ExchangeGate gate)
    {
        if (!UInt256.TryParse(c.Request.Query["token_id"].ToString().AsSpan(), out var token)) { await VenueHttp.ErrorAsync(c, 400, InvalidTokenId).ConfigureAwait(false); return; }
        var book = gate.Run(token, static (e, t) => e.GetBook(t));
        if (book is null) { await VenueHttp.ErrorAsync(c, 404, NoBook).ConfigureAwait(false); return; }
        await VenueHttp.JsonAsync(c, 200, book, static (w, b) => Wire.Book(w, b, asEvent: false)).ConfigureAwait(false);
    }

    private static async Task BooksAsync(HttpContext c, VenueRuntime rt, ExchangeGate gate)
    {
        var body = await VenueHttp.ReadBodyAsync(c, rt.Options.MaxRequestBodyBytes).ConfigureAwait(false);
        if (body.IsTooLarge) { await VenueHttp.ErrorAsync(c, 400, "Payload exceeds the limit").ConfigureAwait(false); return; }
        var tokens = new List<UInt256>();
        try
        {
            var reader = new Utf8JsonReader(body.Span);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new JsonException();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool isToken = reader.ValueTextEquals("token_id"u8);
                    reader.Read();
                    if (!isToken) { reader.Skip(); continue; }
                    if (reader.TokenType != JsonTokenType.String || !UInt256.TryParse(reader.ValueSpan, out var t))
                    {
                        await VenueHttp.ErrorAsync(c, 400, InvalidTokenId).ConfigureAwait(false);
                        return;
                    }
                    tokens.Add(t);
                }
                if (tokens.Count > 500) { await VenueHttp.ErrorAsync(c, 400, "Payload exceeds the limit").ConfigureAwait(false); return; }
            }
        }
        catch (JsonException)
        {
            await VenueHttp.ErrorAsync(c, 400, "Invalid payload").ConfigureAwait(false);
            return;
        }
        var books = gate.Run(tokens, static (e, ts) =>
        {
            var list = new List<BookSnapshot>(ts.Count);
            foreach (var t in ts) if (e.GetBook(t) is { } b) list.Add(b);
            return list;
        });
        await VenueHttp.JsonAsync(c, 200, books, static (w, list) =>
        {
            w.WriteStartArray();
            foreach (var b in list) Wire.Book(w, b, asEvent: false);
            w.WriteEndArray();
        }).ConfigureAwait(false);
    }

    private static async Task WithMarket(HttpContext c, ExchangeGate gate, Action<Utf8JsonWriter, VenueMarket, int> write)
    {
        string text = c.Request.Query["token_id"].ToString();
        if (!UInt256.TryParse(text.AsSpan(), out var token)) { await VenueHttp.ErrorAsync(c, 400, InvalidTokenId).ConfigureAwait(false); return; }
        if (!gate.TryGetMarket(token, out var market)) { await VenueHttp.ErrorAsync(c, 404, "market not found").ConfigureAwait(false); return; }
        await VenueHttp.JsonAsync(c, 200, (market, write), static (w, s) => s.write(w, s.market, 0)).ConfigureAwait(false);
    }

    private static async Task TopAsync(HttpContext c, ExchangeGate gate, bool mid)
    {
        if (!UInt256.TryParse(c.Request.Query["token_id"].ToString().AsSpan(), out var token)) { await VenueHttp.ErrorAsync(c, 400, InvalidTokenId).ConfigureAwait(false); return; }
        string side = c.Request.Query["side"].ToString();
        if (!mid && side is not ("BUY" or "SELL")) { await VenueHttp.ErrorAsync(c, 400, "Invalid side").ConfigureAwait(false); return; }
        var (found, bid, ask) = gate.Run(token, static (e, t) => { bool ok = e.TryGetTopOfBook(t, out var b, out var a); return (ok, b, a); });
        if (!found) { await VenueHttp.ErrorAsync(c, 404, NoBook).ConfigureAwait(false); return; }
        if (mid)
        {
            if (bid.Raw == 0 || ask.Raw == 0) { await VenueHttp.ErrorAsync(c, 404, "No orderbook exists for the requested token id").ConfigureAwait(false); return; }
            var midPrice = Price.FromRaw((bid.Raw + ask.Raw) / 2);
            await VenueHttp.JsonAsync(c, 200, midPrice, static (w, p) => { w.WriteStartObject(); w.WriteString("mid"u8, p.ToString()); w.WriteEndObject(); }).ConfigureAwait(false);
            return;
        }
        // Per the docs' guide: BUY answers what a buyer pays (best ask), SELL what a seller gets (best bid).
        var price = side == "BUY" ? ask : bid;
        await VenueHttp.JsonAsync(c, 200, price, static (w, p) => { w.WriteStartObject(); w.WriteString("price"u8, p.Raw == 0 ? "" : p.ToString()); w.WriteEndObject(); }).ConfigureAwait(false);
    }

    private static async Task ClobMarketAsync(HttpContext c, ExchangeGate gate)
    {
        if (!Hash32.TryParse((c.Request.RouteValues["conditionId"] as string ?? "").AsSpan(), out var cid)) { await VenueHttp.ErrorAsync(c, 400, "Invalid market").ConfigureAwait(false); return; }
        var found = gate.Run(cid, static (e, id) => e.TryGetMarket(id, out var m) ? m : null);
        if (found is null) { await VenueHttp.ErrorAsync(c, 404, "market not found").ConfigureAwait(false); return; }
        await VenueHttp.JsonAsync(c, 200, found, static (w, m) =>
        {
            w.WriteStartObject();
            w.WriteString("c"u8, m.ConditionId.ToString());
            w.WriteStartArray("t"u8);
            for (int i = 0; i < 2; i++) { w.WriteStartObject(); w.WriteString("t"u8, m.TokenOf(i).ToString()); w.WriteString("o"u8, m.Outcomes[i]); w.WriteEndObject(); }
            w.WriteEndArray();
            w.WriteNumber("mts"u8, m.TickSize.Value.Raw / 1_000_000m);
            if (m.NegRisk) w.WriteBoolean("nr"u8, true);
            w.WriteStartObject("fd"u8);
            w.WriteNumber("r"u8, m.TakerFeeRatePpm / 1_000_000m);
            w.WriteNumber("e"u8, m.TakerFeeExponent);
            w.WriteBoolean("to"u8, true);
            w.WriteEndObject();
            w.WriteNumber("mbf"u8, 0);
            w.WriteNumber("tbf"u8, m.TakerFeeRatePpm / 100);
            if (m.RewardsMinSize.Raw > 0)
            {
                w.WriteStartObject("r"u8);
                w.WriteNumber("mi"u8, m.RewardsMinSize.Raw / 1_000_000m);
                w.WriteNumber("ma"u8, m.RewardsMaxSpreadCents);
                w.WriteBoolean("e"u8, true);
                w.WriteEndObject();
            }
            else w.WriteNull("r"u8);
            w.WriteBoolean("ao"u8, m.AcceptingOrders && !m.Closed);
            w.WriteNumber("mos"u8, m.MinOrderSize.Raw / 1_000_000m);
            w.WriteNumber("sd"u8, 0);
            if (m.GameStart is { } gs) w.WriteString("gst"u8, gs.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            w.WriteBoolean("cbos"u8, m.ClearBookOnStart);
            w.WriteEndObject();
        }).ConfigureAwait(false);
    }
}
