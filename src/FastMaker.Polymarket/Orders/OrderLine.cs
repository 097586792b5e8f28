using System.Globalization;
using System.Text.Json;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Orders;

/// <summary>
/// One order described as JSON (the <c>fastmaker order sign</c> input and the golden vectors' <c>input</c>):
/// privateKey, chainId, version, signatureType, funder, tokenId, side, price, size or amount, tickSize, negRisk,
/// orderType, expiration, postOnly, deferExec, salt, timestamp, metadata, builder, owner. Cold path. Parse errors
/// name the field, never its value, so a private key is never echoed.
/// </summary>
public sealed class OrderLine
{
    /// <summary>The private key as hex (kept only as long as the caller keeps this object).</summary>
    public required string PrivateKeyHex { get; init; }
    /// <summary>137 or 80002.</summary>
    public long ChainId { get; init; }
    /// <summary>2 or 3.</summary>
    public OrderVersion Version { get; init; }
    /// <summary>0 to 3.</summary>
    public SignatureType SignatureType { get; init; }
    /// <summary>The proxy, safe or deposit wallet, if any.</summary>
    public EthAddress? Funder { get; init; }
    /// <summary>The L2 API key sent as the body's owner.</summary>
    public required string Owner { get; init; }
    /// <summary>Everything else.</summary>
    public OrderRequest Request;

    /// <summary>Parses one JSON object; false with a reason on any bad or missing field.</summary>
    public static bool TryParse(JsonElement e, out OrderLine? line, out string error)
    {
        line = null;
        error = "";
        try
        {
            if (e.ValueKind != JsonValueKind.Object) { error = "the line is not a JSON object"; return false; }
            string key = RequiredString(e, "privateKey");
            long chainId = RequiredLong(e, "chainId");
            long version = RequiredLong(e, "version");
            if (version is not (2 or 3)) throw new FormatException("version must be 2 or 3");
            long sigType = RequiredLong(e, "signatureType");
            if (sigType is < 0 or > 3) throw new FormatException("signatureType must be 0, 1, 2 or 3");
            EthAddress? funder = null;
            if (e.TryGetProperty("funder", out var f) && f.ValueKind != JsonValueKind.Null)
            {
                if (f.ValueKind != JsonValueKind.String || !EthAddress.TryParse(f.GetString()!, out EthAddress fa)) throw new FormatException("funder must be a 0x address or null");
                funder = fa;
            }
            string owner = e.TryGetProperty("owner", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : "";

            var r = new OrderRequest();
            if (!UInt256.TryParse(RequiredString(e, "tokenId"), out r.TokenId)) throw new FormatException("tokenId must be a decimal uint256 string");
            r.Side = RequiredString(e, "side") switch { "BUY" => Side.Buy, "SELL" => Side.Sell, _ => throw new FormatException("side must be BUY or SELL") };
            r.OrderType = RequiredString(e, "orderType") switch
            {
                "GTC" => OrderType.Gtc, "GTD" => OrderType.Gtd, "FOK" => OrderType.Fok, "FAK" => OrderType.Fak,
                _ => throw new FormatException("orderType must be GTC, GTD, FOK or FAK"),
            };
            if (!TickSize.TryParse(DecimalText(e, "tickSize"), out r.TickSize, out _)) throw new FormatException("tickSize must be one of 0.1, 0.01, 0.005, 0.0025, 0.001, 0.0001");
            if (!Price.TryParse(DecimalText(e, "price"), out r.Price, out _)) throw new FormatException("price must be a decimal between 0 and 1 with at most 6 decimals");
            if (r.OrderType is OrderType.Fok or OrderType.Fak)
            {
                if (!Quantity.TryParse(DecimalText(e, "amount"), out Quantity amount, out _)) throw new FormatException("amount must be a positive decimal with at most 6 decimals");
                r.Amount = amount.Raw;
            }
            else if (!Quantity.TryParse(DecimalText(e, "size"), out r.Size, out _))
            {
                throw new FormatException("size must be a positive decimal with at most 6 decimals");
            }
            r.NegRisk = OptionalBool(e, "negRisk");
            r.PostOnly = OptionalBool(e, "postOnly");
            r.DeferExec = OptionalBool(e, "deferExec");
            r.ExpirationSeconds = OptionalLong(e, "expiration");
            r.TimestampMs = RequiredLong(e, "timestamp");
            long salt = RequiredLong(e, "salt");
            if (salt < 0) throw new FormatException("salt must not be negative");
            r.Salt = (ulong)salt;
            r.Metadata = OptionalHash(e, "metadata");
            r.Builder = OptionalHash(e, "builder");
            line = new OrderLine
            {
                PrivateKeyHex = key, ChainId = chainId, Version = (OrderVersion)version, SignatureType = (SignatureType)sigType,
                Funder = funder, Owner = owner, Request = r,
            };
            return true;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    internal static string RequiredString(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.String) throw new FormatException($"{name} is missing or not a string");
        return v.GetString()!;
    }

    internal static long RequiredLong(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) throw new FormatException($"{name} is missing");
        return ParseLong(v, name);
    }

    internal static long OptionalLong(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null ? 0 : ParseLong(v, name);

    private static long ParseLong(JsonElement v, string name)
    {
        string text = v.ValueKind switch
        {
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.String => v.GetString()!,
            _ => throw new FormatException($"{name} must be an integer"),
        };
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)) throw new FormatException($"{name} must be an integer");
        return value;
    }

    private static bool OptionalBool(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return false;
        return v.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new FormatException($"{name} must be true or false"),
        };
    }

    private static string DecimalText(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) throw new FormatException($"{name} is missing");
        return v.ValueKind switch
        {
            // A JSON number's own text: no trip through a double.
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.String => v.GetString()!,
            _ => throw new FormatException($"{name} must be a decimal number or string"),
        };
    }

    private static Hash32 OptionalHash(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return Hash32.Zero;
        if (v.ValueKind != JsonValueKind.String || !Hash32.TryParse(v.GetString()!, out Hash32 h)) throw new FormatException($"{name} must be 0x + 64 hex digits or null");
        return h;
    }
}
