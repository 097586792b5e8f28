using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Risk;
using FastMaker.Polymarket.Rest;
using FastMaker.Primitives;

namespace FastMaker.Engine.Journal;

/// <summary>
/// Encodes a <see cref="ControlItem"/> (timer, connection status, metadata refresh, REST reply, operator command) as the
/// body of a control record (FORMAT.md, version 2) and decodes it back into an item the engine treats identically, so
/// that a replay of a journal yields the same intents as the live run. Little-endian, fixed field order; strings are an
/// i32 UTF-8 byte length (-1 for null) then the bytes. Cold path: encoding a timer or a connection status does not
/// allocate, encoding an object may grow the writer's buffer once.
/// </summary>
public static class ControlRecordCodec
{
    /// <summary>Tag of a cold object the codec does not know: journaled as "none", replayed with no object.</summary>
    public const byte TagNone = 0;

    /// <summary>Tag of a <see cref="MetadataRefresh"/>.</summary>
    public const byte TagMetadataRefresh = 1;

    /// <summary>Tag of an <see cref="OrderReply"/>.</summary>
    public const byte TagOrderReply = 2;

    /// <summary>Tag of a <see cref="VenueFeedback"/>.</summary>
    public const byte TagVenueFeedback = 3;

    /// <summary>Tag of a <see cref="VenueOrdersSnapshot"/>.</summary>
    public const byte TagVenueOrdersSnapshot = 4;

    /// <summary>Tag of a <see cref="KillSwitchCommand"/>.</summary>
    public const byte TagKillSwitch = 5;

    /// <summary>Encodes <paramref name="item"/> into <paramref name="writer"/> (which is reset first); false when its cold object is of an unknown type (encoded as <see cref="TagNone"/>).</summary>
    public static bool Encode(in ControlItem item, ControlWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Reset();
        writer.U8((byte)item.Kind);
        writer.U8((byte)item.Channel);
        writer.I16(item.ConnectionId);
        switch (item.Kind)
        {
            case InboundKind.Timer:
                writer.U8((byte)item.Payload.Timer.Kind);
                writer.I64(item.Payload.Timer.DueMs);
                return true;
            case InboundKind.ConnectionStatus:
                writer.I16(item.Payload.Connection.ConnectionId);
                writer.U8((byte)item.Payload.Connection.State);
                return true;
            default:
                return EncodeCold(item.Cold, writer);
        }
    }

    /// <summary>Decodes a control record's body; false with a reason when it is malformed.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> body, long receiveMs, out ControlItem item, out string? error)
    {
        item = default;
        var reader = new ControlReader(body);
        try
        {
            var kind = (InboundKind)reader.U8();
            item.Kind = kind;
            item.Channel = (InboundChannel)reader.U8();
            item.ConnectionId = reader.I16();
            item.ReceiveMs = receiveMs;
            switch (kind)
            {
                case InboundKind.Timer:
                    item.Payload.Timer = new TimerTick { Kind = (TimerKind)reader.U8(), DueMs = reader.I64() };
                    break;
                case InboundKind.ConnectionStatus:
                    item.Payload.Connection = new ConnectionStatusChange { ConnectionId = reader.I16(), State = (ConnectionState)reader.U8() };
                    break;
                case InboundKind.MetadataRefresh or InboundKind.RestReply or InboundKind.Operator:
                    item.Cold = DecodeCold(ref reader);
                    break;
                default:
                    error = "control record of kind " + kind + ", which is not a control kind";
                    return false;
            }

            if (!reader.AtEnd)
            {
                error = "control record of kind " + kind + " has " + reader.Remaining.ToString(CultureInfo.InvariantCulture) + " trailing bytes";
                return false;
            }

            error = null;
            return true;
        }
        catch (InvalidDataException exception)
        {
            error = exception.Message;
            return false;
        }
    }

