using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FastMaker.Primitives;
using FastMaker.Venue.Flow;
using FastMaker.Venue.Matching;
using FastMaker.Venue.Scenarios;
using VenueLedger = FastMaker.Venue.Ledger.Ledger;

namespace FastMaker.Benchmarks.Venue;

/// <summary>Short in-process runs: the machine is shared and small.</summary>
public sealed class VenueBenchmarkConfig : ManualConfig
{
    public VenueBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortInProcess"));
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
    }
}

/// <summary>
/// Order submits per second through <see cref="MatchingEngine"/>: a mixed flow of limit orders on
/// both outcomes around 0.50 (about a third cross: transfers, mints and merges) where each submit is
/// followed by the cancel of the order sent <see cref="CancelLag"/> submits earlier (as makers
/// replace quotes; keeps the book at a steady depth), and post-then-cancel pairs; against a bare
/// SortedDictionary book doing the same (matching only: no checks, ledger or events).
/// One operation = one submit plus one cancel (OperationsPerInvoke).
/// </summary>
[Config(typeof(VenueBenchmarkConfig))]
public class MatchingBenchmarks
{
    private const int Batch = 4096;
    private const int CancelLag = 64;
    private readonly Hash32[] _recent = new Hash32[CancelLag];
    private readonly long[] _recentNaive = new long[CancelLag];
    private readonly int[] _outcome = new int[Batch];
    private readonly Side[] _side = new Side[Batch];
    private readonly int[] _price = new int[Batch];
    private readonly long[] _size = new long[Batch];
    private MatchingEngine _engine = null!;
    private VenueMarket _market = null!;
    private NaiveSortedBook _naive = null!;
    private EthAddress[] _addresses = null!;
    private long _nextId;

    [GlobalSetup]
    public void Setup()
    {
        var r = new DeterministicRandom(7);
        for (int i = 0; i < Batch; i++)
        {
            _outcome[i] = (int)r.NextLong(0, 1);
            _side[i] = r.NextDouble() < 0.5 ? Side.Buy : Side.Sell;
            // Buys a little below fair value, sells a little above, with overlap so about a third cross.
            const int fairTicks = 50;
            int offset = (int)r.NextLong(-6, 2);
            _price[i] = (_side[i] == Side.Buy ? fairTicks + offset : fairTicks - offset) * 10_000;
            _size[i] = r.NextLong(5, 60) * 1_000_000;
        }
        var ledger = new VenueLedger();
        _engine = new MatchingEngine(ledger, new SteppedTimeProvider(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero)), NullExchangeEvents.Instance,
            new EngineOptions { MinedDelay = TimeSpan.Zero, ConfirmedDelay = TimeSpan.Zero, OrderHistoryLimit = 50_000, TradeHistoryLimit = 50_000 });
        _market = new VenueMarket
        {
            ConditionId = Hash32.FromBytes(new byte[32] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32 }),
            Question = "bench",
            YesToken = new UInt256(11, 0, 0, 0),
            NoToken = new UInt256(12, 0, 0, 0),
            TickSize = TickSize.Hundredth,
            TakerFeeRatePpm = 70_000,
        };
        _engine.AddMarket(_market);
        _addresses = new EthAddress[8];
        for (int i = 0; i < _addresses.Length; i++)
        {
            byte[] b = new byte[20];
            b[19] = (byte)(i + 1);
            _addresses[i] = EthAddress.FromBytes(b);
            ledger.Deposit(_addresses[i], Amount.FromRaw(long.MaxValue / 64));
            ledger.DepositTokens(_addresses[i], _market.YesToken, Quantity.FromRaw(long.MaxValue / 64));
            ledger.DepositTokens(_addresses[i], _market.NoToken, Quantity.FromRaw(long.MaxValue / 64));
        }
        _naive = new NaiveSortedBook();
        // Warm both books into a steady state.
        SubmitMixedFlow();
        NaiveMixedFlow();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int NaiveMixedFlow()
    {
        int fills = 0;
        for (int i = 0; i < Batch; i++)
        {
            bool bid = (_outcome[i] == 0) == (_side[i] == Side.Buy);
            int yesPrice = _outcome[i] == 0 ? _price[i] : 1_000_000 - _price[i];
            long id = ++_nextId;
            fills += _naive.Submit(id, bid, yesPrice, _size[i]);
            int slot = (int)(id % CancelLag);
            if (_recentNaive[slot] != 0)
                _naive.Cancel(_recentNaive[slot]);
            _recentNaive[slot] = id;
        }
        return fills;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int SubmitMixedFlow()
    {
        int accepted = 0;
        for (int i = 0; i < Batch; i++)
        {
            OrderRequest o = Order(i, OrderType.Gtc);
            SubmitResult r = _engine.Submit(o);
            if (r.Success)
                accepted++;
            int slot = (int)(_nextId % CancelLag);
            if (!_recent[slot].IsZero)
                _engine.Cancel(Owners[slot & 7], _recent[slot]);
            _recent[slot] = o.OrderId;
        }
        return accepted;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int PostThenCancel()
    {
        int canceled = 0;
        for (int i = 0; i < Batch; i++)
        {
            // Far from the touch: never crosses.
            OrderRequest o = Order(i, OrderType.Gtc) with { Side = Side.Buy, Token = _market.YesToken, MakerAmount = _size[i] / 10, TakerAmount = _size[i] };
            SubmitResult r = _engine.Submit(o);
            canceled += _engine.Cancel(o.Owner, r.OrderId).Canceled.Count;
        }
        return canceled;
    }

    private OrderRequest Order(int i, OrderType type)
    {
        long id = ++_nextId;
        Span<byte> bytes = stackalloc byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes[24..], id);
        bytes[0] = 0xBE;
        long collateral = _size[i] / 1_000_000 * _price[i];
        int a = (int)(id & 7);
        return new OrderRequest
        {
            OrderId = Hash32.FromBytes(bytes),
            Owner = Owners[a],
            Maker = _addresses[a],
            Token = _outcome[i] == 0 ? _market.YesToken : _market.NoToken,
            Side = _side[i],
            MakerAmount = _side[i] == Side.Buy ? collateral : _size[i],
            TakerAmount = _side[i] == Side.Buy ? _size[i] : collateral,
            Type = type,
        };
    }

    private static readonly string[] Owners = ["k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7"];
}
