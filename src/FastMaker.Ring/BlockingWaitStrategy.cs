namespace FastMaker.Ring;

/// <summary>
/// Blocks on a monitor until a publish, a consumer's progress or an alert signals it: no CPU
/// while idle, a few microseconds of wake-up latency. The default for shared machines.
/// </summary>
/// <remarks>
/// No lost wake-ups: a waiter registers itself (full fence) and then re-checks the sequences
/// under the lock; a signaller writes its sequence (full fence) and then reads the waiter count.
/// With a full fence on both sides at least one of them sees the other's write, and a signaller
/// that sees a waiter takes the lock, so it cannot pulse before the waiter is in
/// <see cref="Monitor.Wait(object)"/>. Signallers that see no waiter pay one fence and one load.
/// </remarks>
public sealed class BlockingWaitStrategy : IWaitStrategy
{
    private readonly object _gate = new();
    private int _waiters;

    /// <inheritdoc/>
    public long WaitFor(long sequence, Sequence cursor, Sequence[] dependents, SequenceBarrier barrier)
    {
        long available = Sequence.GetMinimum(dependents);
        if (available >= sequence)
            return available;

        lock (_gate)
        {
            // Full fence: our registration is visible before we re-read the sequences below.
            Interlocked.Increment(ref _waiters);
            try
            {
                while ((available = Sequence.GetMinimum(dependents)) < sequence)
                {
                    if (barrier.IsAlerted)
                        return SequenceBarrier.Alerted;
                    Monitor.Wait(_gate);
                }
            }
            finally
            {
                Interlocked.Decrement(ref _waiters);
            }
        }
        return available;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
        // Full fence: the caller's sequence write is visible before we read the waiter count (Dekker).
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _waiters) == 0)
            return;
        lock (_gate)
            Monitor.PulseAll(_gate);
    }
}
