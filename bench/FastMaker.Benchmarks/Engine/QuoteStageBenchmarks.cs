using BenchmarkDotNet.Attributes;
using FastMaker.Benchmarks.Primitives;
using FastMaker.Engine;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Quoting;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Time;
using FastMaker.Primitives;
using ParserLevel = FastMaker.Polymarket.Parsing.BookLevel;

namespace FastMaker.Benchmarks.Engine;

/// <summary>
/// One price_change event through the engine: book, signals, quote model for both tokens of the market, and the
/// differ against two live orders. Baseline: the same event with the market in ChallengeWindow, where quoting stops
/// at the state check, so the difference is the cost of signals + quote + diff for the updated market.
/// </summary>
[Config(typeof(PrimitivesBenchmarkConfig))]
[MemoryDiagnoser]
public class QuoteStageBenchmarks
{
    private static readonly UInt256 Yes = UInt256.Parse("1001");
    private static readonly UInt256 No = UInt256.Parse("1002");
    private EngineCore _engine = null!;
    private MarketInfo _market = null!;
    private InboundEvent[] _changes = null!;
    private long _frame;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var registry = new MarketRegistry();
        _market = registry.GetOrAdd(Hash32.Parse("0x" + new string('a', 64)), Yes, No);
        _market.Tick = TickSize.Hundredth;
        _market.MinOrderSize = Quantity.FromRaw(5 * Quantity.Scale);
        _market.TakerFeeRateBps = 400;
        _market.EndMs = 10L * 24 * 3_600_000;
        _market.RewardsMaxSpread = Price.FromRaw(30_000);
        _market.RewardsMinSize = Quantity.FromRaw(20 * Quantity.Scale);
        _engine = new EngineCore(registry, new EngineOptions { StaleAfterMs = long.MaxValue / 4 });
        var live = new LiveOrderTable(2);
        live.Upsert(new LiveOrderView(Hash32.Parse("0x" + new string('1', 64)), _market.YesIndex, Side.Buy, Price.FromRaw(470_000), Quantity.FromRaw(50_000_000), Quantity.FromRaw(50_000_000), false));
        live.Upsert(new LiveOrderView(Hash32.Parse("0x" + new string('2', 64)), _market.NoIndex, Side.Buy, Price.FromRaw(480_000), Quantity.FromRaw(50_000_000), Quantity.FromRaw(50_000_000), false));
        _engine.Quotes.LiveOrders = live;
        var inventory = new InventoryTable();
        inventory.Set(_market.YesIndex, Quantity.FromRaw(100 * Quantity.Scale));
        _engine.Quotes.Inventory = inventory;

        Snapshot(Yes);
        Snapshot(No);
        _changes = new InboundEvent[64];
        for (var i = 0; i < _changes.Length; i++)
        {
            ref var e = ref _changes[i];
            e.Kind = InboundKind.PriceChange;
            e.Channel = InboundChannel.Market;
            e.Payload.PriceChange.AssetId = i % 2 == 0 ? Yes : No;
            e.Payload.PriceChange.Side = i % 4 < 2 ? Side.Buy : Side.Sell;
            e.Payload.PriceChange.Price = Price.FromRaw(i % 4 < 2 ? 400_000 + (i % 5) * 10_000 : 560_000 + (i % 5) * 10_000);
            e.Payload.PriceChange.Size = Quantity.FromRaw((10 + i % 13) * (long)Quantity.Scale);
            e.Payload.PriceChange.HasSize = true;
        }
    }

    [Benchmark(Baseline = true, Description = "price_change, market in ChallengeWindow (book + signals only)")]
    public int BookAndSignalsOnly()
    {
        _market.State = MarketState.ChallengeWindow;
        return Step();
    }

    [Benchmark(Description = "price_change, market Active (book + signals + quote 2 tokens + diff)")]
    public int FullQuote()
    {
        _market.State = MarketState.Active;
        return Step();
    }

    private int Step()
    {
        ref var e = ref _changes[_next++ & 63];
        e.ReceiveMs = 1_000 + _frame;
        e.FrameSequence = _frame++;
        _engine.OnEvent(ref e);
        return _engine.Intents.Count;
    }

    private void Snapshot(UInt256 asset)
    {
        var e = new InboundEvent { Kind = InboundKind.BookBegin, Channel = InboundChannel.Market, ReceiveMs = 1_000, FrameSequence = _frame };
        e.Payload.Book.AssetId = asset;
        e.Payload.Book.TickSize = TickSize.Hundredth;
        e.Payload.Book.HasTickSize = true;
        _engine.OnEvent(ref e);
        for (var i = 0; i < 10; i++)
        {
            e = new InboundEvent { Kind = InboundKind.BookLevel, Channel = InboundChannel.Market, ReceiveMs = 1_000, FrameSequence = _frame };
            e.Payload.BookLevel = new ParserLevel { Side = Side.Buy, Price = Price.FromRaw(450_000 - i * 10_000), Size = Quantity.FromRaw((100 + i) * (long)Quantity.Scale) };
            _engine.OnEvent(ref e);
            e.Payload.BookLevel = new ParserLevel { Side = Side.Sell, Price = Price.FromRaw(550_000 + i * 10_000), Size = Quantity.FromRaw((100 + i) * (long)Quantity.Scale) };
            _engine.OnEvent(ref e);
        }

        e = new InboundEvent { Kind = InboundKind.BookEnd, Channel = InboundChannel.Market, ReceiveMs = 1_000, FrameSequence = _frame++ };
        e.Payload.Book.AssetId = asset;
        _engine.OnEvent(ref e);
    }
}
