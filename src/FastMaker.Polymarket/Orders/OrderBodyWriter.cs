using System.Buffers.Text;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Orders;

/// <summary>
/// Writes the POST /order body byte for byte as clob-client-v2 1.1.0 does (<c>JSON.stringify(orderToJsonV2(...))</c>):
/// keys deferExec, postOnly, order{salt, maker, signer, tokenId, makerAmount, takerAmount, side, signatureType,
/// timestamp, expiration, metadata, builder, signature}, owner, orderType; no whitespace; salt and signatureType as
/// numbers, every other value a string. Allocation-free; the caller owns the destination (a pooled buffer).
/// </summary>
public static class OrderBodyWriter
{
    /// <summary>An upper bound on the body length for any order (a POLY_1271 signature is 636 hex digits).</summary>
    public const int MaxLength = 1536;

    /// <summary>
    /// Writes the body; false when <paramref name="destination"/> is too small. <paramref name="makerText"/> and
    /// <paramref name="signerText"/> are the EIP-55 addresses; <paramref name="ownerJson"/> is the API key already
    /// escaped for a JSON string.
    /// </summary>
    public static bool TryWrite(Span<byte> destination, in ExchangeOrder order, ReadOnlySpan<byte> makerText, ReadOnlySpan<byte> signerText,
        long expirationSeconds, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> ownerJson, OrderType orderType, bool postOnly, bool deferExec, out int written)
    {
        Span<byte> tokenIdText = stackalloc byte[UInt256.MaxDecimalDigits];
        order.TokenId.TryFormat(tokenIdText, out int tokenIdLength);
        return TryWriteCore(destination, order, makerText, signerText, tokenIdText[..tokenIdLength], expirationSeconds, signature, ownerJson,
            orderType, postOnly, deferExec, out written);
    }

    /// <summary>
    /// The writer itself, with the token id already in decimal (<paramref name="tokenIdText"/>): the builder caches that text per
    /// token, since formatting a 77-digit number costs more than the rest of the body.
    /// </summary>
    internal static bool TryWriteCore(Span<byte> destination, in ExchangeOrder order, ReadOnlySpan<byte> makerText, ReadOnlySpan<byte> signerText,
        ReadOnlySpan<byte> tokenIdText, long expirationSeconds, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> ownerJson, OrderType orderType,
        bool postOnly, bool deferExec, out int written)
    {
        var w = new SpanWriter(destination);
        w.Raw(deferExec
            ? (postOnly ? "{\"deferExec\":true,\"postOnly\":true,\"order\":{\"salt\":"u8 : "{\"deferExec\":true,\"postOnly\":false,\"order\":{\"salt\":"u8)
            : (postOnly ? "{\"deferExec\":false,\"postOnly\":true,\"order\":{\"salt\":"u8 : "{\"deferExec\":false,\"postOnly\":false,\"order\":{\"salt\":"u8));
        w.Number(order.Salt);
        w.Raw(",\"maker\":\""u8);
        w.Raw(makerText);
        w.Raw("\",\"signer\":\""u8);
        w.Raw(signerText);
        w.Raw("\",\"tokenId\":\""u8);
        w.Raw(tokenIdText);
        w.Raw("\",\"makerAmount\":\""u8);
        w.Number((ulong)order.MakerAmount);
        w.Raw("\",\"takerAmount\":\""u8);
        w.Number((ulong)order.TakerAmount);
        w.Raw(order.Side == Side.Buy ? "\",\"side\":\"BUY\",\"signatureType\":"u8 : "\",\"side\":\"SELL\",\"signatureType\":"u8);
        w.Number((ulong)order.SignatureType);
        w.Raw(",\"timestamp\":\""u8);
        w.Number((ulong)order.TimestampMs);
        w.Raw("\",\"expiration\":\""u8);
        w.Number((ulong)expirationSeconds);
        w.Raw("\",\"metadata\":\""u8);
        w.Hash(order.Metadata);
        w.Raw("\",\"builder\":\""u8);
        w.Hash(order.Builder);
        w.Raw("\",\"signature\":\"0x"u8);
        w.Hex(signature);
        w.Raw("\"},\"owner\":\""u8);
        w.Raw(ownerJson);
        w.Raw(orderType switch
        {
            OrderType.Gtc => "\",\"orderType\":\"GTC\"}"u8,
            OrderType.Gtd => "\",\"orderType\":\"GTD\"}"u8,
            OrderType.Fok => "\",\"orderType\":\"FOK\"}"u8,
            _ => "\",\"orderType\":\"FAK\"}"u8,
        });
        written = w.Position;
        return !w.Overflowed;
    }

    /// <summary>Escapes a string for a JSON string value the way JSON.stringify does (cold path).</summary>
    public static byte[] EscapeJsonString(string value)
    {
        var sb = new System.Text.StringBuilder(value.Length + 8);
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return System.Text.Encoding.UTF8.GetBytes(sb.ToString());
    }

    private ref struct SpanWriter
    {
        private readonly Span<byte> _destination;
        public int Position;
        public bool Overflowed;

        public SpanWriter(Span<byte> destination)
        {
            _destination = destination;
            Position = 0;
            Overflowed = false;
        }

        public void Raw(ReadOnlySpan<byte> bytes)
        {
            if (Overflowed || !bytes.TryCopyTo(_destination[Position..])) { Overflowed = true; return; }
            Position += bytes.Length;
        }

        public void Number(ulong value)
        {
            if (Overflowed || !Utf8Formatter.TryFormat(value, _destination[Position..], out int n)) { Overflowed = true; return; }
            Position += n;
        }

        public void TokenId(in UInt256 value)
        {
            if (Overflowed || !value.TryFormat(_destination[Position..], out int n)) { Overflowed = true; return; }
            Position += n;
        }

        public void Hash(in Hash32 value)
        {
            // metadata and builder are usually zero: a constant copy instead of 64 hex digits.
            if (value.IsZero) { Raw("0x0000000000000000000000000000000000000000000000000000000000000000"u8); return; }
            if (Overflowed || !value.TryFormat(_destination[Position..], out int n)) { Overflowed = true; return; }
            Position += n;
        }

        public void Hex(ReadOnlySpan<byte> bytes)
        {
            // The runtime's vectorized lowercase hex, straight into UTF-8 (130 digits for an ECDSA signature, 634 for POLY_1271).
            if (Overflowed || !Convert.TryToHexStringLower(bytes, _destination[Position..], out int n)) { Overflowed = true; return; }
            Position += n;
        }
    }
}
