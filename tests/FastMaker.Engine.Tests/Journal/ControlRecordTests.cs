using System.Buffers;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Journal;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Replay;
using FastMaker.Engine.Risk;
using FastMaker.Engine.Tests.Pipeline;
using FastMaker.Polymarket.Rest;
using FastMaker.Primitives;
using FastMaker.Ring;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Engine.Tests.Journal;

/// <summary>Capture format version 2: control inputs are journaled, read back, and replayed exactly; version 1 stays readable.</summary>
public sealed class ControlRecordTests
{
    private static readonly Hash32 OrderId = Hash32.Parse("0x" + new string('a', 64));

    internal static MarketMetadata Market(bool negRisk, string eventId = "weather") => new()
    {
        ConditionId = Hash32.Parse(TestFrames.Condition),
        YesToken = UInt256.Parse(TestFrames.Yes),
        NoToken = UInt256.Parse(TestFrames.No),
        Question = "Will it rain in Paris? \u2602",
        Outcomes = ["Yes", "No"],
        Tick = TickSize.Hundredth,
        MinOrderSize = Quantity.FromRaw(5_000_000),
        FeesEnabled = true,
        TakerFeeRateBps = 500,
        FeeExponent = 1,
        StartMs = 1_777_000_000_000,
        EndMs = 1_800_000_000_000,
        GameStartMs = null,
        AcceptingOrders = true,
        Closed = false,
        NegRisk = negRisk,
        EventNegRisk = negRisk,
        NegRiskMarketId = negRisk ? Hash32.Parse("0x" + new string('b', 64)) : null,
        EventId = eventId,
        RewardsMinSize = Quantity.FromRaw(50_000_000),
        RewardsMaxSpread = Price.FromRaw(35_000),
        Problems = new Dictionary<string, string> { ["zeta"] = "z problem", ["alpha"] = "a problem" },
    };

    private static byte[] Encode(in ControlItem item)
    {
        var writer = new ControlWriter(16);
        ControlRecordCodec.Encode(item, writer);
        return writer.Written.ToArray();
    }

    private static ControlItem RoundTrip(in ControlItem item)
    {
        var body = Encode(item);
        Assert.True(ControlRecordCodec.TryDecode(body, item.ReceiveMs, out var decoded, out var error), error);
        // Decoding then encoding again gives the same bytes: nothing the engine reads was lost.
        Assert.Equal(body, Encode(decoded));
        return decoded;
    }

    [Fact]
    public void TimerAndConnectionStatus_RoundTripExactly()
    {
        var timer = RoundTrip(ControlItem.ForTimer(TimerKind.Housekeeping, 1_000, 1_003));
        Assert.Equal(InboundKind.Timer, timer.Kind);
        Assert.Equal(TimerKind.Housekeeping, timer.Payload.Timer.Kind);
        Assert.Equal(1_000, timer.Payload.Timer.DueMs);
        Assert.Equal(1_003, timer.ReceiveMs);

        var status = RoundTrip(ControlItem.ForConnection(InboundChannel.User, 3, ConnectionState.AssetSilent, 77));
        Assert.Equal(InboundChannel.User, status.Channel);
        Assert.Equal(3, status.ConnectionId);
        Assert.Equal(3, status.Payload.Connection.ConnectionId);
        Assert.Equal(ConnectionState.AssetSilent, status.Payload.Connection.State);
    }

    [Fact]
    public void MetadataRefresh_RoundTripsEveryField()
    {
        var refresh = new MetadataRefresh([Market(negRisk: true)], [new RejectedMarket("0x01", "no tokens")], isComplete: true);
        var decoded = (MetadataRefresh)RoundTrip(ControlItem.ForCold(InboundKind.MetadataRefresh, refresh, 5)).Cold!;

        Assert.True(decoded.IsComplete);
        Assert.Equal(new RejectedMarket("0x01", "no tokens"), Assert.Single(decoded.Rejected));
        var expected = refresh.Markets[0];
        var actual = Assert.Single(decoded.Markets);
        Assert.Equal(expected with { Outcomes = actual.Outcomes, Problems = actual.Problems }, actual);
        Assert.Equal(expected.Outcomes, actual.Outcomes);
        Assert.Equal(expected.NotQuotableReason, actual.NotQuotableReason);
    }

