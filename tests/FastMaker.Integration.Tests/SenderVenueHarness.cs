using System.Collections.Concurrent;
using FastMaker.Engine.Budget;
using FastMaker.Engine.Execution;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Pipeline;
using FastMaker.Engine.Registry;
using FastMaker.Engine.Risk;
using FastMaker.Engine.Signing;
using FastMaker.Engine.Time;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Rest;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;
using FastMaker.Venue;
using FastMaker.Venue.Matching;
using FastMaker.Venue.RateLimits;
using VenueServer = FastMaker.Venue.Venue;

namespace FastMaker.Integration.Tests;

/// <summary>
/// The execution path end to end over loopback sockets: gate -> sign stage -> <see cref="OrderSender"/> -> the in-process
/// Venue, with the replies collected as the engine's control queue would receive them.
/// </summary>
internal sealed class SenderVenueHarness : IAsyncDisposable
{
    private static readonly byte[] Key = Convert.FromHexString("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    private readonly EthSigner _signer;

    private SenderVenueHarness(VenueServer venue, VenueMarket market, EthSigner signer, ApiCredentials credentials, SenderOptions options, HttpMessageHandler handler)
    {
        Venue = venue;
        Market = market;
        _signer = signer;
        Credentials = credentials;
        var info = Registry.GetOrAdd(market.ConditionId, market.YesToken, market.NoToken);
        info.Tick = market.TickSize;
        info.MinOrderSize = market.MinOrderSize;
        var builder = new OrderBuilder(signer, ExchangeDomain.Polygon, SignatureType.Eoa, null, credentials.ApiKey);
        Sign = new SignStage(builder, new L2Signer(credentials, signer.AddressChecksummed), SigningMode.Deterministic, saltSeed: 11, requestPoolCapacity: 64);
        Sender = new OrderSender(options with { RequestPool = Sign.Pool, Handler = handler }, Replies, TimeProvider.System);
        Tap = new TapSink(Sender);
        Gate = new ExecutionGate(Registry, new AllowAllRisk(), Orders, new MutationBudget(MutationBudgetOptions.Production with { MarketCooldownMs = 0 }), Sign, Tap);
        Gate.SetMarketState(0, MarketState.Active);
    }

    public VenueServer Venue { get; }
    public VenueMarket Market { get; }
    public ApiCredentials Credentials { get; }
    public MarketRegistry Registry { get; } = new();
    public KnownOrders Orders { get; } = new();
    public SignStage Sign { get; }
    public OrderSender Sender { get; }
    public TapSink Tap { get; }
    public ExecutionGate Gate { get; }
    public ReplyCollector Replies { get; } = new();

    public static async Task<SenderVenueHarness> StartAsync(
        Func<SenderOptions, SenderOptions>? configure = null,
        VenueOptions? venueOptions = null,
        Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
    {
        var market = new VenueMarket
        {
            ConditionId = Hash32.Parse("0x" + 77.ToString("x64")),
            Question = "Sender test market",
            Slug = "sender-test",
            YesToken = new UInt256(7001, 0, 0, 0),
            NoToken = new UInt256(7002, 0, 0, 0),
            TickSize = TickSize.Hundredth,
            EventId = "event-77",
            EndDate = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };
        var signer = new EthSigner(Key);
        var address = EthAddress.Parse(signer.AddressChecksummed);
        var venue = await VenueServer.StartAsync(venueOptions ?? new VenueOptions { RateLimits = RateLimitSettings.Disabled }, s =>
        {
            s.Engine.AddMarket(market);
            s.Ledger.EnsureFunded(address);
        });
        var issued = venue.ApiKeys.Register(signer.AddressChecksummed.ToLowerInvariant());
        var credentials = new ApiCredentials(issued.ApiKey, issued.Secret, issued.Passphrase);
        var options = new SenderOptions
        {
            ClobBaseUrl = new Uri(venue.ClobUrl),
            Address = address,
            ApiKey = credentials.ApiKey,
            Passphrase = credentials.Passphrase,
            Credentials = credentials,
            RequestTimeout = TimeSpan.FromSeconds(10),
            ResolveDelay = TimeSpan.FromMilliseconds(100),
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        };
        options = configure?.Invoke(options) ?? options;
        HttpMessageHandler handler = PolyHttpHandlerFactory.Create();
        if (wrap is not null) handler = wrap(handler);
        return new SenderVenueHarness(venue, market, signer, credentials, options, handler);
    }

    public static long NowMs => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    /// <summary>A post-only GTC BUY on the YES token through the gate.</summary>
    public Hash32 Bid(string price, string size = "10")
    {
        var intent = new OrderIntent
        {
            Kind = IntentKind.Place,
            Origin = OrderOrigin.MakerQuote,
            Side = Side.Buy,
            PostOnly = true,
            TimeInForce = IntentTimeInForce.Gtc,
            TokenIndex = Registry.Market(0).YesIndex,
            MarketIndex = 0,
            Price = Price.Parse(price),
            Size = Quantity.Parse(size),
            CreatedMs = NowMs,
        };
        int before = Tap.Ids.Count;
        Assert.Equal(GateRejectReason.None, Gate.Submit(intent, NowMs));
        Assert.Equal(before + 1, Tap.Ids.Count);
        Orders.Live[Tap.Ids[^1]] = new LiveOrderView(Tap.Ids[^1], intent.TokenIndex, Side.Buy, intent.Price, intent.Size, intent.Size, false);
        return Tap.Ids[^1];
    }

    public void Cancel(Hash32 orderId) =>
        Assert.Equal(GateRejectReason.None, Gate.Submit(new OrderIntent { Kind = IntentKind.Cancel, TargetOrderId = orderId, CreatedMs = NowMs }, NowMs));

    public void CancelAll() =>
        Assert.Equal(GateRejectReason.None, Gate.Submit(new OrderIntent { Kind = IntentKind.CancelAll, MarketIndex = -1, TokenIndex = -1, CreatedMs = NowMs }, NowMs));

    public int VenueLiveOrders => Venue.WithEngine(e => e.LiveOrderCount);

    public async ValueTask DisposeAsync()
    {
        await Sender.DisposeAsync();
        await Venue.DisposeAsync();
        Sign.Dispose();
        _signer.Dispose();
    }

    /// <summary>Passes every request to the sender and records its id; can publish one request twice.</summary>
    internal sealed class TapSink(OrderSender sender) : ISignedRequestSink
    {
        public List<Hash32> Ids { get; } = new();
        public bool PublishTwice { get; set; }

        public void Publish(SignedRequest request)
        {
            Ids.Add(request.OrderId);
            sender.Publish(request);
            if (PublishTwice) sender.Publish(request);
        }
    }

    internal sealed class AllowAllRisk : IPreTradeRisk
    {
        public bool KillSwitchOn => false;

        public GateRejectReason Check(in OrderIntent intent) => GateRejectReason.None;

        public void Reserve(in OrderIntent intent, in Hash32 orderId)
        {
        }
    }

    internal sealed class KnownOrders : IOrderLookup
    {
        public ConcurrentDictionary<Hash32, LiveOrderView> Live { get; } = new();

        public bool TryGetLive(in Hash32 orderId, out LiveOrderView order) => Live.TryGetValue(orderId, out order);
    }

    /// <summary>The engine's control queue, as a list.</summary>
    internal sealed class ReplyCollector : IControlSink
    {
        private readonly ConcurrentQueue<object> _items = new();

        public bool EnqueueControl(in ControlItem item)
        {
            Assert.Equal(InboundKind.RestReply, item.Kind);
            _items.Enqueue(item.Cold!);
            return true;
        }

        public List<OrderReply> Replies => _items.OfType<OrderReply>().ToList();

        public List<VenueFeedback> Feedback => _items.OfType<VenueFeedback>().ToList();

        public List<OrderReply> About(Hash32 id) => Replies.Where(r => r.OrderId == id).ToList();

        public async Task<List<OrderReply>> WaitAsync(Func<List<OrderReply>, bool> done, int timeoutMs = 30_000)
        {
            for (int waited = 0; waited < timeoutMs; waited += 10)
            {
                if (done(Replies)) return Replies;
                await Task.Delay(10);
            }

            throw new TimeoutException("replies: " + string.Join("; ", Replies.Select(r => r.Kind + " " + r.OrderId + " " + r.Error)));
        }
    }
}

/// <summary>Passes requests to the real handler, but can hold, lose or swallow them (what a network does).</summary>
internal sealed class SenderFaultyNetwork(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    /// <summary>POST /order reaches the venue but its reply is lost.</summary>
    public bool LoseOrderReplies { get; set; }

    /// <summary>POST /order never reaches the venue and never answers.</summary>
    public bool SwallowOrders { get; set; }

    /// <summary>While set, the first request waits for it.</summary>
    public TaskCompletionSource? HoldFirst { get; set; }

    public ConcurrentQueue<string> Seen { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string what = request.Method.Method + " " + request.RequestUri!.AbsolutePath;
        Seen.Enqueue(what);
        if (HoldFirst is { } hold)
        {
            HoldFirst = null;
            await hold.Task.WaitAsync(cancellationToken);
        }

        if (what == "POST /order" && SwallowOrders)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (what == "POST /order" && LoseOrderReplies)
        {
            response.Dispose();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return response;
    }
}
