using BenchmarkDotNet.Attributes;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Benchmarks.Signing;

/// <summary>Deterministic (RFC 6979) signing, ours vs BouncyCastle (baseline) and BouncyCastle's usual
/// sign-then-recover-the-id route; plus our recovery (what the venue does per order) and one nonce precomputation
/// (the background refill's unit of work).</summary>
[Config(typeof(SigningBenchmarkConfig))]
public class EcdsaBenchmarks
{
    private static readonly byte[] Key = Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private readonly byte[] _digest = new byte[32];
    private readonly byte[] _signature = new byte[65];
    private readonly byte[] _address = new byte[20];
    private EthSigner _signer = null!;
    private BouncyCastleEcdsa _bouncy = null!;
    private NoncePool _scratchPool = null!;
    private EthSigner _scratchSigner = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(7).NextBytes(_digest);
        _signer = new EthSigner(Key);
        _bouncy = new BouncyCastleEcdsa(Key);
        _signer.SignDeterministic(_digest, _signature);
        _scratchPool = new NoncePool(capacity: 2, startRefillThread: false);
        _scratchSigner = new EthSigner(Key, _scratchPool);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _signer.Dispose();
        _scratchSigner.Dispose();
        _scratchPool.Dispose();
    }

    [Benchmark(Baseline = true)]
    public object BouncyCastleRfc6979() => _bouncy.SignRfc6979(_digest);

    [Benchmark]
    public int BouncyCastleSignThenRecoverId() => _bouncy.SignThenRecoverId(_digest, new byte[65]);

    [Benchmark]
    public byte[] FastMakerDeterministic()
    {
        _signer.SignDeterministic(_digest, _signature);
        return _signature;
    }

    [Benchmark]
    public bool FastMakerRecoverAddress() => Secp256k1.TryRecoverAddress(_digest, _signature, _address);

    /// <summary>One CSPRNG nonce with kG, r and k^-1: the refill thread's cost per nonce.</summary>
    [Benchmark]
    public int FastMakerPrecomputeOneNonce()
    {
        _scratchPool.Fill(1);
        // Consume it so the pool never fills up (adds one fast signature, about 0.1% of the total).
        _scratchSigner.Sign(_digest, _signature);
        return _scratchPool.Available;
    }
}
