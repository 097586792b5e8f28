using System.Runtime.InteropServices;

namespace FastMaker.Ring.Tests;

/// <summary>A 32-byte event: the producer writes Value, stages write their marks.</summary>
[StructLayout(LayoutKind.Sequential)]
public struct TestEvent
{
    public long Value;
    public long MarkA;
    public long MarkB;
    public long MarkC;
}
