namespace FastMaker.Ring.Tests;

public class MpscQueueTests
{
    [Fact]
    public void SingleThread_IsFifo_ReportsFullAndEmpty_AndWraps()
    {
        var queue = new MpscQueue<long>(4);
        Assert.False(queue.TryDequeue(out _));
        for (int lap = 0; lap < 5; lap++)
        {
            for (long i = 0; i < 4; i++)
                Assert.True(queue.TryEnqueue(lap * 10 + i));
            Assert.False(queue.TryEnqueue(99)); // full: rejected, nothing overwritten
            Assert.Equal(4, queue.Count);
            for (long i = 0; i < 4; i++)
            {
                Assert.True(queue.TryDequeue(out long item));
                Assert.Equal(lap * 10 + i, item);
            }
            Assert.False(queue.TryDequeue(out _));
            Assert.Equal(0, queue.Count);
        }
    }

    [Fact]
    public void DequeuedReferenceSlots_AreCleared_SoTheQueueHoldsNoGarbage()
    {
        var queue = new MpscQueue<object>(2);
        var weak = EnqueueAndDequeue(queue);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.False(weak.IsAlive);
    }

    private static WeakReference EnqueueAndDequeue(MpscQueue<object> queue)
    {
        var item = new object();
        queue.TryEnqueue(item);
        queue.TryDequeue(out _);
        return new WeakReference(item);
    }

    [Fact]
    public void SeveralProducers_NoLoss_NoDuplication_FifoPerProducer()
    {
        const int Producers = 3;
        // 300k items through a 256-slot queue wrap it over a thousand times; more only measures the scheduler
        // when four threads share two loaded cores (CI runs test assemblies in parallel).
        const long PerProducer = 100_000;
        var queue = new MpscQueue<long>(256);
        var threads = new Thread[Producers];
        long fullRetries = 0;
        for (int p = 0; p < Producers; p++)
        {
            long producer = p;
            threads[p] = Wait.Start(() =>
            {
                long retries = 0;
                for (long i = 0; i < PerProducer; i++)
                {
                    while (!queue.TryEnqueue((producer << 32) | i))
                    {
                        retries++;
                        Thread.Yield();
                    }
                }
                Interlocked.Add(ref fullRetries, retries);
            }, $"producer {p}");
        }

        var next = new long[Producers];
        long received = 0;
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (received < Producers * PerProducer)
        {
            if (queue.TryDequeue(out long item))
            {
                int producer = (int)(item >> 32);
                long counter = item & 0xFFFF_FFFF;
                Assert.InRange(producer, 0, Producers - 1);
                // Exactly the next one from that producer: no loss, no duplicate, no reordering.
                Assert.Equal(next[producer], counter);
                next[producer]++;
                received++;
            }
            else
            {
                Assert.True(deadline.Elapsed < 4 * Wait.Deadline, $"timed out with {received} items received");
                Thread.Yield();
            }
        }
        foreach (var thread in threads)
            Wait.Join(thread);

        Assert.False(queue.TryDequeue(out _));
        Assert.All(next, n => Assert.Equal(PerProducer, n));
    }
}
