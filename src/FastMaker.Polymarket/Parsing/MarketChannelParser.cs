using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// Parses market-channel frames (one JSON object, an array of objects, or <c>PONG</c>) straight
/// from the receive buffers, and calls the sink once per event (per level for books, per entry
/// for price changes). Field order does not matter. A frame in one segment goes through a span
/// scanner specialized for these frames; a frame split across segments, or anything the scanner
/// does not fully understand (escapes, non-ASCII text, unexpected tokens, any rejected value), goes
/// to the <see cref="Utf8JsonReader"/> parser, which is the reference: both make identical sink calls.
/// One instance per ingress thread: it owns preallocated scratch space and is not thread-safe.
/// Steady state allocates nothing, except for the rare <c>new_market</c> and
/// <c>market_resolved</c> events, which take a cold path that allocates their text.
/// Never throws on bad input: a malformed frame or a rejected event becomes one
/// <see cref="IMarketChannelSink.OnError"/> call; events before a malformation in the same
/// frame have already been delivered.
/// </summary>
public sealed partial class MarketChannelParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 16 };

    private readonly byte[] _scratch = new byte[JsonScan.ScratchLength];
    private readonly TokenIdCache _tokenIds = new();
    private BookLevel[] _bids = new BookLevel[256];
    private BookLevel[] _asks = new BookLevel[256];
    private PriceChange[] _changes = new PriceChange[32];
    private int _bidCount;
    private int _askCount;
    private int _changeCount;
    private ObjectFields _f;
    private long _arrayErrorOffset = -1;

    /// <summary>Objects skipped because their <c>event_type</c> is unknown, since construction.</summary>
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
        where TSink : struct, IMarketChannelSink
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
        where TSink : struct, IMarketChannelSink
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

            // Anything after the root value (a second value, garbage) makes the reader throw.
            reader.Read();
        }
        catch (JsonException e)
        {
            bool blank = reader.TokenType == JsonTokenType.None && JsonScan.IsBlank(frame);
            ReportError(ref sink, blank ? FrameErrorReason.EmptyFrame : FrameErrorReason.MalformedJson, JsonScan.SyntaxErrorOffset(frame, e, reader.BytesConsumed));
        }
    }

    private void ReportError<TSink>(ref TSink sink, FrameErrorReason reason, long offset)
        where TSink : struct, IMarketChannelSink
    {
        ErrorCount++;
        var error = new FrameError(reason, offset);
        sink.OnError(error);
    }

    /// <summary>Records the first problem of the current object and steps over a container value.</summary>
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
        where TSink : struct, IMarketChannelSink
    {
        Utf8JsonReader start = r;
        long objectStart = r.TokenStartIndex;
        _f = default;
        _bidCount = 0;
        _askCount = 0;
        _changeCount = 0;
        _arrayErrorOffset = -1;
        byte[] s = _scratch;

        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            MarketField field = MarketFieldNames.Lookup(JsonScan.GetPropertyName(ref r, s));
            r.Read();
            FrameErrorReason e = FrameErrorReason.None;
            bool present;
            switch (field)
            {
                case MarketField.EventType:
                    e = JsonScan.GetScalar(ref r, s, out ReadOnlySpan<byte> et, out present);
                    if (e == FrameErrorReason.None && present && r.TokenType == JsonTokenType.String)
                    {
                        _f.EventType = MarketFieldNames.LookupEventType(et);
                    }

                    break;
                case MarketField.Market:
                    e = JsonScan.ReadHash32(ref r, s, out _f.Market, out _f.HasMarket);
                    break;
                case MarketField.AssetId:
                    e = JsonScan.ReadTokenId(ref r, s, out _f.AssetId, out _f.HasAssetId);
                    break;
                case MarketField.Timestamp:
                    e = JsonScan.ReadTimestampMs(ref r, s, out _f.TimestampMs, out _f.HasTimestamp);
                    break;
                case MarketField.Hash:
                    e = JsonScan.ReadBookHash(ref r, s, out _f.Hash);
                    break;
                case MarketField.Bids:
                    e = ReadLevels(ref r, Side.Buy);
                    _f.HasBids = e == FrameErrorReason.None;
                    break;
                case MarketField.Asks:
                    e = ReadLevels(ref r, Side.Sell);
                    _f.HasAsks = e == FrameErrorReason.None;
                    break;
                case MarketField.PriceChanges:
                    e = ReadChanges(ref r, PriceChangeFormat.PriceChanges);
                    _f.HasPriceChanges = e == FrameErrorReason.None;
                    break;
                case MarketField.Changes:
                    e = ReadChanges(ref r, PriceChangeFormat.LegacyChanges);
                    _f.HasLegacyChanges = e == FrameErrorReason.None;
                    break;
                case MarketField.TickSize:
                    e = JsonScan.ReadTickSize(ref r, s, out _f.TickSize, out _f.HasTickSize);
                    break;
                case MarketField.MinOrderSize:
                    e = JsonScan.ReadQuantity(ref r, s, out _f.MinOrderSize, out _f.HasMinOrderSize);
                    break;
                case MarketField.NegRisk:
                    e = JsonScan.ReadBool(ref r, s, out _f.NegRisk, out _f.HasNegRisk);
                    break;
                case MarketField.LastTradePrice:
                    e = JsonScan.ReadPrice(ref r, s, out _f.LastTradePrice, out _f.HasLastTradePrice);
                    break;
                case MarketField.Price:
                    e = JsonScan.ReadPrice(ref r, s, out _f.Price, out _f.HasPrice);
                    break;
                case MarketField.Size:
                    e = JsonScan.ReadQuantity(ref r, s, out _f.Size, out _f.HasSize);
                    break;
                case MarketField.Side:
                    e = JsonScan.ReadSide(ref r, s, out _f.Side, out _f.HasSide);
                    break;
                case MarketField.BestBid:
                    e = JsonScan.ReadTopPrice(ref r, s, out _f.BestBid, out _f.HasBestBid, out bool seenBid);
                    _f.HasTopOfBook |= seenBid;
                    break;
                case MarketField.BestAsk:
                    e = JsonScan.ReadTopPrice(ref r, s, out _f.BestAsk, out _f.HasBestAsk, out bool seenAsk);
                    _f.HasTopOfBook |= seenAsk;
                    break;
                case MarketField.Spread:
                    e = JsonScan.ReadTopPrice(ref r, s, out _f.Spread, out _f.HasSpread, out _);
                    break;
                case MarketField.OldTickSize:
                    e = JsonScan.ReadTickSize(ref r, s, out _f.OldTickSize, out _f.HasOldTickSize);
                    break;
                case MarketField.NewTickSize:
                    e = JsonScan.ReadTickSize(ref r, s, out _f.NewTickSize, out _f.HasNewTickSize);
                    break;
                case MarketField.FeeRateBps:
                    e = JsonScan.ReadInt(ref r, s, out _f.FeeRateBps, out _);
                    break;
                case MarketField.TransactionHash:
                    e = JsonScan.ReadHash32(ref r, s, out _f.TransactionHash, out _f.HasTransactionHash);
                    break;
                default:
                    r.Skip();
                    break;
            }

            Mark(ref r, e);
        }

        Dispatch(ref start, objectStart, ref sink);
    }

    private FrameErrorReason ReadLevels(ref Utf8JsonReader r, Side side)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return FrameErrorReason.UnexpectedToken;
        }

        int depth = r.CurrentDepth;
        FrameErrorReason e = ReadLevelsCore(ref r, side);
        if (e != FrameErrorReason.None)
        {
            SkipToArrayEnd(ref r, depth);
        }

        return e;
    }

    private FrameErrorReason ReadChanges(ref Utf8JsonReader r, PriceChangeFormat format)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            return FrameErrorReason.UnexpectedToken;
        }

        int depth = r.CurrentDepth;
        FrameErrorReason e = ReadChangesCore(ref r, format);
        if (e != FrameErrorReason.None)
        {
            SkipToArrayEnd(ref r, depth);
        }

        return e;
    }

    /// <summary>After a bad element, reads on to the array's own end so the object walk stays in step.</summary>
    internal static void SkipToArrayEnd(ref Utf8JsonReader r, int depth)
    {
        while (!(r.TokenType == JsonTokenType.EndArray && r.CurrentDepth == depth))
        {
            if (!r.Read())
            {
                return;
            }
        }
    }

    private FrameErrorReason ReadLevelsCore(ref Utf8JsonReader r, Side side)
    {
        byte[] s = _scratch;
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartObject)
            {
                _arrayErrorOffset = r.TokenStartIndex;
                return FrameErrorReason.UnexpectedToken;
            }

            long levelStart = r.TokenStartIndex;
            Price price = default;
            Quantity size = default;
            bool hasPrice = false;
            bool hasSize = false;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                ReadOnlySpan<byte> name = JsonScan.GetPropertyName(ref r, s);
                bool isPrice = name.SequenceEqual("price"u8);
                bool isSize = !isPrice && name.SequenceEqual("size"u8);
                r.Read();
                FrameErrorReason e;
                if (isPrice)
                {
                    e = JsonScan.ReadPrice(ref r, s, out price, out hasPrice);
                }
                else if (isSize)
                {
                    e = JsonScan.ReadQuantity(ref r, s, out size, out hasSize);
                }
                else
                {
                    r.Skip();
                    continue;
                }

                if (e != FrameErrorReason.None)
                {
                    _arrayErrorOffset = r.TokenStartIndex;
                    return e;
                }
            }

            if (!hasPrice || !hasSize)
            {
                _arrayErrorOffset = levelStart;
                return FrameErrorReason.MissingField;
            }

            ref BookLevel level = ref AppendLevel(side);
            level.Price = price;
            level.Size = size;
            level.Side = side;
        }

        return FrameErrorReason.None;
    }

    private ref BookLevel AppendLevel(Side side)
    {
        if (side == Side.Buy)
        {
            if (_bidCount == _bids.Length)
            {
                Array.Resize(ref _bids, _bids.Length * 2);
            }

            ref BookLevel bid = ref _bids[_bidCount];
            bid.Index = _bidCount++;
            return ref bid;
        }

        if (_askCount == _asks.Length)
        {
            Array.Resize(ref _asks, _asks.Length * 2);
        }

        ref BookLevel ask = ref _asks[_askCount];
        ask.Index = _askCount++;
        return ref ask;
    }

    private FrameErrorReason ReadChangesCore(ref Utf8JsonReader r, PriceChangeFormat format)
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
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                MarketField field = MarketFieldNames.Lookup(JsonScan.GetPropertyName(ref r, s));
                r.Read();
                FrameErrorReason e;
                switch (field)
                {
                    case MarketField.AssetId:
                        e = JsonScan.ReadTokenId(ref r, s, out c.AssetId, out hasAsset);
                        break;
                    case MarketField.Price:
                        e = JsonScan.ReadPrice(ref r, s, out c.Price, out hasPrice);
                        break;
                    case MarketField.Size:
                        e = JsonScan.ReadQuantity(ref r, s, out c.Size, out c.HasSize);
                        break;
                    case MarketField.Side:
                        e = JsonScan.ReadSide(ref r, s, out c.Side, out hasSide);
                        break;
                    case MarketField.Hash:
                        e = JsonScan.ReadBookHash(ref r, s, out c.Hash);
                        break;
                    case MarketField.BestBid:
                        e = JsonScan.ReadTopPrice(ref r, s, out c.BestBid, out c.HasBestBid, out bool seenBid);
                        c.HasTopOfBook |= seenBid;
                        break;
                    case MarketField.BestAsk:
                        e = JsonScan.ReadTopPrice(ref r, s, out c.BestAsk, out c.HasBestAsk, out bool seenAsk);
                        c.HasTopOfBook |= seenAsk;
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

            // In the legacy layout the asset id is at the top and filled in at dispatch.
            if (!hasPrice || !hasSide || (format == PriceChangeFormat.PriceChanges && !hasAsset))
            {
                _arrayErrorOffset = entryStart;
                return FrameErrorReason.MissingField;
            }

            _changeCount++;
        }

        return FrameErrorReason.None;
    }

    private void Dispatch<TSink>(ref Utf8JsonReader start, long objectStart, ref TSink sink)
        where TSink : struct, IMarketChannelSink
    {
        MarketEventType type = _f.EventType;
        if (type == MarketEventType.NewMarket || type == MarketEventType.MarketResolved)
        {
            ColdPath(ref start, type, objectStart, ref sink);
            return;
        }

        DispatchHot(objectStart, ref sink);
    }

    /// <summary>Every event type except the two cold ones, which re-read the object.</summary>
    private void DispatchHot<TSink>(long objectStart, ref TSink sink)
        where TSink : struct, IMarketChannelSink
    {
        MarketEventType type = _f.EventType;
        if (type == MarketEventType.Unknown)
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

        switch (type)
        {
            case MarketEventType.None:
                ReportError(ref sink, FrameErrorReason.MissingEventType, objectStart);
                return;
            case MarketEventType.Book:
                EmitBook(objectStart, ref sink);
                return;
            case MarketEventType.PriceChange:
                EmitPriceChange(objectStart, ref sink);
                return;
            case MarketEventType.TickSizeChange:
                if (!_f.HasMarket || !_f.HasAssetId || !_f.HasTimestamp || !_f.HasNewTickSize)
                {
                    ReportError(ref sink, FrameErrorReason.MissingField, objectStart);
                    return;
                }

                var tick = new TickSizeChange
                {
                    Market = _f.Market,
                    AssetId = _f.AssetId,
                    TimestampMs = _f.TimestampMs,
                    OldTickSize = _f.OldTickSize,
                    NewTickSize = _f.NewTickSize,
                    HasOldTickSize = _f.HasOldTickSize,
                };
                sink.OnTickSizeChange(tick);
                return;
            case MarketEventType.LastTradePrice:
                if (!_f.HasMarket || !_f.HasAssetId || !_f.HasTimestamp || !_f.HasPrice || !_f.HasSize || !_f.HasSide)
                {
                    ReportError(ref sink, FrameErrorReason.MissingField, objectStart);
                    return;
                }

                var trade = new LastTradePrice
                {
                    Market = _f.Market,
                    AssetId = _f.AssetId,
                    TransactionHash = _f.TransactionHash,
                    TimestampMs = _f.TimestampMs,
                    Price = _f.Price,
                    Size = _f.Size,
                    FeeRateBps = _f.FeeRateBps,
                    Side = _f.Side,
                    HasTransactionHash = _f.HasTransactionHash,
                };
                sink.OnLastTradePrice(trade);
                return;
            case MarketEventType.BestBidAsk:
                if (!_f.HasMarket || !_f.HasAssetId || !_f.HasTimestamp)
                {
                    ReportError(ref sink, FrameErrorReason.MissingField, objectStart);
                    return;
                }

                var top = new BestBidAsk
                {
                    Market = _f.Market,
                    AssetId = _f.AssetId,
                    TimestampMs = _f.TimestampMs,
                    BestBid = _f.BestBid,
                    BestAsk = _f.BestAsk,
                    Spread = _f.Spread,
                    HasBestBid = _f.HasBestBid,
                    HasBestAsk = _f.HasBestAsk,
                    HasSpread = _f.HasSpread,
                };
                sink.OnBestBidAsk(top);
                return;
        }
    }

    private void EmitBook<TSink>(long objectStart, ref TSink sink)
        where TSink : struct, IMarketChannelSink
    {
        if (!_f.HasMarket || !_f.HasAssetId || !_f.HasTimestamp || !_f.HasBids || !_f.HasAsks)
        {
            ReportError(ref sink, FrameErrorReason.MissingField, objectStart);
            return;
        }

        var book = new BookSnapshot
        {
            Market = _f.Market,
            AssetId = _f.AssetId,
            TimestampMs = _f.TimestampMs,
            Hash = _f.Hash,
            TickSize = _f.TickSize,
            MinOrderSize = _f.MinOrderSize,
            LastTradePrice = _f.LastTradePrice,
            BidCount = _bidCount,
            AskCount = _askCount,
            NegRisk = _f.NegRisk,
            HasTickSize = _f.HasTickSize,
            HasMinOrderSize = _f.HasMinOrderSize,
            HasLastTradePrice = _f.HasLastTradePrice,
            HasNegRisk = _f.HasNegRisk,
        };
        sink.OnBookBegin(book);
        BookLevel[] bids = _bids;
        for (int i = 0; i < _bidCount; i++)
        {
            sink.OnBookLevel(bids[i]);
        }

        BookLevel[] asks = _asks;
        for (int i = 0; i < _askCount; i++)
        {
            sink.OnBookLevel(asks[i]);
        }

        sink.OnBookEnd(book);
    }

    private void EmitPriceChange<TSink>(long objectStart, ref TSink sink)
        where TSink : struct, IMarketChannelSink
    {
        if (!_f.HasMarket || !_f.HasTimestamp)
        {
            ReportError(ref sink, FrameErrorReason.MissingField, objectStart);
            return;
        }

        if (!_f.HasPriceChanges && !_f.HasLegacyChanges)
        {
            // The flat legacy layout: one level at the top of the object.
            if (!_f.HasAssetId || !_f.HasPrice || !_f.HasSide)
            {
                ReportError(ref sink, FrameErrorReason.MissingField, objectStart);
                return;
            }

            var flat = new PriceChange
            {
                Market = _f.Market,
                AssetId = _f.AssetId,
                TimestampMs = _f.TimestampMs,
                Hash = _f.Hash,
                Price = _f.Price,
                Size = _f.Size,
                BestBid = _f.BestBid,
                BestAsk = _f.BestAsk,
                EntryIndex = 0,
                EntryCount = 1,
                Side = _f.Side,
                Format = PriceChangeFormat.LegacyFlat,
                HasSize = _f.HasSize,
                HasBestBid = _f.HasBestBid,
                HasBestAsk = _f.HasBestAsk,
                HasTopOfBook = _f.HasTopOfBook,
            };
            sink.OnPriceChange(flat);
            return;
        }

        if (_f.HasLegacyChanges && !_f.HasAssetId)
        {
            ReportError(ref sink, FrameErrorReason.MissingField, objectStart);
            return;
        }

        PriceChange[] changes = _changes;
        int count = _changeCount;
        for (int i = 0; i < count; i++)
        {
            ref PriceChange c = ref changes[i];
            c.Market = _f.Market;
            c.TimestampMs = _f.TimestampMs;
            c.EntryIndex = i;
            c.EntryCount = count;
            if (c.Format == PriceChangeFormat.LegacyChanges)
            {
                c.AssetId = _f.AssetId;
                c.Hash = _f.Hash;
            }

            sink.OnPriceChange(c);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ColdPath<TSink>(ref Utf8JsonReader start, MarketEventType type, long objectStart, ref TSink sink)
        where TSink : struct, IMarketChannelSink
    {
        if (type == MarketEventType.NewMarket)
        {
            FrameError error = MarketColdParser.ParseNewMarket(ref start, objectStart, out NewMarket? market);
            if (market is not null)
            {
                sink.OnNewMarket(market);
            }
            else
            {
                ReportError(ref sink, error.Reason, error.ByteOffset);
            }

            return;
        }

        FrameError resolvedError = MarketColdParser.ParseMarketResolved(ref start, objectStart, out MarketResolved? resolved);
        if (resolved is not null)
        {
            sink.OnMarketResolved(resolved);
        }
        else
        {
            ReportError(ref sink, resolvedError.Reason, resolvedError.ByteOffset);
        }
    }

    /// <summary>Every hot field of one object, reset per object; kept in the parser so it is not copied around.</summary>
    private struct ObjectFields
    {
        public Hash32 Market;
        public UInt256 AssetId;
        public Hash32 TransactionHash;
        public BookHash Hash;
        public long TimestampMs;
        public long ErrorOffset;
        public Price Price;
        public Quantity Size;
        public Price BestBid;
        public Price BestAsk;
        public Price Spread;
        public Price LastTradePrice;
        public Quantity MinOrderSize;
        public TickSize TickSize;
        public TickSize OldTickSize;
        public TickSize NewTickSize;
        public int FeeRateBps;
        public Side Side;
        public MarketEventType EventType;
        public FrameErrorReason Error;
        public bool HasMarket;
        public bool HasAssetId;
        public bool HasTimestamp;
        public bool HasBids;
        public bool HasAsks;
        public bool HasPriceChanges;
        public bool HasLegacyChanges;
        public bool HasTickSize;
        public bool HasMinOrderSize;
        public bool NegRisk;
        public bool HasNegRisk;
        public bool HasLastTradePrice;
        public bool HasPrice;
        public bool HasSize;
        public bool HasSide;
        public bool HasBestBid;
        public bool HasBestAsk;
        public bool HasTopOfBook;
        public bool HasSpread;
        public bool HasOldTickSize;
        public bool HasNewTickSize;
        public bool HasTransactionHash;
    }
}
