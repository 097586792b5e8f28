using System.Runtime.InteropServices;

namespace FastMaker.Ring;

/// <summary>
/// The single producer's private counters, written on every claim and publish, kept 128 bytes
/// away from any other object's fields so the consumer never reads a line the producer is writing.
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 2 * Padding + 3 * sizeof(long))]
internal struct ProducerState
{
    private const int Padding = 128;

    /// <summary>The highest claimed sequence.</summary>
    [FieldOffset(Padding)]
    public long NextValue;

    /// <summary>The slowest gating sequence last seen; re-read only when a claim would pass it.</summary>
    [FieldOffset(Padding + sizeof(long))]
    public long CachedGatingSequence;

    /// <summary>The highest published sequence.</summary>
    [FieldOffset(Padding + 2 * sizeof(long))]
    public long Published;
}
