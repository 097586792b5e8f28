using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastMaker.Ring;

/// <summary>
/// A preallocated ring of <typeparamref name="T"/> structs indexed by sequence, with a single
/// producer. Claim slots with <see cref="Next()"/>, write them in place through the indexer,
/// then <see cref="Publish(long)"/>.
/// </summary>
/// <typeparam name="T">The event: a struct written in place, never allocated per event.</typeparam>
public sealed class RingBuffer<T> where T : struct
{
    // Slots padded on both ends (and aligned when possible) by SlotAllocator: a T[] or a pinned
    // byte[] holding the events, addressed from slot 0's byte offset.
    private readonly byte[] _slots;
    private readonly nint _firstSlotOffset;
    private readonly long _mask;
    private readonly SingleProducerSequencer _sequencer;

    /// <summary>Creates a ring of <paramref name="bufferSize"/> default-initialized events.</summary>
    /// <param name="bufferSize">The number of slots: a power of 2, at least 1.</param>
    /// <param name="waitStrategy">How consumers wait; <see cref="BlockingWaitStrategy"/> when null.</param>
    public RingBuffer(int bufferSize, IWaitStrategy? waitStrategy = null)
    {
        ThrowHelper.ValidateBufferSize(bufferSize, nameof(bufferSize));
        _sequencer = new SingleProducerSequencer(bufferSize, waitStrategy ?? new BlockingWaitStrategy());
        _slots = SlotAllocator.Allocate<T>(bufferSize, out _firstSlotOffset);
        _mask = bufferSize - 1;
    }

    /// <summary>The event in the slot for <paramref name="sequence"/>, by reference.</summary>
    public ref T this[long sequence]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.Add(ref FirstSlot, (nint)(sequence & _mask));
    }

    /// <summary>The first slot (sequence 0 and every multiple of the size), for loops that hoist the ring's base out of the loop.</summary>
    internal ref T FirstSlot
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.As<byte, T>(ref Unsafe.AddByteOffset(ref MemoryMarshal.GetArrayDataReference(_slots), _firstSlotOffset));
    }

    /// <summary>The index mask (size - 1): slot of <c>sequence</c> is <c>sequence &amp; Mask</c> from <see cref="FirstSlot"/>.</summary>
    internal long Mask => _mask;

    /// <summary>The number of slots.</summary>
    public int BufferSize => _sequencer.BufferSize;

    /// <summary>The sequencer (cursor, gating, barriers).</summary>
    public SingleProducerSequencer Sequencer => _sequencer;

    /// <summary>The highest published sequence.</summary>
    public long Cursor => _sequencer.Cursor.Value;

    /// <inheritdoc cref="ISequencer.Next()"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next() => _sequencer.Next(1);

    /// <inheritdoc cref="ISequencer.Next(int)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next(int n) => _sequencer.Next(n);

    /// <inheritdoc cref="ISequencer.TryNext(out long)"/>
    public bool TryNext(out long sequence) => _sequencer.TryNext(1, out sequence);

    /// <inheritdoc cref="ISequencer.TryNext(int, out long)"/>
    public bool TryNext(int n, out long sequence) => _sequencer.TryNext(n, out sequence);

    /// <inheritdoc cref="ISequencer.Publish(long)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence) => _sequencer.Publish(sequence);

    /// <inheritdoc cref="ISequencer.Publish(long, long)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long lo, long hi) => _sequencer.Publish(lo, hi);

    /// <inheritdoc cref="ISequencer.RemainingCapacity"/>
    public long RemainingCapacity => _sequencer.RemainingCapacity;

    /// <inheritdoc cref="ISequencer.AddGatingSequences"/>
    public void AddGatingSequences(params Sequence[] gatingSequences) => _sequencer.AddGatingSequences(gatingSequences);

    /// <inheritdoc cref="ISequencer.RemoveGatingSequence"/>
    public bool RemoveGatingSequence(Sequence sequence) => _sequencer.RemoveGatingSequence(sequence);

    /// <inheritdoc cref="ISequencer.NewBarrier"/>
    public SequenceBarrier NewBarrier(params Sequence[] dependents) => _sequencer.NewBarrier(dependents);
}
