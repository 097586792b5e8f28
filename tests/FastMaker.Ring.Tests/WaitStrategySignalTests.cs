namespace FastMaker.Ring.Tests;

/// <summary>
/// Publishers and processors skip <see cref="IWaitStrategy.SignalAllWhenBlocking"/> only for our
/// polling strategies; a strategy we do not know must still be signalled, or its waiters would hang.
/// </summary>
public class WaitStrategySignalTests
{
    /// <summary>A user-written strategy: spins, and counts the signals it receives.</summary>
    private sealed class CountingWaitStrategy : IWaitStrategy
    {
        public long Signals;

        public long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier)
        {
            long available;
            while ((available = Sequence.GetMinimum(dependents)) < sequence)
            {
                if (barrier.IsAlerted)
                    return SequenceBarrier.Alerted;
                Thread.Yield();
            }
            return available;
        }

        public void SignalAllWhenBlocking() => Interlocked.Increment(ref Signals);
    }

    [Fact]
    public void PollingStrategies_NeedNoSignal_BlockingAndUnknownOnesDo()
    {
        Assert.False(WaitStrategySignals.Needed(new BusySpinWaitStrategy()));
        Assert.False(WaitStrategySignals.Needed(new YieldingWaitStrategy()));
        Assert.False(WaitStrategySignals.Needed(new SleepingWaitStrategy()));
        Assert.True(WaitStrategySignals.Needed(new BlockingWaitStrategy()));
        Assert.True(WaitStrategySignals.Needed(new CountingWaitStrategy()));
    }

    [Fact]
    public void UnknownStrategy_IsSignalledOnEveryPublish_SingleAndBatch()
    {
        var wait = new CountingWaitStrategy();
        var ring = new RingBuffer<TestEvent>(16, wait);

        long s = ring.Next();
        ring.Publish(s);
        long hi = ring.Next(4);
        ring.Publish(hi - 3, hi);

        Assert.Equal(2, Interlocked.Read(ref wait.Signals));
    }

    [Fact]
    public void UnknownStrategy_IsSignalledByTheProcessorAfterEachBatch()
    {
        var wait = new CountingWaitStrategy();
        var probe = new Probe();
        var disruptor = new Disruptor<TestEvent>(16, wait);
        disruptor.HandleEventsWith(new OrderCheckingHandler(probe));
        var ring = disruptor.Start();

        Publisher.PublishOneByOne(ring, 100);
        Wait.Until(() => Volatile.Read(ref probe.Count) == 100, "100 events under a custom strategy");
        disruptor.Halt(Wait.Deadline);

        // 100 publishes signal once each; the processor adds at least one signal per batch.
        Assert.Null(probe.FirstError);
        Assert.True(Interlocked.Read(ref wait.Signals) > 100, $"signals: {wait.Signals}");
    }
}
