namespace FastMaker.Paper.FillModel;

/// <summary>
/// A seeded SplitMix64 generator: our own, so a seed gives the same draws on every runtime version (System.Random's
/// seeded algorithm is an implementation detail). Not thread-safe; one per model.
/// </summary>
public struct SplitMix64
{
    private ulong _state;

    /// <summary>Creates a generator from a seed.</summary>
    public SplitMix64(ulong seed) => _state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, bound) (bound &gt; 0); the tiny modulo bias is irrelevant for latencies.</summary>
    public long NextBelow(long bound) => (long)(Next() % (ulong)bound);
}
