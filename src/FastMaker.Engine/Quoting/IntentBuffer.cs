using FastMaker.Engine.Orders;

namespace FastMaker.Engine.Quoting;

/// <summary>
/// A preallocated list of intents: the engine clears it before each event and the stages after quoting (the gate)
/// read it within the same event. Never grows: when full, further intents are refused and counted.
/// </summary>
public sealed class IntentBuffer : IIntentSink
{
    private readonly OrderIntent[] _items;

    /// <summary>Creates a buffer of fixed capacity.</summary>
    public IntentBuffer(int capacity)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be at least 1");
        }

        _items = new OrderIntent[capacity];
    }

    /// <summary>Intents held.</summary>
    public int Count { get; private set; }

    /// <summary>Intents refused because the buffer was full, since creation.</summary>
    public long Overflows { get; private set; }

    /// <summary>Intents accepted since creation.</summary>
    public long Total { get; private set; }

    /// <summary>The intent at <paramref name="index"/> (0 to Count - 1).</summary>
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

    /// <summary>The held intents.</summary>
    public ReadOnlySpan<OrderIntent> AsSpan() => _items.AsSpan(0, Count);

    /// <inheritdoc />
    public bool TryAdd(in OrderIntent intent)
    {
        if (Count == _items.Length)
        {
            Overflows++;
            return false;
        }

        _items[Count++] = intent;
        Total++;
        return true;
    }

    /// <summary>Empties the buffer (keeps the counters).</summary>
    public void Clear() => Count = 0;

    private void ThrowIndex(int index) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {Count})");
}
