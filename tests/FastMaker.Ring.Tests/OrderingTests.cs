namespace FastMaker.Ring.Tests;

public class OrderingTests
{
    [Fact]
    public void SmallRing_WrapsMillionsOfTimes_InOrder_WithNoLoss()
    {
        // 2 slots and 2M events: the ring wraps 1M times (FASTMAKER_RING_LONG=1: 50M events, 25M wraps).
        long events = Environment.GetEnvironmentVariable("FASTMAKER_RING_LONG") == "1" ? 50_000_000 : 2_000_000;
        var probe = new Probe();
        var disruptor = new Disruptor<TestEvent>(2, new YieldingWaitStrategy());
        disruptor.HandleEventsWith(new OrderCheckingHandler(probe));
        var ring = disruptor.Start();

        Publisher.PublishOneByOne(ring, events);
        disruptor.Halt(Wait.Deadline);

        Assert.Null(probe.FirstError);
        Assert.Equal(events, probe.Count);
        Assert.Equal(events - 1, probe.LastSequence);
    }

    [Fact]
    public void BatchPublish_OfRandomSizes_AcrossTheEdge_InOrder_WithNoLoss()
    {
        const long Events = 1_000_000;
        var probe = new Probe();
        var disruptor = new Disruptor<TestEvent>(16, new YieldingWaitStrategy());
        disruptor.HandleEventsWith(new OrderCheckingHandler(probe));
        var ring = disruptor.Start();

        Publisher.PublishInBatches(ring, Events, maxBatch: 16, seed: 7);
        disruptor.Halt(Wait.Deadline);

        Assert.Null(probe.FirstError);
        Assert.Equal(Events, probe.Count);
    }

    [Fact]
    public void SlowConsumer_BacksUpTheProducer_AndNothingIsOverwritten()
    {
        const long Events = 20_000;
        var probe = new Probe();
        var disruptor = new Disruptor<TestEvent>(8, new BlockingWaitStrategy());
        disruptor.HandleEventsWith(new SlowHandler(probe));
        var ring = disruptor.Start();

        long sawFull = 0;
        for (long i = 0; i < Events; i++)
        {
            if (ring.RemainingCapacity == 0)
                sawFull++;
            long s = ring.Next();
            ring[s].Value = s;
            ring.Publish(s);
        }
        disruptor.Halt(Wait.Deadline);

        Assert.Null(probe.FirstError);
        Assert.Equal(Events, probe.Count);
        Assert.True(sawFull > 0, "the consumer was never slow enough to fill the ring; the test proved nothing");
    }

    [Fact]
    public void EndOfBatch_AndBatchStart_AgreeOnBatchBoundaries_AndLifecycleHooksRunOnceOnTheProcessorThread()
    {
        const long Events = 500_000;
        var probe = new Probe();
        var disruptor = new Disruptor<TestEvent>(64, new YieldingWaitStrategy());
        disruptor.HandleEventsWith(new BatchCheckingHandler(probe), new StageOptions<TestEvent> { Name = "batches" });
        var ring = disruptor.Start();

        Publisher.PublishInBatches(ring, Events, maxBatch: 32, seed: 3);
        disruptor.Halt(Wait.Deadline);

        ref var handler = ref disruptor.GetProcessor<BatchCheckingHandler>("batches").Handler;
        Assert.Null(probe.FirstError);
        Assert.Equal(Events, probe.Count);
        Assert.Equal(handler.ExpectedInBatch, handler.SeenInBatch); // the last batch was complete
        Assert.InRange(probe.Batches, 1, Events);
        Assert.Equal(1, handler.Starts);
        Assert.Equal(1, handler.Shutdowns);
        Assert.NotEqual(Environment.CurrentManagedThreadId, handler.StartThreadId);
        Assert.Equal(handler.StartThreadId, handler.ShutdownThreadId);
    }

    private struct SlowHandler : IEventHandler<TestEvent>
    {
        private OrderCheckingHandler _state;

        public SlowHandler(Probe probe) => _state = new OrderCheckingHandler(probe);

        public void OnEvent(ref TestEvent evt, long sequence, bool endOfBatch)
        {
            if ((sequence & 1023) == 0)
                Thread.Sleep(1);
            else
                Thread.SpinWait(50);
            _state.OnEvent(ref evt, sequence, endOfBatch);
        }
    }
}
