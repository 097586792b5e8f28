using System.Collections.Concurrent;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using FastMaker.Ring;

namespace FastMaker.Benchmarks.Ring;

/// <summary>
/// One-to-one throughput of 32-byte events from the benchmark thread into one consumer thread:
/// our ring (publish 1, publish a batch of 16, busy-spin consumer) against a bounded
/// System.Threading.Channels channel (single reader/writer) and a ConcurrentQueue with a spinning
/// consumer. One operation is one event; each invocation moves 1M events and waits until the
/// consumer has seen the last. At most two threads spin.
/// </summary>
[Config(typeof(RingBenchmarkConfig))]
public class RingThroughputBenchmarks
{
    private const int Events = 1 << 20;
    private const int Capacity = 65536;

    private struct SumHandler : IEventHandler<Event32>
    {
        public long Sum;

        public void OnEvent(ref Event32 evt, long sequence, bool endOfBatch) => Sum += evt.Value;
    }

    private Disruptor<Event32>? _disruptor;
    private RingBuffer<Event32> _ring = null!;
    private Sequence _ringConsumer = null!;

    private Channel<Event32> _channel = null!;
    private Thread? _channelConsumer;
    private long _channelConsumed;

    private ConcurrentQueue<Event32> _queue = null!;
    private Thread? _queueConsumer;
    private long _queueConsumed;
    private volatile bool _stop;

    [GlobalSetup(Targets = [nameof(RingPublish1), nameof(RingPublishBatch16)])]
    public void SetupRing()
    {
        _disruptor = new Disruptor<Event32>(Capacity, new BusySpinWaitStrategy());
        _disruptor.HandleEventsWith(new SumHandler(), new StageOptions<Event32> { Name = "sum" });
        _ringConsumer = _disruptor.GetProcessor<SumHandler>("sum").Sequence;
        _ring = _disruptor.Start();
    }

    [GlobalSetup(Target = nameof(ChannelsBounded))]
    public void SetupChannels()
    {
        _channel = Channel.CreateBounded<Event32>(new BoundedChannelOptions(Capacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        var reader = _channel.Reader;
        _channelConsumer = new Thread(() =>
        {
            long count = 0, sum = 0;
            while (true)
            {
                while (reader.TryRead(out var item))
                {
                    sum += item.Value;
                    count++;
                }
                Volatile.Write(ref _channelConsumed, count);
                if (!reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                    break;
            }
            GC.KeepAlive(sum);
        }) { IsBackground = true };
        _channelConsumer.Start();
    }

    [GlobalSetup(Target = nameof(ConcurrentQueueSpinning))]
    public void SetupQueue()
    {
        _queue = new ConcurrentQueue<Event32>();
        _queueConsumer = new Thread(() =>
        {
            long count = 0, sum = 0;
            while (!_stop)
            {
                while (_queue.TryDequeue(out var item))
                {
                    sum += item.Value;
                    if ((++count & 255) == 0)
                        Volatile.Write(ref _queueConsumed, count);
                }
                Volatile.Write(ref _queueConsumed, count);
            }
            GC.KeepAlive(sum);
        }) { IsBackground = true };
        _queueConsumer.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _disruptor?.Halt();
        _channel?.Writer.TryComplete();
        _channelConsumer?.Join();
        _stop = true;
        _queueConsumer?.Join();
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long RingPublish1()
    {
        var ring = _ring;
        long last = 0;
        for (int i = 0; i < Events; i++)
        {
            long s = ring.Next();
            ring[s].Value = s;
            ring.Publish(s);
            last = s;
        }
        while (_ringConsumer.Value < last)
            Thread.SpinWait(1);
        return last;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long RingPublishBatch16()
    {
        var ring = _ring;
        long hi = 0;
        for (int i = 0; i < Events; i += 16)
        {
            hi = ring.Next(16);
            for (long s = hi - 15; s <= hi; s++)
                ring[s].Value = s;
            ring.Publish(hi - 15, hi);
        }
        while (_ringConsumer.Value < hi)
            Thread.SpinWait(1);
        return hi;
    }

    [Benchmark(OperationsPerInvoke = Events, Baseline = true)]
    public long ChannelsBounded()
    {
        var writer = _channel.Writer;
        long target = Volatile.Read(ref _channelConsumed) + Events;
        var item = default(Event32);
        for (int i = 0; i < Events; i++)
        {
            item.Value = i;
            if (!writer.TryWrite(item))
                writer.WriteAsync(item).AsTask().GetAwaiter().GetResult();
        }
        while (Volatile.Read(ref _channelConsumed) < target)
            Thread.SpinWait(1);
        return target;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public long ConcurrentQueueSpinning()
    {
        long start = Volatile.Read(ref _queueConsumed);
        var item = default(Event32);
        for (int i = 0; i < Events; i++)
        {
            // Same bound as the ring and the channel, so the queue cannot grow without limit.
            if ((i & 4095) == 0)
            {
                while (start + i - Volatile.Read(ref _queueConsumed) > Capacity - 4096)
                    Thread.SpinWait(1);
            }
            item.Value = i;
            _queue.Enqueue(item);
        }
        long target = start + Events;
        while (Volatile.Read(ref _queueConsumed) < target)
            Thread.SpinWait(1);
        return target;
    }
}
