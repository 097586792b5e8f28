namespace FastMaker.Ring;

/// <summary>
/// Waits on the producer's cursor and on the sequences of upstream stages, so a stage never sees
/// a sequence that an upstream stage has not finished.
/// </summary>
public sealed class SequenceBarrier : ISequenceBarrier
{
    /// <summary>Returned by waits when the barrier was alerted and nothing is available.</summary>
    public const long Alerted = long.MinValue;

    private readonly IWaitStrategy _waitStrategy;
    private readonly BusySpinWaitStrategy? _busySpin;
    private readonly Sequence _cursor;
    private readonly Sequence[] _dependents;
    private volatile bool _alerted;

    /// <summary>Creates a barrier over <paramref name="cursor"/> and <paramref name="dependents"/> (none means the cursor alone).</summary>
    public SequenceBarrier(IWaitStrategy waitStrategy, Sequence cursor, Sequence[] dependents)
    {
        ArgumentNullException.ThrowIfNull(waitStrategy);
        ArgumentNullException.ThrowIfNull(cursor);
        ArgumentNullException.ThrowIfNull(dependents);
        for (int i = 0; i < dependents.Length; i++)
        {
            if (dependents[i] is null)
                throw new ArgumentException($"dependents[{i}] is null.", nameof(dependents));
        }
        _waitStrategy = waitStrategy;
        _busySpin = waitStrategy as BusySpinWaitStrategy;
        _cursor = cursor;
        // A single producer publishes contiguously, so upstream sequences never pass the cursor:
        // their minimum alone is the available sequence.
        _dependents = dependents.Length == 0 ? [cursor] : (Sequence[])dependents.Clone();
    }

    /// <inheritdoc/>
    public long WaitFor(long sequence)
    {
        // The busy-spin poll is called once per batch on the hottest consumers: a direct call the
        // JIT can inline instead of an interface dispatch.
        if (_busySpin is { } busySpin)
            return busySpin.WaitFor(sequence, _cursor, _dependents, this);
        return _waitStrategy.WaitFor(sequence, _cursor, _dependents, this);
    }

    /// <inheritdoc/>
    public long GetAvailable() => Sequence.GetMinimum(_dependents);

    /// <inheritdoc/>
    public long Cursor => _cursor.Value;

    /// <inheritdoc/>
    public bool IsAlerted => _alerted;

    /// <inheritdoc/>
    public void Alert()
    {
        _alerted = true;
        _waitStrategy.SignalAllWhenBlocking();
    }

    /// <inheritdoc/>
    public void ClearAlert() => _alerted = false;
}
