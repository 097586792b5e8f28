using System.Text.Json;
using FastMaker.Primitives;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Api;

/// <summary>One parsed POST /order body (ORDERS-V2-V3.md §4.1), before signature and ownership checks.</summary>
internal sealed class OrderBody
{
    public ulong Salt;
    public EthAddress Maker;
    public EthAddress Signer;
    public UInt256 TokenId;
    public long MakerAmount;
    public long TakerAmount;
    public Side Side;
    public byte SignatureType;
    public ulong TimestampMs;
    public long Expiration;
    public Hash32 Metadata;
    public Hash32 Builder;
    public byte[] Signature = [];
    public string Owner = "";
    public OrderType OrderType = OrderType.Gtc;
    public bool PostOnly;
    public bool DeferExec;

    /// <summary>Set when the body carries V1-only fields: the reference answers order_version_mismatch.</summary>
    public bool IsV1;
}

/// <summary>
/// Strict parser for order bodies: unknown fields, wrong types, bad hex and out-of-range numbers are refused
/// with a reason; V1 fields (taker, nonce, feeRateBps) mark the order as a version mismatch.
/// </summary>
internal static class OrderBodyParser
{
    private const ulong MaxSafeInteger = (1UL << 53) - 1;

    /// <summary>Parses a single order object body (the whole JSON of POST /order).</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out OrderBody body, out string error)
    {
        body = new OrderBody();
        if (json.IsEmpty) { error = "empty body"; return false; }
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read()) { error = "empty body"; return false; }
            if (!TryParseObject(ref reader, body, out error)) return false;
            if (reader.Read()) { error = "trailing data after the JSON object"; return false; }
            return true;
        }
        catch (JsonException e)
        {
            error = "malformed JSON: " + e.Message;
            return false;
        }
    }

    /// <summary>Parses an array of order objects (POST /orders).</summary>
    public static bool TryParseBatch(ReadOnlySpan<byte> json, int max, out List<OrderBody> bodies, out string error, out int count)
    {
        bodies = new List<OrderBody>();
        count = 0;
        if (json.IsEmpty) { error = "empty body"; return false; }
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) { error = "expected a JSON array of orders"; return false; }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                count++;
                if (count > max) { reader.Skip(); continue; }
                var body = new OrderBody();
                if (!TryParseObject(ref reader, body, out error)) { error = "order " + (count - 1) + ": " + error; return false; }
                bodies.Add(body);
            }
            if (reader.Read()) { error = "trailing data after the JSON array"; return false; }
            error = "";
            return true;
        }
        catch (JsonException e)
        {
            error = "malformed JSON: " + e.Message;
            return false;
        }
    }

    private static bool TryParseObject(ref Utf8JsonReader reader, OrderBody body, out string error)
    {
        if (reader.TokenType != JsonTokenType.StartObject) { error = "expected a JSON object"; return false; }
        bool sawOrder = false, sawOwner = false, sawType = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("order"u8))
            {
                reader.Read();
                if (!TryParseOrder(ref reader, body, out error)) return false;
                sawOrder = true;
            }
            else if (reader.ValueTextEquals("owner"u8)) { if (!ReadString(ref reader, "owner", out body.Owner, out error)) return false; sawOwner = true; }
            else if (reader.ValueTextEquals("orderType"u8))
            {
                if (!ReadString(ref reader, "orderType", out string t, out error)) return false;
                switch (t)
                {
                    case "GTC": body.OrderType = OrderType.Gtc; break;
                    case "GTD": body.OrderType = OrderType.Gtd; break;
                    case "FOK": body.OrderType = OrderType.Fok; break;
                    case "FAK": body.OrderType = OrderType.Fak; break;
                    default: error = "orderType must be GTC, GTD, FOK or FAK"; return false;
                }
                sawType = true;
            }
            else if (reader.ValueTextEquals("postOnly"u8)) { if (!ReadBool(ref reader, "postOnly", out body.PostOnly, out error)) return false; }
            else if (reader.ValueTextEquals("deferExec"u8)) { if (!ReadBool(ref reader, "deferExec", out body.DeferExec, out error)) return false; }
            else { error = "unknown field '" + reader.GetString() + "'"; return false; }
        }
        if (!sawOrder) { error = "missing field 'order'"; return false; }
        if (!sawOwner) { error = "missing field 'owner'"; return false; }
        if (!sawType) body.OrderType = OrderType.Gtc;
        if (body.PostOnly && body.OrderType is OrderType.Fok or OrderType.Fak) { error = "postOnly is only allowed with GTC and GTD orders"; return false; }
        error = "";
        return true;
    }

    private static bool TryParseOrder(ref Utf8JsonReader reader, OrderBody body, out string error)
    {
        if (reader.TokenType != JsonTokenType.StartObject) { error = "order must be a JSON object"; return false; }
        int seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("taker"u8) || reader.ValueTextEquals("nonce"u8) || reader.ValueTextEquals("feeRateBps"u8))
            {
                body.IsV1 = true;
                reader.Read();
                reader.Skip();
                continue;
            }
            string name = reader.GetString()!;
            reader.Read();
            bool ok;
            switch (name)
            {
                case "salt": ok = ReadSalt(ref reader, out body.Salt, out error); seen |= 1; break;
                case "maker": ok = ReadAddress(ref reader, name, out body.Maker, out error); seen |= 2; break;
                case "signer": ok = ReadAddress(ref reader, name, out body.Signer, out error); seen |= 4; break;
                case "tokenId": ok = ReadUInt256(ref reader, name, out body.TokenId, out error); seen |= 8; break;
                case "makerAmount": ok = ReadAmount(ref reader, name, out body.MakerAmount, out error); seen |= 16; break;
                case "takerAmount": ok = ReadAmount(ref reader, name, out body.TakerAmount, out error); seen |= 32; break;
                case "side":
                    ok = ReadStringValue(ref reader, name, out string side, out error);
                    if (ok && side == "BUY") body.Side = Side.Buy;
                    else if (ok && side == "SELL") body.Side = Side.Sell;
                    else if (ok) { ok = false; error = "side must be BUY or SELL"; }
                    seen |= 64;
                    break;
                case "signatureType":
                    ok = reader.TokenType == JsonTokenType.Number && reader.TryGetByte(out body.SignatureType) && body.SignatureType <= 3;
                    error = ok ? "" : "signatureType must be 0, 1, 2 or 3";
                    seen |= 128;
                    break;
                case "timestamp": ok = ReadUlongString(ref reader, name, out body.TimestampMs, out error); seen |= 256; break;
                case "expiration":
                    ok = ReadUlongString(ref reader, name, out ulong exp, out error);
                    if (ok && exp > long.MaxValue) { ok = false; error = "expiration is too large"; }
                    body.Expiration = (long)exp;
                    break;
                case "metadata": ok = ReadHash(ref reader, name, out body.Metadata, out error); break;
                case "builder": ok = ReadHash(ref reader, name, out body.Builder, out error); break;
                case "signature": ok = ReadSignature(ref reader, out body.Signature, out error); seen |= 512; break;
                default: error = "unknown order field '" + name + "'"; return false;
            }
            if (!ok) return false;
        }
        if (body.IsV1) { error = ""; return true; }
        if (seen != 1023) { error = "order is missing required fields (salt, maker, signer, tokenId, makerAmount, takerAmount, side, signatureType, timestamp, signature)"; return false; }
        error = "";
        return true;
    }

    private static bool ReadString(ref Utf8JsonReader reader, string name, out string value, out string error)
    {
        reader.Read();
        return ReadStringValue(ref reader, name, out value, out error);
    }

    private static bool ReadStringValue(ref Utf8JsonReader reader, string name, out string value, out string error)
    {
        if (reader.TokenType != JsonTokenType.String) { value = ""; error = name + " must be a string"; return false; }
        value = reader.GetString()!;
        error = "";
        return true;
    }

    private static bool ReadBool(ref Utf8JsonReader reader, string name, out bool value, out string error)
    {
        reader.Read();
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) { value = reader.GetBoolean(); error = ""; return true; }
        value = false;
        error = name + " must be a boolean";
        return false;
    }

    // The clients send salt as a JSON number (kept <= 2^53 - 1); a decimal string is also accepted.
    private static bool ReadSalt(ref Utf8JsonReader reader, out ulong salt, out string error)
    {
        salt = 0;
        bool ok = reader.TokenType == JsonTokenType.Number ? reader.TryGetUInt64(out salt)
            : reader.TokenType == JsonTokenType.String && ulong.TryParse(reader.ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out salt);
        if (!ok || salt > MaxSafeInteger) { error = "salt must be an integer from 0 to 2^53-1"; return false; }
        error = "";
        return true;
    }

    private static bool ReadAddress(ref Utf8JsonReader reader, string name, out EthAddress value, out string error)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || !EthAddress.TryParse(reader.ValueSpan, out value))
        {
            error = name + " must be a 0x-prefixed 20-byte hex address";
            return false;
        }
        error = "";
        return true;
    }

    private static bool ReadHash(ref Utf8JsonReader reader, string name, out Hash32 value, out string error)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || !Hash32.TryParse(reader.ValueSpan, out value))
        {
            error = name + " must be a 0x-prefixed 32-byte hex value";
            return false;
        }
        error = "";
        return true;
    }

    private static bool ReadUInt256(ref Utf8JsonReader reader, string name, out UInt256 value, out string error)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || !UInt256.TryParse(reader.ValueSpan, out value))
        {
            error = name + " must be a decimal string of at most 78 digits that fits in uint256";
            return false;
        }
        error = "";
        return true;
    }

    private static bool ReadAmount(ref Utf8JsonReader reader, string name, out long value, out string error)
    {
        value = 0;
        if (!ReadUlongString(ref reader, name, out ulong raw, out error)) return false;
        if (raw == 0 || raw > long.MaxValue) { error = name + " must be a positive integer below 2^63 (6-decimal base units)"; return false; }
        value = (long)raw;
        return true;
    }

    private static bool ReadUlongString(ref Utf8JsonReader reader, string name, out ulong value, out string error)
    {
        value = 0;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped
            || !ulong.TryParse(reader.ValueSpan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value))
        {
            error = name + " must be a decimal integer string below 2^64";
            return false;
        }
        error = "";
        return true;
    }

    private static bool ReadSignature(ref Utf8JsonReader reader, out byte[] signature, out string error)
    {
        signature = [];
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped) { error = "signature must be a 0x-prefixed hex string"; return false; }
        var span = reader.ValueSpan;
        if (span.Length < 4 || span[0] != (byte)'0' || (span[1] | 0x20) != (byte)'x' || (span.Length & 1) != 0 || span.Length > 2 + 2 * 1024)
        {
            error = "signature must be a 0x-prefixed hex string";
            return false;
        }
        var bytes = new byte[(span.Length - 2) / 2];
        if (Convert.FromHexString(System.Text.Encoding.ASCII.GetString(span[2..]), bytes, out _, out _) != System.Buffers.OperationStatus.Done)
        {
            error = "signature is not valid hex";
            return false;
        }
        signature = bytes;
        error = "";
        return true;
    }
}
