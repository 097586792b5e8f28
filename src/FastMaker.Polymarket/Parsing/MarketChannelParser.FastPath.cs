using System.Text.Json;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// The span fast path of <see cref="MarketChannelParser"/>: the same object walk as the reader
/// path, field for field, over <see cref="SpanJson"/> tokens. It fills the same per-object state
/// and dispatches through the same code, so the sink calls are the reader path's by construction;
/// it gives up (leaving the rest of the frame to the reader) on anything unusual, before any
/// sink call for the object in hand.
/// </summary>
public sealed partial class MarketChannelParser
{
    /// <summary>
    /// Parses a contiguous frame. Returns -1 when the whole frame was handled; otherwise the number
    /// of leading array elements already delivered (0 for an object frame), for the reader to skip.
    /// </summary>
    private int ParseSpan<TSink>(ReadOnlySpan<byte> f, ref TSink sink)
        where TSink : struct, IMarketChannelSink
    {
        int i = SpanJson.SkipWhitespace(f, 0);
        if (SpanJson.At(f, i, (byte)'{'))
        {
            int objectStart = i;
            if (!TryScanObject(f, ref i) || SpanJson.SkipWhitespace(f, i) != f.Length || !CanDispatchFast())
            {
                return 0;
            }

            DispatchHot(objectStart, ref sink);
            return -1;
        }

        if (!SpanJson.At(f, i, (byte)'['))
        {
            return 0;
        }

        int delivered = 0;
        i = SpanJson.SkipWhitespace(f, i + 1);
        if (!SpanJson.At(f, i, (byte)']'))
        {
            while (true)
            {
                int objectStart = i;
                if (!SpanJson.At(f, i, (byte)'{') || !TryScanObject(f, ref i) || !CanDispatchFast())
                {
                    return delivered;
                }

                DispatchHot(objectStart, ref sink);
                delivered++;
                int next = SpanJson.NextMember(f, ref i, (byte)']');
                if (next < 0)
                {
                    return delivered;
                }

                if (next == 0)
                {
                    break;
                }
            }
        }
        else
        {
            i++;
        }

        return SpanJson.SkipWhitespace(f, i) == f.Length ? -1 : delivered;
    }

    /// <summary>The cold event types re-read their object with the reader; everything else dispatches from the scanned state.</summary>
    private bool CanDispatchFast() =>
        _f.EventType is not (MarketEventType.NewMarket or MarketEventType.MarketResolved) && _f.Error == FrameErrorReason.None;

    private bool TryScanObject(ReadOnlySpan<byte> f, ref int i)
    {
        _f = default;
        _bidCount = 0;
        _askCount = 0;
        _changeCount = 0;
        _arrayErrorOffset = -1;
        i = SpanJson.SkipWhitespace(f, i + 1);
        if (SpanJson.At(f, i, (byte)'}'))
        {
            i++;
            return true;
        }

        while (true)
        {
            if (!SpanJson.TryPropertyName(f, ref i, out ReadOnlySpan<byte> name)
                || !TryScanField(f, ref i, MarketFieldNames.Lookup(name)))
            {
                return false;
            }

            int next = SpanJson.NextMember(f, ref i, (byte)'}');
            if (next <= 0)
            {
                return next == 0;
            }
        }
    }

