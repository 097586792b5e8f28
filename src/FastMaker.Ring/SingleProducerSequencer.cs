using System.Runtime.CompilerServices;

namespace FastMaker.Ring;

/// <summary>
/// The sequencer for exactly one producing thread: claims are plain field updates, publishing
/// is one release-store of the cursor. Not safe for concurrent producers (use <see cref="MpscQueue{T}"/>
/// to funnel other threads into the producer).
/// </summary>
public sealed class SingleProducerSequencer : ISequencer
{
    private const int SpinTriesBeforeYield = 64;

    private readonly int _bufferSize;
    private readonly IWaitStrategy _waitStrategy;
    private readonly bool _signalWaiters;
    private readonly Sequence _cursor = new();
    private readonly object _gatingLock = new();
    private volatile Sequence[] _gatingSequences = [];

    // Producer-local state: only the producing thread reads or writes it.
    private ProducerState _state = new()
    {
        NextValue = Sequence.InitialValue,
        CachedGatingSequence = Sequence.InitialValue,
        Published = Sequence.InitialValue,
    };

    /// <summary>Creates a sequencer for a ring of <paramref name="bufferSize"/> slots.</summary>
    /// <param name="bufferSize">The ring's size: a power of 2, at least 1.</param>
    /// <param name="waitStrategy">How consumers wait; signalled on every publish.</param>
    public SingleProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
    {
        ThrowHelper.ValidateBufferSize(bufferSize, nameof(bufferSize));
        ArgumentNullException.ThrowIfNull(waitStrategy);
        _bufferSize = bufferSize;
        _waitStrategy = waitStrategy;
        _signalWaiters = WaitStrategySignals.Needed(waitStrategy);
    }

    /// <inheritdoc/>
    public int BufferSize => _bufferSize;

    /// <inheritdoc/>
    public Sequence Cursor => _cursor;

    /// <summary>The wait strategy consumers use.</summary>
    public IWaitStrategy WaitStrategy => _waitStrategy;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next() => Next(1);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next(int n)
    {
        if ((uint)(n - 1) >= (uint)_bufferSize)
            ThrowHelper.ThrowClaimSizeOutOfRange(n, _bufferSize);

        long next = _state.NextValue + n;
        long wrapPoint = next - _bufferSize;
        if (wrapPoint > _state.CachedGatingSequence)
            WaitForCapacity(wrapPoint);
        _state.NextValue = next;
        return next;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitForCapacity(long wrapPoint)
    {
        // Back-pressure: never overwrite a slot the slowest gating consumer has not finished.
        int spins = SpinTriesBeforeYield;
        long minimum;
        while (wrapPoint > (minimum = Sequence.GetMinimum(_gatingSequences, _state.NextValue)))
        {
            if (spins > 0)
                spins--;
            else
                Thread.Yield();
        }
        _state.CachedGatingSequence = minimum;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNext(out long sequence) => TryNext(1, out sequence);

    /// <inheritdoc/>
    public bool TryNext(int n, out long sequence)
    {
        if ((uint)(n - 1) >= (uint)_bufferSize)
            ThrowHelper.ThrowClaimSizeOutOfRange(n, _bufferSize);

        if (!HasAvailableCapacity(n))
        {
            sequence = Sequence.InitialValue;
            return false;
        }
        sequence = _state.NextValue += n;
        return true;
    }

    /// <inheritdoc/>
    public bool HasAvailableCapacity(int n)
    {
        long wrapPoint = _state.NextValue + n - _bufferSize;
        if (wrapPoint > _state.CachedGatingSequence)
        {
            long minimum = Sequence.GetMinimum(_gatingSequences, _state.NextValue);
            _state.CachedGatingSequence = minimum;
            if (wrapPoint > minimum)
                return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public long RemainingCapacity
        => _bufferSize - (_state.NextValue - Sequence.GetMinimum(_gatingSequences, _state.NextValue));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence)
    {
        if (sequence <= _state.Published || sequence > _state.NextValue)
            ThrowHelper.ThrowPublishNotClaimed(sequence, sequence, _state.NextValue, _state.Published);
        _state.Published = sequence;
        _cursor.SetValue(sequence);
        // A predictable branch instead of an interface call per publish when nobody can block.
        if (_signalWaiters)
            _waitStrategy.SignalAllWhenBlocking();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long lo, long hi)
    {
        if (lo != _state.Published + 1 || hi < lo || hi > _state.NextValue)
            ThrowHelper.ThrowPublishNotClaimed(lo, hi, _state.NextValue, _state.Published);
        _state.Published = hi;
        _cursor.SetValue(hi);
        if (_signalWaiters)
            _waitStrategy.SignalAllWhenBlocking();
    }

    /// <inheritdoc/>
    public void AddGatingSequences(params Sequence[] gatingSequences)
    {
        ArgumentNullException.ThrowIfNull(gatingSequences);
        lock (_gatingLock)
        {
            var current = _gatingSequences;
            var updated = new Sequence[current.Length + gatingSequences.Length];
            Array.Copy(current, updated, current.Length);
            long cursor = _cursor.Value;
            for (int i = 0; i < gatingSequences.Length; i++)
            {
                var sequence = gatingSequences[i] ?? throw new ArgumentException($"gatingSequences[{i}] is null.", nameof(gatingSequences));
                // A consumer added to a running ring starts after what is already published.
                if (sequence.Value < cursor)
                    sequence.SetValue(cursor);
                updated[current.Length + i] = sequence;
            }
            _gatingSequences = updated;
        }
    }

    /// <inheritdoc/>
    public bool RemoveGatingSequence(Sequence sequence)
    {
        lock (_gatingLock)
        {
            var current = _gatingSequences;
            int index = Array.IndexOf(current, sequence);
            if (index < 0)
                return false;
            var updated = new Sequence[current.Length - 1];
            Array.Copy(current, 0, updated, 0, index);
            Array.Copy(current, index + 1, updated, index, current.Length - index - 1);
            _gatingSequences = updated;
            return true;
        }
    }

    /// <inheritdoc/>
    public SequenceBarrier NewBarrier(params Sequence[] dependents) => new(_waitStrategy, _cursor, dependents);
}
