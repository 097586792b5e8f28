using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FastMaker.Polymarket.Parsing;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Primitives;

namespace FastMaker.Engine.Reconciliation;

/// <summary>Maps the CLOB REST replies (open orders, trades) to reconciliation inputs; malformed rows give a reason, never a crash.</summary>
public static class VenueMapper
{
    /// <summary>Maps one open order; false with <paramref name="error"/> when a field is missing or malformed.</summary>
    public static bool TryMapOrder(OpenOrder order, out VenueOrder mapped, out string? error)
    {
        ArgumentNullException.ThrowIfNull(order);
        mapped = default;
        if (!Hash32.TryParse(order.Id.AsSpan(), out var id))
        {
            error = "open order id '" + order.Id + "' is not a 32-byte hash";
            return false;
        }

        if (!UInt256.TryParse((order.AssetId ?? string.Empty).AsSpan(), out var token)
            || !Hash32.TryParse((order.Market ?? string.Empty).AsSpan(), out var market)
            || !TryParseSide(order.Side, out var side)
            || !Price.TryParse((order.Price ?? string.Empty).AsSpan(), out var price, out _)
            || !Quantity.TryParse((order.OriginalSize ?? string.Empty).AsSpan(), out var original, out _)
            || !Quantity.TryParse((order.SizeMatched ?? "0").AsSpan(), out var matched, out _))
        {
            error = "open order " + order.Id + " has a missing or malformed asset_id, market, side, price, original_size or size_matched";
            return false;
        }

        mapped = new VenueOrder(id, token, market, side, price, original, matched);
        error = null;
        return true;
    }

    /// <summary>
    /// Adds the legs of <paramref name="trade"/> that are ours: the taker leg when <c>trader_side</c> is TAKER, and
    /// each maker leg whose maker address is <paramref name="ourAddress"/> or whose owner is <paramref name="ourOwner"/>.
    /// </summary>
    public static void MapTradeLegs(ClobTrade trade, string? ourAddress, string? ourOwner, List<VenueTradeLeg> legs, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(legs);
        ArgumentNullException.ThrowIfNull(errors);
        if (!TryParseStatus(trade.Status, out var status))
        {
            errors.Add("trade " + trade.Id + " has unknown status '" + trade.Status + "'");
            return;
        }

        var tradeId = TradeIdOf(trade.Id);
        var matchMs = ParseSecondsAsMs(trade.MatchTime);
        var takerIsOurs = string.Equals(trade.TraderSide, "TAKER", StringComparison.OrdinalIgnoreCase)
            || (trade.TraderSide is null && ourAddress is not null && string.Equals(trade.MakerAddress, ourAddress, StringComparison.OrdinalIgnoreCase));
        if (takerIsOurs)
        {
            if (Hash32.TryParse((trade.TakerOrderId ?? string.Empty).AsSpan(), out var orderId)
                && UInt256.TryParse((trade.AssetId ?? string.Empty).AsSpan(), out var token)
                && TryParseSide(trade.Side, out var side)
                && Price.TryParse((trade.Price ?? string.Empty).AsSpan(), out var price, out _)
                && Quantity.TryParse((trade.Size ?? string.Empty).AsSpan(), out var size, out _))
            {
                legs.Add(new VenueTradeLeg(tradeId, orderId, token, side, price, size, status, IsMaker: false, matchMs));
            }
            else
            {
                errors.Add("trade " + trade.Id + " taker leg has a missing or malformed taker_order_id, asset_id, side, price or size");
            }
        }

        if (trade.MakerOrders is null)
        {
            return;
        }

        foreach (var maker in trade.MakerOrders)
        {
            var ours = (ourAddress is not null && string.Equals(maker.MakerAddress, ourAddress, StringComparison.OrdinalIgnoreCase))
                || (ourOwner is not null && string.Equals(maker.Owner, ourOwner, StringComparison.Ordinal));
            if (!ours)
            {
                continue;
            }

            // A maker leg without its own side is the opposite of the taker's when both trade the same token.
            Side side = default;
            var sideOk = maker.Side is not null
                ? TryParseSide(maker.Side, out side)
                : TryParseSide(trade.Side, out side) && string.Equals(maker.AssetId, trade.AssetId, StringComparison.Ordinal);
            if (maker.Side is null && sideOk)
            {
                side = side == Side.Buy ? Side.Sell : Side.Buy;
            }

            if (sideOk
                && Hash32.TryParse(maker.OrderId.AsSpan(), out var orderId)
                && UInt256.TryParse((maker.AssetId ?? trade.AssetId ?? string.Empty).AsSpan(), out var token)
                && Price.TryParse((maker.Price ?? string.Empty).AsSpan(), out var price, out _)
                && Quantity.TryParse((maker.MatchedAmount ?? string.Empty).AsSpan(), out var size, out _))
            {
                legs.Add(new VenueTradeLeg(tradeId, orderId, token, side, price, size, status, IsMaker: true, matchMs));
            }
            else
            {
                errors.Add("trade " + trade.Id + " maker leg " + maker.OrderId + " has a missing or malformed side, asset_id, price or matched_amount");
            }
        }
    }

    /// <summary>The trade id as a GUID (Polymarket's are UUIDs); any other text maps to a stable GUID derived from it.</summary>
    public static Guid TradeIdOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (Guid.TryParse(id, out var guid))
        {
            return guid;
        }

        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(id), digest);
        return new Guid(digest[..16]);
    }

    /// <summary>Parses a trade status with or without the <c>TRADE_STATUS_</c> prefix.</summary>
    public static bool TryParseStatus(string? text, out TradeStatusCode status)
    {
        var t = text ?? string.Empty;
        if (t.StartsWith("TRADE_STATUS_", StringComparison.OrdinalIgnoreCase))
        {
            t = t["TRADE_STATUS_".Length..];
        }

        switch (t.ToUpperInvariant())
        {
            case "MATCHED": status = TradeStatusCode.Matched; return true;
            case "MATCHED_NOT_BROADCASTED": status = TradeStatusCode.MatchedNotBroadcasted; return true;
            case "MINED": status = TradeStatusCode.Mined; return true;
            case "CONFIRMED": status = TradeStatusCode.Confirmed; return true;
            case "RETRYING": status = TradeStatusCode.Retrying; return true;
            case "FAILED": status = TradeStatusCode.Failed; return true;
            default: status = default; return false;
        }
    }

    private static bool TryParseSide(string? text, out Side side)
    {
        if (string.Equals(text, "BUY", StringComparison.OrdinalIgnoreCase))
        {
            side = Side.Buy;
            return true;
        }

        side = Side.Sell;
        return string.Equals(text, "SELL", StringComparison.OrdinalIgnoreCase);
    }

    private static long ParseSecondsAsMs(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? seconds * 1000 : 0;
}
