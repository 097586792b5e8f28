using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Store;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Benchmarks.Store;

/// <summary>A short in-process run (the generated-project build times out on this shared box).</summary>
public sealed class StoreBenchmarkConfig : ManualConfig
{
    public StoreBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}

/// <summary>
/// Cost per change group (order placed, order filled, fill, position, reservation: 5 upserts) written to SQLite in
/// WAL mode: one transaction per group (the baseline, what an unbatched writer does) against 64 groups per
/// transaction (what <see cref="StoreWriter"/> does under load), at synchronous NORMAL and FULL.
/// </summary>
[Config(typeof(StoreBenchmarkConfig))]
public class StoreBatchBenchmarks
{
    private const int Groups = 256;
    private const int RecordsPerGroup = 5;
    private string _directory = null!;
    private SqliteStore _store = null!;
    private StoreChange[] _changes = null!;
    private long _sequence;

    [Params(StoreSynchronous.Normal, StoreSynchronous.Full)]
    public StoreSynchronous Synchronous { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "fastmaker-store-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        _store = SqliteStore.Open(Path.Combine(_directory, "bench.db"), new StoreOptions { Synchronous = Synchronous });
        _changes = new StoreChange[Groups * RecordsPerGroup];
        var market = Hash32.Parse("0x" + new string('a', 64));
        var bytes = new byte[32];
        for (var k = 0; k < Groups; k++)
        {
            BitConverter.TryWriteBytes(bytes[24..], k);
            var id = Hash32.FromBytes(bytes);
            var token = UInt256.Parse((1000 + (k % 3)).ToString(System.Globalization.CultureInfo.InvariantCulture));
            var order = new StoredOrder(id, token, market, Side.Buy, Price.FromRaw(500_000), Quantity.FromRaw(100_000_000),
                Quantity.Zero, Quantity.FromRaw(100_000_000), StoredOrderState.Live, OrderOrigin.MakerQuote, true,
                IntentTimeInForce.Gtc, 0, k, k, OrderStatusCode.Live, Hash32.Zero);
            var i = k * RecordsPerGroup;
            _changes[i] = StoreChange.Of(order);
            _changes[i + 1] = StoreChange.Of(order with { State = StoredOrderState.Filled, FilledSize = order.OriginalSize, RemainingSize = Quantity.Zero });
            _changes[i + 2] = StoreChange.Of(new StoredFill(new Guid(k, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), id, token, Side.Buy, order.Price,
                order.OriginalSize, Amount.FromRaw(1), TradeStatusCode.Matched, StoredLiquidity.Maker, StoredClassificationSource.Origin, false, k, k));
            _changes[i + 3] = StoreChange.Of(new StoredPosition(token, k, 0, k, 0, 0, k, k));
            _changes[i + 4] = StoreChange.Of(new StoredReservation(ReservationScope.MarketCollateral, market, UInt256.Zero, k, k));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Groups)]
    public void OneTransactionPerGroup()
    {
        for (var k = 0; k < Groups; k++)
        {
            _store.ApplyGroups(_changes.AsSpan(k * RecordsPerGroup, RecordsPerGroup), ++_sequence);
        }
    }

    [Benchmark(OperationsPerInvoke = Groups)]
    public void SixtyFourGroupsPerTransaction()
    {
        for (var k = 0; k < Groups; k += 64)
        {
            _sequence += 64;
            _store.ApplyGroups(_changes.AsSpan(k * RecordsPerGroup, 64 * RecordsPerGroup), _sequence);
        }
    }
}
