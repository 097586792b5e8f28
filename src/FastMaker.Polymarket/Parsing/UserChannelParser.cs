using System.Buffers;
using System.Text.Json;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// Parses user-channel frames (one JSON object, an array of objects, or <c>PONG</c>) and calls
/// the sink per <c>order</c> event and per <c>trade</c> (header, maker orders, end). A frame in one
/// segment goes through a span scanner specialized for these frames; a split frame, or anything the
/// scanner does not fully understand, goes to the <see cref="Utf8JsonReader"/> parser, which is the
/// reference: both make identical sink calls. Field order does not matter: <c>id</c> and <c>status</c>, whose
/// meaning depends on the event type, are held raw until the object ends. One instance per
/// ingress thread; zero allocation in steady state; never throws on bad input.
/// </summary>
public sealed partial class UserChannelParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    private const int MaxIdLength = 80;

    private readonly byte[] _scratch = new byte[JsonScan.ScratchLength];
    private readonly TokenIdCache _tokenIds = new();
    private readonly byte[] _id = new byte[MaxIdLength];
    private MakerOrderFill[] _makers = new MakerOrderFill[16];
    private int _makerCount;
    private int _idLength;
    private long _idOffset;
    private long _arrayErrorOffset = -1;
    private Fields _f;

    /// <summary>Objects skipped because their event type is unknown, since construction.</summary>
    public long UnknownEventCount { get; private set; }

    /// <summary>Errors reported to sinks, since construction.</summary>
    public long ErrorCount { get; private set; }

    /// <summary>
    /// When false, every frame goes to the <see cref="Utf8JsonReader"/> parser, the reference the
    /// fast path is tested against (for diagnostics and comparisons). Default true.
    /// </summary>
    public bool FastPathEnabled { get; init; } = true;

    /// <summary>Frames parsed entirely by the span fast path, since construction.</summary>
    public long FastPathFrameCount { get; private set; }

    /// <summary>Frames (or their tails) handed to the <see cref="Utf8JsonReader"/> parser, since construction.</summary>
    public long ReaderFrameCount { get; private set; }

    /// <summary>Parses one complete text frame.</summary>
    public void Parse<TSink>(in ReadOnlySequence<byte> frame, ref TSink sink)
        where TSink : struct, IUserChannelSink
    {
        if (frame.Length == 4 && JsonScan.IsPong(frame))
        {
            sink.OnPong();
            return;
        }

        int delivered = 0;
        if (FastPathEnabled && frame.IsSingleSegment)
        {
            delivered = ParseSpan(frame.FirstSpan, ref sink);
            if (delivered < 0)
            {
                FastPathFrameCount++;
                return;
            }
        }

        ReaderFrameCount++;
        ParseWithReader(frame, ref sink, delivered);
    }

    /// <summary>
    /// The reference parser. <paramref name="skipObjects"/> leading objects of an array frame are
    /// stepped over because the fast path has already delivered them.
    /// </summary>
    internal void ParseWithReader<TSink>(in ReadOnlySequence<byte> frame, ref TSink sink, int skipObjects)
        where TSink : struct, IUserChannelSink
    {
        var reader = new Utf8JsonReader(frame, isFinalBlock: true, new JsonReaderState(ReaderOptions));
        try
        {
            if (!reader.Read())
            {
                ReportError(ref sink, FrameErrorReason.EmptyFrame, 0);
                return;
            }

            if (reader.TokenType == JsonTokenType.StartArray)
            {
                int index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        ReportError(ref sink, FrameErrorReason.ExpectedObject, reader.TokenStartIndex);
                        return;
                    }

                    if (index++ < skipObjects)
                    {
                        reader.Skip();
                        continue;
                    }

                    ParseObject(ref reader, ref sink);
                }
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                ParseObject(ref reader, ref sink);
            }
            else
            {
                ReportError(ref sink, FrameErrorReason.ExpectedObject, reader.TokenStartIndex);
                return;
            }

            // Anything after the root value makes the reader throw.
            reader.Read();
        }
        catch (JsonException e)
        {
            bool blank = reader.TokenType == JsonTokenType.None && JsonScan.IsBlank(frame);
            ReportError(ref sink, blank ? FrameErrorReason.EmptyFrame : FrameErrorReason.MalformedJson, JsonScan.SyntaxErrorOffset(frame, e, reader.BytesConsumed));
        }
    }

    private void ReportError<TSink>(ref TSink sink, FrameErrorReason reason, long offset)
        where TSink : struct, IUserChannelSink
    {
        ErrorCount++;
        var error = new FrameError(reason, offset);
        sink.OnError(error);
    }

    private void Mark(ref Utf8JsonReader r, FrameErrorReason reason)
    {
        if (reason == FrameErrorReason.None)
        {
            return;
        }

        if (_f.Error == FrameErrorReason.None)
        {
            _f.Error = reason;
            _f.ErrorOffset = _arrayErrorOffset >= 0 ? _arrayErrorOffset : r.TokenStartIndex;
        }

        _arrayErrorOffset = -1;
        if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            r.Skip();
        }
    }

    private void ParseObject<TSink>(ref Utf8JsonReader r, ref TSink sink)
        where TSink : struct, IUserChannelSink
    {
        long objectStart = r.TokenStartIndex;
        _f = default;
        _makerCount = 0;
        _idLength = -1;
        _arrayErrorOffset = -1;
        byte[] s = _scratch;

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            UserField field = UserFieldNames.Lookup(JsonScan.GetPropertyName(ref r, s));
            r.Read();
            FrameErrorReason e = FrameErrorReason.None;
            scoped ReadOnlySpan<byte> v;
            bool present;
            switch (field)
            {
                case UserField.EventType:
                    e = JsonScan.GetScalar(ref r, s, out v, out present);
                    if (e == FrameErrorReason.None && present)
                    {
                        _f.EventType = v.SequenceEqual("order"u8) ? UserEventType.Order
                            : v.SequenceEqual("trade"u8) ? UserEventType.Trade
                            : UserEventType.Unknown;
                    }

                    break;
                case UserField.Type:
                    e = JsonScan.GetScalar(ref r, s, out v, out present);
                    if (e == FrameErrorReason.None && present)
                    {
                        _f.TypeSeen = true;
                        if (v.SequenceEqual("PLACEMENT"u8)) _f.OrderType = OrderEventType.Placement;
                        else if (v.SequenceEqual("UPDATE"u8)) _f.OrderType = OrderEventType.Update;
                        else if (v.SequenceEqual("CANCELLATION"u8)) _f.OrderType = OrderEventType.Cancellation;
                        else if (v.SequenceEqual("TRADE"u8)) _f.IsTradeType = true;
                        else _f.TypeSeen = false;
                    }

                    break;
                case UserField.Id:
                    e = JsonScan.GetScalar(ref r, s, out v, out present);
                    if (e == FrameErrorReason.None && present)
                    {
                        if (r.TokenType != JsonTokenType.String || v.Length > MaxIdLength)
                        {
                            e = FrameErrorReason.ValueTooLong;
                            break;
                        }

                        v.CopyTo(_id);
                        _idLength = v.Length;
                        _idOffset = r.TokenStartIndex;
                    }

                    break;
                case UserField.Status:
                    e = JsonScan.GetScalar(ref r, s, out v, out present);
                    if (e == FrameErrorReason.None && present)
                    {
                        _f.Status = UserFieldNames.LookupStatus(v);
                        _f.StatusOffset = r.TokenStartIndex;
                    }

                    break;
                case UserField.Owner:
                    e = JsonScan.ReadGuid(ref r, s, out _f.Owner, out _f.HasOwner);
                    break;
                case UserField.OrderOwner:
                    e = JsonScan.ReadGuid(ref r, s, out _f.OrderOwner, out _f.HasOrderOwner);
                    break;
                case UserField.TradeOwner:
                    e = JsonScan.ReadGuid(ref r, s, out _f.TradeOwner, out _f.HasTradeOwner);
                    break;
                case UserField.Market:
                    e = JsonScan.ReadHash32(ref r, s, out _f.Market, out _f.HasMarket);
                    break;
                case UserField.AssetId:
                    e = JsonScan.ReadTokenId(ref r, s, out _f.AssetId, out _f.HasAssetId);
                    break;
                case UserField.Side:
                    e = JsonScan.ReadSide(ref r, s, out _f.Side, out _f.HasSide);
                    break;
                case UserField.OriginalSize:
                    e = JsonScan.ReadQuantity(ref r, s, out _f.OriginalSize, out _f.HasOriginalSize);
                    break;
                case UserField.SizeMatched:
                    e = JsonScan.ReadQuantity(ref r, s, out _f.SizeMatched, out _);
                    break;
                case UserField.Size:
                    e = JsonScan.ReadQuantity(ref r, s, out _f.Size, out _f.HasSize);
                    break;
                case UserField.Price:
                    e = JsonScan.ReadPrice(ref r, s, out _f.Price, out _f.HasPrice);
                    break;
                case UserField.AssociateTrades:
                    e = CountTradeIds(ref r, out _f.AssociateTradeCount);
                    break;
                case UserField.Outcome:
                    e = JsonScan.GetScalar(ref r, s, out v, out _);
                    _f.Outcome = UserFieldNames.LookupOutcome(v);
                    break;
                case UserField.CreatedAt:
                    e = JsonScan.ReadTimestampMs(ref r, s, out _f.CreatedAtMs, out _);
                    break;
                case UserField.Expiration:
                    e = JsonScan.ReadTimestampMs(ref r, s, out _f.ExpirationMs, out _);
                    break;
                case UserField.OrderType:
                    e = JsonScan.GetScalar(ref r, s, out v, out present);
                    if (e == FrameErrorReason.None && present)
                    {
                        _f.TimeInForce = v.SequenceEqual("GTC"u8) ? OrderTimeInForce.Gtc
                            : v.SequenceEqual("GTD"u8) ? OrderTimeInForce.Gtd
                            : v.SequenceEqual("FOK"u8) ? OrderTimeInForce.Fok
                            : v.SequenceEqual("FAK"u8) ? OrderTimeInForce.Fak
                            : OrderTimeInForce.None;
                        if (_f.TimeInForce == OrderTimeInForce.None)
                        {
                            e = FrameErrorReason.InvalidEnum;
                        }
                    }

                    break;
                case UserField.MakerAddress:
                    e = JsonScan.ReadAddress(ref r, s, out _f.MakerAddress, out _f.HasMakerAddress);
                    break;
                case UserField.Timestamp:
                    e = JsonScan.ReadTimestampMs(ref r, s, out _f.TimestampMs, out _f.HasTimestamp);
                    break;
                case UserField.TakerOrderId:
                    e = JsonScan.ReadHash32(ref r, s, out _f.TakerOrderId, out _f.HasTakerOrderId);
                    break;
                case UserField.FeeRateBps:
                    e = JsonScan.ReadInt(ref r, s, out _f.FeeRateBps, out _);
                    break;
                case UserField.BucketIndex:
                    e = JsonScan.ReadInt(ref r, s, out _f.BucketIndex, out _);
                    break;
                case UserField.MatchTime:
                    e = JsonScan.ReadTimestampMs(ref r, s, out _f.MatchTimeMs, out _);
                    break;
                case UserField.LastUpdate:
                    e = JsonScan.ReadTimestampMs(ref r, s, out _f.LastUpdateMs, out _);
                    break;
                case UserField.TransactionHash:
                    e = JsonScan.ReadHash32(ref r, s, out _f.TransactionHash, out _f.HasTransactionHash);
                    break;
                case UserField.TraderSide:
                    e = JsonScan.GetScalar(ref r, s, out v, out present);
                    if (e == FrameErrorReason.None && present)
                    {
                        _f.TraderSide = v.SequenceEqual("TAKER"u8) ? TraderSide.Taker
                            : v.SequenceEqual("MAKER"u8) ? TraderSide.Maker
                            : TraderSide.None;
                        if (_f.TraderSide == TraderSide.None)
                        {
                            e = FrameErrorReason.InvalidEnum;
                        }
                    }

                    break;
                case UserField.MakerOrders:
                    e = ReadMakerOrders(ref r);
                    break;
                default:
                    r.Skip();
                    break;
            }

            Mark(ref r, e);
        }

        Dispatch(objectStart, ref sink);
    }

    private static FrameErrorReason CountTradeIds(ref Utf8JsonReader r, out int count)
    {
        count = 0;
        if (r.TokenType == JsonTokenType.Null)
        {
            return FrameErrorReason.None;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            return FrameErrorReason.UnexpectedToken;
        }

        int depth = r.CurrentDepth;
        while (r.Read() && !(r.TokenType == JsonTokenType.EndArray && r.CurrentDepth == depth))
        {
            if (r.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                r.Skip();
            }

            count++;
        }

        return FrameErrorReason.None;
    }

    private FrameErrorReason ReadMakerOrders(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return FrameErrorReason.None;
        }

        if (r.TokenType != JsonTokenType.StartArray)
        {
            return FrameErrorReason.UnexpectedToken;
        }

        int depth = r.CurrentDepth;
        FrameErrorReason e = ReadMakerOrdersCore(ref r);
        if (e != FrameErrorReason.None)
        {
            MarketChannelParser.SkipToArrayEnd(ref r, depth);
        }

        return e;
    }

    private FrameErrorReason ReadMakerOrdersCore(ref Utf8JsonReader r)
    {
        byte[] s = _scratch;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                _arrayErrorOffset = r.TokenStartIndex;
                return FrameErrorReason.UnexpectedToken;
            }

            long entryStart = r.TokenStartIndex;
            if (_makerCount == _makers.Length)
            {
                Array.Resize(ref _makers, _makers.Length * 2);
            }

            ref MakerOrderFill m = ref _makers[_makerCount];
            m = default;
            m.Index = _makerCount;
            bool hasOrderId = false, hasAsset = false, hasAmount = false, hasPrice = false;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                UserField field = UserFieldNames.Lookup(JsonScan.GetPropertyName(ref r, s));
                r.Read();
                FrameErrorReason e;
                switch (field)
                {
                    case UserField.OrderId:
                        e = JsonScan.ReadHash32(ref r, s, out m.OrderId, out hasOrderId);
                        break;
                    case UserField.AssetId:
                        e = JsonScan.ReadTokenId(ref r, s, out m.AssetId, out hasAsset);
                        break;
                    case UserField.Owner:
                        e = JsonScan.ReadGuid(ref r, s, out m.Owner, out m.HasOwner);
                        break;
                    case UserField.MakerAddress:
                        e = JsonScan.ReadAddress(ref r, s, out m.MakerAddress, out m.HasMakerAddress);
                        break;
                    case UserField.MatchedAmount:
                        e = JsonScan.ReadQuantity(ref r, s, out m.MatchedAmount, out hasAmount);
                        break;
                    case UserField.Price:
                        e = JsonScan.ReadPrice(ref r, s, out m.Price, out hasPrice);
                        break;
                    case UserField.FeeRateBps:
                        e = JsonScan.ReadInt(ref r, s, out m.FeeRateBps, out _);
                        break;
                    case UserField.Side:
                        e = JsonScan.ReadSide(ref r, s, out m.Side, out m.HasSide);
                        break;
                    case UserField.Outcome:
                        e = JsonScan.GetScalar(ref r, s, out ReadOnlySpan<byte> v, out _);
                        m.Outcome = UserFieldNames.LookupOutcome(v);
                        break;
                    default:
                        r.Skip();
                        continue;
                }

                if (e != FrameErrorReason.None)
                {
                    _arrayErrorOffset = r.TokenStartIndex;
                    return e;
                }
            }

            if (!hasOrderId || !hasAsset || !hasAmount || !hasPrice)
            {
                _arrayErrorOffset = entryStart;
                return FrameErrorReason.MissingField;
            }

            _makerCount++;
        }

        return FrameErrorReason.None;
    }

    private void Dispatch<TSink>(long objectStart, ref TSink sink)
        where TSink : struct, IUserChannelSink
    {
        UserEventType type = _f.EventType;
        if (type == UserEventType.None && _f.TypeSeen)
        {
            // Some recorded messages carry only "type"; it tells the kind as well.
            type = _f.IsTradeType ? UserEventType.Trade : UserEventType.Order;
        }

        if (type == UserEventType.Unknown)
        {
            UnknownEventCount++;
            sink.OnUnknownEvent(objectStart);
            return;
        }

        if (_f.Error != FrameErrorReason.None)
        {
            ReportError(ref sink, _f.Error, _f.ErrorOffset);
            return;
        }

        if (type == UserEventType.None)
        {
            ReportError(ref sink, FrameErrorReason.MissingEventType, objectStart);
            return;
        }

        if (type == UserEventType.Order)
        {
            EmitOrder(objectStart, ref sink);
        }
        else
        {
            EmitTrade(objectStart, ref sink);
        }
    }

    private void EmitOrder<TSink>(long objectStart, ref TSink sink)
        where TSink : struct, IUserChannelSink
    {
        if (_idLength < 0 || !_f.HasMarket || !_f.HasAssetId || !_f.HasSide || !_f.HasPrice
            || !_f.HasOriginalSize || _f.Status == StatusToken.None || !_f.TypeSeen || _f.IsTradeType || !_f.HasTimestamp)
        {
            ReportError(ref sink, FrameErrorReason.MissingField, objectStart);
            return;
        }

        if (!Hash32.TryParse(_id.AsSpan(0, _idLength), out Hash32 orderId))
        {
            ReportError(ref sink, FrameErrorReason.InvalidHash32, _idOffset);
            return;
        }

        OrderStatusCode status;
        switch (_f.Status)
        {
            case StatusToken.Live: status = OrderStatusCode.Live; break;
            case StatusToken.Matched: status = OrderStatusCode.Matched; break;
            case StatusToken.Delayed: status = OrderStatusCode.Delayed; break;
            case StatusToken.Unmatched: status = OrderStatusCode.Unmatched; break;
            case StatusToken.Canceled: status = OrderStatusCode.Canceled; break;
            case StatusToken.CanceledMarketResolved: status = OrderStatusCode.CanceledMarketResolved; break;
            case StatusToken.CanceledWithReason: status = OrderStatusCode.CanceledWithReason; break;
            case StatusToken.Invalid: status = OrderStatusCode.Invalid; break;
            default:
                ReportError(ref sink, FrameErrorReason.InvalidStatus, _f.StatusOffset);
                return;
        }

        var order = new OrderEvent
        {
            OrderId = orderId,
            Market = _f.Market,
            AssetId = _f.AssetId,
            Owner = _f.Owner,
            OrderOwner = _f.OrderOwner,
            MakerAddress = _f.MakerAddress,
            TimestampMs = _f.TimestampMs,
            CreatedAtMs = _f.CreatedAtMs,
            ExpirationMs = _f.ExpirationMs,
            OriginalSize = _f.OriginalSize,
            SizeMatched = _f.SizeMatched,
            Price = _f.Price,
            AssociateTradeCount = _f.AssociateTradeCount,
            Side = _f.Side,
            Type = _f.OrderType,
            Status = status,
            TimeInForce = _f.TimeInForce,
            Outcome = _f.Outcome,
            HasOwner = _f.HasOwner,
            HasOrderOwner = _f.HasOrderOwner,
            HasMakerAddress = _f.HasMakerAddress,
        };
        sink.OnOrder(order);
    }

    private void EmitTrade<TSink>(long objectStart, ref TSink sink)
        where TSink : struct, IUserChannelSink
    {
        if (_idLength < 0 || !_f.HasTakerOrderId || !_f.HasMarket || !_f.HasAssetId || !_f.HasSide
            || !_f.HasSize || !_f.HasPrice || _f.Status == StatusToken.None || !_f.HasTimestamp
            || (_f.TypeSeen && !_f.IsTradeType))
        {
            ReportError(ref sink, FrameErrorReason.MissingField, objectStart);
            return;
        }

        if (!GuidText.TryParse(_id.AsSpan(0, _idLength), out Guid tradeId))
        {
            ReportError(ref sink, FrameErrorReason.InvalidUuid, _idOffset);
            return;
        }

        TradeStatusCode status;
        switch (_f.Status)
        {
            case StatusToken.Matched: status = TradeStatusCode.Matched; break;
            case StatusToken.MatchedNotBroadcasted: status = TradeStatusCode.MatchedNotBroadcasted; break;
            case StatusToken.Mined: status = TradeStatusCode.Mined; break;
            case StatusToken.Confirmed: status = TradeStatusCode.Confirmed; break;
            case StatusToken.Retrying: status = TradeStatusCode.Retrying; break;
            case StatusToken.Failed: status = TradeStatusCode.Failed; break;
            default:
                ReportError(ref sink, FrameErrorReason.InvalidStatus, _f.StatusOffset);
                return;
        }

        var trade = new TradeEvent
        {
            TradeId = tradeId,
            TakerOrderId = _f.TakerOrderId,
            Market = _f.Market,
            AssetId = _f.AssetId,
            TransactionHash = _f.TransactionHash,
            Owner = _f.Owner,
            TradeOwner = _f.TradeOwner,
            MakerAddress = _f.MakerAddress,
            TimestampMs = _f.TimestampMs,
            MatchTimeMs = _f.MatchTimeMs,
            LastUpdateMs = _f.LastUpdateMs,
            Size = _f.Size,
            Price = _f.Price,
            FeeRateBps = _f.FeeRateBps,
            BucketIndex = _f.BucketIndex,
            MakerOrderCount = _makerCount,
            Side = _f.Side,
            Status = status,
            TraderSide = _f.TraderSide,
            Outcome = _f.Outcome,
            HasTransactionHash = _f.HasTransactionHash,
            HasOwner = _f.HasOwner,
            HasTradeOwner = _f.HasTradeOwner,
            HasMakerAddress = _f.HasMakerAddress,
        };
        sink.OnTrade(trade);
        MakerOrderFill[] makers = _makers;
        for (int i = 0; i < _makerCount; i++)
        {
            sink.OnTradeMakerOrder(makers[i]);
        }

        sink.OnTradeEnd(trade);
    }

    /// <summary>Every field of one object, reset per object.</summary>
    private struct Fields
    {
        public Hash32 Market;
        public Hash32 TakerOrderId;
        public Hash32 TransactionHash;
        public UInt256 AssetId;
        public Guid Owner;
        public Guid OrderOwner;
        public Guid TradeOwner;
        public EthAddress MakerAddress;
        public long TimestampMs;
        public long CreatedAtMs;
        public long ExpirationMs;
        public long MatchTimeMs;
        public long LastUpdateMs;
        public long ErrorOffset;
        public long StatusOffset;
        public Quantity OriginalSize;
        public Quantity SizeMatched;
        public Quantity Size;
        public Price Price;
        public int AssociateTradeCount;
        public int FeeRateBps;
        public int BucketIndex;
        public Side Side;
        public UserEventType EventType;
        public OrderEventType OrderType;
        public StatusToken Status;
        public OrderTimeInForce TimeInForce;
        public TraderSide TraderSide;
        public OutcomeLabel Outcome;
        public FrameErrorReason Error;
        public bool TypeSeen;
        public bool IsTradeType;
        public bool HasOwner;
        public bool HasOrderOwner;
        public bool HasTradeOwner;
        public bool HasMarket;
        public bool HasAssetId;
        public bool HasSide;
        public bool HasOriginalSize;
        public bool HasSize;
        public bool HasPrice;
        public bool HasMakerAddress;
        public bool HasTimestamp;
        public bool HasTakerOrderId;
        public bool HasTransactionHash;
    }
}
