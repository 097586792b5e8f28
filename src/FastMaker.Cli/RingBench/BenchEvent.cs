using System.Runtime.InteropServices;

namespace FastMaker.Cli.RingBench;

/// <summary>The 32-byte event every contender moves (the target size).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct BenchEvent
{
    public long Value;
    public long Timestamp;
    public long Padding1;
    public long Padding2;
}
