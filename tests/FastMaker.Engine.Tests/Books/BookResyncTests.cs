using System.Buffers;
using FastMaker.Engine.Books;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Quoting;
using FastMaker.Engine.Tests.Pipeline;
using FastMaker.Engine.Tests.Quoting;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Books;

/// <summary>An untrusted book asks for a fresh snapshot once, within a per-asset rate limit, until a trusted snapshot arrives.</summary>
public class BookResyncTests
{
    private static readonly UInt256 Yes = QuoteTestMarket.YesId;
    private static readonly UInt256 No = QuoteTestMarket.NoId;

    private static (QuoteTestMarket Market, RecordingSink Sink) Ready()
    {
        var m = new QuoteTestMarket();
        var sink = new RecordingSink();
        m.Engine.Books.Resync.Sink = sink;
        m.Snapshot(Yes, 1_000, [(450_000, 100)], [(550_000, 100)]);
        m.Snapshot(No, 1_000, [(450_000, 100)], [(550_000, 100)]);
        return (m, sink);
    }

    // A bid above the best ask: the book is crossed.
    private static void Cross(QuoteTestMarket m, long ms) => m.Change(Yes, Side.Buy, 560_000, 10, ms);

    // Held in fields: a collection expression per call would allocate inside the allocation test.
    private static readonly (int, long)[] HealBids = [(450_000, 100)];
    private static readonly (int, long)[] HealAsks = [(550_000, 100)];

    private static void Heal(QuoteTestMarket m, long ms) => m.Snapshot(Yes, ms, HealBids, HealAsks);

    [Fact]
    public void CrossedDelta_EmitsExactlyOneRequest_ForThatAsset()
    {
        var (m, sink) = Ready();
        Cross(m, 2_000);
        m.Change(Yes, Side.Buy, 570_000, 10, 2_100); // still crossed: the same episode
        m.Trade(Yes, Side.Buy, 550_000, 1, 2_200);
        m.Housekeeping(2_300);

        var request = Assert.Single(sink.Requests);
        Assert.Equal(m.Yes, request.TokenIndex);
        Assert.Equal(Yes, request.AssetId);
        Assert.Equal(BookUntrustedReason.Crossed, request.Reason);
        Assert.Equal(1, request.Attempt);
        Assert.Equal(2_000, request.RequestedMs);
        Assert.True(m.Engine.Books.Resync.IsPending(m.Yes));
        Assert.False(m.Engine.Books.Resync.IsPending(m.No));
    }

    [Fact]
    public void LockedDelta_AndOffGridLevel_EachRequestASnapshot()
    {
        var (m, sink) = Ready();
        m.Change(Yes, Side.Buy, 550_000, 10, 2_000); // bid at the ask
        m.Change(No, Side.Sell, 555_000, 10, 2_000); // half a tick: off the grid
        Assert.Equal(2, sink.Requests.Count);
        Assert.Equal(BookUntrustedReason.Locked, sink.Requests[0].Reason);
        Assert.Equal(No, sink.Requests[1].AssetId);
        Assert.Equal(BookUntrustedReason.InvalidLevel, sink.Requests[1].Reason);
    }

    [Fact]
    public void StillUntrusted_IsRequestedAgain_OnlyAfterTheInterval_WithADoublingGap()
    {
        var (m, sink) = Ready();
        Cross(m, 2_000);
        m.Housekeeping(6_999);
        Assert.Single(sink.Requests);

        m.Housekeeping(7_000); // 5 s later
        Assert.Equal(2, sink.Requests.Count);
        Assert.Equal(2, sink.Requests[1].Attempt);
        Assert.Equal(17_000, m.Engine.Books.Resync.NextAllowedMs(m.Yes)); // then 10 s

        m.Housekeeping(16_999);
        Assert.Equal(2, sink.Requests.Count);
        m.Housekeeping(17_000);
        Assert.Equal(3, sink.Requests.Count);
        Assert.Equal(37_000, m.Engine.Books.Resync.NextAllowedMs(m.Yes)); // then 20 s
    }

