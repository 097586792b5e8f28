using System.Runtime.InteropServices;

namespace FastMaker.Ring;

/// <summary>A long alone on its cache line (and the adjacent one), for counters embedded in other objects.</summary>
[StructLayout(LayoutKind.Explicit, Size = 2 * 64)]
internal struct PaddedLong
{
    [FieldOffset(64)]
    public long Value;
}
