using BenchmarkDotNet.Attributes;
using FastMaker.Benchmarks.Primitives;
using FastMaker.Engine;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Registry;
using FastMaker.Primitives;

namespace FastMaker.Benchmarks.Engine;

/// <summary>
/// What the quote differ pays per event to learn one market's live orders (both tokens) from the order tracker, with
/// <see cref="Markets"/> markets quoted (one open bid per token) in a tracker of the default 4096 slots, a quarter of
/// them holding terminal orders. Baseline: the previous <see cref="TrackerLiveOrders"/>, which copied every open
/// order by scanning all slots once per event and then filtered by token; now: the tracker's per-token index.
/// </summary>
[Config(typeof(PrimitivesBenchmarkConfig))]
[MemoryDiagnoser]
public class LiveOrderLookupBenchmarks
{
    private readonly LiveOrderView[] _scanCopy = new LiveOrderView[4096];
    private readonly LiveOrderView[] _destination = new LiveOrderView[16];
    private OrderTracker _orders = null!;
    private TrackerLiveOrders _live = null!;
    private MarketRegistry _registry = null!;
    private int _next;

    /// <summary>Markets quoted (two open orders each).</summary>
    [Params(10, 100)]
    public int Markets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _registry = new MarketRegistry();
        for (var m = 0; m < Markets; m++)
        {
            var bytes = new byte[32];
            bytes[0] = 0xC0;
            BitConverter.TryWriteBytes(bytes.AsSpan(1), m);
            var info = _registry.GetOrAdd(Hash32.FromBytes(bytes), new UInt256((ulong)(1000 + (2 * m)), 0, 0, 0), new UInt256((ulong)(1001 + (2 * m)), 0, 0, 0));
            info.Tick = TickSize.Hundredth;
            info.MinOrderSize = Quantity.FromRaw(5_000_000);
        }

        var engine = new EngineCore(_registry, new EngineOptions { OrderCapacity = 4096 });
        _orders = engine.Orders;
        _live = new TrackerLiveOrders(_orders);
        long id = 1;

        // A quarter of the slots hold terminal orders (cancelled quotes kept for late events), spread over the tokens.
        for (var i = 0; i < 1024; i++)
        {
            var orderId = Id(id++);
            var intent = Intent(i % _registry.TokenCount);
            _orders.TryOpen(in intent, in orderId, 0, 1_000);
            _orders.OnPostRejected(orderId, 1_000);
        }

        for (var t = 0; t < _registry.TokenCount; t++)
        {
            var orderId = Id(id++);
            var intent = Intent(t);
            _orders.TryOpen(in intent, in orderId, 0, 2_000);
        }
    }

    [Benchmark(Baseline = true, Description = "scan every slot, copy open quotes, filter both tokens (before)")]
    public int ScanAllSlots()
    {
        var market = _registry.Market(_next++ % Markets);
        var count = _orders.CopyOpenQuotes(_scanCopy.AsSpan());
        return Filter(count, market.YesIndex) + Filter(count, market.NoIndex);
    }

    [Benchmark(Description = "per-token index, both tokens (after)")]
    public int PerTokenIndex()
    {
        var market = _registry.Market(_next++ % Markets);
        return _live.CopyLiveOrders(market.YesIndex, _destination) + _live.CopyLiveOrders(market.NoIndex, _destination);
    }

    private int Filter(int count, int token)
    {
        var n = 0;
        for (var i = 0; i < count && n < _destination.Length; i++)
        {
            if (_scanCopy[i].TokenIndex == token)
            {
                _destination[n++] = _scanCopy[i];
            }
        }

        return n;
    }

    private OrderIntent Intent(int token) => new()
    {
        Kind = IntentKind.Place,
        Origin = OrderOrigin.MakerQuote,
        Side = Side.Buy,
        PostOnly = true,
        TokenIndex = token,
        MarketIndex = _registry.MarketOfToken(token).MarketIndex,
        Price = Price.FromRaw(400_000),
        Size = Quantity.FromRaw(5_000_000),
    };

    private static Hash32 Id(long n)
    {
        Span<byte> bytes = stackalloc byte[32];
        BitConverter.TryWriteBytes(bytes, n);
        bytes[31] = 0xAB;
        return Hash32.FromBytes(bytes);
    }
}
