using System.Diagnostics;
using FastMaker.Ring;
using HdrHistogram;

namespace FastMaker.Cli.RingBench;

/// <summary>
/// Round-trip latency between two threads, both busy-spinning: through two of our rings
/// (ping out, pong back), and the hardware floor, a bare spin on two volatile longs.
/// </summary>
internal static class PingPongHarness
{
    private const long HighestTrackableNanoseconds = 10_000_000_000;

    private struct EchoHandler : IEventHandler<BenchEvent>
    {
        private readonly RingBuffer<BenchEvent> _pong;

        public EchoHandler(RingBuffer<BenchEvent> pong) => _pong = pong;

        public void OnEvent(ref BenchEvent evt, long sequence, bool endOfBatch)
        {
            long s = _pong.Next();
            _pong[s].Value = evt.Value;
            _pong.Publish(s);
        }
    }

    /// <summary>Creates a histogram for round trips in nanoseconds (up to 10 s, 3 significant digits).</summary>
    public static LongHistogram NewHistogram() => new(HighestTrackableNanoseconds, 3);

    /// <summary>Ping-pong through two rings with busy-spin waits for <paramref name="slice"/>; returns the round trips made.</summary>
    public static long Ring(TimeSpan slice, LongHistogram histogram, int idlePause = 0)
    {
        var wait = new BusySpinWaitStrategy(idlePause);
        var pong = new RingBuffer<BenchEvent>(1024, wait);
        var ping = new Disruptor<BenchEvent>(1024, wait);
        ping.HandleEventsWith(new EchoHandler(pong));
        var pingRing = ping.Start();
        var pongRead = new Sequence();
        pong.AddGatingSequences(pongRead);
        var pongBarrier = pong.NewBarrier();

        long trips = 0;
        long deadline = Stopwatch.GetTimestamp() + (long)(slice.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            long t0 = Stopwatch.GetTimestamp();
            long s = pingRing.Next();
            pingRing[s].Value = s;
            pingRing.Publish(s);
            pongBarrier.WaitFor(s);
            pongRead.SetValue(s);
            now = Stopwatch.GetTimestamp();
            Record(histogram, now - t0);
            trips++;
        }
        while (now < deadline);

        ping.Halt();
        return trips;
    }

    private sealed class Flags
    {
        // Each flag on its own line pair, like Sequence.
        public PaddedSlot Ping;
        public PaddedSlot Pong;
        public volatile bool Stop;
    }

    [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit, Size = 192)]
    private struct PaddedSlot
    {
        [System.Runtime.InteropServices.FieldOffset(64)]
        public long Value;
    }

    /// <summary>The floor: a bare two-thread spin on volatile longs for <paramref name="slice"/>; returns the round trips made.</summary>
    public static long SpinFloor(TimeSpan slice, LongHistogram histogram)
    {
        var flags = new Flags();
        var echo = new Thread(() =>
        {
            long last = 0;
            while (!flags.Stop)
            {
                long value = Volatile.Read(ref flags.Ping.Value);
                if (value != last)
                {
                    Volatile.Write(ref flags.Pong.Value, value);
                    last = value;
                }
            }
        }) { IsBackground = true, Name = "spin echo" };
        echo.Start();

        long trips = 0;
        long deadline = Stopwatch.GetTimestamp() + (long)(slice.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            long token = trips + 1;
            long t0 = Stopwatch.GetTimestamp();
            Volatile.Write(ref flags.Ping.Value, token);
            while (Volatile.Read(ref flags.Pong.Value) != token)
            {
            }
            now = Stopwatch.GetTimestamp();
            Record(histogram, now - t0);
            trips++;
        }
        while (now < deadline);

        flags.Stop = true;
        echo.Join();
        return trips;
    }

    private static void Record(LongHistogram histogram, long ticks)
    {
        long nanoseconds = (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
        histogram.RecordValue(Math.Clamp(nanoseconds, 1, HighestTrackableNanoseconds));
    }
}
