using System.Text.Json;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// The span fast path of <see cref="UserChannelParser"/>: the reader path's object walk over
/// <see cref="SpanJson"/> tokens, filling the same per-object state and dispatching through the
/// same code. It gives up on anything unusual before any sink call for the object in hand.
/// </summary>
public sealed partial class UserChannelParser
{
    /// <summary>
    /// Parses a contiguous frame. Returns -1 when the whole frame was handled; otherwise the number
    /// of leading array elements already delivered (0 for an object frame), for the reader to skip.
    /// </summary>
    private int ParseSpan<TSink>(ReadOnlySpan<byte> f, ref TSink sink)
        where TSink : struct, IUserChannelSink
    {
        int i = SpanJson.SkipWhitespace(f, 0);
        if (SpanJson.At(f, i, (byte)'{'))
        {
            int objectStart = i;
            if (!TryScanObject(f, ref i) || SpanJson.SkipWhitespace(f, i) != f.Length)
            {
                return 0;
            }

            Dispatch(objectStart, ref sink);
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
                if (!SpanJson.At(f, i, (byte)'{') || !TryScanObject(f, ref i))
                {
                    return delivered;
                }

                Dispatch(objectStart, ref sink);
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

    private bool TryScanObject(ReadOnlySpan<byte> f, ref int i)
    {
        _f = default;
        _makerCount = 0;
        _idLength = -1;
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
                || !TryScanField(f, ref i, UserFieldNames.Lookup(name)))
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

    private bool TryScanField(ReadOnlySpan<byte> f, ref int i, UserField field)
    {
        switch (field)
        {
            case UserField.Other:
            case UserField.OrderId:
            case UserField.MatchedAmount:
                // Maker-order fields mean nothing at the top level; the reader skips them too.
                return SpanJson.TrySkipValue(f, ref i);
            case UserField.AssociateTrades:
                if (SpanJson.At(f, i, (byte)'['))
                {
                    return SpanJson.TryCountArray(f, ref i, out _f.AssociateTradeCount);
                }

                _f.AssociateTradeCount = 0;
                return SpanJson.ReadScalar(f, ref i, out _) == JsonTokenType.Null;
            case UserField.MakerOrders:
                if (SpanJson.At(f, i, (byte)'['))
                {
                    return TryScanMakerOrders(f, ref i);
                }

                return SpanJson.ReadScalar(f, ref i, out _) == JsonTokenType.Null;
        }

        int valueStart = i;
        JsonTokenType kind = SpanJson.ReadScalar(f, ref i, out ReadOnlySpan<byte> v);
        bool present = JsonScan.IsPresent(kind, v);
        switch (field)
        {
            case UserField.EventType:
                if (present)
                {
                    _f.EventType = v.SequenceEqual("order"u8) ? UserEventType.Order
                        : v.SequenceEqual("trade"u8) ? UserEventType.Trade
                        : UserEventType.Unknown;
                }

                return FastValue.IsScalar(kind);
            case UserField.Type:
                if (present)
                {
                    _f.TypeSeen = true;
                    if (v.SequenceEqual("PLACEMENT"u8)) _f.OrderType = OrderEventType.Placement;
                    else if (v.SequenceEqual("UPDATE"u8)) _f.OrderType = OrderEventType.Update;
                    else if (v.SequenceEqual("CANCELLATION"u8)) _f.OrderType = OrderEventType.Cancellation;
                    else if (v.SequenceEqual("TRADE"u8)) _f.IsTradeType = true;
                    else _f.TypeSeen = false;
                }

                return FastValue.IsScalar(kind);
            case UserField.Id:
                if (present)
                {
                    if (kind != JsonTokenType.String || v.Length > MaxIdLength)
                    {
                        return false;
                    }

                    v.CopyTo(_id);
                    _idLength = v.Length;
                    _idOffset = valueStart;
                }

                return FastValue.IsScalar(kind);
            case UserField.Status:
                if (present)
                {
                    _f.Status = UserFieldNames.LookupStatus(v);
                    _f.StatusOffset = valueStart;
                }

                return FastValue.IsScalar(kind);
            case UserField.Owner:
                return FastValue.Guid(kind, v, out _f.Owner, out _f.HasOwner);
            case UserField.OrderOwner:
                return FastValue.Guid(kind, v, out _f.OrderOwner, out _f.HasOrderOwner);
            case UserField.TradeOwner:
                return FastValue.Guid(kind, v, out _f.TradeOwner, out _f.HasTradeOwner);
            case UserField.Market:
                return FastValue.Hash32(kind, v, out _f.Market, out _f.HasMarket);
            case UserField.AssetId:
                return FastValue.TokenId(kind, v, _tokenIds, out _f.AssetId, out _f.HasAssetId);
            case UserField.Side:
                return FastValue.Side(kind, v, out _f.Side, out _f.HasSide);
            case UserField.OriginalSize:
                return FastValue.Quantity(kind, v, out _f.OriginalSize, out _f.HasOriginalSize);
            case UserField.SizeMatched:
                return FastValue.Quantity(kind, v, out _f.SizeMatched, out _);
            case UserField.Size:
                return FastValue.Quantity(kind, v, out _f.Size, out _f.HasSize);
            case UserField.Price:
                return FastValue.Price(kind, v, out _f.Price, out _f.HasPrice);
            case UserField.Outcome:
                _f.Outcome = UserFieldNames.LookupOutcome(v);
                return FastValue.IsScalar(kind);
            case UserField.CreatedAt:
                return FastValue.TimestampMs(kind, v, out _f.CreatedAtMs, out _);
            case UserField.Expiration:
                return FastValue.TimestampMs(kind, v, out _f.ExpirationMs, out _);
            case UserField.OrderType:
                if (present)
                {
                    _f.TimeInForce = v.SequenceEqual("GTC"u8) ? OrderTimeInForce.Gtc
                        : v.SequenceEqual("GTD"u8) ? OrderTimeInForce.Gtd
                        : v.SequenceEqual("FOK"u8) ? OrderTimeInForce.Fok
                        : v.SequenceEqual("FAK"u8) ? OrderTimeInForce.Fak
                        : OrderTimeInForce.None;
                    if (_f.TimeInForce == OrderTimeInForce.None)
                    {
                        return false;
                    }
                }

                return FastValue.IsScalar(kind);
            case UserField.MakerAddress:
                return FastValue.Address(kind, v, out _f.MakerAddress, out _f.HasMakerAddress);
            case UserField.Timestamp:
                return FastValue.TimestampMs(kind, v, out _f.TimestampMs, out _f.HasTimestamp);
            case UserField.TakerOrderId:
                return FastValue.Hash32(kind, v, out _f.TakerOrderId, out _f.HasTakerOrderId);
            case UserField.FeeRateBps:
                return FastValue.Int(kind, v, out _f.FeeRateBps, out _);
            case UserField.BucketIndex:
                return FastValue.Int(kind, v, out _f.BucketIndex, out _);
            case UserField.MatchTime:
                return FastValue.TimestampMs(kind, v, out _f.MatchTimeMs, out _);
            case UserField.LastUpdate:
                return FastValue.TimestampMs(kind, v, out _f.LastUpdateMs, out _);
            case UserField.TransactionHash:
                return FastValue.Hash32(kind, v, out _f.TransactionHash, out _f.HasTransactionHash);
            case UserField.TraderSide:
                if (present)
                {
                    _f.TraderSide = v.SequenceEqual("TAKER"u8) ? TraderSide.Taker
                        : v.SequenceEqual("MAKER"u8) ? TraderSide.Maker
                        : TraderSide.None;
                    if (_f.TraderSide == TraderSide.None)
                    {
                        return false;
                    }
                }

                return FastValue.IsScalar(kind);
            default:
                return false;
        }
    }

    /// <summary>The trade's <c>maker_orders</c>. <paramref name="i"/> holds '['.</summary>
    private bool TryScanMakerOrders(ReadOnlySpan<byte> f, ref int i)
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

            if (_makerCount == _makers.Length)
            {
                Array.Resize(ref _makers, _makers.Length * 2);
            }

            ref MakerOrderFill m = ref _makers[_makerCount];
            m = default;
            m.Index = _makerCount;
            bool hasOrderId = false, hasAsset = false, hasAmount = false, hasPrice = false;
            i = SpanJson.SkipWhitespace(f, i + 1);
            if (SpanJson.At(f, i, (byte)'}'))
            {
                i++;
            }
            else
            {
                while (true)
                {
                    if (!SpanJson.TryPropertyName(f, ref i, out ReadOnlySpan<byte> name))
                    {
                        return false;
                    }

                    UserField field = UserFieldNames.Lookup(name);
                    bool ok;
                    switch (field)
                    {
                        case UserField.OrderId:
                        case UserField.AssetId:
                        case UserField.Owner:
                        case UserField.MakerAddress:
                        case UserField.MatchedAmount:
                        case UserField.Price:
                        case UserField.FeeRateBps:
                        case UserField.Side:
                        case UserField.Outcome:
                            ok = TryScanMakerField(f, ref i, field, ref m, ref hasOrderId, ref hasAsset, ref hasAmount, ref hasPrice);
                            break;
                        default:
                            ok = SpanJson.TrySkipValue(f, ref i, 2);
                            break;
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

            if (!hasOrderId || !hasAsset || !hasAmount || !hasPrice)
            {
                return false;
            }

            _makerCount++;
            int next = SpanJson.NextMember(f, ref i, (byte)']');
            if (next <= 0)
            {
                return next == 0;
            }
        }
    }

    private bool TryScanMakerField(
        ReadOnlySpan<byte> f, ref int i, UserField field, ref MakerOrderFill m,
        ref bool hasOrderId, ref bool hasAsset, ref bool hasAmount, ref bool hasPrice)
    {
        JsonTokenType kind = SpanJson.ReadScalar(f, ref i, out ReadOnlySpan<byte> v);
        switch (field)
        {
            case UserField.OrderId:
                return FastValue.Hash32(kind, v, out m.OrderId, out hasOrderId);
            case UserField.AssetId:
                return FastValue.TokenId(kind, v, _tokenIds, out m.AssetId, out hasAsset);
            case UserField.Owner:
                return FastValue.Guid(kind, v, out m.Owner, out m.HasOwner);
            case UserField.MakerAddress:
                return FastValue.Address(kind, v, out m.MakerAddress, out m.HasMakerAddress);
            case UserField.MatchedAmount:
                return FastValue.Quantity(kind, v, out m.MatchedAmount, out hasAmount);
            case UserField.Price:
                return FastValue.Price(kind, v, out m.Price, out hasPrice);
            case UserField.FeeRateBps:
                return FastValue.Int(kind, v, out m.FeeRateBps, out _);
            case UserField.Side:
                return FastValue.Side(kind, v, out m.Side, out m.HasSide);
            default:
                m.Outcome = UserFieldNames.LookupOutcome(v);
                return FastValue.IsScalar(kind);
        }
    }
}
