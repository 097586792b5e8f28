using BenchmarkDotNet.Attributes;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Benchmarks.Signing;

/// <summary>
/// The hot path with precomputed nonces. Nonces are single-use, so each iteration first refills a pool
/// (IterationSetup, not measured) and the measured invocation signs a whole batch; results are per signature.
/// The pipeline case is what the sign stage does per order: V2 struct hash, EIP-712 digest (the order id), sign.
/// </summary>
[Config(typeof(SigningBenchmarkConfig))]
public class FastSignBenchmarks
{
    private const int Batch = 1024;
    private static readonly byte[] Key = Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private readonly byte[] _digest = new byte[32];
    private readonly byte[] _structHash = new byte[32];
    private readonly byte[] _signature = new byte[65];
    private readonly byte[] _tokenId = new byte[32];
    private readonly byte[] _zero = new byte[32];
    private Eip712Domain _domain = null!;
    private NoncePool _pool = null!;
    private EthSigner _fast = null!;
    private EthSigner _deterministic = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(3).NextBytes(_digest);
        new Random(4).NextBytes(_tokenId);
        _pool = new NoncePool(capacity: Batch, startRefillThread: false);
        _fast = new EthSigner(Key, _pool);
        _deterministic = new EthSigner(Key);
        _domain = PolymarketDomains.Exchange(2, false, PolymarketDomains.Polygon);
    }

    [IterationSetup]
    public void Refill() => _pool.Fill();

    [GlobalCleanup]
    public void Cleanup()
    {
        _fast.Dispose();
        _deterministic.Dispose();
        _pool.Dispose();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public byte[] FastSign()
    {
        for (int i = 0; i < Batch; i++) _fast.Sign(_digest, _signature);
        return _signature;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public byte[] OrderHashDigestFastSign()
    {
        for (int i = 0; i < Batch; i++) SignOrder(_fast, (ulong)i);
        return _signature;
    }

    /// <summary>The same pipeline on the deterministic path, fewer operations because it is ~1000x slower.</summary>
    [Benchmark(OperationsPerInvoke = 16)]
    public byte[] OrderHashDigestDeterministicSign()
    {
        for (int i = 0; i < 16; i++) SignOrder(_deterministic, (ulong)i);
        return _signature;
    }

    private void SignOrder(EthSigner signer, ulong salt)
    {
        ReadOnlySpan<byte> address = signer.Address;
        OrderStructHash.HashV2(salt, address, address, _tokenId, 5200000, 10000000, 0, 0, 1713398400000, _zero, _zero, _structHash);
        Eip712.Digest(_domain.Separator, _structHash, _digest);
        signer.Sign(_digest, _signature);
    }
}
