namespace FastMaker.Ring;

/// <summary>
/// Spins in a tight loop: the lowest latency, and a full core burned per waiting thread.
/// For the dedicated-core profile only (each spinning thread pinned to its own core).
/// </summary>
/// <remarks>
/// A consumer that keeps up with a streaming producer re-reads the cursor after nearly every
/// publish; each read pulls the cursor's cache line away from the producer, batches stay at a
/// few events and throughput falls to the line-transfer rate. An <see cref="IdlePause"/> makes a
/// wait that finds nothing pause once before spinning, so the producer fills a larger batch
/// meanwhile: more throughput, and up to the pause added to the latency of an event that arrives
/// during it. Off by default (latency first); see perf-baselines/ring.md for the measured trade.
/// </remarks>
public sealed class BusySpinWaitStrategy : IWaitStrategy
{
    /// <summary>Creates the strategy with no idle pause: the tight spin's latency.</summary>
    public BusySpinWaitStrategy()
        : this(0)
    {
    }

    /// <summary>Creates the strategy.</summary>
    /// <param name="idlePause">
    /// <see cref="Thread.SpinWait(int)"/> iterations (the runtime normalizes one to a few tens of
    /// nanoseconds; 8 measured about 300 ns here) that a wait finding nothing available pauses
    /// once before spinning; 0 never pauses. At least 0.
    /// </param>
    public BusySpinWaitStrategy(int idlePause)
    {
        if (idlePause < 0)
            throw new ArgumentOutOfRangeException(nameof(idlePause), idlePause, "idlePause must be 0 or more.");
        IdlePause = idlePause;
    }

    /// <summary>Spin-wait iterations of the one pause a wait makes when nothing is available; 0 means none.</summary>
    public int IdlePause { get; }

    /// <inheritdoc/>
    public long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier)
    {
        long available = Sequence.GetMinimum(dependents);
        if (available >= sequence)
            return available;
        if (IdlePause > 0)
            Thread.SpinWait(IdlePause);
        while ((available = Sequence.GetMinimum(dependents)) < sequence)
        {
            if (barrier.IsAlerted)
                return SequenceBarrier.Alerted;
        }
        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
