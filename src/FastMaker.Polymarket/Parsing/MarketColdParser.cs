using System.Text.Json;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// The cold path for the rare market-channel events <c>new_market</c> and <c>market_resolved</c>:
/// re-reads the object from its start and allocates strings and arrays. Never on the book path.
/// </summary>
internal static class MarketColdParser
{
    public static FrameError ParseNewMarket(ref Utf8JsonReader r, long objectStart, out NewMarket? market)
    {
        market = null;
        byte[] s = new byte[JsonScan.ScratchLength];
        string id = string.Empty, question = string.Empty, slug = string.Empty, gameStart = string.Empty;
        Hash32 conditionId = default;
        bool hasMarket = false, hasTick = false, active = false, hasTimestamp = false;
        TickSize tick = default;
        long timestamp = 0;
        UInt256[]? assets = null;
        UInt256[]? clobTokens = null;
        string[] outcomes = [];

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = JsonScan.GetPropertyName(ref r, s);
            long at = r.TokenStartIndex;
            FrameErrorReason e = FrameErrorReason.None;
            if (name.SequenceEqual("id"u8)) { r.Read(); e = ReadText(ref r, out id); }
            else if (name.SequenceEqual("question"u8)) { r.Read(); e = ReadText(ref r, out question); }
            else if (name.SequenceEqual("slug"u8)) { r.Read(); e = ReadText(ref r, out slug); }
            else if (name.SequenceEqual("game_start_time"u8)) { r.Read(); e = ReadText(ref r, out gameStart); }
            else if (name.SequenceEqual("market"u8) || name.SequenceEqual("condition_id"u8))
            {
                r.Read();
                e = JsonScan.ReadHash32(ref r, s, out Hash32 h, out bool present);
                if (present && e == FrameErrorReason.None)
                {
                    conditionId = h;
                    hasMarket = true;
                }
            }
            else if (name.SequenceEqual("timestamp"u8)) { r.Read(); e = JsonScan.ReadTimestampMs(ref r, s, out timestamp, out hasTimestamp); }
            else if (name.SequenceEqual("order_price_min_tick_size"u8)) { r.Read(); e = JsonScan.ReadTickSize(ref r, s, out tick, out hasTick); }
            else if (name.SequenceEqual("active"u8)) { r.Read(); e = JsonScan.ReadBool(ref r, s, out active, out _); }
            else if (name.SequenceEqual("assets_ids"u8)) { r.Read(); e = ReadTokenIds(ref r, s, out assets); }
            else if (name.SequenceEqual("clob_token_ids"u8)) { r.Read(); e = ReadTokenIds(ref r, s, out clobTokens); }
            else if (name.SequenceEqual("outcomes"u8)) { r.Read(); e = ReadTexts(ref r, out outcomes); }
            else { r.Read(); r.Skip(); }

            if (e != FrameErrorReason.None)
            {
                return new FrameError(e, r.TokenStartIndex > at ? r.TokenStartIndex : at);
            }
        }

        if (!hasMarket || !hasTimestamp || (assets is null && clobTokens is null))
        {
            return new FrameError(FrameErrorReason.MissingField, objectStart);
        }

        market = new NewMarket
        {
            Id = id,
            Market = conditionId,
            Question = question,
            Slug = slug,
            AssetIds = assets ?? clobTokens!,
            Outcomes = outcomes,
            TickSize = tick,
            HasTickSize = hasTick,
            Active = active,
            GameStartTime = gameStart,
            TimestampMs = timestamp,
        };
        return default;
    }

    public static FrameError ParseMarketResolved(ref Utf8JsonReader r, long objectStart, out MarketResolved? resolved)
    {
        resolved = null;
        byte[] s = new byte[JsonScan.ScratchLength];
        string id = string.Empty, winningOutcome = string.Empty;
        Hash32 conditionId = default;
        UInt256 winner = default;
        bool hasMarket = false, hasWinner = false, hasTimestamp = false;
        long timestamp = 0;
        UInt256[] assets = [];

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            ReadOnlySpan<byte> name = JsonScan.GetPropertyName(ref r, s);
            long at = r.TokenStartIndex;
            FrameErrorReason e = FrameErrorReason.None;
            if (name.SequenceEqual("id"u8)) { r.Read(); e = ReadText(ref r, out id); }
            else if (name.SequenceEqual("market"u8)) { r.Read(); e = JsonScan.ReadHash32(ref r, s, out conditionId, out hasMarket); }
            else if (name.SequenceEqual("winning_asset_id"u8)) { r.Read(); e = JsonScan.ReadTokenId(ref r, s, out winner, out hasWinner); }
            else if (name.SequenceEqual("winning_outcome"u8)) { r.Read(); e = ReadText(ref r, out winningOutcome); }
            else if (name.SequenceEqual("timestamp"u8)) { r.Read(); e = JsonScan.ReadTimestampMs(ref r, s, out timestamp, out hasTimestamp); }
            else if (name.SequenceEqual("assets_ids"u8))
            {
                r.Read();
                e = ReadTokenIds(ref r, s, out UInt256[]? ids);
                assets = ids ?? [];
            }
            else { r.Read(); r.Skip(); }

            if (e != FrameErrorReason.None)
            {
                return new FrameError(e, r.TokenStartIndex > at ? r.TokenStartIndex : at);
            }
        }

        if (!hasMarket || !hasWinner || !hasTimestamp)
        {
            return new FrameError(FrameErrorReason.MissingField, objectStart);
        }

        resolved = new MarketResolved
        {
            Id = id,
            Market = conditionId,
            AssetIds = assets,
            WinningAssetId = winner,
            WinningOutcome = winningOutcome,
            TimestampMs = timestamp,
        };
        return default;
    }

    private static FrameErrorReason ReadText(ref Utf8JsonReader r, out string text)
    {
        text = string.Empty;
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    text = r.GetString() ?? string.Empty;
                }
                catch (InvalidOperationException)
                {
                    // Invalid UTF-8 inside the string.
                    return FrameErrorReason.UnexpectedToken;
                }

                return FrameErrorReason.None;
            case JsonTokenType.Number:
                text = System.Text.Encoding.UTF8.GetString(r.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(r.ValueSequence) : r.ValueSpan.ToArray());
                return FrameErrorReason.None;
            case JsonTokenType.Null:
                return FrameErrorReason.None;
            default:
                return FrameErrorReason.UnexpectedToken;
        }
    }

    private static FrameErrorReason ReadTexts(ref Utf8JsonReader r, out string[] texts)
    {
        texts = [];
        if (r.TokenType == JsonTokenType.Null)
        {
            return FrameErrorReason.None;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            return FrameErrorReason.UnexpectedToken;
        }

        var list = new List<string>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            FrameErrorReason e = ReadText(ref r, out string t);
            if (e != FrameErrorReason.None)
            {
                return e;
            }

            list.Add(t);
        }

        texts = list.ToArray();
        return FrameErrorReason.None;
    }

    private static FrameErrorReason ReadTokenIds(ref Utf8JsonReader r, byte[] s, out UInt256[]? ids)
    {
        ids = null;
        if (r.TokenType == JsonTokenType.Null)
        {
            return FrameErrorReason.None;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            return FrameErrorReason.UnexpectedToken;
        }

        var list = new List<UInt256>();
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            FrameErrorReason e = JsonScan.ReadTokenId(ref r, s, out UInt256 id, out bool present);
            if (e != FrameErrorReason.None)
            {
                return e;
            }

            if (!present)
            {
                return FrameErrorReason.InvalidTokenId;
            }

            list.Add(id);
        }

        ids = list.ToArray();
        return FrameErrorReason.None;
    }
}
