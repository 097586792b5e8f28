using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FastMaker.Benchmarks.Signing;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Benchmarks.Orders;

/// <summary>
/// Build + sign + POST body of one V2 limit order (fast precomputed-nonce path and the deterministic RFC 6979 path).
/// The nonce pool is refilled before every iteration (not measured) so that each fast invocation really takes a
/// precomputed nonce; the fallback counter is checked after the run.
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class OrderSigningBenchmarks
{
    private const int InvocationsPerIteration = 1024;

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Many short iterations (see SigningBenchmarkConfig): the median is stable under load, the minimum near the unloaded cost.
            AddJob(Job.Default.WithWarmupCount(4).WithIterationCount(SigningBenchmarkConfig.MeasuredIterations).WithLaunchCount(1)
                .WithInvocationCount(InvocationsPerIteration).WithUnrollFactor(1).WithStrategy(RunStrategy.Throughput).WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        }
    }

    private NoncePool _pool = null!;
    private EthSigner _fastSigner = null!;
    private EthSigner _detSigner = null!;
    private OrderBuilder _fast = null!;
    private OrderBuilder _deterministic = null!;
    private OrderRequest _request;
    private readonly byte[] _body = new byte[OrderBodyWriter.MaxLength];
    private readonly byte[] _signature = new byte[OrderHashing.Poly1271SignatureLength];
    private long _salt;

    [GlobalSetup]
    public void Setup()
    {
        const string key = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
        _pool = new NoncePool(InvocationsPerIteration * 2, startRefillThread: false);
        _fastSigner = EthSigner.FromHex(key, _pool);
        _detSigner = EthSigner.FromHex(key);
        _fast = new OrderBuilder(_fastSigner, 137, SignatureType.Eoa, null, "f4a1c2d3-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
        _deterministic = new OrderBuilder(_detSigner, 137, SignatureType.Eoa, null, "f4a1c2d3-5e6f-4a7b-8c9d-0e1f2a3b4c5d");
        _request = new OrderRequest
        {
            TokenId = UInt256.Parse("71321045679252212594626385532706912750332728571942532289631379312455583992563"),
            Side = Side.Buy, Price = Price.Parse("0.123"), Size = Quantity.Parse("10.5"), TickSize = TickSize.Thousandth,
            OrderType = OrderType.Gtc, Salt = 479249096354, TimestampMs = 1780000000123,
        };
    }

    [IterationSetup(Target = nameof(BuildSignBody_Fast))]
    public void RefillPool() => _pool.Fill();

    [Benchmark(Description = "V2 order: amounts + hash + fast sign + body")]
    public int BuildSignBody_Fast()
    {
        _request.Salt = (ulong)(++_salt);
        _fast.TryBuild(_request, SigningMode.Fast, _body, _signature, out var info);
        return info.BodyLength;
    }

    [Benchmark(Description = "V2 order: amounts + hash + RFC 6979 sign + body")]
    public int BuildSignBody_Deterministic()
    {
        _request.Salt = (ulong)(++_salt);
        _deterministic.TryBuild(_request, SigningMode.Deterministic, _body, _signature, out var info);
        return info.BodyLength;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// fast signatures: {_fastSigner.FastSignatures}, deterministic fallbacks: {_fastSigner.DeterministicFallbacks}");
        _fastSigner.Dispose();
        _detSigner.Dispose();
        _pool.Dispose();
    }
}