    private bool TryScanField(ReadOnlySpan<byte> f, ref int i, MarketField field)
    {
        switch (field)
        {
            case MarketField.Other:
                return SpanJson.TrySkipValue(f, ref i);
            case MarketField.Bids:
                return _f.HasBids = SpanJson.At(f, i, (byte)'[') && TryScanLevels(f, ref i, Side.Buy);
            case MarketField.Asks:
                return _f.HasAsks = SpanJson.At(f, i, (byte)'[') && TryScanLevels(f, ref i, Side.Sell);
            case MarketField.PriceChanges:
                return _f.HasPriceChanges = SpanJson.At(f, i, (byte)'[') && TryScanChanges(f, ref i, PriceChangeFormat.PriceChanges);
            case MarketField.Changes:
                return _f.HasLegacyChanges = SpanJson.At(f, i, (byte)'[') && TryScanChanges(f, ref i, PriceChangeFormat.LegacyChanges);
        }

        JsonTokenType kind = SpanJson.ReadScalar(f, ref i, out ReadOnlySpan<byte> v);
        switch (field)
        {
            case MarketField.EventType:
                if (!FastValue.IsScalar(kind))
                {
                    return false;
                }

                if (kind == JsonTokenType.String && v.Length != 0)
                {
                    _f.EventType = MarketFieldNames.LookupEventType(v);
                }

                return true;
            case MarketField.Market:
                return FastValue.Hash32(kind, v, out _f.Market, out _f.HasMarket);
            case MarketField.AssetId:
                return FastValue.TokenId(kind, v, _tokenIds, out _f.AssetId, out _f.HasAssetId);
            case MarketField.Timestamp:
                return FastValue.TimestampMs(kind, v, out _f.TimestampMs, out _f.HasTimestamp);
            case MarketField.Hash:
                return FastValue.BookHash(kind, v, out _f.Hash);
            case MarketField.TickSize:
                return FastValue.TickSize(kind, v, out _f.TickSize, out _f.HasTickSize);
            case MarketField.MinOrderSize:
                return FastValue.Quantity(kind, v, out _f.MinOrderSize, out _f.HasMinOrderSize);
            case MarketField.NegRisk:
                return FastValue.Bool(kind, v, out _f.NegRisk, out _f.HasNegRisk);
            case MarketField.LastTradePrice:
                return FastValue.Price(kind, v, out _f.LastTradePrice, out _f.HasLastTradePrice);
            case MarketField.Price:
                return FastValue.Price(kind, v, out _f.Price, out _f.HasPrice);
            case MarketField.Size:
                return FastValue.Quantity(kind, v, out _f.Size, out _f.HasSize);
            case MarketField.Side:
                return FastValue.Side(kind, v, out _f.Side, out _f.HasSide);
            case MarketField.BestBid:
            {
                bool ok = FastValue.TopPrice(kind, v, out _f.BestBid, out _f.HasBestBid, out bool seen);
                _f.HasTopOfBook |= seen;
                return ok;
            }

            case MarketField.BestAsk:
            {
                bool ok = FastValue.TopPrice(kind, v, out _f.BestAsk, out _f.HasBestAsk, out bool seen);
                _f.HasTopOfBook |= seen;
                return ok;
            }

            case MarketField.Spread:
                return FastValue.TopPrice(kind, v, out _f.Spread, out _f.HasSpread, out _);
            case MarketField.OldTickSize:
                return FastValue.TickSize(kind, v, out _f.OldTickSize, out _f.HasOldTickSize);
            case MarketField.NewTickSize:
                return FastValue.TickSize(kind, v, out _f.NewTickSize, out _f.HasNewTickSize);
            case MarketField.FeeRateBps:
                return FastValue.Int(kind, v, out _f.FeeRateBps, out _);
            case MarketField.TransactionHash:
                return FastValue.Hash32(kind, v, out _f.TransactionHash, out _f.HasTransactionHash);
            default:
                return false;
        }
    }

    /// <summary>The book's levels: the hot loop for snapshots. <paramref name="i"/> holds '['.</summary>
    private bool TryScanLevels(ReadOnlySpan<byte> f, ref int i, Side side)
    {
        // A local cursor (written back at the end) keeps the position in a register.
        int p = SpanJson.SkipWhitespace(f, i + 1);
        if (SpanJson.At(f, p, (byte)']'))
        {
            i = p + 1;
            return true;
        }

        while (true)
        {
            if (!SpanJson.At(f, p, (byte)'{'))
            {
                return false;
            }

            p = SpanJson.SkipWhitespace(f, p + 1);
            Price price = default;
            Quantity size = default;
            bool hasPrice = false;
            bool hasSize = false;
            if (SpanJson.At(f, p, (byte)'}'))
            {
                p++;
            }
            else
            {
                while (true)
                {
                    // "price" and "size" (quotes included, so no longer name matches) are told apart
                    // by a fixed compare; any other name takes the general route.
                    int field;
                    ReadOnlySpan<byte> rest = f.Slice(p);
                    if (rest.StartsWith("\"price\""u8))
                    {
                        field = 1;
                        p += 7;
                    }
                    else if (rest.StartsWith("\"size\""u8))
                    {
                        field = 2;
                        p += 6;
                    }
                    else
                    {
                        field = 0;
                        if (!SpanJson.At(f, p, (byte)'"') || !SpanJson.TryString(f, ref p, out _))
                        {
                            return false;
                        }
                    }

                    p = SpanJson.SkipWhitespace(f, p);
                    if (!SpanJson.At(f, p, (byte)':'))
                    {
                        return false;
                    }

                    p = SpanJson.SkipWhitespace(f, p + 1);
                    bool ok;
                    if (field == 0)
                    {
                        ok = SpanJson.TrySkipValue(f, ref p, 2);
                    }
                    else
                    {
                        JsonTokenType kind = SpanJson.ReadScalar(f, ref p, out ReadOnlySpan<byte> v);
                        ok = field == 1
                            ? FastValue.Price(kind, v, out price, out hasPrice)
                            : FastValue.Quantity(kind, v, out size, out hasSize);
                    }

                    if (!ok)
                    {
                        return false;
                    }

                    int member = SpanJson.NextMember(f, ref p, (byte)'}');
                    if (member < 0)
                    {
                        return false;
                    }

                    if (member == 0)
                    {
                        break;
                    }
                }
            }

            if (!hasPrice || !hasSize)
            {
                return false;
            }

            ref BookLevel level = ref AppendLevel(side);
            level.Price = price;
            level.Size = size;
            level.Side = side;

            int next = SpanJson.NextMember(f, ref p, (byte)']');
            if (next <= 0)
            {
                i = p;
                return next == 0;
            }
        }
    }

