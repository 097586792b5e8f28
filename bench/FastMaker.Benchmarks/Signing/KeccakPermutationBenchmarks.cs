using BenchmarkDotNet.Attributes;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Benchmarks.Signing;

/// <summary>One Keccak-f[1600] permutation (a 32-byte hash is one of these plus absorb/squeeze): ours against the
/// permutation as it was before the keccak branch (<see cref="LegacyKeccakF1600"/>, baseline) in the same run.</summary>
[Config(typeof(SigningBenchmarkConfig))]
public class KeccakPermutationBenchmarks
{
    private readonly ulong[] _state = new ulong[25];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (int i = 0; i < _state.Length; i++) _state[i] = (ulong)random.NextInt64();
    }

    [Benchmark(Baseline = true)]
    public ulong PermuteBefore()
    {
        LegacyKeccakF1600.Permute(_state);
        return _state[0];
    }

    [Benchmark]
    public ulong Permute()
    {
        KeccakF1600.Permute(ref _state[0]);
        return _state[0];
    }
}
