using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using FastMaker.Venue.Scenarios;
using VenueLedger = FastMaker.Venue.Ledger.Ledger;

namespace FastMaker.Venue.Tests.Matching;

/// <summary>An engine with one 0.01-tick market, a fake clock, recorded events and funded accounts.</summary>
internal sealed class EngineFixture
{
    public static readonly DateTimeOffset Start = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private int _nextOrder;

    public EngineFixture(EngineOptions? options = null, int feeRatePpm = 0, int feeExponent = 1, TickSize? tick = null, long minSizeRaw = 5_000_000)
    {
        Clock = new SteppedTimeProvider(Start);
        Ledger = new VenueLedger();
        Events = new RecordingEvents();
        Engine = new MatchingEngine(Ledger, Clock, Events, options ?? new EngineOptions { MinedDelay = TimeSpan.FromSeconds(2), ConfirmedDelay = TimeSpan.FromSeconds(5) });
        Market = MakeMarket(1, tick ?? TickSize.Hundredth, feeRatePpm, feeExponent, minSizeRaw);
        Engine.AddMarket(Market);
    }

    public SteppedTimeProvider Clock { get; }
    public VenueLedger Ledger { get; }
    public RecordingEvents Events { get; }
    public MatchingEngine Engine { get; }
    public VenueMarket Market { get; }
    public UInt256 Yes => Market.YesToken;
    public UInt256 No => Market.NoToken;

    public static VenueMarket MakeMarket(int n, TickSize tick, int feeRatePpm = 0, int feeExponent = 1, long minSizeRaw = 5_000_000, bool clearBookOnStart = false) => new()
    {
        ConditionId = HashOf(0xC0000 + n),
        Question = "Market " + n,
        YesToken = new UInt256((ulong)(1000 + 2 * n), 0, 0, 0),
        NoToken = new UInt256((ulong)(1001 + 2 * n), 0, 0, 0),
        TickSize = tick,
        MinOrderSize = Quantity.FromRaw(minSizeRaw),
        TakerFeeRatePpm = feeRatePpm,
        TakerFeeExponent = feeExponent,
        ClearBookOnStart = clearBookOnStart,
    };

    public static Hash32 HashOf(long n)
    {
        Span<byte> b = stackalloc byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(b[24..], n);
        b[0] = 0xAB;
        return Hash32.FromBytes(b);
    }

    public static EthAddress Address(int n)
    {
        Span<byte> b = stackalloc byte[20];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(b[16..], n);
        b[0] = 0x11;
        return EthAddress.FromBytes(b);
    }

    public static string Owner(int n) => "key-" + n;

    /// <summary>Funds account n with collateral (whole pUSD).</summary>
    public void Fund(int n, decimal collateral) => Ledger.Deposit(Address(n), Amount.FromRaw(Micros(collateral)));

    /// <summary>Gives account n tokens (whole shares).</summary>
    public void FundTokens(int n, UInt256 token, decimal shares) => Ledger.DepositTokens(Address(n), token, Quantity.FromRaw(Micros(shares)));

    public static long Micros(decimal x) => (long)(x * 1_000_000m);

    public OrderRequest Limit(int account, UInt256 token, Side side, decimal price, decimal size, OrderType type = OrderType.Gtc, bool postOnly = false, long expiration = 0)
    {
        long shares = Micros(size);
        long collateral = Micros(size * price);
        return new OrderRequest
        {
            OrderId = HashOf(++_nextOrder),
            Owner = Owner(account),
            Maker = Address(account),
            Signer = Address(account),
            Token = token,
            Side = side,
            MakerAmount = side == Side.Buy ? collateral : shares,
            TakerAmount = side == Side.Buy ? shares : collateral,
            Type = type,
            PostOnly = postOnly,
            Expiration = expiration,
            TimestampMs = Clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
    }

    public OrderRequest Raw(int account, UInt256 token, Side side, long makerAmount, long takerAmount, OrderType type = OrderType.Gtc) => new()
    {
        OrderId = HashOf(++_nextOrder),
        Owner = Owner(account),
        Maker = Address(account),
        Token = token,
        Side = side,
        MakerAmount = makerAmount,
        TakerAmount = takerAmount,
        Type = type,
    };

    public SubmitResult Submit(OrderRequest r) => Engine.Submit(r);

    public SubmitResult MustAccept(OrderRequest r)
    {
        SubmitResult result = Engine.Submit(r);
        Assert.True(result.Success, "expected acceptance, got: " + result.ErrorMsg);
        return result;
    }

    public long Collateral(int n) => Ledger.CollateralBalance(Address(n)).Raw;
    public long Tokens(int n, UInt256 token) => Ledger.TokenBalance(Address(n), token).Raw;
    public long AvailableCollateral(int n) => Ledger.Available(Ledger.AccountOf(Address(n)), 0);
}
