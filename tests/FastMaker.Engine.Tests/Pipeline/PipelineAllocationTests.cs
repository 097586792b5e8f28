using FastMaker.Engine.Pipeline;
using FastMaker.Primitives;
using FastMaker.Ring;

namespace FastMaker.Engine.Tests.Pipeline;

/// <summary>Steady state through the ring allocates nothing, on the ingress thread or on the engine thread.</summary>
public class PipelineAllocationTests
{
    private const int WarmupFrames = 24_000;
    private const int MeasuredFrames = 100_000;

    private struct ProbeHandler : IEventHandler<InboundEvent>
    {
        private EngineEventHandler _inner;
        private readonly long[] _probe; // [0] = first measured sequence, [1] = bytes before it, [2] = bytes after the latest measured event

        public ProbeHandler(EngineCore engine, long[] probe)
        {
            _inner = new EngineEventHandler(engine);
            _probe = probe;
        }

        public void OnEvent(ref InboundEvent evt, long sequence, bool endOfBatch)
        {
            if (sequence == Volatile.Read(ref _probe[0]))
            {
                _probe[1] = GC.GetAllocatedBytesForCurrentThread();
            }

            _inner.OnEvent(ref evt, sequence, endOfBatch);
            // After every measured event, not only the last: the engine may finish the last one before the test thread
            // knows which sequence is last (reading the counter allocates nothing).
            if (sequence >= Volatile.Read(ref _probe[0]))
            {
                _probe[2] = GC.GetAllocatedBytesForCurrentThread();
            }
        }
    }

    [Fact]
    public void HundredThousandFrames_ThroughTheRing_AllocateZeroBytes_OnIngressAndEngineThreads()
    {
        var engine = new EngineCore(TestFrames.Registry(), new EngineOptions { StaleAfterMs = 5_000 });
        var frames = new byte[12][];
        frames[0] = TestFrames.Book(TestFrames.Yes, "0.01", [("0.48", "100"), ("0.47", "50")], [("0.52", "80"), ("0.53", "10")]);
        for (var i = 1; i <= 10; i++)
        {
            frames[i] = TestFrames.Change(TestFrames.Yes, "0.46", "BUY", (i * 10).ToString(System.Globalization.CultureInfo.InvariantCulture), "0.48", "0.52");
        }

        frames[11] = TestFrames.Pong;

        var ring = new RingBuffer<InboundEvent>(1024, new BlockingWaitStrategy());
        var probe = new[] { long.MaxValue, 0L, 0L };
        var processor = new BatchEventProcessor<InboundEvent, ProbeHandler>(ring, ring.NewBarrier(), new ProbeHandler(engine, probe),
            ExceptionHandlers.Rethrow<InboundEvent>());
        ring.AddGatingSequences(processor.Sequence);
        var source = new ArrayFrameSource(InboundChannel.Market, frames);
        var ingress = new Ingress<RingInboundTarget>(new RingInboundTarget(ring, new IngressStopSignal()), new MpscQueue<ControlItem>(16));
        ingress.AddSource(source);
        var engineThread = new Thread(processor.Run);
        engineThread.Start();

        Pump(WarmupFrames);
        // Wait for the engine to finish the warm-up, then set the probe window to the measured events.
        SpinWait.SpinUntil(() => processor.Sequence.Value == ring.Cursor);
        var firstMeasured = ring.Cursor + 1;
        Volatile.Write(ref probe[0], firstMeasured);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Pump(MeasuredFrames);
        var ingressAllocated = GC.GetAllocatedBytesForCurrentThread() - before;
        SpinWait.SpinUntil(() => processor.Sequence.Value == ring.Cursor);
        processor.Halt();
        engineThread.Join();

        Assert.Equal(0, ingressAllocated);
        Assert.True(ring.Cursor - firstMeasured > MeasuredFrames, "every frame published at least one event");
        Assert.NotEqual(0, probe[2]);
        Assert.Equal(0, probe[2] - probe[1]);
        Assert.Equal(WarmupFrames + MeasuredFrames, ingress.Frames);
        var book = engine.Books.Book(engine.Registry.TokenIndexOf(UInt256.Parse(TestFrames.Yes)))!;
        Assert.True(book.IsTrusted);

        void Pump(int count)
        {
            for (var done = 0; done < count; done += 64)
            {
                source.Release(Math.Min(64, count - done));
                ingress.DrainOnceForTest();
            }
        }
    }
}
