namespace FastMaker.Ring.Tests;

public class BusySpinWaitStrategyTests
{
    [Fact]
    public void NegativeIdlePause_ThrowsNamingTheParameter()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BusySpinWaitStrategy(-1));
        Assert.Equal("idlePause", error.ParamName);
        Assert.Contains("0 or more", error.Message);
    }

    [Fact]
    public void Default_HasNoIdlePause()
    {
        Assert.Equal(0, new BusySpinWaitStrategy().IdlePause);
        Assert.Equal(8, new BusySpinWaitStrategy(8).IdlePause);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void Wait_WithOrWithoutIdlePause_ReturnsEverythingPublishedWhileItWaited(int pause)
    {
        var ring = new RingBuffer<TestEvent>(64, new BusySpinWaitStrategy(pause));
        var barrier = ring.NewBarrier();
        long result = 0;
        var waiter = Wait.Start(() => result = barrier.WaitFor(0), "waiter");
        long hi = ring.Next(5);
        ring.Publish(hi - 4, hi);
        Wait.Join(waiter);
        Assert.Equal(4, result);
    }

    [Fact]
    public void IdlePause_StillReturnsAlerted_WhenAlertedWithNothingAvailable()
    {
        var ring = new RingBuffer<TestEvent>(8, new BusySpinWaitStrategy(8));
        var barrier = ring.NewBarrier();
        long result = 0;
        var waiter = Wait.Start(() => result = barrier.WaitFor(0), "waiter");
        barrier.Alert();
        Wait.Join(waiter);
        Assert.Equal(SequenceBarrier.Alerted, result);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    public void OneToOne_ThroughAProcessor_DeliversEveryEventInOrder(int pause)
    {
        const long Events = 300_000;
        var probe = new Probe();
        var disruptor = new Disruptor<TestEvent>(256, new BusySpinWaitStrategy(pause));
        disruptor.HandleEventsWith(new OrderCheckingHandler(probe));
        var ring = disruptor.Start();

        Publisher.PublishInBatches(ring, Events, maxBatch: 8, seed: 11);
        Wait.Until(() => Volatile.Read(ref probe.Count) == Events, "all events");
        disruptor.Halt(Wait.Deadline);

        Assert.Null(probe.FirstError);
        Assert.Equal(Events, probe.Count);
    }
}
