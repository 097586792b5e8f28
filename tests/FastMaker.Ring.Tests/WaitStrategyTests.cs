namespace FastMaker.Ring.Tests;

public class WaitStrategyTests
{
    public static TheoryData<string> Strategies => new() { "busy-spin", "yielding", "sleeping", "blocking" };

    private static IWaitStrategy Create(string name) => name switch
    {
        "busy-spin" => new BusySpinWaitStrategy(),
        "yielding" => new YieldingWaitStrategy(),
        "sleeping" => new SleepingWaitStrategy(retries: 50, sleepMilliseconds: 1),
        "blocking" => new BlockingWaitStrategy(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public void EachStrategy_DeliversEveryEventInOrder_ThroughTwoStages(string strategy)
    {
        const long Events = 200_000;
        var (first, last) = (new Probe(), new Probe());
        var disruptor = new Disruptor<TestEvent>(64, Create(strategy));
        var stage = disruptor.HandleEventsWith(new OrderCheckingHandler(first));
        // Busy-spin burns a core per stage: one stage only, so no more than two threads spin on this 2-vCPU box.
        if (strategy != "busy-spin")
            stage.Then(new OrderCheckingHandler(last));
        else
            last = first;
        var ring = disruptor.Start();

        Publisher.PublishInBatches(ring, Events, maxBatch: 4, seed: 5);
        disruptor.Halt(Wait.Deadline);

        Assert.Null(first.FirstError ?? last.FirstError);
        Assert.Equal(Events, last.Count);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void EachStrategy_WakesForAnEventPublishedWhileTheConsumerWaits(string strategy)
    {
        // Publish one event at a time and wait for it, so every event finds the consumer
        // waiting: a lost wake-up would hang here (and fail at the deadline).
        var probe = new Probe();
        var disruptor = new Disruptor<TestEvent>(8, Create(strategy));
        disruptor.HandleEventsWith(new OrderCheckingHandler(probe));
        var ring = disruptor.Start();

        for (long i = 0; i < 300; i++)
        {
            long s = ring.Next();
            ring[s].Value = s;
            ring.Publish(s);
            Wait.Until(() => Volatile.Read(ref probe.Count) == i + 1, $"event {i} under {strategy}");
        }
        disruptor.Halt(Wait.Deadline);
        Assert.Null(probe.FirstError);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void EachStrategy_ReturnsAlerted_WhenAlertedWithNothingAvailable(string strategy)
    {
        var ring = new RingBuffer<TestEvent>(8, Create(strategy));
        var barrier = ring.NewBarrier();
        long result = 0;
        var waiter = Wait.Start(() => result = barrier.WaitFor(0), "waiter");
        Thread.Sleep(20);
        barrier.Alert();
        Wait.Join(waiter);
        Assert.Equal(SequenceBarrier.Alerted, result);
        Assert.True(barrier.IsAlerted);
        barrier.ClearAlert();
        Assert.False(barrier.IsAlerted);
    }

    [Fact]
    public void Barrier_ReturnsHighestAvailable_WhichMayExceedTheRequest()
    {
        var ring = new RingBuffer<TestEvent>(8, new BlockingWaitStrategy());
        long hi = ring.Next(5);
        ring.Publish(0, hi);
        var upstream = new Sequence(2);
        Assert.Equal(4, ring.NewBarrier().WaitFor(1));
        Assert.Equal(2, ring.NewBarrier(upstream).WaitFor(1)); // upstream stage holds it back
        Assert.Equal(2, ring.NewBarrier(upstream).GetAvailable());
    }
}
