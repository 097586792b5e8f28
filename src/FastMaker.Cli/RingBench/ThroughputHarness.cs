using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using FastMaker.Ring;

namespace FastMaker.Cli.RingBench;

/// <summary>
/// One-to-one throughput: the calling thread produces 32-byte events for a fixed time slice into
/// one consumer thread; the rate counts events until the consumer has seen the last one.
/// At most two threads spin (the producer and the consumer).
/// </summary>
internal static class ThroughputHarness
{
    /// <summary>Ring size, channel capacity and the ConcurrentQueue's allowed backlog: the same bound for all.</summary>
    public const int Capacity = 65536;
    private const int Chunk = 4096;

    private struct SumHandler : IEventHandler<BenchEvent>
    {
        public long Sum;

        public void OnEvent(ref BenchEvent evt, long sequence, bool endOfBatch) => Sum += evt.Value;
    }

    /// <summary>Our ring with a busy-spin consumer; <paramref name="batch"/> 1 publishes one by one, 16 claims and publishes 16 at a time.</summary>
    public static double Ring(TimeSpan slice, int batch, int idlePause = 0)
    {
        var disruptor = new Disruptor<BenchEvent>(Capacity, new BusySpinWaitStrategy(idlePause));
        disruptor.HandleEventsWith(new SumHandler(), new StageOptions<BenchEvent> { Name = "consumer" });
        var consumer = disruptor.GetProcessor<SumHandler>("consumer");
        var ring = disruptor.Start();

        long published = 0;
        long start = Stopwatch.GetTimestamp();
        long deadline = start + (long)(slice.TotalSeconds * Stopwatch.Frequency);
        do
        {
            if (batch == 1)
            {
                for (int i = 0; i < Chunk; i++)
                {
                    long s = ring.Next();
                    ring[s].Value = s;
                    ring.Publish(s);
                }
            }
            else
            {
                for (int i = 0; i < Chunk; i += batch)
                {
                    long hi = ring.Next(batch);
                    long lo = hi - batch + 1;
                    for (long s = lo; s <= hi; s++)
                        ring[s].Value = s;
                    ring.Publish(lo, hi);
                }
            }
            published += Chunk;
        }
        while (Stopwatch.GetTimestamp() < deadline);

        while (consumer.Sequence.Value < published - 1)
            Thread.SpinWait(1);
        long end = Stopwatch.GetTimestamp();
        disruptor.Halt();
        return Rate(published, start, end);
    }

    /// <summary>A bounded channel (single reader, single writer, wait when full), consumed on a dedicated thread.</summary>
    public static double Channels(TimeSpan slice)
    {
        var channel = Channel.CreateBounded<BenchEvent>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
            AllowSynchronousContinuations = false,
        });
        long consumed = 0;
        var reader = channel.Reader;
        var consumer = new Thread(() =>
        {
            long sum = 0, count = 0;
            while (true)
            {
                while (reader.TryRead(out var item))
                {
                    sum += item.Value;
                    count++;
                }
                Volatile.Write(ref consumed, count);
                if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                    break;
            }
            GC.KeepAlive(sum);
        }) { IsBackground = true, Name = "channels consumer" };
        consumer.Start();

        var writer = channel.Writer;
        long published = 0;
        long start = Stopwatch.GetTimestamp();
        long deadline = start + (long)(slice.TotalSeconds * Stopwatch.Frequency);
        var item = default(BenchEvent);
        do
        {
            for (int i = 0; i < Chunk; i++)
            {
                item.Value = published + i;
                if (!writer.TryWrite(item))
                    writer.WriteAsync(item).AsTask().GetAwaiter().GetResult();
            }
            published += Chunk;
        }
        while (Stopwatch.GetTimestamp() < deadline);

        while (Volatile.Read(ref consumed) < published)
            Thread.SpinWait(1);
        long end = Stopwatch.GetTimestamp();
        writer.Complete();
        consumer.Join();
        return Rate(published, start, end);
    }

    /// <summary>A ConcurrentQueue with a spinning consumer; the producer stops at a backlog of <see cref="Capacity"/> so memory stays bounded like the others.</summary>
    public static double ConcurrentQueue(TimeSpan slice)
    {
        var queue = new ConcurrentQueue<BenchEvent>();
        long consumed = 0;
        bool stop = false;
        var consumer = new Thread(() =>
        {
            long sum = 0, count = 0;
            while (!Volatile.Read(ref stop))
            {
                while (queue.TryDequeue(out var item))
                {
                    sum += item.Value;
                    count++;
                    if ((count & 255) == 0)
                        Volatile.Write(ref consumed, count);
                }
                Volatile.Write(ref consumed, count);
            }
            GC.KeepAlive(sum);
        }) { IsBackground = true, Name = "concurrentqueue consumer" };
        consumer.Start();

        long published = 0;
        long start = Stopwatch.GetTimestamp();
        long deadline = start + (long)(slice.TotalSeconds * Stopwatch.Frequency);
        var item = default(BenchEvent);
        do
        {
            while (published - Volatile.Read(ref consumed) > Capacity - Chunk)
                Thread.SpinWait(1);
            for (int i = 0; i < Chunk; i++)
            {
                item.Value = published + i;
                queue.Enqueue(item);
            }
            published += Chunk;
        }
        while (Stopwatch.GetTimestamp() < deadline);

        while (Volatile.Read(ref consumed) < published)
            Thread.SpinWait(1);
        long end = Stopwatch.GetTimestamp();
        Volatile.Write(ref stop, true);
        consumer.Join();
        return Rate(published, start, end);
    }

    private static double Rate(long events, long start, long end)
        => events / ((double)(end - start) / Stopwatch.Frequency);
}
