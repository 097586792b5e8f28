using FastMaker.Engine;
using FastMaker.Engine.Budget;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Signing;
using FastMaker.Engine.Time;
using FastMaker.Paper.Execution;
using FastMaker.Paper.FillModel;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Parsing;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Paper.Tests.Execution;

/// <summary>A real engine, gate and deterministic signer (the Anvil test key) publishing to a paper venue, over one market.</summary>
internal sealed class PaperEngineFixture : IDisposable
{
    public static readonly byte[] Key = Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static readonly Hash32 Condition = Hash32.FromBytes(Enumerable.Repeat((byte)9, 32).ToArray());
    private long _frame;

    public PaperEngineFixture(PaperFillParameters? parameters = null)
    {
        Market = Registry.GetOrAdd(Condition, new UInt256(2001, 0, 0, 0), new UInt256(2002, 0, 0, 0));
        Market.Tick = TickSize.Hundredth;
        Market.MinOrderSize = Quantity.Parse("5");
        Engine = new EngineCore(Registry, new EngineOptions());
        Engine.Positions.SetCollateral(Amount.FromRaw(1_000 * 1_000_000L));

        // The tests place orders by hand: the quote differ must not see them (it would cancel what it did not ask for).
        Engine.Quotes.LiveOrders = new NoLiveOrders();
        Signer = new EthSigner(Key);
        var builder = new OrderBuilder(Signer, ExchangeDomain.Polygon, SignatureType.Eoa, null, "00000000-0000-0000-0000-000000000001");
        Sign = new SignStage(builder, null, SigningMode.Deterministic, saltSeed: 42, requestPoolCapacity: 64);
        Paper = new PaperExecution(Registry, parameters ?? new PaperFillParameters
        {
            PostLatency = LatencyDistribution.Constant(50),
            CancelLatency = LatencyDistribution.Constant(40),
            ReportLatency = LatencyDistribution.Constant(10),
        }, () => Engine.NowMs, Sign.Pool);
        Gate = new ExecutionGate(Registry, Engine.Risk, new TrackedOrderLookup(Engine.Orders),
            new MutationBudget(MutationBudgetOptions.Production with { MarketCooldownMs = 0 }), Sign, Paper);
        Engine.AttachGate(Gate);
        Gate.SetMarketState(Market.MarketIndex, MarketState.Active);
        Session = new PaperSession(Engine, Paper);
    }

    public MarketRegistry Registry { get; } = new();
    public MarketInfo Market { get; }
    public EngineCore Engine { get; }
    public EthSigner Signer { get; }
    public SignStage Sign { get; }
    public PaperExecution Paper { get; }
    public ExecutionGate Gate { get; }
    public PaperSession Session { get; }

    public void Snapshot(long ms, (string Price, string Size)[] bids, (string Price, string Size)[] asks, bool yes = true)
    {
        long frame = ++_frame;
        var begin = MarketEvent(InboundKind.BookBegin, ms, frame);
        begin.Payload.Book = new BookSnapshot { AssetId = yes ? Market.YesToken : Market.NoToken, Market = Condition, BidCount = bids.Length, AskCount = asks.Length, TimestampMs = ms };
        Session.OnEvent(ref begin);
        for (int i = 0; i < bids.Length + asks.Length; i++)
        {
            bool bid = i < bids.Length;
            var (p, s) = bid ? bids[i] : asks[i - bids.Length];
            var level = MarketEvent(InboundKind.BookLevel, ms, frame);
            level.Payload.BookLevel = new FastMaker.Polymarket.Parsing.BookLevel { Price = Price.Parse(p), Size = Quantity.Parse(s), Side = bid ? Side.Buy : Side.Sell, Index = bid ? i : i - bids.Length };
            Session.OnEvent(ref level);
        }

        var end = MarketEvent(InboundKind.BookEnd, ms, frame);
        end.Payload.Book = begin.Payload.Book;
        Session.OnEvent(ref end);
    }

    public void Level(bool yes, Side side, string price, string size, long ms)
    {
        var e = MarketEvent(InboundKind.PriceChange, ms, ++_frame);
        e.Payload.PriceChange = new PriceChange { AssetId = yes ? Market.YesToken : Market.NoToken, Market = Condition, Price = Price.Parse(price), Size = Quantity.Parse(size), HasSize = true, Side = side, EntryCount = 1, TimestampMs = ms };
        Session.OnEvent(ref e);
    }

    public void Print(bool yes, Side takerSide, string price, string size, long ms)
    {
        var e = MarketEvent(InboundKind.LastTradePrice, ms, ++_frame);
        e.Payload.LastTrade = new LastTradePrice { AssetId = yes ? Market.YesToken : Market.NoToken, Market = Condition, Price = Price.Parse(price), Size = Quantity.Parse(size), Side = takerSide, TimestampMs = ms };
        Session.OnEvent(ref e);
    }

    /// <summary>Moves the clock with a timer event (nothing else), delivering what is due by then.</summary>
    public void Tick(long ms)
    {
        var e = new InboundEvent { Kind = InboundKind.Timer, Channel = InboundChannel.Control, ReceiveMs = ms, FrameSequence = ++_frame };
        e.Payload.Timer = new TimerTick { Kind = TimerKind.VenueHeartbeat, DueMs = ms };
        Session.OnEvent(ref e);
    }

    public GateRejectReason Bid(string price, string size, bool postOnly = true, bool yes = true, Side side = Side.Buy) =>
        Engine.Submit(new OrderIntent
        {
            Kind = IntentKind.Place,
            Origin = OrderOrigin.MakerQuote,
            Side = side,
            PostOnly = postOnly,
            TimeInForce = IntentTimeInForce.Gtc,
            TokenIndex = yes ? Market.YesIndex : Market.NoIndex,
            MarketIndex = Market.MarketIndex,
            Price = Price.Parse(price),
            Size = Quantity.Parse(size),
            CreatedMs = Engine.NowMs,
        });

    public GateRejectReason CancelOrder(Hash32 id) => Engine.Submit(new OrderIntent
    {
        Kind = IntentKind.Cancel,
        Origin = OrderOrigin.MakerQuote,
        TargetOrderId = id,
        TokenIndex = Market.YesIndex,
        MarketIndex = Market.MarketIndex,
        CreatedMs = Engine.NowMs,
    });

    private static InboundEvent MarketEvent(InboundKind kind, long ms, long frame) =>
        new() { Kind = kind, Channel = InboundChannel.Market, ReceiveMs = ms, FrameSequence = frame };

    private sealed class NoLiveOrders : FastMaker.Engine.Quoting.ILiveOrderSource
    {
        public int CopyLiveOrders(int tokenIndex, Span<LiveOrderView> destination) => 0;
    }

    public void Dispose()
    {
        Sign.Dispose();
        Signer.Dispose();
    }
}