    [Fact]
    public void RestRepliesAndOperatorCommands_RoundTrip()
    {
        var reply = (OrderReply)RoundTrip(ControlItem.ForCold(InboundKind.RestReply, new OrderReply
        {
            Kind = OrderReplyKind.PostAccepted, OrderId = OrderId, Status = PostStatus.Live, MatchedShares = Quantity.FromRaw(12), Error = null,
        }, 1)).Cold!;
        Assert.Equal((OrderReplyKind.PostAccepted, OrderId, PostStatus.Live, 12L, (string?)null), (reply.Kind, reply.OrderId, reply.Status, reply.MatchedShares.Raw, reply.Error));

        var feedback = (VenueFeedback)RoundTrip(ControlItem.ForCold(InboundKind.RestReply, new VenueFeedback
        {
            Kind = VenueReplyKind.RateLimited, MarketIndex = 2, OrderId = OrderId, RetryAfterMs = 1500, RateLimit = new RateLimitInfo(3, 1_800_000_000, "gold", true),
        }, 1)).Cold!;
        Assert.Equal((VenueReplyKind.RateLimited, 2, 1500L, new RateLimitInfo(3, 1_800_000_000, "gold", true)), (feedback.Kind, feedback.MarketIndex, feedback.RetryAfterMs, feedback.RateLimit));

        var open = new VenueOpenOrder(OrderId, 1, 0, Side.Sell, Price.FromRaw(530_000), Quantity.FromRaw(10_000_000), Quantity.FromRaw(2_000_000));
        var snapshot = (VenueOrdersSnapshot)RoundTrip(ControlItem.ForCold(InboundKind.RestReply, new VenueOrdersSnapshot { Orders = [open], AsOfMs = 9, AdoptUnknown = true }, 1)).Cold!;
        Assert.Equal(open, Assert.Single(snapshot.Orders));
        Assert.Equal((9L, true), (snapshot.AsOfMs, snapshot.AdoptUnknown));

        var kill = (KillSwitchCommand)RoundTrip(ControlItem.ForCold(InboundKind.Operator, new KillSwitchCommand { On = true }, 1)).Cold!;
        Assert.True(kill.On);
    }

    [Fact]
    public void UnknownColdObject_IsJournaledWithoutIt_AndReplaysAsNoObject()
    {
        var writer = new ControlWriter();
        Assert.False(ControlRecordCodec.Encode(ControlItem.ForCold(InboundKind.Operator, new object(), 4), writer));
        Assert.True(ControlRecordCodec.TryDecode(writer.Written, 4, out var item, out _));
        Assert.Equal(InboundKind.Operator, item.Kind);
        Assert.Null(item.Cold);
    }

    [Fact]
    public void MalformedBodies_AreErrorsWithAReason_NeverExceptions()
    {
        var body = Encode(ControlItem.ForCold(InboundKind.MetadataRefresh, new MetadataRefresh([Market(false)], [], true), 1));
        for (var cut = 0; cut < body.Length; cut += 7)
        {
            Assert.False(ControlRecordCodec.TryDecode(body.AsSpan(0, cut), 1, out _, out var error));
            Assert.False(string.IsNullOrEmpty(error));
        }

        var trailing = body.Concat(new byte[] { 0 }).ToArray();
        Assert.False(ControlRecordCodec.TryDecode(trailing, 1, out _, out var trailingError));
        Assert.Contains("trailing", trailingError);

        var badTag = Encode(ControlItem.ForCold(InboundKind.Operator, new KillSwitchCommand { On = true }, 1));
        badTag[4] = 99;
        Assert.False(ControlRecordCodec.TryDecode(badTag, 1, out _, out var tagError));
        Assert.Contains("tag 99", tagError);

        var notControl = Encode(ControlItem.ForTimer(TimerKind.Reconcile, 1, 1));
        notControl[0] = (byte)InboundKind.PriceChange;
        Assert.False(ControlRecordCodec.TryDecode(notControl, 1, out _, out var kindError));
        Assert.Contains("not a control kind", kindError);
    }

    [Fact]
    public void Journal_InterleavesFramesAndControlRecords_InAppendOrder_AsVersion2()
    {
        var stream = new MemoryStream();
        using (var journal = new FrameJournal(new NonClosingStream(stream), 42, ringBytes: 4096))
        {
            journal.AppendControl(ControlItem.ForTimer(TimerKind.Housekeeping, 10, 11));
            journal.Append(12, InboundChannel.Market, 0, new ReadOnlySequence<byte>(TestFrames.Pong));
            journal.AppendControl(ControlItem.ForCold(InboundKind.Operator, new KillSwitchCommand { On = false }, 13));
            Assert.Equal(2, journal.ControlRecords);
        }

        stream.Position = 0;
        using var reader = new CaptureReader(stream);
        Assert.Equal(2, reader.Version);
        var records = new List<(InboundChannel, long, byte[])>();
        while (reader.TryRead(out var record))
        {
            records.Add((record.Channel, record.ReceiveMs, record.Frame.ToArray()));
        }

        Assert.Equal([InboundChannel.Control, InboundChannel.Market, InboundChannel.Control], records.Select(r => r.Item1));
        Assert.Equal([11L, 12L, 13L], records.Select(r => r.Item2));
        Assert.True(ControlRecordCodec.TryDecode(records[2].Item3, 13, out var kill, out _));
        Assert.False(((KillSwitchCommand)kill.Cold!).On);
    }

    [Fact]
    public void Version1Capture_StaysReadable_AndAControlChannelInItIsCorruption()
    {
        var file = new byte[16 + 16 + 4 + 16 + 4];
        CaptureFormat.WriteFileHeader(file, 0);
        file[4] = 1;
        CaptureFormat.WriteRecordHeader(file.AsSpan(16), 5, (byte)InboundChannel.Market, 0, 4);
        TestFrames.Pong.CopyTo(file.AsSpan(32));
        CaptureFormat.WriteRecordHeader(file.AsSpan(36), 6, CaptureFormat.ControlChannel, 0, 4);

        using var reader = new CaptureReader(new MemoryStream(file));
        Assert.Equal(1, reader.Version);
        Assert.True(reader.TryRead(out var first));
        Assert.Equal(InboundChannel.Market, first.Channel);
        var error = Assert.Throws<InvalidDataException>(() => reader.TryRead(out _));
        Assert.Contains("unknown channel 2", error.Message);
    }

