using BenchmarkDotNet.Attributes;
using FastMaker.Engine.Execution;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Signing;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;
using FastMaker.Venue.Matching;
using FastMaker.Venue.RateLimits;
using VenueServer = FastMaker.Venue.Venue;

namespace FastMaker.Benchmarks.Execution;

/// <summary>
/// One order post round trip over loopback to the in-process Venue: intent -> gate -> sign -> OrderSender (queue,
/// dispatcher, HTTP with the sign stage's L2 headers) -> venue matching -> reply back as a control item. Baseline in
/// the same run: the same signed body sent with <see cref="ClobClient.PostOrderAsync"/> awaited directly (L2 signed at
/// send time), so the difference is the sender's hand-off. Both sign the order inside the measured operation.
/// Orders are 5 shares at 0.01 so the funded account never runs out.
/// </summary>
[Config(typeof(SenderBenchmarkConfig))]
public class SenderRoundTripBenchmarks
{
    private static readonly byte[] Key = Convert.FromHexString("5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
    private readonly SenderBenchSupport.Replies _replies = new();
    private readonly SenderBenchSupport.Capture _capture = new();
    private VenueServer _venue = null!;
    private EthSigner _signer = null!;
    private SignStage _stage = null!;
    private OrderSender _sender = null!;
    private SocketsHttpHandler _handler = null!;
    private ClobClient _clob = null!;
    private ExecutionGate _senderGate = null!;
    private ExecutionGate _directGate = null!;
    private OrderIntent _bid;
    private long _directRejects;

    [GlobalSetup]
    public void Setup()
    {
        var market = new VenueMarket
        {
            ConditionId = Hash32.Parse("0x" + 99.ToString("x64")),
            Question = "Bench",
            YesToken = new UInt256(9001, 0, 0, 0),
            NoToken = new UInt256(9002, 0, 0, 0),
            TickSize = TickSize.Hundredth,
            EndDate = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        _signer = new EthSigner(Key);
        var address = EthAddress.Parse(_signer.AddressChecksummed);
        _venue = VenueServer.StartAsync(new FastMaker.Venue.VenueOptions { RateLimits = RateLimitSettings.Disabled }, s =>
        {
            s.Engine.AddMarket(market);
            s.Ledger.EnsureFunded(address);
        }).GetAwaiter().GetResult();
        var issued = _venue.ApiKeys.Register(_signer.AddressChecksummed.ToLowerInvariant());
        var credentials = new ApiCredentials(issued.ApiKey, issued.Secret, issued.Passphrase);
        var l2 = new L2Signer(credentials, _signer.AddressChecksummed);

        var registry = new MarketRegistry();
        var info = registry.GetOrAdd(market.ConditionId, market.YesToken, market.NoToken);
        info.Tick = TickSize.Hundredth;
        info.MinOrderSize = Quantity.Parse("5");
        var builder = new OrderBuilder(_signer, ExchangeDomain.Polygon, SignatureType.Eoa, null, credentials.ApiKey);
        _stage = new SignStage(builder, l2, SigningMode.Deterministic, 3, 256);

        _handler = PolyHttpHandlerFactory.Create();
        _sender = new OrderSender(new SenderOptions
        {
            ClobBaseUrl = new Uri(_venue.ClobUrl),
            Address = address,
            ApiKey = credentials.ApiKey,
            Passphrase = credentials.Passphrase,
            Credentials = credentials,
            RequestPool = _stage.Pool,
            Handler = _handler,
        }, _replies, TimeProvider.System);
        _clob = new ClobClient(_handler, new ClobClientOptions { BaseUri = new Uri(_venue.ClobUrl) }, l2);
        var orders = new SenderBenchSupport.Orders();
        _senderGate = SenderBenchSupport.Gate(registry, _stage, _sender, orders);
        _directGate = SenderBenchSupport.Gate(registry, _stage, _capture, orders);
        _bid = new OrderIntent
        {
            Kind = IntentKind.Place, Origin = OrderOrigin.MakerQuote, Side = Side.Buy, PostOnly = true, TimeInForce = IntentTimeInForce.Gtc,
            TokenIndex = info.YesIndex, MarketIndex = 0, Price = Price.Parse("0.01"), Size = Quantity.Parse("5"),
        };
    }

    [Benchmark(Baseline = true)]
    public async Task<bool> ClobClientAwaitedDirectly()
    {
        if (_directGate.Submit(_bid, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) != GateRejectReason.None) throw new InvalidOperationException("gate refused");
        SignedRequest r = _capture.Last!;
        var result = await _clob.PostOrderAsync(r.BodyMemory);
        _stage.Pool.Return(r);
        if (result.Value is not { IsAccepted: true }) _directRejects++;
        return result.IsSuccess;
    }

    [Benchmark]
    public async Task OrderSenderRoundTrip()
    {
        if (_senderGate.Submit(_bid, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()) != GateRejectReason.None) throw new InvalidOperationException("gate refused");
        await _replies.Arrived.WaitAsync();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sender.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _venue.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _handler.Dispose();
        _stage.Dispose();
        _signer.Dispose();
        if (_directRejects != 0 || Interlocked.Read(ref _replies.NotAccepted) != 0)
            throw new InvalidOperationException("the venue refused " + _directRejects + " direct and " + _replies.NotAccepted + " sender posts: the numbers would be wrong");
    }
}
