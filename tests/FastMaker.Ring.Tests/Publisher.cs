namespace FastMaker.Ring.Tests;

/// <summary>Test producers: write the sequence into Value so consumers can detect loss, reordering and overwrites.</summary>
internal static class Publisher
{
    public static void PublishOneByOne(RingBuffer<TestEvent> ring, long count)
    {
        for (long i = 0; i < count; i++)
        {
            long s = ring.Next();
            ring[s].Value = s;
            ring.Publish(s);
        }
    }

    /// <summary>Publishes in batches of varying size (1..maxBatch), so claims land on the ring's edge often.</summary>
    public static void PublishInBatches(RingBuffer<TestEvent> ring, long count, int maxBatch, int seed)
        => PublishInBatches(ring, count, maxBatch, new Random(seed));

    public static void PublishInBatches(RingBuffer<TestEvent> ring, long count, int maxBatch, Random random)
    {
        long published = 0;
        while (published < count)
        {
            int n = (int)Math.Min(random.Next(1, maxBatch + 1), count - published);
            long hi = ring.Next(n);
            long lo = hi - n + 1;
            for (long s = lo; s <= hi; s++)
                ring[s].Value = s;
            ring.Publish(lo, hi);
            published += n;
        }
    }
}