    private static bool EncodeCold(object? cold, ControlWriter w)
    {
        switch (cold)
        {
            case MetadataRefresh refresh:
                w.U8(TagMetadataRefresh);
                w.Bool(refresh.IsComplete);
                w.I32(refresh.Markets.Count);
                foreach (var market in refresh.Markets)
                {
                    WriteMarket(market, w);
                }

                w.I32(refresh.Rejected.Count);
                foreach (var rejected in refresh.Rejected)
                {
                    w.Str(rejected.Id);
                    w.Str(rejected.Reason);
                }

                return true;
            case OrderReply reply:
                w.U8(TagOrderReply);
                w.U8((byte)reply.Kind);
                w.Hash(reply.OrderId);
                w.U8((byte)reply.Status);
                w.I64(reply.MatchedShares.Raw);
                w.Str(reply.Error);
                return true;
            case VenueFeedback feedback:
                w.U8(TagVenueFeedback);
                w.U8((byte)feedback.Kind);
                w.I32(feedback.MarketIndex);
                w.Hash(feedback.OrderId);
                w.I64(feedback.RetryAfterMs);
                w.OptI64(feedback.RateLimit.Remaining);
                w.OptI64(feedback.RateLimit.ResetUnixSeconds);
                w.Str(feedback.RateLimit.Tier);
                w.Bool(feedback.RateLimit.Warning);
                return true;
            case VenueOrdersSnapshot snapshot:
                w.U8(TagVenueOrdersSnapshot);
                w.I64(snapshot.AsOfMs);
                w.Bool(snapshot.AdoptUnknown);
                w.I32(snapshot.Orders.Length);
                foreach (var order in snapshot.Orders)
                {
                    w.Hash(order.Id);
                    w.I32(order.TokenIndex);
                    w.I32(order.MarketIndex);
                    w.U8((byte)order.Side);
                    w.I32(order.Price.Raw);
                    w.I64(order.OriginalSize.Raw);
                    w.I64(order.SizeMatched.Raw);
                }

                return true;
            case KillSwitchCommand command:
                w.U8(TagKillSwitch);
                w.Bool(command.On);
                return true;
            default:
                w.U8(TagNone);
                return cold is null;
        }
    }

