using BenchmarkDotNet.Attributes;
using FastMaker.Polymarket.Signing;
using Org.BouncyCastle.Crypto.Digests;

namespace FastMaker.Benchmarks.Signing;

/// <summary>Keccak-256 of a 32-byte word, the 384-byte V2 order encoding and a 416-byte (13-word, V1-sized)
/// encoding: ours vs BouncyCastle's KeccakDigest (baseline) in the same run, and ours as it was before the keccak
/// branch (<see cref="LegacyKeccak256"/>), so before/after is one run too.</summary>
[Config(typeof(SigningBenchmarkConfig))]
public class KeccakBenchmarks
{
    private readonly byte[] _output = new byte[32];
    private readonly KeccakDigest _bouncy = new(256);
    private byte[] _input = [];

    [Params(32, 384, 416)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = new byte[Length];
        new Random(1).NextBytes(_input);
    }

    [Benchmark(Baseline = true)]
    public byte[] BouncyCastleKeccakDigest()
    {
        _bouncy.BlockUpdate(_input, 0, _input.Length);
        _bouncy.DoFinal(_output, 0);
        return _output;
    }

    [Benchmark]
    public byte[] FastMakerKeccak256()
    {
        Keccak256.Hash(_input, _output);
        return _output;
    }

    [Benchmark]
    public byte[] FastMakerKeccak256Before()
    {
        LegacyKeccak256.Hash(_input, _output);
        return _output;
    }
}
