using System.Runtime.CompilerServices;

namespace FastMaker.Ring;

/// <summary>
/// A bounded, lock-free multi-producer single-consumer queue (Dmitry Vyukov's bounded queue with
/// a per-cell sequence number). Any thread may enqueue; exactly one thread dequeues. Used on the
/// egress side: REST replies, timers and refreshes flow through it into the ingress thread, the
/// ring's single producer. Allocation-free after construction.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class MpscQueue<T>
{
    private struct Cell
    {
        public long Sequence;
        public T Item;
    }

    private readonly Cell[] _cells;
    private readonly long _mask;
    private PaddedLong _enqueuePosition;
    private PaddedLong _dequeuePosition;

    /// <summary>Creates a queue of <paramref name="capacity"/> items.</summary>
    /// <param name="capacity">A power of 2, at least 2.</param>
    public MpscQueue(int capacity)
    {
        ThrowHelper.ValidateBufferSize(capacity, nameof(capacity));
        if (capacity < 2)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be at least 2.");
        _cells = new Cell[capacity];
        for (int i = 0; i < capacity; i++)
            _cells[i].Sequence = i;
        _mask = capacity - 1;
    }

    /// <summary>The number of items the queue holds when full.</summary>
    public int Capacity => _cells.Length;

    /// <summary>An approximate count (exact when no thread is enqueuing or dequeuing).</summary>
    public int Count
    {
        get
        {
            long count = Volatile.Read(ref _enqueuePosition.Value) - Volatile.Read(ref _dequeuePosition.Value);
            return (int)Math.Clamp(count, 0, _cells.Length);
        }
    }

    /// <summary>Adds an item; <c>false</c> means the queue is full and nothing was added. Safe from any thread.</summary>
    public bool TryEnqueue(in T item)
    {
        var cells = _cells;
        // Acquire: a fresh view of the position other producers have advanced.
        long position = Volatile.Read(ref _enqueuePosition.Value);
        while (true)
        {
            ref Cell cell = ref cells[position & _mask];
            // Acquire: the consumer's release of this cell (its sequence) happens-before our write.
            long sequence = Volatile.Read(ref cell.Sequence);
            long difference = sequence - position;
            if (difference == 0)
            {
                // CAS: producers race for the position; the winner owns the cell.
                long observed = Interlocked.CompareExchange(ref _enqueuePosition.Value, position + 1, position);
                if (observed == position)
                {
                    cell.Item = item;
                    // Release: the item is visible before the consumer sees the cell as full.
                    Volatile.Write(ref cell.Sequence, position + 1);
                    return true;
                }
                position = observed;
            }
            else if (difference < 0)
            {
                return false;
            }
            else
            {
                position = Volatile.Read(ref _enqueuePosition.Value);
            }
        }
    }

    /// <summary>Takes the oldest item; <c>false</c> means the queue is empty. Call from the single consumer thread only.</summary>
    public bool TryDequeue(out T item)
    {
        long position = _dequeuePosition.Value;
        ref Cell cell = ref _cells[position & _mask];
        // Acquire: the producer's item write happens-before we read it.
        if (Volatile.Read(ref cell.Sequence) != position + 1)
        {
            item = default!;
            return false;
        }
        item = cell.Item;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
            cell.Item = default!;
        // Release: the cell is free for the producer one lap later only after we copied the item out.
        Volatile.Write(ref cell.Sequence, position + _mask + 1);
        // Release: Count readers on other threads see the progress.
        Volatile.Write(ref _dequeuePosition.Value, position + 1);
        return true;
    }
}