    private static object? DecodeCold(ref ControlReader r)
    {
        var tag = r.U8();
        switch (tag)
        {
            case TagNone:
                return null;
            case TagMetadataRefresh:
            {
                var complete = r.Bool();
                var count = r.Count();
                var markets = new List<MarketMetadata>(count);
                for (var i = 0; i < count; i++)
                {
                    markets.Add(ReadMarket(ref r));
                }

                var rejectedCount = r.Count();
                var rejected = new List<RejectedMarket>(rejectedCount);
                for (var i = 0; i < rejectedCount; i++)
                {
                    rejected.Add(new RejectedMarket(r.Str() ?? string.Empty, r.Str() ?? string.Empty));
                }

                return new MetadataRefresh(markets, rejected, complete);
            }

            case TagOrderReply:
                return new OrderReply
                {
                    Kind = (OrderReplyKind)r.U8(),
                    OrderId = r.Hash(),
                    Status = (PostStatus)r.U8(),
                    MatchedShares = Quantity.FromRaw(r.I64()),
                    Error = r.Str(),
                };
            case TagVenueFeedback:
                return new VenueFeedback
                {
                    Kind = (VenueReplyKind)r.U8(),
                    MarketIndex = r.I32(),
                    OrderId = r.Hash(),
                    RetryAfterMs = r.I64(),
                    RateLimit = new RateLimitInfo(r.OptI64(), r.OptI64(), r.Str(), r.Bool()),
                };
            case TagVenueOrdersSnapshot:
            {
                var asOf = r.I64();
                var adopt = r.Bool();
                var orders = new VenueOpenOrder[r.Count()];
                for (var i = 0; i < orders.Length; i++)
                {
                    orders[i] = new VenueOpenOrder(r.Hash(), r.I32(), r.I32(), (Side)r.U8(), Price.FromRaw(r.I32()), Quantity.FromRaw(r.I64()), Quantity.FromRaw(r.I64()));
                }

                return new VenueOrdersSnapshot { Orders = orders, AsOfMs = asOf, AdoptUnknown = adopt };
            }

            case TagKillSwitch:
                return new KillSwitchCommand { On = r.Bool() };
            default:
                throw new InvalidDataException("unknown control object tag " + tag.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteMarket(MarketMetadata m, ControlWriter w)
    {
        w.Hash(m.ConditionId);
        w.U256(m.YesToken);
        w.U256(m.NoToken);
        w.Str(m.Question);
        w.I32(m.Outcomes.Length);
        foreach (var outcome in m.Outcomes)
        {
            w.Str(outcome);
        }

        w.OptI64(m.Tick is { } tick ? tick.Value.Raw : null);
        w.OptI64(m.MinOrderSize?.Raw);
        w.OptBool(m.FeesEnabled);
        w.OptI64(m.TakerFeeRateBps);
        w.OptI64(m.FeeExponent);
        w.Bool(m.FeeTakerOnly);
        w.OptI64(m.StartMs);
        w.OptI64(m.EndMs);
        w.OptI64(m.GameStartMs);
        w.OptI64(m.EventStartMs);
        w.Bool(m.ClearBookOnStart);
        w.OptI64(m.SecondsDelay);
        w.OptBool(m.AcceptingOrders);
        w.OptBool(m.Closed);
        w.OptBool(m.NegRisk);
        w.Bool(m.EventNegRisk);
        w.Bool(m.NegRiskAugmented);
        w.Bool(m.NegRiskOther);
        w.Bool(m.NegRiskMarketId is not null);
        if (m.NegRiskMarketId is { } negRiskId)
        {
            w.Hash(negRiskId);
        }

        w.Str(m.EventId);
        w.OptI64(m.RewardsMinSize?.Raw);
        w.OptI64(m.RewardsMaxSpread?.Raw);
        w.U8((byte)m.Resolution);
        // Sorted, so that equal metadata always encodes to equal bytes.
        var keys = new List<string>(m.Problems.Keys);
        keys.Sort(StringComparer.Ordinal);
        w.I32(keys.Count);
        foreach (var key in keys)
        {
            w.Str(key);
            w.Str(m.Problems[key]);
        }
    }

    private static MarketMetadata ReadMarket(ref ControlReader r)
    {
        var condition = r.Hash();
        var yes = r.U256();
        var no = r.U256();
        var question = r.Str() ?? string.Empty;
        var outcomes = new string[r.Count()];
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] = r.Str() ?? string.Empty;
        }

        TickSize? tick = null;
        if (r.OptI64() is { } tickRaw)
        {
            if (!TickSize.TryFromPrice(Price.FromRaw(checked((int)tickRaw)), out var parsed))
            {
                throw new InvalidDataException("market " + condition + ": unknown tick size " + tickRaw.ToString(CultureInfo.InvariantCulture));
            }

            tick = parsed;
        }

        var minSize = r.OptI64() is { } min ? Quantity.FromRaw(min) : (Quantity?)null;
        var feesEnabled = r.OptBool();
        var takerFee = ToInt(r.OptI64());
        var feeExponent = ToInt(r.OptI64());
        var feeTakerOnly = r.Bool();
        var start = r.OptI64();
        var end = r.OptI64();
        var gameStart = r.OptI64();
        var eventStart = r.OptI64();
        var clearBook = r.Bool();
        var secondsDelay = ToInt(r.OptI64());
        var accepting = r.OptBool();
        var closed = r.OptBool();
        var negRisk = r.OptBool();
        var eventNegRisk = r.Bool();
        var augmented = r.Bool();
        var other = r.Bool();
        Hash32? negRiskId = r.Bool() ? r.Hash() : null;
        var eventId = r.Str();
        var rewardsMin = r.OptI64() is { } rm ? Quantity.FromRaw(rm) : (Quantity?)null;
        var rewardsSpread = r.OptI64() is { } rs ? Price.FromRaw(checked((int)rs)) : (Price?)null;
        var resolution = (ResolutionStatus)r.U8();
        var problemCount = r.Count();
        var problems = new Dictionary<string, string>(problemCount, StringComparer.Ordinal);
        for (var i = 0; i < problemCount; i++)
        {
            problems[r.Str() ?? string.Empty] = r.Str() ?? string.Empty;
        }

        return new MarketMetadata
        {
            ConditionId = condition,
            YesToken = yes,
            NoToken = no,
            Question = question,
            Outcomes = outcomes,
            Tick = tick,
            MinOrderSize = minSize,
            FeesEnabled = feesEnabled,
            TakerFeeRateBps = takerFee,
            FeeExponent = feeExponent,
            FeeTakerOnly = feeTakerOnly,
            StartMs = start,
            EndMs = end,
            GameStartMs = gameStart,
            EventStartMs = eventStart,
            ClearBookOnStart = clearBook,
            SecondsDelay = secondsDelay,
            AcceptingOrders = accepting,
            Closed = closed,
            NegRisk = negRisk,
            EventNegRisk = eventNegRisk,
            NegRiskAugmented = augmented,
            NegRiskOther = other,
            NegRiskMarketId = negRiskId,
            EventId = eventId,
            RewardsMinSize = rewardsMin,
            RewardsMaxSpread = rewardsSpread,
            Resolution = resolution,
            Problems = problems,
        };
    }

