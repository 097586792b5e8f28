namespace FastMaker.Cli.RingBench;

/// <summary>
/// Runs every contender in short slices, interleaved round after round so that the machine's
/// changing load hits all of them alike, after one discarded warm-up round; reports medians.
/// </summary>
internal static class RingBenchRunner
{
    private const int Contenders = 6;
    private const int MinimumRounds = 3;
    private const int MaximumRounds = 7;
    private static readonly TimeSpan MinimumSlice = TimeSpan.FromMilliseconds(2);

    /// <param name="seconds">Total measuring time.</param>
    /// <param name="idlePause">The ring contenders' <see cref="FastMaker.Ring.BusySpinWaitStrategy.IdlePause"/>.</param>
    public static RingBenchResult Run(double seconds, int idlePause = 0)
    {
        // Enough rounds for a meaningful median, each slice long enough to amortize start-up.
        int rounds = Math.Clamp((int)(seconds / (Contenders * 0.1)), MinimumRounds, MaximumRounds);
        var slice = TimeSpan.FromSeconds(seconds / (Contenders * (rounds + 1)));
        if (slice < MinimumSlice)
            slice = MinimumSlice;

        var ring = new double[rounds];
        var ring16 = new double[rounds];
        var channels = new double[rounds];
        var queue = new double[rounds];
        var pingPong = PingPongHarness.NewHistogram();
        var floor = PingPongHarness.NewHistogram();
        long pingPongTrips = 0, floorTrips = 0;

        // Warm-up round: JIT tiers, thread creation, page faults; discarded.
        ThroughputHarness.Ring(slice, 1, idlePause);
        ThroughputHarness.Ring(slice, 16, idlePause);
        ThroughputHarness.Channels(slice);
        ThroughputHarness.ConcurrentQueue(slice);
        PingPongHarness.Ring(slice, PingPongHarness.NewHistogram(), idlePause);
        PingPongHarness.SpinFloor(slice, PingPongHarness.NewHistogram());

        for (int round = 0; round < rounds; round++)
        {
            // Rotate the order so no contender always runs right after the same neighbour.
            for (int k = 0; k < Contenders; k++)
            {
                switch ((k + round) % Contenders)
                {
                    case 0: ring[round] = ThroughputHarness.Ring(slice, 1, idlePause); break;
                    case 1: ring16[round] = ThroughputHarness.Ring(slice, 16, idlePause); break;
                    case 2: channels[round] = ThroughputHarness.Channels(slice); break;
                    case 3: queue[round] = ThroughputHarness.ConcurrentQueue(slice); break;
                    case 4: pingPongTrips += PingPongHarness.Ring(slice, pingPong, idlePause); break;
                    default: floorTrips += PingPongHarness.SpinFloor(slice, floor); break;
                }
            }
        }

        return new RingBenchResult(
            rounds,
            slice.TotalSeconds,
            Median(ring),
            Median(ring16),
            Median(channels),
            Median(queue),
            pingPong.GetValueAtPercentile(50),
            pingPong.GetValueAtPercentile(99),
            pingPong.GetValueAtPercentile(99.9),
            pingPongTrips,
            floor.GetValueAtPercentile(50),
            floor.GetValueAtPercentile(99),
            floor.GetValueAtPercentile(99.9),
            floorTrips,
            idlePause);
    }

    internal static double Median(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
