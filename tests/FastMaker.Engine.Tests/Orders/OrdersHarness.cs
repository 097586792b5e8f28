using FastMaker.Engine.Orders;
using FastMaker.Engine.Positions;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Risk;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Orders;

/// <summary>An engine with a few markets and a funded account, and builders for intents, events and trades.</summary>
internal sealed class OrdersHarness
{
    private long _nextId = 1;

    public OrdersHarness(int markets = 2, long collateral = 1_000_000_000, RiskLimits? limits = null, int orderCapacity = 256, int fillCapacity = 1024)
    {
        Registry = new MarketRegistry();
        for (var m = 0; m < markets; m++)
        {
            var info = Registry.GetOrAdd(ConditionId(m), new UInt256((ulong)(1000 + (2 * m)), 0, 0, 0), new UInt256((ulong)(1001 + (2 * m)), 0, 0, 0));
            info.Tick = TickSize.Hundredth;
            info.MinOrderSize = Quantity.FromRaw(5_000_000);
            info.TakerFeeRateBps = 0;
        }

        Engine = new EngineCore(Registry, new EngineOptions
        {
            Risk = limits ?? new RiskLimits(),
            OrderCapacity = orderCapacity,
            FillCapacity = fillCapacity,
        });
        Engine.Positions.SetCollateral(Amount.FromRaw(collateral));
    }

    public MarketRegistry Registry { get; }

    public EngineCore Engine { get; }

    public OrderTracker Orders => Engine.Orders;

    public RiskEngine Risk => Engine.Risk;

    public PositionBook Positions => Engine.Positions;

    public Reservations Reservations => Engine.Reservations;

