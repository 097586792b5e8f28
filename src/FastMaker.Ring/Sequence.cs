using System.Runtime.InteropServices;

namespace FastMaker.Ring;

/// <summary>
/// A monotonically increasing 64-bit counter shared between threads (a cursor or a consumer's
/// progress), padded to its own cache line on both sides so that no other hot field shares it.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 2 * Padding + sizeof(long))]
public sealed class Sequence
{
    // 64-byte lines, but the adjacent-line prefetcher pulls 128-byte pairs: 128 bytes on each
    // side keep every neighbour's field off both this value's line and its prefetch buddy.
    private const int Padding = 128;

    /// <summary>The value of a sequence before anything was claimed or processed.</summary>
    public const long InitialValue = -1;

    [FieldOffset(Padding)]
    private long _value;

    /// <summary>Creates a sequence starting at <paramref name="initialValue"/>.</summary>
    public Sequence(long initialValue = InitialValue) => _value = initialValue;

    /// <summary>The current value, read with acquire semantics.</summary>
    public long Value
    {
        // Acquire: everything the writer did before its release-write is visible after this read.
        get => Volatile.Read(ref _value);
    }

    /// <summary>Sets the value with release semantics (a store-store barrier, no full fence).</summary>
    public void SetValue(long value)
    {
        // Release: event data written before this store is visible to any thread that reads the new value.
        Volatile.Write(ref _value, value);
    }

    /// <summary>Sets the value with a full fence, for the rare Dekker-style handshakes.</summary>
    public void SetValueVolatile(long value)
    {
        // Full fence: later loads (e.g. a waiter count) cannot be reordered before this store.
        Interlocked.Exchange(ref _value, value);
    }

    /// <summary>Atomically sets the value to <paramref name="newValue"/> if it equals <paramref name="expected"/>.</summary>
    public bool CompareAndSet(long expected, long newValue)
        // CAS: several writers may race; only one wins.
        => Interlocked.CompareExchange(ref _value, newValue, expected) == expected;

    /// <summary>Atomically adds <paramref name="delta"/> and returns the new value.</summary>
    public long AddAndGet(long delta)
        // Atomic add: several writers may race.
        => Interlocked.Add(ref _value, delta);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The smallest value among <paramref name="sequences"/>, or <paramref name="minimum"/> if it is smaller or the array is empty.</summary>
    public static long GetMinimum(Sequence[] sequences, long minimum = long.MaxValue)
    {
        for (int i = 0; i < sequences.Length; i++)
        {
            long value = sequences[i].Value;
            if (value < minimum)
                minimum = value;
        }
        return minimum;
    }
}