    [Fact]
    public void Ingress_JournalsControlItems_InTheOrderItPublishesThem()
    {
        var events = new List<InboundEvent>();
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var stream = new MemoryStream();
        var journal = new FrameJournal(new NonClosingStream(stream), 0, ringBytes: 4096);
        var ingress = new Ingress<RecordingTarget>(new RecordingTarget(events), new MpscQueue<ControlItem>(16), time: time, journal: journal);
        var market = new QueueFrameSource(InboundChannel.Market, 0, time);
        ingress.AddSource(market);
        Assert.True(ingress.EnqueueControl(ControlItem.ForTimer(TimerKind.Housekeeping, 1, 2)));
        market.Push(TestFrames.Pong);
        Assert.True(ingress.EnqueueControl(ControlItem.ForConnection(InboundChannel.Market, 0, ConnectionState.Down, 3)));
        Assert.True(ingress.DrainOnceForTest());
        market.Push(TestFrames.Pong);
        Assert.True(ingress.DrainOnceForTest());
        journal.Dispose();

        stream.Position = 0;
        using var reader = new CaptureReader(stream);
        var channels = new List<InboundChannel>();
        while (reader.TryRead(out var record))
        {
            channels.Add(record.Channel);
        }

        // Published: timer, status (control first), then the two PONG frames.
        Assert.Equal([InboundKind.Timer, InboundKind.ConnectionStatus, InboundKind.Pong, InboundKind.Pong], events.Select(e => e.Kind));
        Assert.Equal([InboundChannel.Control, InboundChannel.Control, InboundChannel.Market, InboundChannel.Market], channels);
    }

    [Fact]
    public void AppendControl_OfATimer_DoesNotAllocate()
    {
        using var journal = new FrameJournal(Stream.Null, 0, ringBytes: 1 << 16);
        var item = ControlItem.ForTimer(TimerKind.Housekeeping, 1, 2);
        for (var i = 0; i < 1_000; i++)
        {
            journal.AppendControl(item);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            journal.AppendControl(item);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Replay_OfControlRecords_DrivesTheEngine_AndRecordsTheIntentsItsBufferHolds()
    {
        static ReplayFrame Control(long ms, in ControlItem item) => new(ms, InboundChannel.Control, 0, Encode(item));
        var before = new MetadataRefresh([Market(negRisk: false)], [], true);
        var after = new MetadataRefresh([Market(negRisk: true)], [], true);
        var frames = new List<ReplayFrame>
        {
            Control(1_000, ControlItem.ForCold(InboundKind.MetadataRefresh, before, 1_000)),
            Control(2_000, ControlItem.ForCold(InboundKind.MetadataRefresh, after, 2_000)),
            Control(2_500, ControlItem.ForTimer(TimerKind.Housekeeping, 2_500, 2_500)),
        };
        Assert.True(ReplayRunner.HasMetadataRecords(frames));

        var seen = new List<OrderIntent>();
        var report = ReplayRunner.Run(frames, new MarketRegistry(), afterEvent: engine => seen.AddRange(engine.Intents.AsSpan().ToArray()));

        Assert.Empty(report.Errors);
        var cancelAll = Assert.Single(seen);
        Assert.Equal(IntentKind.CancelAll, cancelAll.Kind);
        Assert.Equal(0, cancelAll.MarketIndex);
        Assert.Equal(2_000, cancelAll.CreatedMs);
        Assert.Equal(1, report.IntentCount);
        using var recorder = new IntentRecorder();
        recorder.Record(cancelAll);
        Assert.Equal(recorder.HashHex(), report.IntentsHash);
        Assert.Contains(report.Events, e => e == (InboundKind.MetadataRefresh, 2L));
        Assert.Contains(report.Events, e => e == (InboundKind.Timer, 1L));
    }

    [Fact]
    public void Replay_OfAMalformedControlRecord_ReportsItAndGoesOn()
    {
        var frames = new List<ReplayFrame>
        {
            new(1, InboundChannel.Control, 0, new byte[] { (byte)InboundKind.Timer, 2, 0 }),
            new(2, InboundChannel.Control, 0, Encode(ControlItem.ForTimer(TimerKind.Housekeeping, 2, 2))),
        };

        var report = ReplayRunner.Run(frames, new MarketRegistry());

        var error = Assert.Single(report.Errors);
        Assert.Contains("control record", error.Reason);
        Assert.Contains(report.Events, e => e == (InboundKind.Timer, 1L));
    }

    /// <summary>Keeps the memory stream readable after the journal disposes its stream.</summary>
    private sealed class NonClosingStream(Stream inner) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => inner.Position = value; }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
    }
}
