namespace FastMaker.Ring;

/// <summary>
/// Claims slots in the ring for a producer and publishes them to consumers, never letting the
/// producer wrap past the slowest gating consumer.
/// </summary>
public interface ISequencer
{
    /// <summary>The number of slots in the ring (a power of two).</summary>
    int BufferSize { get; }

    /// <summary>The highest published sequence.</summary>
    Sequence Cursor { get; }

    /// <summary>Claims the next slot, waiting for a consumer to free one if the ring is full.</summary>
    long Next();

    /// <summary>Claims the next <paramref name="n"/> slots (1 to <see cref="BufferSize"/>) and returns the highest claimed sequence.</summary>
    long Next(int n);

    /// <summary>Claims the next slot if one is free; <c>false</c> means the ring is full (nothing was claimed).</summary>
    bool TryNext(out long sequence);

    /// <summary>Claims <paramref name="n"/> slots if that many are free and returns the highest; <c>false</c> means not enough capacity (nothing was claimed).</summary>
    bool TryNext(int n, out long sequence);

    /// <summary>Makes a claimed sequence visible to consumers.</summary>
    void Publish(long sequence);

    /// <summary>Makes the claimed range <paramref name="lo"/>..<paramref name="hi"/> visible to consumers.</summary>
    void Publish(long lo, long hi);

    /// <summary>Whether <paramref name="n"/> slots could be claimed now without waiting.</summary>
    bool HasAvailableCapacity(int n);

    /// <summary>Free slots right now.</summary>
    long RemainingCapacity { get; }

    /// <summary>Adds consumer sequences that the producer must not overtake.</summary>
    void AddGatingSequences(params Sequence[] gatingSequences);

    /// <summary>Removes a gating sequence; returns whether it was present.</summary>
    bool RemoveGatingSequence(Sequence sequence);

    /// <summary>Creates a barrier over the cursor and the given upstream sequences.</summary>
    SequenceBarrier NewBarrier(params Sequence[] dependents);
}
