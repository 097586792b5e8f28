namespace FastMaker.Ring;

/// <summary>
/// Spins, then yields, then sleeps between checks: little CPU when idle, at the cost of up to
/// one sleep period of latency. For shared machines and background consumers (journal, metrics).
/// </summary>
public sealed class SleepingWaitStrategy : IWaitStrategy
{
    private readonly int _retries;
    private readonly int _sleepMilliseconds;

    /// <summary>Creates the strategy.</summary>
    /// <param name="retries">Checks before sleeping: the first half spin, the second half yield. At least 0.</param>
    /// <param name="sleepMilliseconds">The sleep between checks once retries are used up; 0 means a plain yield. At least 0.</param>
    public SleepingWaitStrategy(int retries = 200, int sleepMilliseconds = 1)
    {
        if (retries < 0)
            throw new ArgumentOutOfRangeException(nameof(retries), retries, "retries must be 0 or more.");
        if (sleepMilliseconds < 0)
            throw new ArgumentOutOfRangeException(nameof(sleepMilliseconds), sleepMilliseconds, "sleepMilliseconds must be 0 or more.");
        _retries = retries;
        _sleepMilliseconds = sleepMilliseconds;
    }

    /// <inheritdoc/>
    public long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier)
    {
        int counter = _retries;
        long available;
        while ((available = Sequence.GetMinimum(dependents)) < sequence)
        {
            if (barrier.IsAlerted)
                return SequenceBarrier.Alerted;
            if (counter > _retries / 2)
                counter--;
            else if (counter > 0)
            {
                counter--;
                Thread.Yield();
            }
            else
                Thread.Sleep(_sleepMilliseconds);
        }
        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
