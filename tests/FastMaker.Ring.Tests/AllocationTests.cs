namespace FastMaker.Ring.Tests;

public class AllocationTests
{
    private sealed class AllocationProbe
    {
        public long WarmupAt = -1;
        public long EndAt = -1;
        public long BytesAtWarmup;
        public long BytesAtEnd;
    }

    /// <summary>Measures the consumer thread's allocations between two sequences, from inside the handler.</summary>
    private struct MeasuringHandler : IEventHandler<TestEvent>
    {
        private readonly AllocationProbe _probe;
        private long _sum;

        public MeasuringHandler(AllocationProbe probe) => _probe = probe;

        public void OnEvent(ref TestEvent evt, long sequence, bool endOfBatch)
        {
            _sum += evt.Value;
            evt.MarkA = _sum;
            if (sequence == _probe.WarmupAt)
                _probe.BytesAtWarmup = GC.GetAllocatedBytesForCurrentThread();
            else if (sequence == _probe.EndAt)
                Volatile.Write(ref _probe.BytesAtEnd, GC.GetAllocatedBytesForCurrentThread());
        }
    }

    [Theory]
    [InlineData("blocking")]
    [InlineData("yielding")]
    public void AfterStartup_PublishingAndHandling_AllocateNothing(string strategy)
    {
        const long Warmup = 200_000;
        const long Measured = 1_000_000;
        const long WarmupBatched = 10_000;
        var probe = new AllocationProbe
        {
            WarmupAt = Warmup + WarmupBatched - 1,
            EndAt = Warmup + WarmupBatched + Measured - 1,
            BytesAtEnd = -1,
        };
        IWaitStrategy wait = strategy == "blocking" ? new BlockingWaitStrategy() : new YieldingWaitStrategy();
        var disruptor = new Disruptor<TestEvent>(256, wait);
        disruptor.HandleEventsWith(new MeasuringHandler(probe)).Then(new MeasuringHandler(new AllocationProbe()));
        var ring = disruptor.Start();

        Publisher.PublishOneByOne(ring, Warmup);
        Publisher.PublishInBatches(ring, WarmupBatched, 16, seed: 1); // warm the batch path too

        var random = new Random(2);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Publisher.PublishOneByOne(ring, Measured / 2);
        Publisher.PublishInBatches(ring, Measured / 2, 16, random);
        long producerBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        Wait.Until(() => Volatile.Read(ref probe.BytesAtEnd) >= 0, "the consumer to reach the end mark");
        disruptor.Halt(Wait.Deadline);

        Assert.Equal(0, producerBytes);
        Assert.Equal(0, probe.BytesAtEnd - probe.BytesAtWarmup);
    }

    [Fact]
    public void MpscQueue_EnqueueDequeue_AllocateNothing()
    {
        var queue = new MpscQueue<TestEvent>(1024);
        var item = new TestEvent { Value = 1 };
        for (int i = 0; i < 10_000; i++)
        {
            queue.TryEnqueue(item);
            queue.TryDequeue(out _);
        }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100_000; i++)
        {
            queue.TryEnqueue(item);
            queue.TryDequeue(out _);
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