    [Fact]
    public void VenueThatKeepsSendingCrossedBooks_CannotCauseASubscribeStorm()
    {
        var (m, sink) = Ready();
        // Ten minutes of a snapshot that is crossed again 50 ms later, every 200 ms.
        for (long t = 2_000; t < 602_000; t += 200)
        {
            Heal(m, t);
            Cross(m, t + 50);
        }

        // Gaps 5, 10, 20, 40, 80, then 120 s (the cap): at most 9 requests in 600 s instead of 3,000 episodes.
        Assert.InRange(sink.Requests.Count, 6, 9);
        for (var i = 1; i < sink.Requests.Count; i++)
        {
            var gap = sink.Requests[i].RequestedMs - sink.Requests[i - 1].RequestedMs;
            Assert.InRange(gap, Math.Min(5_000L << (i - 1), 120_000), 120_000 + 200);
        }

        Assert.True(m.Engine.Books.Resync.RequestsDeferred > 1_000);
    }

    [Fact]
    public void Snapshot_RestoresTrust_EndsTheEpisode_AndQuotingResumes()
    {
        var (m, sink) = Ready();
        Cross(m, 2_000);
        Assert.False(m.Engine.Books.IsQuotable(m.Yes, 2_000));
        m.Housekeeping(2_100);
        Assert.Equal(0, m.Engine.Intents.Count); // nothing placed against a crossed book

        Heal(m, 2_500);
        Assert.True(m.Engine.Books.IsQuotable(m.Yes, 2_500));
        Assert.False(m.Engine.Books.Resync.IsPending(m.Yes));
        Assert.Equal(1, m.Engine.Books.Resync.Restored);
        Assert.Contains(m.Engine.Intents.AsSpan().ToArray(), i => i.Kind == IntentKind.Place && i.TokenIndex == m.Yes);

        m.Housekeeping(60_000);
        Assert.Single(sink.Requests); // no retry once trusted
    }

    [Fact]
    public void NewEpisodeSoonAfterARestore_WaitsOutTheBackOff_ThenRequests()
    {
        var (m, sink) = Ready();
        Cross(m, 2_000);
        Heal(m, 2_100);
        Cross(m, 3_000); // 1 s after the first request: the limit holds it back
        Assert.Single(sink.Requests);
        Assert.Equal(1, m.Engine.Books.Resync.RequestsDeferred);

        m.Housekeeping(7_000);
        Assert.Equal(2, sink.Requests.Count);
        Assert.Equal(1, sink.Requests[1].Attempt);
        Assert.Equal(17_000, m.Engine.Books.Resync.NextAllowedMs(m.Yes)); // the gap doubled
    }

    [Fact]
    public void LongCalmAfterARestore_ResetsTheBackOff()
    {
        var (m, sink) = Ready();
        Cross(m, 2_000);
        m.Housekeeping(7_000);
        m.Housekeeping(17_000);
        Heal(m, 17_500);
        Cross(m, 17_500 + 120_000); // trusted for the whole max interval
        Assert.Equal(4, sink.Requests.Count);
        Assert.Equal(137_500 + 5_000, m.Engine.Books.Resync.NextAllowedMs(m.Yes));
    }

    [Fact]
    public void MarketConnectionDown_RequestsNothing_TheReconnectResubscribesEverything()
    {
        var (m, sink) = Ready();
        var e = new InboundEvent { Kind = InboundKind.ConnectionStatus, Channel = InboundChannel.Market, ReceiveMs = 2_000, FrameSequence = 99, TokenIndex = -1 };
        e.Payload.Connection = new ConnectionStatusChange { ConnectionId = 0, State = ConnectionState.Down };
        m.Engine.OnEvent(ref e);
        Cross(m, 2_100); // the reason stays Disconnected
        m.Housekeeping(60_000);

        Assert.Equal(BookUntrustedReason.Disconnected, m.Engine.Books.Book(m.Yes)!.UntrustedReason);
        Assert.Empty(sink.Requests);
        Assert.Equal(0, m.Engine.Books.Resync.Requests);
    }

