namespace FastMaker.Ring;

/// <summary>
/// How a consumer waits for a sequence to become available. Busy-spin and yielding are for the
/// dedicated-core profile (one pinned core per spinning thread); sleeping and blocking are for
/// shared machines such as the 2-vCPU default.
/// </summary>
public interface IWaitStrategy
{
    /// <summary>
    /// Waits until <paramref name="sequence"/> is available, that is until the cursor and every
    /// dependent sequence have reached it, and returns the highest available sequence
    /// (which may be greater than the one asked for). Returns <see cref="SequenceBarrier.Alerted"/>
    /// if the barrier was alerted while nothing was available.
    /// </summary>
    /// <param name="sequence">The sequence to wait for.</param>
    /// <param name="cursor">The producer's cursor.</param>
    /// <param name="dependents">The sequences to wait on (the cursor itself when there are no upstream stages).</param>
    /// <param name="barrier">The barrier, polled for an alert.</param>
    long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier);

    /// <summary>Wakes blocked waiters after a publish, a consumer's progress or an alert. A no-op for non-blocking strategies.</summary>
    void SignalAllWhenBlocking();
}
