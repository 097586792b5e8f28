namespace FastMaker.Engine.Orders;

/// <summary>
/// An <see cref="IIntentSink"/> that keeps intents in a reusable array until the consumer reads and clears them:
/// replay, tests, and the default sink of the engine until the gate consumes intents. Grows (cold) only when a burst
/// exceeds its capacity; submitting is otherwise allocation-free. Engine thread only.
/// </summary>
public sealed class IntentBuffer : IIntentSink
{
    private OrderIntent[] _items;

    /// <summary>Creates a buffer with room for <paramref name="capacity"/> intents before it grows.</summary>
    public IntentBuffer(int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new OrderIntent[capacity];
    }

    /// <summary>Intents held.</summary>
    public int Count { get; private set; }

    /// <summary>Total intents ever submitted (not reset by <see cref="Clear"/>).</summary>
    public long TotalSubmitted { get; private set; }

    /// <summary>The intent at <paramref name="index"/>, in submission order.</summary>
    public ref readonly OrderIntent this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                ThrowIndex(index);
            }

            return ref _items[index];
        }
    }

    /// <summary>The held intents, in submission order.</summary>
    public ReadOnlySpan<OrderIntent> AsSpan() => _items.AsSpan(0, Count);

    /// <inheritdoc />
    public void Submit(in OrderIntent intent)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count++] = intent;
        TotalSubmitted++;
    }

    /// <summary>Forgets the held intents (keeps the storage).</summary>
    public void Clear() => Count = 0;

    private void ThrowIndex(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, "index must be below Count (" + Count + ")");
}