    [Fact]
    public void SinkThatRefuses_IsCounted_AndTheRequestIsRetriedAfterTheBackOff()
    {
        var (m, sink) = Ready();
        sink.Refuse = true;
        Cross(m, 2_000);
        Assert.Equal(1, m.Engine.Books.Resync.RequestsNotDelivered);
        sink.Refuse = false;
        m.Housekeeping(7_000);
        Assert.Equal(2, m.Engine.Books.Resync.Requests);
        Assert.Equal(2, Assert.Single(sink.Requests).Attempt);
    }

    [Fact]
    public void WithoutASink_DecisionsAreStillCounted_AsInAReplay()
    {
        var m = new QuoteTestMarket();
        m.Snapshot(Yes, 1_000, [(450_000, 100)], [(550_000, 100)]);
        Cross(m, 2_000);
        Assert.Equal(1, m.Engine.Books.Resync.Requests);
        Assert.Equal(1, m.Engine.Books.Resync.RequestsNotDelivered);
    }

    [Fact]
    public void TopOfBookThatDisagrees_RequestsASnapshot_StampedWithTheFrameTime()
    {
        var engine = new EngineCore(TestFrames.Registry(), new EngineOptions());
        var sink = new RecordingSink();
        engine.Books.Resync.Sink = sink;
        var parser = new MarketChannelParser();
        var translator = new FrameTranslator<DirectEngineTarget>(new DirectEngineTarget(engine));
        long frame = 0;
        void Feed(byte[] utf8, long ms)
        {
            translator.BeginFrame(InboundChannel.Market, 0, ms, frame++);
            parser.Parse(new ReadOnlySequence<byte>(utf8), ref translator);
        }

        Feed(TestFrames.Book(TestFrames.Yes, "0.01", [("0.48", "100")], [("0.52", "80")]), 1_000);
        Feed(TestFrames.Change(TestFrames.Yes, "0.49", "BUY", "10", "0.50", "0.52"), 1_100); // the venue says 0.50
        Feed(TestFrames.Pong, 1_150);

        var request = Assert.Single(sink.Requests);
        Assert.Equal(BookUntrustedReason.HashMismatch, request.Reason);
        Assert.Equal(UInt256.Parse(TestFrames.Yes), request.AssetId);
        Assert.Equal(1_100, request.RequestedMs);
    }

    [Fact]
    public void Disabled_RequestsNothing()
    {
        var registry = TestFrames.Registry();
        var stage = new BookStage(registry, 5_000, new BookResyncOptions { Enabled = false });
        stage.Resync.EnsureToken(0);
        stage.Resync.OnUntrusted(0, BookUntrustedReason.Crossed, 1_000);
        Assert.Equal(0, stage.Resync.Requests);
        Assert.False(stage.Resync.IsPending(0));
    }

    [Theory]
    [InlineData(0, 1_000)]
    [InlineData(-5, 1_000)]
    [InlineData(5_000, 4_999)]
    public void InvalidOptions_AreRejected(long min, long max)
    {
        var options = new BookResyncOptions { MinIntervalMs = min, MaxIntervalMs = max };
        Assert.Throws<ArgumentOutOfRangeException>(() => new BookResync(TestFrames.Registry(), options));
    }

    [Fact]
    public void CrossAndRestoreChurn_AllocatesNothing()
    {
        var (m, sink) = Ready();
        sink.Keep = false;
        long t = 2_000;
        for (var i = 0; i < 2_000; i++)
        {
            Churn();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var requestsBefore = m.Engine.Books.Resync.Requests;
        for (var i = 0; i < 20_000; i++)
        {
            Churn();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(m.Engine.Books.Resync.Requests - requestsBefore >= 20_000, "every episode should have requested");
        Assert.Equal(0, allocated);

        void Churn()
        {
            // 200 s apart: the back-off has reset, so every episode requests at once.
            Cross(m, t);
            m.Housekeeping(t + 1);
            Heal(m, t + 2);
            t += 200_000;
        }
    }

    private sealed class RecordingSink : IResubscribeSink
    {
        public List<ResubscribeRequest> Requests { get; } = new();

        public bool Refuse { get; set; }

        public bool Keep { get; set; } = true;

        public bool TryRequestResubscribe(in ResubscribeRequest request)
        {
            if (Refuse)
            {
                return false;
            }

            if (Keep)
            {
                Requests.Add(request);
            }

            return true;
        }
    }
}