    public static Hash32 ConditionId(int market)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes[0] = 0xC0;
        bytes[31] = (byte)market;
        return Hash32.FromBytes(bytes);
    }

    public int Yes(int market = 0) => Registry.Market(market).YesIndex;

    public int No(int market = 0) => Registry.Market(market).NoIndex;

    public UInt256 Asset(int token) => token % 2 == 0 ? Registry.MarketOfToken(token).YesToken : Registry.MarketOfToken(token).NoToken;

    public Hash32 NewId()
    {
        Span<byte> bytes = stackalloc byte[32];
        BitConverter.TryWriteBytes(bytes, _nextId++);
        bytes[31] = 0xAB;
        return Hash32.FromBytes(bytes);
    }

    public static Price P(string text) => Price.Parse(text);

    public static Quantity Q(string text) => Quantity.Parse(text);

    public static long Usd(string text) => Amount.Parse(text).Raw;

    public OrderIntent Intent(int token, Side side, string price, string size, bool postOnly = true, OrderOrigin origin = OrderOrigin.MakerQuote,
        IntentTimeInForce tif = IntentTimeInForce.Gtc, long nowMs = 1_000) => new()
    {
        Kind = IntentKind.Place,
        Origin = origin,
        Side = side,
        PostOnly = postOnly,
        TimeInForce = tif,
        TokenIndex = token,
        MarketIndex = Registry.MarketOfToken(token).MarketIndex,
        Price = P(price),
        Size = Q(size),
        CreatedMs = nowMs,
    };

    /// <summary>Checks and reserves like the gate does; fails the test when risk refuses.</summary>
    public Hash32 Submit(OrderIntent intent)
    {
        var reason = Risk.Check(in intent);
        Assert.Equal(FastMaker.Engine.Gate.GateRejectReason.None, reason);
        var id = NewId();
        Risk.Reserve(in intent, in id);
        Assert.Equal(OrderEventOutcome.Applied, Risk.LastReserveOutcome);
        return id;
    }

    public Hash32 Submit(int token, Side side, string price, string size, bool postOnly = true) => Submit(Intent(token, side, price, size, postOnly));

    public Hash32 Replace(Hash32 target, int token, Side side, string price, string size, long nowMs = 2_000)
    {
        var intent = Intent(token, side, price, size, nowMs: nowMs);
        intent.Kind = IntentKind.Replace;
        intent.TargetOrderId = target;
        return Submit(intent);
    }

    public OrderEvent OrderEv(Hash32 id, OrderEventType type, int token, Side side, string price, string original, string matched,
        OrderStatusCode status = OrderStatusCode.Live, long timestampMs = 0) => new()
    {
        OrderId = id,
        Market = Registry.MarketOfToken(token).ConditionId,
        AssetId = Asset(token),
        Side = side,
        Price = P(price),
        OriginalSize = Q(original),
        SizeMatched = Q(matched),
        Type = type,
        Status = status,
        TimestampMs = timestampMs,
    };

    public OrderEventOutcome Order(Hash32 id, OrderEventType type, string matched, OrderStatusCode status = OrderStatusCode.Live, long nowMs = 3_000)
    {
        Assert.True(Orders.TryGet(id, out var o));
        var e = OrderEv(id, type, o.TokenIndex, o.Side, o.Price.ToString(), o.OriginalSize.ToString(), matched, status, nowMs);
        return Orders.OnOrderEvent(in e, o.TokenIndex, nowMs);
    }

    public static Guid TradeId(int n) => new(n, 0, 0, new byte[8]);

    /// <summary>A trade where <paramref name="takerOrder"/> took <paramref name="size"/> at <paramref name="price"/>, against the given maker legs.</summary>
    public TradeEvent TradeHeader(Guid tradeId, Hash32 takerOrder, int takerToken, Side takerSide, string size, string price,
        TradeStatusCode status, TraderSide traderSide, int makerCount) => new()
    {
        TradeId = tradeId,
        TakerOrderId = takerOrder,
        Market = Registry.MarketOfToken(takerToken).ConditionId,
        AssetId = Asset(takerToken),
        Side = takerSide,
        Size = Q(size),
        Price = P(price),
        Status = status,
        TraderSide = traderSide,
        MakerOrderCount = makerCount,
        MatchTimeMs = 5_000,
    };

    public MakerOrderFill MakerLeg(Hash32 orderId, int token, string matched, string price, Side? side = null, int index = 0) => new()
    {
        OrderId = orderId,
        AssetId = Asset(token),
        MatchedAmount = Q(matched),
        Price = P(price),
        Side = side ?? Side.Buy,
        HasSide = side.HasValue,
        Index = index,
    };

    /// <summary>Our resting order <paramref name="ours"/> is filled as a maker by someone else's taker order.</summary>
    public OrderEventOutcome MakerFill(Guid tradeId, Hash32 ours, string matched, TradeStatusCode status, TraderSide traderSide = TraderSide.Maker, long nowMs = 5_000)
    {
        Assert.True(Orders.TryGet(ours, out var o));
        var takerSide = o.Side == Side.Buy ? Side.Sell : Side.Buy;
        var header = TradeHeader(tradeId, NewForeignId(), o.TokenIndex, takerSide, matched, o.Price.ToString(), status, traderSide, 1);
        Orders.OnTrade(in header, o.TokenIndex, nowMs);
        var leg = MakerLeg(ours, o.TokenIndex, matched, o.Price.ToString(), o.Side);
        var outcome = Orders.OnTradeMakerOrder(in leg, o.TokenIndex, nowMs);
        Orders.OnTradeEnd();
        Risk.OnOrdersChanged(o.MarketIndex, nowMs);
        return outcome;
    }

    /// <summary>Our order <paramref name="ours"/> takes <paramref name="size"/> at <paramref name="price"/>.</summary>
    public OrderEventOutcome TakerFill(Guid tradeId, Hash32 ours, string size, string price, TradeStatusCode status, TraderSide traderSide = TraderSide.Taker, long nowMs = 5_000)
    {
        Assert.True(Orders.TryGet(ours, out var o));
        var header = TradeHeader(tradeId, ours, o.TokenIndex, o.Side, size, price, status, traderSide, 0);
        var outcome = Orders.OnTrade(in header, o.TokenIndex, nowMs);
        Orders.OnTradeEnd();
        Risk.OnOrdersChanged(o.MarketIndex, nowMs);
        return outcome;
    }

    private Hash32 NewForeignId()
    {
        Span<byte> bytes = stackalloc byte[32];
        BitConverter.TryWriteBytes(bytes, _nextId++);
        bytes[31] = 0xEE;
        return Hash32.FromBytes(bytes);
    }

    public OrderState State(Hash32 id)
    {
        Assert.True(Orders.TryGet(id, out var o));
        return o.State;
    }

    public TrackedOrder Get(Hash32 id)
    {
        Assert.True(Orders.TryGet(id, out var o));
        return o;
    }
}
