using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Quoting;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Signals;
using FastMaker.Engine.Time;
using FastMaker.Primitives;
using ParserLevel = FastMaker.Polymarket.Parsing.BookLevel;

namespace FastMaker.Engine.Tests.Quoting;

/// <summary>An engine with one fully described market, fed with hand-built inbound events.</summary>
internal sealed class QuoteTestMarket
{
    public static readonly UInt256 YesId = UInt256.Parse("1001");
    public static readonly UInt256 NoId = UInt256.Parse("1002");
    private long _frame;

    public QuoteTestMarket(QuoteOptions? quoteOptions = null, SignalOptions? signalOptions = null, TickSize? tick = null)
    {
        var registry = new MarketRegistry();
        Market = registry.GetOrAdd(Hash32.Parse("0x" + new string('a', 64)), YesId, NoId);
        Market.Tick = tick ?? TickSize.Hundredth;
        Market.MinOrderSize = Quantity.FromRaw(5 * Quantity.Scale);
        Market.TakerFeeRateBps = 0;
        Market.EndMs = 10L * 24 * 3_600_000;
        Market.State = MarketState.Active;
        Market.AcceptingOrders = true;
        Engine = new EngineCore(registry, new EngineOptions { StaleAfterMs = 30_000 }, signalOptions: signalOptions ?? new SignalOptions(), quoteOptions: quoteOptions ?? new QuoteOptions());
        LiveOrders = new LiveOrderTable(2);
        Inventory = new InventoryTable();
        Engine.Quotes.LiveOrders = LiveOrders;
        Engine.Quotes.Inventory = Inventory;
    }

    public MarketInfo Market { get; }
    public EngineCore Engine { get; }
    public LiveOrderTable LiveOrders { get; }
    public InventoryTable Inventory { get; }
    public int Yes => Market.YesIndex;
    public int No => Market.NoIndex;

    public void Snapshot(UInt256 asset, long ms, (int Price, long Size)[] bids, (int Price, long Size)[] asks)
    {
        var frame = _frame++;
        var e = NewEvent(InboundKind.BookBegin, ms, frame);
        e.Payload.Book.AssetId = asset;
        e.Payload.Book.TickSize = Market.Tick!.Value;
        e.Payload.Book.HasTickSize = true;
        Engine.OnEvent(ref e);
        foreach (var (price, size) in bids)
        {
            Level(Side.Buy, price, size, ms, frame);
        }

        foreach (var (price, size) in asks)
        {
            Level(Side.Sell, price, size, ms, frame);
        }

        e = NewEvent(InboundKind.BookEnd, ms, frame);
        e.Payload.Book.AssetId = asset;
        Engine.OnEvent(ref e);
    }

    public void Change(UInt256 asset, Side side, int price, long size, long ms)
    {
        var e = NewEvent(InboundKind.PriceChange, ms, _frame++);
        e.Payload.PriceChange.AssetId = asset;
        e.Payload.PriceChange.Side = side;
        e.Payload.PriceChange.Price = Price.FromRaw(price);
        e.Payload.PriceChange.Size = Quantity.FromRaw(size * Quantity.Scale);
        e.Payload.PriceChange.HasSize = true;
        Engine.OnEvent(ref e);
    }

    public void Trade(UInt256 asset, Side aggressor, int price, long size, long ms)
    {
        var e = NewEvent(InboundKind.LastTradePrice, ms, _frame++);
        e.Payload.LastTrade.AssetId = asset;
        e.Payload.LastTrade.Side = aggressor;
        e.Payload.LastTrade.Price = Price.FromRaw(price);
        e.Payload.LastTrade.Size = Quantity.FromRaw(size * Quantity.Scale);
        Engine.OnEvent(ref e);
    }

    public void Housekeeping(long ms)
    {
        var e = NewEvent(InboundKind.Timer, ms, _frame++);
        e.Payload.Timer.Kind = TimerKind.Housekeeping;
        e.Payload.Timer.DueMs = ms;
        Engine.OnEvent(ref e);
    }

    private void Level(Side side, int price, long size, long ms, long frame)
    {
        var e = NewEvent(InboundKind.BookLevel, ms, frame);
        e.Payload.BookLevel = new ParserLevel { Side = side, Price = Price.FromRaw(price), Size = Quantity.FromRaw(size * Quantity.Scale) };
        Engine.OnEvent(ref e);
    }

    private static InboundEvent NewEvent(InboundKind kind, long ms, long frame) => new()
    {
        Kind = kind,
        Channel = InboundChannel.Market,
        ReceiveMs = ms,
        FrameSequence = frame,
        TokenIndex = -1,
    };
}
