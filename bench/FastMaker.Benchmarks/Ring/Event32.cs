namespace FastMaker.Benchmarks.Ring;

/// <summary>The 32-byte event of issue 2's throughput target.</summary>
public struct Event32
{
    public long Value;
    public long A;
    public long B;
    public long C;
}
