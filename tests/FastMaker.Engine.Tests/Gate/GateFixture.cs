using FastMaker.Engine.Budget;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Risk;
using FastMaker.Engine.Signing;
using FastMaker.Engine.Time;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Gate;

/// <summary>A small risk engine double: a settable verdict and kill switch, and a record of reservations.</summary>
internal sealed class FakeRisk : IPreTradeRisk
{
    public GateRejectReason Verdict { get; set; }
    public bool KillSwitchOn { get; set; }
    public int Checks { get; private set; }
    public List<(OrderIntent Intent, Hash32 OrderId)> Reserved { get; } = new();
    public bool RecordReservations { get; set; } = true;

    public GateRejectReason Check(in OrderIntent intent)
    {
        Checks++;
        return Verdict;
    }

    public void Reserve(in OrderIntent intent, in Hash32 orderId)
    {
        if (RecordReservations) Reserved.Add((intent, orderId));
    }
}

/// <summary>Working orders known to the engine.</summary>
internal sealed class FakeOrders : IOrderLookup
{
    public Dictionary<Hash32, LiveOrderView> Live { get; } = new();

    public bool TryGetLive(in Hash32 orderId, out LiveOrderView order) => Live.TryGetValue(orderId, out order);
}

/// <summary>Collects published requests; optionally returns them to the pool at once (a sender that keeps up).</summary>
internal sealed class ListSink : ISignedRequestSink
{
    public List<SignedRequest> Requests { get; } = new();
    public SignedRequestPool? ReturnTo { get; set; }
    public int Published { get; private set; }

    public void Publish(SignedRequest request)
    {
        Published++;
        if (ReturnTo is not null) ReturnTo.Return(request);
        else Requests.Add(request);
    }
}

/// <summary>A registry of markets with a gate over fakes and a deterministic signer (the Anvil test key).</summary>
internal sealed class GateFixture : IDisposable
{
    public static readonly byte[] Key = Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    public const long T0 = 1_760_000_000_000;

    public GateFixture(int markets = 3, MutationBudgetOptions? budget = null, bool withL2 = false)
    {
        for (int i = 0; i < markets; i++)
        {
            var info = Registry.GetOrAdd(Hash32.FromBytes(Filled(32, (byte)(i + 1))), new UInt256((ulong)(1000 + 2 * i), 0, 0, 0),
                new UInt256((ulong)(1001 + 2 * i), 0, 0, 0));
            info.Tick = TickSize.Hundredth;
            info.MinOrderSize = Quantity.FromRaw(5_000_000);
        }

        Signer = new EthSigner(Key);
        Builder = new OrderBuilder(Signer, ExchangeDomain.Polygon, SignatureType.Eoa, null, "00000000-0000-0000-0000-000000000001");
        L2 = withL2 ? new L2Signer(new ApiCredentials("00000000-0000-0000-0000-000000000001", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTEyMzQ=", "pass"), Signer.AddressChecksummed) : null;
        Sign = new SignStage(Builder, L2, SigningMode.Deterministic, saltSeed: 42, requestPoolCapacity: 64);
        Budget = new MutationBudget(budget ?? MutationBudgetOptions.Production with { MarketCooldownMs = 0 });
        Gate = new ExecutionGate(Registry, Risk, Orders, Budget, Sign, Sink);
        for (int i = 0; i < markets; i++) Gate.SetMarketState(i, MarketState.Active);
    }

    public MarketRegistry Registry { get; } = new();
    public FakeRisk Risk { get; } = new();
    public FakeOrders Orders { get; } = new();
    public ListSink Sink { get; } = new();
    public EthSigner Signer { get; }
    public OrderBuilder Builder { get; }
    public L2Signer? L2 { get; }
    public SignStage Sign { get; }
    public MutationBudget Budget { get; }
    public ExecutionGate Gate { get; }

    /// <summary>A valid post-only GTC maker BUY of 10 @ 0.50 on the market's first token.</summary>
    public OrderIntent Bid(int market = 0, string price = "0.50", string size = "10")
    {
        var info = Registry.Market(market);
        return new OrderIntent
        {
            Kind = IntentKind.Place,
            Origin = OrderOrigin.MakerQuote,
            Side = Side.Buy,
            PostOnly = true,
            TimeInForce = IntentTimeInForce.Gtc,
            TokenIndex = info.YesIndex,
            MarketIndex = market,
            Price = Price.Parse(price),
            Size = Quantity.Parse(size),
            CreatedMs = T0,
        };
    }

    public static byte[] Filled(int n, byte b)
    {
        var a = new byte[n];
        a.AsSpan().Fill(b);
        return a;
    }

    public void Dispose() => Signer.Dispose();
}
