using BenchmarkDotNet.Attributes;
using FastMaker.Ring;

namespace FastMaker.Benchmarks.Ring;

/// <summary>
/// Round-trip latency between two busy-spinning threads: through two rings (ping, echo stage,
/// pong) against the floor, a bare spin on two volatile longs. One operation is one round trip.
/// </summary>
[Config(typeof(RingBenchmarkConfig))]
public class RingPingPongBenchmarks
{
    private const int Trips = 20_000;

    private struct EchoHandler : IEventHandler<Event32>
    {
        private readonly RingBuffer<Event32> _pong;

        public EchoHandler(RingBuffer<Event32> pong) => _pong = pong;

        public void OnEvent(ref Event32 evt, long sequence, bool endOfBatch)
        {
            long s = _pong.Next();
            _pong[s].Value = evt.Value;
            _pong.Publish(s);
        }
    }

    private sealed class Flags
    {
        public Sequence Ping = new(0);
        public Sequence Pong = new(0);
        public volatile bool Stop;
    }

    private Disruptor<Event32>? _ping;
    private RingBuffer<Event32> _pingRing = null!;
    private SequenceBarrier _pongBarrier = null!;
    private Sequence _pongRead = null!;

    private Flags? _flags;
    private Thread? _echo;

    [GlobalSetup(Target = nameof(RingPingPong))]
    public void SetupRing()
    {
        var wait = new BusySpinWaitStrategy();
        var pong = new RingBuffer<Event32>(1024, wait);
        _pongRead = new Sequence();
        pong.AddGatingSequences(_pongRead);
        _pongBarrier = pong.NewBarrier();
        _ping = new Disruptor<Event32>(1024, wait);
        _ping.HandleEventsWith(new EchoHandler(pong));
        _pingRing = _ping.Start();
    }

    [GlobalSetup(Target = nameof(SpinFloor))]
    public void SetupSpin()
    {
        var flags = _flags = new Flags();
        _echo = new Thread(() =>
        {
            long last = 0;
            while (!flags.Stop)
            {
                // Sequence pads each flag to its own cache lines, like the ring's cursors.
                long value = flags.Ping.Value;
                if (value != last)
                {
                    flags.Pong.SetValue(value);
                    last = value;
                }
            }
        }) { IsBackground = true };
        _echo.Start();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _ping?.Halt();
        if (_flags is not null)
            _flags.Stop = true;
        _echo?.Join();
    }

    [Benchmark(OperationsPerInvoke = Trips)]
    public long RingPingPong()
    {
        long s = 0;
        for (int i = 0; i < Trips; i++)
        {
            s = _pingRing.Next();
            _pingRing[s].Value = s;
            _pingRing.Publish(s);
            _pongBarrier.WaitFor(s);
            _pongRead.SetValue(s);
        }
        return s;
    }

    [Benchmark(OperationsPerInvoke = Trips, Baseline = true)]
    public long SpinFloor()
    {
        var flags = _flags!;
        long token = flags.Ping.Value;
        for (int i = 0; i < Trips; i++)
        {
            token++;
            flags.Ping.SetValue(token);
            while (flags.Pong.Value != token)
            {
            }
        }
        return token;
    }
}