    private static int? ToInt(long? value) => value is { } v ? checked((int)v) : null;

    /// <summary>Reads a control record body; throws <see cref="InvalidDataException"/> when it is cut short.</summary>
    private ref struct ControlReader(ReadOnlySpan<byte> body)
    {
        private readonly ReadOnlySpan<byte> _body = body;
        private int _at;

        public readonly bool AtEnd => _at == _body.Length;

        public readonly int Remaining => _body.Length - _at;

        public byte U8() => Take(1)[0];

        public bool Bool() => U8() switch
        {
            0 => false,
            1 => true,
            var b => throw new InvalidDataException("control record has " + b.ToString(CultureInfo.InvariantCulture) + " where a boolean (0 or 1) belongs"),
        };

        public short I16() => BinaryPrimitives.ReadInt16LittleEndian(Take(2));

        public int I32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public long I64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public int Count()
        {
            var count = I32();
            if (count < 0 || count > Remaining)
            {
                throw new InvalidDataException("control record has an impossible count " + count.ToString(CultureInfo.InvariantCulture));
            }

            return count;
        }

        public long? OptI64() => Bool() ? I64() : null;

        public bool? OptBool() => U8() switch
        {
            0 => null,
            1 => false,
            2 => true,
            var b => throw new InvalidDataException("control record has " + b.ToString(CultureInfo.InvariantCulture) + " where an optional boolean (0, 1 or 2) belongs"),
        };

        public Hash32 Hash() => Hash32.FromBytes(Take(32));

        public UInt256 U256() => UInt256.ReadBigEndian(Take(32));

        public string? Str()
        {
            var length = I32();
            if (length == -1)
            {
                return null;
            }

            if (length < 0 || length > Remaining)
            {
                throw new InvalidDataException("control record has an impossible string length " + length.ToString(CultureInfo.InvariantCulture));
            }

            return Encoding.UTF8.GetString(Take(length));
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > _body.Length - _at)
            {
                throw new InvalidDataException("control record is cut short at byte " + _at.ToString(CultureInfo.InvariantCulture));
            }

            var span = _body.Slice(_at, count);
            _at += count;
            return span;
        }
    }
}