    /// <summary>
    /// The usual keys of a change entry, matched with their quotes by a fixed compare (as the level loop does): on a
    /// match <paramref name="i"/> moves to the value, as <see cref="SpanJson.TryPropertyName"/> would. Anything else
    /// (another key, an escape, no colon) returns <see cref="MarketField.Other"/> with <paramref name="i"/> unchanged,
    /// for the general route.
    /// </summary>
    private static MarketField ChangeFieldAt(ReadOnlySpan<byte> f, ref int i)
    {
        ReadOnlySpan<byte> rest = f.Slice(i);
        (MarketField field, int length) = rest.StartsWith("\"asset_id\""u8) ? (MarketField.AssetId, 10)
            : rest.StartsWith("\"price\""u8) ? (MarketField.Price, 7)
            : rest.StartsWith("\"size\""u8) ? (MarketField.Size, 6)
            : rest.StartsWith("\"side\""u8) ? (MarketField.Side, 6)
            : rest.StartsWith("\"hash\""u8) ? (MarketField.Hash, 6)
            : rest.StartsWith("\"best_bid\""u8) ? (MarketField.BestBid, 10)
            : rest.StartsWith("\"best_ask\""u8) ? (MarketField.BestAsk, 10)
            : (MarketField.Other, 0);
        if (field == MarketField.Other)
        {
            return MarketField.Other;
        }

        int p = SpanJson.SkipWhitespace(f, i + length);
        if (!SpanJson.At(f, p, (byte)':'))
        {
            return MarketField.Other;
        }

        i = SpanJson.SkipWhitespace(f, p + 1);
        return field;
    }

    /// <summary>The entries of <c>price_changes</c> or legacy <c>changes</c>. <paramref name="i"/> holds '['.</summary>
    private bool TryScanChanges(ReadOnlySpan<byte> f, ref int i, PriceChangeFormat format)
    {
        i = SpanJson.SkipWhitespace(f, i + 1);
        if (SpanJson.At(f, i, (byte)']'))
        {
            i++;
            return true;
        }

        while (true)
        {
            if (!SpanJson.At(f, i, (byte)'{'))
            {
                return false;
            }

            if (_changeCount == _changes.Length)
            {
                Array.Resize(ref _changes, _changes.Length * 2);
            }

            ref PriceChange c = ref _changes[_changeCount];
            c = default;
            c.Format = format;
            bool hasAsset = false;
            bool hasPrice = false;
            bool hasSide = false;
            i = SpanJson.SkipWhitespace(f, i + 1);
            if (SpanJson.At(f, i, (byte)'}'))
            {
                i++;
            }
            else
            {
                while (true)
                {
                    MarketField field = ChangeFieldAt(f, ref i);
                    if (field == MarketField.Other)
                    {
                        if (!SpanJson.TryPropertyName(f, ref i, out ReadOnlySpan<byte> name))
                        {
                            return false;
                        }

                        field = MarketFieldNames.Lookup(name);
                    }

                    bool ok;
                    if (field is MarketField.AssetId or MarketField.Price or MarketField.Size or MarketField.Side
                        or MarketField.Hash or MarketField.BestBid or MarketField.BestAsk)
                    {
                        JsonTokenType kind = SpanJson.ReadScalar(f, ref i, out ReadOnlySpan<byte> v);
                        switch (field)
                        {
                            case MarketField.AssetId:
                                ok = FastValue.TokenId(kind, v, _tokenIds, out c.AssetId, out hasAsset);
                                break;
                            case MarketField.Price:
                                ok = FastValue.Price(kind, v, out c.Price, out hasPrice);
                                break;
                            case MarketField.Size:
                                ok = FastValue.Quantity(kind, v, out c.Size, out c.HasSize);
                                break;
                            case MarketField.Side:
                                ok = FastValue.Side(kind, v, out c.Side, out hasSide);
                                break;
                            case MarketField.Hash:
                                ok = FastValue.BookHash(kind, v, out c.Hash);
                                break;
                            case MarketField.BestBid:
                                ok = FastValue.TopPrice(kind, v, out c.BestBid, out c.HasBestBid, out bool seenBid);
                                c.HasTopOfBook |= seenBid;
                                break;
                            default:
                                ok = FastValue.TopPrice(kind, v, out c.BestAsk, out c.HasBestAsk, out bool seenAsk);
                                c.HasTopOfBook |= seenAsk;
                                break;
                        }
                    }
                    else
                    {
                        ok = SpanJson.TrySkipValue(f, ref i, 2);
                    }

                    if (!ok)
                    {
                        return false;
                    }

                    int member = SpanJson.NextMember(f, ref i, (byte)'}');
                    if (member < 0)
                    {
                        return false;
                    }

                    if (member == 0)
                    {
                        break;
                    }
                }
            }

            // In the legacy layout the asset id is at the top and filled in at dispatch.
            if (!hasPrice || !hasSide || (format == PriceChangeFormat.PriceChanges && !hasAsset))
            {
                return false;
            }

            _changeCount++;
            int next = SpanJson.NextMember(f, ref i, (byte)']');
            if (next <= 0)
            {
                return next == 0;
            }
        }
    }
}
