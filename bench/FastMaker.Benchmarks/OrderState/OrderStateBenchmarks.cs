using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FastMaker.Benchmarks.Primitives;
using FastMaker.Engine;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Registry;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Benchmarks.OrderState;

/// <summary>
/// The risk check the gate runs per intent, and one order's whole life (approve and reserve, post reply, a maker
/// fill MATCHED then CONFIRMED), with 100 other open orders in 20 markets. Baselines do the same with the
/// prototype's approach: orders keyed by hex string, reservations and exposure recomputed with LINQ per check.
/// </summary>
[Config(typeof(PrimitivesBenchmarkConfig))]
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OrderStateBenchmarks
{
    private const int Ids = 1 << 16;
    private EngineCore _engine = null!;
    private Hash32[] _ids = null!;
    private Guid[] _trades = null!;
    private OrderIntent _intent;
    private TradeEvent _trade;
    private MakerOrderFill _leg;
    private int _next;
    private List<NaiveOrder> _naive = null!;
    private Dictionary<string, NaiveOrder> _naiveById = null!;

    private sealed class NaiveOrder
    {
        public required string Id;
        public required int Market;
        public required int Token;
        public required bool Buy;
        public required decimal Price;
        public required decimal Remaining;
        public bool Open = true;
    }

    [GlobalSetup]
    public void Setup()
    {
        var registry = new MarketRegistry();
        for (var m = 0; m < 20; m++)
        {
            var info = registry.GetOrAdd(Hash32.FromBytes(Bytes(m, 0xC0)), new UInt256((ulong)(1000 + (2 * m)), 0, 0, 0), new UInt256((ulong)(1001 + (2 * m)), 0, 0, 0));
            info.TakerFeeRateBps = 0;
        }

        _engine = new EngineCore(registry, new EngineOptions());
        _engine.Positions.SetCollateral(Amount.FromRaw(1_000_000_000_000_000));
        _ids = new Hash32[Ids];
        _trades = new Guid[Ids];
        for (var i = 0; i < Ids; i++)
        {
            _ids[i] = Hash32.FromBytes(Bytes(i, 0xAB));
            _trades[i] = new Guid(i, 1, 2, new byte[8]);
        }

        _naive = new List<NaiveOrder>();
        _naiveById = new Dictionary<string, NaiveOrder>();
        for (var i = 0; i < 100; i++)
        {
            var market = i % 20;
            var intent = Intent(registry.Market(market).YesIndex, market, Price.FromRaw(100_000 + (i * 1_000)), Quantity.FromRaw(10_000_000));
            var id = Hash32.FromBytes(Bytes(i, 0x77));
            _engine.Risk.Reserve(in intent, in id);
            var naive = new NaiveOrder { Id = id.ToString(), Market = market, Token = intent.TokenIndex, Buy = true, Price = 0.1m + (i * 0.001m), Remaining = 10m };
            _naive.Add(naive);
            _naiveById.Add(naive.Id, naive);
        }

        _intent = Intent(registry.Market(3).YesIndex, 3, Price.FromRaw(450_000), Quantity.FromRaw(20_000_000));
        _trade = new TradeEvent { Side = Side.Sell, Size = Quantity.FromRaw(20_000_000), Price = Price.FromRaw(450_000), Status = TradeStatusCode.Matched, TraderSide = TraderSide.Maker, MakerOrderCount = 1 };
        _leg = new MakerOrderFill { AssetId = registry.Market(3).YesToken, MatchedAmount = Quantity.FromRaw(20_000_000), Price = Price.FromRaw(450_000), Side = Side.Buy, HasSide = true };
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Check")]
    public bool NaiveRiskCheck()
    {
        // The prototype: recompute reserved collateral, market exposure and open count from the order list.
        var reserved = _naive.Where(o => o.Open && o.Buy).Sum(o => o.Price * o.Remaining);
        var market = _naive.Where(o => o.Open && o.Market == 3).Sum(o => o.Price * o.Remaining);
        var open = _naive.Count(o => o.Open);
        return reserved + 9m < 1_000_000_000m && market + 9m < 500m && open < 200;
    }

    [Benchmark]
    [BenchmarkCategory("Check")]
    public FastMaker.Engine.Gate.GateRejectReason RiskCheck() => _engine.Risk.Check(in _intent);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Life")]
    public long NaiveOrderLife()
    {
        // The prototype: string-keyed orders, reservations recomputed after each change.
        var id = _ids[_next++ & (Ids - 1)].ToString();
        var order = new NaiveOrder { Id = id, Market = 3, Token = 6, Buy = true, Price = 0.45m, Remaining = 20m };
        _naive.Add(order);
        _naiveById[id] = order;
        var reserved = _naive.Where(o => o.Open && o.Buy).Sum(o => o.Price * o.Remaining);
        var filled = _naiveById[id];
        filled.Remaining -= 20m;
        filled.Open = false;
        reserved = _naive.Where(o => o.Open && o.Buy).Sum(o => o.Price * o.Remaining);
        _naive.Remove(filled);
        _naiveById.Remove(id);
        return (long)reserved;
    }

    [Benchmark]
    [BenchmarkCategory("Life")]
    public long OrderLife()
    {
        var i = _next++ & (Ids - 1);
        var id = _ids[i];
        _engine.Risk.Reserve(in _intent, in id);
        _engine.Orders.OnPostAccepted(id, PostStatus.Live, Quantity.Zero, 1_000);
        _trade.TradeId = _trades[i];
        _trade.TakerOrderId = _ids[(i + 1) & (Ids - 1)];
        _leg.OrderId = id;
        _trade.Status = TradeStatusCode.Matched;
        _engine.Orders.OnTrade(in _trade, 6, 1_000);
        _engine.Orders.OnTradeMakerOrder(in _leg, 6, 1_000);
        _engine.Orders.OnTradeEnd();
        _trade.Status = TradeStatusCode.Confirmed;
        _engine.Orders.OnTrade(in _trade, 6, 1_000);
        _engine.Orders.OnTradeMakerOrder(in _leg, 6, 1_000);
        _engine.Orders.OnTradeEnd();
        _engine.Risk.OnOrdersChanged(3, 1_000);
        return _engine.Reservations.TotalCollateral;
    }

    private static OrderIntent Intent(int token, int market, Price price, Quantity size) => new()
    {
        Kind = IntentKind.Place,
        Origin = OrderOrigin.MakerQuote,
        Side = Side.Buy,
        PostOnly = true,
        TokenIndex = token,
        MarketIndex = market,
        Price = price,
        Size = size,
        CreatedMs = 1_000,
    };

    private static byte[] Bytes(int n, byte tag)
    {
        var bytes = new byte[32];
        BitConverter.TryWriteBytes(bytes, n);
        bytes[31] = tag;
        return bytes;
    }
}
