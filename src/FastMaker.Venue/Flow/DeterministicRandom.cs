using System.Runtime.CompilerServices;

namespace FastMaker.Venue.Flow;

/// <summary>
/// xoshiro256** seeded through SplitMix64: a fixed, documented algorithm, so a scenario's seed gives
/// the same stream on every machine and every .NET version (System.Random promises neither).
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates a stream from <paramref name="seed"/>.</summary>
    public DeterministicRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>A child seed for stream <paramref name="label"/> of <paramref name="seed"/> (FNV-1a of the label, mixed).</summary>
    public static ulong Derive(ulong seed, string label)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in label)
        {
            h ^= c;
            h *= 1099511628211UL;
        }
        ulong x = seed ^ h;
        return SplitMix(ref x);
    }

    /// <summary>Next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [min, max] (inclusive).</summary>
    public long NextLong(long min, long max) => min + (long)(NextUInt64() % (ulong)(max - min + 1));

    /// <summary>Standard normal (Box-Muller, one value per call).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Exponential waiting time with the given rate (events per unit).</summary>
    public double NextExponential(double rate) => -Math.Log(1.0 - NextDouble()) / rate;

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
