namespace FastMaker.Ring;

/// <summary>
/// Spins a little, then calls <see cref="Thread.Yield"/> between checks: low latency, and the
/// core is given up to runnable threads. For the dedicated-core profile, or a lightly loaded
/// host with fewer spinning threads than cores.
/// </summary>
public sealed class YieldingWaitStrategy : IWaitStrategy
{
    private const int SpinTries = 100;

    /// <inheritdoc/>
    public long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier)
    {
        int counter = SpinTries;
        long available;
        while ((available = Sequence.GetMinimum(dependents)) < sequence)
        {
            if (barrier.IsAlerted)
                return SequenceBarrier.Alerted;
            if (counter > 0)
                counter--;
            else
                Thread.Yield();
        }
        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
