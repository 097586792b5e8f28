using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastMaker.Ring;

/// <summary>
/// Allocates a ring's slots with 128 bytes of padding on both ends and, when the event holds no
/// references, with slot 0 on a 128-byte boundary: a 32-byte event then fills half a cache line
/// instead of straddling two (arrays start 16 bytes past an 8-aligned address, so without this
/// every other 32-byte event spans two lines, and each publish can touch a line the consumer is reading).
/// </summary>
internal static class SlotAllocator
{
    private const int Padding = 128;
    private const int Alignment = 128;

    /// <summary>
    /// Returns the storage (a pinned byte array, or a <typeparamref name="T"/> array seen as one) and the
    /// byte offset of slot 0 from the start of its data.
    /// </summary>
    public static unsafe byte[] Allocate<T>(int bufferSize, out nint firstSlotOffset) where T : struct
    {
        int size = Unsafe.SizeOf<T>();
        long alignedBytes = (long)bufferSize * size + 2 * Padding + Alignment;
        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>() || alignedBytes > Array.MaxLength)
        {
            // The GC must see a T[] to trace references, and may move it: padding only, no alignment.
            int paddingSlots = Math.Max(1, Padding / size);
            firstSlotOffset = (nint)paddingSlots * size;
            return Unsafe.As<byte[]>(new T[bufferSize + 2 * paddingSlots]);
        }

        // The pinned object heap never moves the array, so the alignment computed here holds for its life.
        var storage = GC.AllocateArray<byte>((int)alignedBytes, pinned: true);
        nint data = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(storage));
        nint firstSlot = (data + Padding + Alignment - 1) & ~(nint)(Alignment - 1);
        firstSlotOffset = firstSlot - data;
        return storage;
    }
}
