using System.Security.Cryptography;
using FastMaker.Cli.Demo;
using FastMaker.Engine.Budget;
using FastMaker.Engine.Gate;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;
using FastMaker.Venue;
using FastMaker.Venue.Matching;
using FastMaker.Venue.RateLimits;
using VenueServer = FastMaker.Venue.Venue;

namespace FastMaker.Integration.Tests;

/// <summary>
/// The embedded venue with one quiet market (no scripted flow: nothing trades unless a test makes it) and the live
/// engine against it over loopback with the real HTTP sender; the engine's state is watched through an
/// <see cref="AcceptanceProbe"/>.
/// </summary>
internal static class AcceptanceRig
{
    public static VenueMarket QuietMarket(int n) => new()
    {
        ConditionId = Hash32.Parse("0x" + (880 + n).ToString("x64")),
        Question = "Acceptance market " + n,
        Slug = "acceptance-" + n,
        YesToken = new UInt256((ulong)(8800 + 2 * n), 0, 0, 0),
        NoToken = new UInt256((ulong)(8801 + 2 * n), 0, 0, 0),
        TickSize = TickSize.Hundredth,
        EventId = "acceptance-event-" + n,
        EndDate = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    /// <summary>A venue with <paramref name="markets"/>, no rate limits and a dead-man switch of <paramref name="heartbeatTimeout"/>.</summary>
    public static Task<VenueServer> StartVenueAsync(TimeSpan heartbeatTimeout, params VenueMarket[] markets) =>
        VenueServer.StartAsync(new VenueOptions { RateLimits = RateLimitSettings.Disabled, HeartbeatTimeout = heartbeatTimeout }, s =>
        {
            foreach (var m in markets)
            {
                s.Engine.AddMarket(m);
            }
        });

    public static LiveEngineOptions Options(VenueServer venue, byte[] key, string? storePath, AcceptanceProbe probe,
        MutationBudgetOptions? budget = null, GateOptions? gate = null, bool cancelAllOnStop = true, bool adoptUnknown = false,
        FastMaker.Engine.EngineOptions? engine = null) => new()
    {
        ClobUrl = new Uri(venue.ClobUrl),
        MarketWsUrl = new Uri(venue.WsUrl + "/market"),
        UserWsUrl = new Uri(venue.WsUrl + "/user"),
        GammaUrl = new Uri(venue.GammaUrl),
        SignerFactory = nonces => new EthSigner(key, nonces),
        ChainId = venue.Options.ChainId,
        StorePath = storePath,
        SenderFactory = DemoSender.Factory(),
        Budget = budget ?? (MutationBudgetOptions.Production with { MarketCooldownMs = 0 }),
        Quote = DemoProfile.Quote,
        Gate = gate,
        Observer = probe,
        CancelAllOnStop = cancelAllOnStop,
        CancelRestingOrdersOnRecovery = false, // the restart acceptance rebuilds the resting orders' reservations
        AdoptUnknownOrders = adoptUnknown,
        Engine = engine ?? new FastMaker.Engine.EngineOptions(),
    };

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>A post-only GTC BUY of the YES token of market <paramref name="marketIndex"/>.</summary>
    public static OrderIntent Bid(LiveEngineHost host, int marketIndex, string price, string size, IntentKind kind = IntentKind.Place, Hash32 target = default)
    {
        var market = host.Engine.Registry.Market(marketIndex);
        return new OrderIntent
        {
            Kind = kind,
            Origin = OrderOrigin.Operator,
            Side = Side.Buy,
            PostOnly = true,
            TimeInForce = IntentTimeInForce.Gtc,
            TokenIndex = market.YesIndex,
            MarketIndex = marketIndex,
            Price = Price.Parse(price),
            Size = Quantity.Parse(size),
            TargetOrderId = target,
        };
    }

    /// <summary>A counterparty account (not ours) sells <paramref name="size"/> YES shares at <paramref name="price"/> into the book.</summary>
    public static SubmitResult CounterpartySells(VenueServer venue, VenueMarket market, string price, string size)
    {
        var address = EthAddress.Parse("0x" + new string('c', 40));
        var p = Price.Parse(price);
        var q = Quantity.Parse(size);
        return venue.WithEngine(e =>
        {
            e.Ledger.DepositTokens(address, market.YesToken, q);
            return e.Submit(new OrderRequest
            {
                OrderId = Hash32.Parse("0x" + RandomNumberGenerator.GetHexString(64, lowercase: true)),
                Owner = "acceptance-counterparty",
                Maker = address,
                Signer = address,
                Token = market.YesToken,
                Side = Side.Sell,
                MakerAmount = q.Raw,
                TakerAmount = (long)((UInt128)(ulong)q.Raw * (ulong)p.Raw / Price.Scale),
                Type = OrderType.Gtc,
                TimestampMs = e.Time.GetUtcNow().ToUnixTimeMilliseconds(),
            });
        });
    }
}
