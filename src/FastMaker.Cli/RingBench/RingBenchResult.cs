using System.Globalization;
using System.Text.Json;

namespace FastMaker.Cli.RingBench;

/// <summary>What <c>ring-bench</c> measured: medians over interleaved rounds, and round-trip percentiles.</summary>
internal sealed record RingBenchResult(
    int Rounds,
    double SliceSeconds,
    double RingEventsPerSec,
    double RingBatch16EventsPerSec,
    double ChannelsEventsPerSec,
    double ConcurrentQueueEventsPerSec,
    long PingPongP50Ns,
    long PingPongP99Ns,
    long PingPongP999Ns,
    long PingPongCount,
    long SpinFloorP50Ns,
    long SpinFloorP99Ns,
    long SpinFloorP999Ns,
    long SpinFloorCount,
    int IdlePause = 0)
{
    // Targets from issue 2.
    public const double RingVsChannelsTarget = 5.0;
    public const double RingVsConcurrentQueueTarget = 1.0;
    public const double Batch16VsConcurrentQueueTarget = 3.0;
    public const double PingPongVsFloorTarget = 2.0;

    public double RingVsChannels => RingEventsPerSec / ChannelsEventsPerSec;
    public double RingVsConcurrentQueue => RingEventsPerSec / ConcurrentQueueEventsPerSec;
    public double Batch16VsConcurrentQueue => RingBatch16EventsPerSec / ConcurrentQueueEventsPerSec;
    public double PingPongVsFloor => (double)PingPongP50Ns / SpinFloorP50Ns;

    /// <summary>Writes exactly one JSON object.</summary>
    public void WriteJson(Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("ring_events_per_sec", Math.Round(RingEventsPerSec));
        json.WriteNumber("ring_batch16_events_per_sec", Math.Round(RingBatch16EventsPerSec));
        json.WriteNumber("channels_events_per_sec", Math.Round(ChannelsEventsPerSec));
        json.WriteNumber("concurrentqueue_events_per_sec", Math.Round(ConcurrentQueueEventsPerSec));
        json.WriteNumber("pingpong_p50_ns", PingPongP50Ns);
        json.WriteNumber("pingpong_p99_ns", PingPongP99Ns);
        json.WriteNumber("pingpong_p999_ns", PingPongP999Ns);
        json.WriteNumber("pingpong_round_trips", PingPongCount);
        json.WriteNumber("spin_floor_p50_ns", SpinFloorP50Ns);
        json.WriteNumber("spin_floor_p99_ns", SpinFloorP99Ns);
        json.WriteNumber("spin_floor_p999_ns", SpinFloorP999Ns);
        json.WriteNumber("spin_floor_round_trips", SpinFloorCount);
        json.WriteNumber("ring_vs_channels", RingVsChannels);
        json.WriteNumber("ring_vs_concurrentqueue", RingVsConcurrentQueue);
        json.WriteNumber("ring_batch16_vs_concurrentqueue", Batch16VsConcurrentQueue);
        json.WriteNumber("pingpong_vs_spin_floor", PingPongVsFloor);
        json.WriteNumber("ring_idle_pause", IdlePause);
        json.WriteNumber("rounds", Rounds);
        json.WriteNumber("slice_seconds", Math.Round(SliceSeconds, 4));
        json.WriteNumber("processor_count", Environment.ProcessorCount);
        json.WriteEndObject();
    }

    /// <summary>Writes a human-readable table with the targets.</summary>
    public void WriteText(TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Format(c, "ring-bench: {0} interleaved rounds, {1:0.###} s per contender per round, {2} CPUs; medians. Ring busy-spin idle pause: {3}.", Rounds, SliceSeconds, Environment.ProcessorCount, IdlePause));
        output.WriteLine();
        output.WriteLine("one-to-one throughput, 32-byte events     events/s      ratio     target");
        Row(output, "ring, publish 1", RingEventsPerSec, null, 0);
        Row(output, "ring, publish batch of 16", RingBatch16EventsPerSec, null, 0);
        Row(output, "Channels (bounded, 1 reader/1 writer)", ChannelsEventsPerSec, null, 0);
        Row(output, "ConcurrentQueue (spinning consumer)", ConcurrentQueueEventsPerSec, null, 0);
        Row(output, "ring / Channels", null, RingVsChannels, RingVsChannelsTarget);
        Row(output, "ring / ConcurrentQueue", null, RingVsConcurrentQueue, RingVsConcurrentQueueTarget);
        Row(output, "ring batch 16 / ConcurrentQueue", null, Batch16VsConcurrentQueue, Batch16VsConcurrentQueueTarget);
        output.WriteLine();
        output.WriteLine("ping-pong round trip, busy-spin (ns)      p50      p99    p99.9   round trips");
        output.WriteLine(string.Format(c, "  {0,-36}{1,8}{2,9}{3,9}{4,14}", "ring -> echo stage -> ring", PingPongP50Ns, PingPongP99Ns, PingPongP999Ns, PingPongCount));
        output.WriteLine(string.Format(c, "  {0,-36}{1,8}{2,9}{3,9}{4,14}", "bare spin on a volatile long (floor)", SpinFloorP50Ns, SpinFloorP99Ns, SpinFloorP999Ns, SpinFloorCount));
        output.WriteLine(string.Format(c, "  p50 ring / floor: {0:0.00}x (target <= {1:0.#}x) {2}", PingPongVsFloor, PingPongVsFloorTarget, PingPongVsFloor <= PingPongVsFloorTarget ? "met" : "MISSED"));
    }

    private static void Row(TextWriter output, string name, double? rate, double? ratio, double target)
    {
        var c = CultureInfo.InvariantCulture;
        if (rate is double r)
            output.WriteLine(string.Format(c, "  {0,-38}{1,12:N0}", name, r));
        else
            output.WriteLine(string.Format(c, "  {0,-38}{1,12}{2,10:0.00}x  >= {3:0.#}x {4}", name, "", ratio, target, ratio >= target ? "met" : "MISSED"));
    }
}
