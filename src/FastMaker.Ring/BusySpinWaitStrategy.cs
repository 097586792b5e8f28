namespace FastMaker.Ring;

/// <summary>
/// Spins in a tight loop: the lowest latency, and a full core burned per waiting thread.
/// For the dedicated-core profile only (each spinning thread pinned to its own core).
/// </summary>
public sealed class BusySpinWaitStrategy : IWaitStrategy
{
    /// <inheritdoc/>
    public long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier)
    {
        long available;
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
