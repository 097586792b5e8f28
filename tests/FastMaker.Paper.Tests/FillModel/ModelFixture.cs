using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Paper.FillModel;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Paper.Tests.FillModel;

/// <summary>One binary market, a model over it with constant latencies unless told otherwise, and the events it reports.</summary>
internal sealed class ModelFixture : IPaperEventSink
{
    public const long PostMs = 10;
    public const long CancelMs = 20;

    private static readonly Hash32 Condition = Hash32.FromBytes(Enumerable.Repeat((byte)7, 32).ToArray());
    private int _orderCounter;

    public ModelFixture(PaperFillParameters? parameters = null, int? feeBps = null)
    {
        Market = Registry.GetOrAdd(Condition, new UInt256(1001, 0, 0, 0), new UInt256(1002, 0, 0, 0));
        Market.Tick = TickSize.Hundredth;
        Market.MinOrderSize = Quantity.Parse("5");
        Market.TakerFeeRateBps = feeBps;
        Parameters = parameters ?? Constant();
        Model = new PaperFillModel(Registry, Parameters, this);
    }

    public static PaperFillParameters Constant(double cancelCredit = 0, double power = 1) => new()
    {
        PostLatency = LatencyDistribution.Constant(PostMs),
        CancelLatency = LatencyDistribution.Constant(CancelMs),
        ReportLatency = LatencyDistribution.Constant(0),
        CancelCreditFactor = cancelCredit,
        CancelCreditPower = power,
    };

    public MarketRegistry Registry { get; } = new();
    public MarketInfo Market { get; }
    public PaperFillParameters Parameters { get; }
    public PaperFillModel Model { get; }
    public List<PaperEvent> Events { get; } = new(1024);

    public int Yes => Market.YesIndex;
    public int No => Market.NoIndex;

    public void OnPaperEvent(in PaperEvent e) => Events.Add(e);

    /// <summary>A price_change on a token: the new displayed size at a level (Buy = bid level).</summary>
    public void Level(bool yes, Side side, string price, string size, long ms)
    {
        var e = new InboundEvent { Kind = InboundKind.PriceChange, Channel = InboundChannel.Market, ReceiveMs = ms };
        e.Payload.PriceChange = new PriceChange
        {
            AssetId = yes ? Market.YesToken : Market.NoToken,
            Market = Condition,
            Price = Price.Parse(price),
            Size = Quantity.Parse(size),
            HasSize = true,
            Side = side,
            EntryCount = 1,
        };
        Feed(ref e);
    }

    /// <summary>A last_trade_price on a token, with the taker's side.</summary>
    public void Print(bool yes, Side takerSide, string price, string size, long ms)
    {
        var e = new InboundEvent { Kind = InboundKind.LastTradePrice, Channel = InboundChannel.Market, ReceiveMs = ms };
        e.Payload.LastTrade = new LastTradePrice
        {
            AssetId = yes ? Market.YesToken : Market.NoToken,
            Market = Condition,
            Price = Price.Parse(price),
            Size = Quantity.Parse(size),
            Side = takerSide,
        };
        Feed(ref e);
    }

    /// <summary>A full book snapshot of a token.</summary>
    public void Snapshot(bool yes, long ms, (string Price, string Size)[] bids, (string Price, string Size)[] asks)
    {
        var begin = new InboundEvent { Kind = InboundKind.BookBegin, Channel = InboundChannel.Market, ReceiveMs = ms };
        begin.Payload.Book = new BookSnapshot { AssetId = yes ? Market.YesToken : Market.NoToken, Market = Condition, BidCount = bids.Length, AskCount = asks.Length };
        Feed(ref begin);
        for (int i = 0; i < bids.Length + asks.Length; i++)
        {
            bool bid = i < bids.Length;
            var (p, s) = bid ? bids[i] : asks[i - bids.Length];
            var level = new InboundEvent { Kind = InboundKind.BookLevel, Channel = InboundChannel.Market, ReceiveMs = ms };
            level.Payload.BookLevel = new FastMaker.Polymarket.Parsing.BookLevel { Price = Price.Parse(p), Size = Quantity.Parse(s), Side = bid ? Side.Buy : Side.Sell };
            Feed(ref level);
        }

        var end = begin;
        end.Kind = InboundKind.BookEnd;
        Feed(ref end);
    }

    public void Feed(ref InboundEvent e)
    {
        Model.AdvanceTo(e.ReceiveMs);
        Model.OnMarketEvent(in e);
    }

    public Hash32 Place(Side side, string price, string size, long sentMs, bool yes = true, bool postOnly = true,
        IntentTimeInForce tif = IntentTimeInForce.Gtc)
    {
        var id = NewId();
        Model.Place(new PaperOrderRequest
        {
            OrderId = id,
            MarketIndex = Market.MarketIndex,
            TokenIndex = yes ? Yes : No,
            Side = side,
            Price = Price.Parse(price),
            Size = Quantity.Parse(size),
            PostOnly = postOnly,
            TimeInForce = tif,
            SentMs = sentMs,
        });
        return id;
    }

    public Hash32 NewId()
    {
        var bytes = new byte[32];
        bytes[0] = 0xAB;
        BitConverter.TryWriteBytes(bytes.AsSpan(28), ++_orderCounter);
        return Hash32.FromBytes(bytes);
    }

    public List<PaperEvent> Of(Hash32 id, PaperEventKind kind) => Events.Where(e => e.OrderId == id && e.Kind == kind).ToList();

    public decimal FilledShares(Hash32 id) => Of(id, PaperEventKind.Fill).Sum(e => (decimal)e.Size.Raw) / Quantity.Scale;

    public static decimal Shares(Quantity q) => (decimal)q.Raw / Quantity.Scale;
}
