using System.Net;
using System.Text;
using FastMaker.Engine.Hosting;
using FastMaker.Engine.Orders;
using FastMaker.Engine.Store;
using FastMaker.Engine.Tests.Orders;
using FastMaker.Engine.Tests.Store;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Parsing;
using FastMaker.Polymarket.Rest.Clob;
using FastMaker.Primitives;
using Microsoft.Extensions.Logging.Abstractions;

namespace FastMaker.Engine.Tests.Hosting;

/// <summary>
/// Start-up recovery in adopt mode while our adopted order keeps filling at the venue: the venue's balances, the store's
/// fills, the tracker's fills and the positions must agree once the trades' later statuses arrive on the user channel.
/// </summary>
public sealed class StartupRecoveryTests
{
    private const string Ours = "0x1111111111111111111111111111111111111111";
    private static readonly ApiCredentials Credentials = new("00000000-0000-0000-0000-000000000001", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "passphrase");
    private static readonly Guid TradeA = OrdersHarness.TradeId(0xA);
    private static readonly Guid TradeB = OrdersHarness.TradeId(0xB);

    /// <summary>
    /// A venue where our BUY 100 @ 0.40 rests with 30 filled (trade A, stored before the crash). After the first
    /// <c>/data/trades</c> read, <paramref name="fillsAfterRead"/> more fills of 20 happen (trade B, ...), one per read,
    /// as if a counterparty kept hitting the order during the recovery: balances and size_matched include them at once.
    /// </summary>
    private sealed class RacingVenue(Hash32 order, UInt256 yes, int fillsAfterRead) : HttpMessageHandler
    {
        private int _fills = 1;

        public int TradeReads { get; private set; }

        public int BalanceReads { get; private set; }

        private long Filled => 30 + (20L * (_fills - 1));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.PathAndQuery;
            string body;
            if (path.StartsWith("/data/trades", StringComparison.Ordinal))
            {
                var trades = new List<string> { Trade(TradeA, "30", "MINED") };
                for (var i = 1; i < _fills; i++)
                {
                    trades.Add(Trade(OrdersHarness.TradeId(0xA + i), "20", "MATCHED"));
                }

                body = "{\"data\":[" + string.Join(",", trades) + "],\"next_cursor\":\"LTE=\"}";
                TradeReads++;
                if (_fills <= fillsAfterRead)
                {
                    // The race: a fill lands right after this read, before the balances are read.
                    _fills++;
                }
            }
            else if (path.StartsWith("/data/order/", StringComparison.Ordinal))
            {
                body = $$"""
                    {"id":"{{order}}","status":"LIVE","owner":"o","maker_address":"{{Ours}}","market":"m","asset_id":"{{yes}}","side":"BUY",
                     "original_size":"100","size_matched":"{{Filled}}","price":"0.4","outcome":"Yes","created_at":1,"expiration":"0","order_type":"GTC"}
                    """;
            }
            else if (path.StartsWith("/balance-allowance", StringComparison.Ordinal))
            {
                BalanceReads++;
                var shares = path.Contains("token_id=" + yes, StringComparison.Ordinal) ? Filled * 1_000_000 : 0;
                body = "{\"balance\":\"" + shares + "\",\"allowance\":\"0\"}";
            }
            else
            {
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{\"error\":\"not found\"}") });
            }

            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
        }

        private string Trade(Guid id, string size, string status) => $$"""
            {"id":"{{id}}","taker_order_id":"0x{{new string('e', 64)}}","market":"m","asset_id":"{{yes}}","side":"SELL","size":"{{size}}",
             "fee_rate_bps":"0","price":"0.4","status":"{{status}}","match_time":"1","maker_address":"0x2222222222222222222222222222222222222222",
             "trader_side":"MAKER","maker_orders":[{"order_id":"{{order}}","owner":"o","maker_address":"{{Ours}}","matched_amount":"{{size}}",
             "price":"0.4","asset_id":"{{yes}}","side":"BUY"}]}
            """;
    }

    [Fact]
    public async Task Adopt_FillBetweenTradesAndBalanceReads_IsStoredAndCountedOnce_WhenItsStatusesArriveLater()
    {
        using var dir = new TempStorePath();
        var h = new OrdersHarness(markets: 1);
        var yes = h.Yes();
        var order = h.NewId();
        var venue = new RacingVenue(order, h.Asset(yes), fillsAfterRead: 1);
        using var store = SeedStore(dir.File, h, order);
        h.Positions.SetShares(yes, OrdersHarness.Q("30"), Amount.Parse("12")); // as the host loads it from the store

        await RunRecoveryAsync(venue, store, h);
        Restore(h, store.Load());

        // The venue's balance holds trade B; the store and the tracker know it, so its MINED and CONFIRMED settle it.
        Assert.Equal(50_000_000, h.Positions.Shares(yes));
        Assert.Single(store.Load().Fills, f => f.TradeId == TradeB);
        Assert.Equal(OrderEventOutcome.Applied, h.MakerFill(TradeB, order, "20", TradeStatusCode.Mined));
        Assert.Equal(OrderEventOutcome.Applied, h.MakerFill(TradeB, order, "20", TradeStatusCode.Confirmed));
        Assert.Equal(OrderEventOutcome.Applied, h.MakerFill(TradeA, order, "30", TradeStatusCode.Confirmed));

        Assert.Equal(50_000_000, h.Positions.Shares(yes));
        Assert.Equal(50_000_000, h.Get(order).Filled.Raw);
        Assert.Equal(OrderState.PartiallyFilled, h.State(order));
        Assert.Equal(2, h.Orders.FillsApplied);
        Assert.Equal(2, h.Orders.FillsRestored);
        Assert.True(venue.TradeReads >= 3, "the trades are read again after the balances changed under the first read");
    }

    [Fact]
    public async Task Adopt_FillAfterTheConsistentRead_ComesThroughTheUserChannelOnce()
    {
        using var dir = new TempStorePath();
        var h = new OrdersHarness(markets: 1);
        var yes = h.Yes();
        var order = h.NewId();
        var venue = new RacingVenue(order, h.Asset(yes), fillsAfterRead: 0);
        using var store = SeedStore(dir.File, h, order);
        h.Positions.SetShares(yes, OrdersHarness.Q("30"), Amount.Parse("12"));

        await RunRecoveryAsync(venue, store, h);
        Restore(h, store.Load());
        Assert.Equal(2, venue.TradeReads);
        Assert.Equal(2, venue.BalanceReads);

        // Trade B after the recovery: in neither the balance read nor the store, so the user channel's (first seen) MINED applies it once.
        Assert.Equal(30_000_000, h.Positions.Shares(yes));
        Assert.Equal(OrderEventOutcome.Applied, h.MakerFill(TradeB, order, "20", TradeStatusCode.Mined));
        Assert.Equal(OrderEventOutcome.Applied, h.MakerFill(TradeB, order, "20", TradeStatusCode.Confirmed));
        Assert.Equal(50_000_000, h.Positions.Shares(yes));
        Assert.Equal(2, h.Orders.FillsApplied);
    }

    [Fact]
    public async Task Adopt_FillsThatNeverStopChangingDuringTheReads_RefusesToQuote()
    {
        using var dir = new TempStorePath();
        var h = new OrdersHarness(markets: 1);
        var yes = h.Yes();
        var order = h.NewId();
        var venue = new RacingVenue(order, h.Asset(yes), fillsAfterRead: 3); // 30 + 3 x 20 stays within the order's 100
        using var store = SeedStore(dir.File, h, order);
        h.Positions.SetShares(yes, OrdersHarness.Q("30"), Amount.Parse("12"));

        // Three changes settle within the attempts; the picture is then consistent (90 shares).
        await RunRecoveryAsync(venue, store, h);
        Assert.Equal(90_000_000, h.Positions.Shares(yes));
        Assert.Equal(4, store.Load().Fills.Count);

        var restless = new RacingVenue(order, h.Asset(yes), fillsAfterRead: int.MaxValue);
        using var dir2 = new TempStorePath();
        var h2 = new OrdersHarness(markets: 1);
        using var store2 = SeedStore(dir2.File, h2, order);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => RunRecoveryAsync(restless, store2, h2));
        Assert.Contains("kept changing", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, h2.Positions.Shares(h2.Yes()));
        Assert.Single(store2.Load().Fills);
    }

    private static SqliteStore SeedStore(string path, OrdersHarness h, Hash32 order)
    {
        var store = SqliteStore.Open(path);
        var market = h.Registry.Market(0);
        store.ApplyGroups(
        [
            StoreChange.Of(new StoredOrder(order, market.YesToken, market.ConditionId, Side.Buy, OrdersHarness.P("0.40"), OrdersHarness.Q("100"),
                OrdersHarness.Q("30"), OrdersHarness.Q("70"), StoredOrderState.PartiallyFilled, OrderOrigin.MakerQuote, true, IntentTimeInForce.Gtc, 0, 1, 2,
                OrderStatusCode.Live, Hash32.Zero)),
            StoreChange.Of(new StoredFill(TradeA, order, market.YesToken, Side.Buy, OrdersHarness.P("0.40"), OrdersHarness.Q("30"), Amount.Zero,
                TradeStatusCode.Matched, StoredLiquidity.Maker, StoredClassificationSource.Origin, false, 1, 2)),
            StoreChange.EndOfGroup(1),
        ], 1);
        return store;
    }

    private static Task RunRecoveryAsync(RacingVenue venue, SqliteStore store, OrdersHarness h)
    {
        var clob = new ClobClient(venue, new ClobClientOptions { BaseUri = new Uri("http://venue.test/") }, new L2Signer(Credentials, Ours), TimeProvider.System);
        return StartupRecovery.RunAsync(clob, store, store.Load(), h.Engine, EthAddress.Parse(Ours), Credentials.ApiKey, 0, adoptResting: true, 10_000,
            NullLogger.Instance, CancellationToken.None);
    }

    // What the host does after the recovery: the store's open orders and their fills back into the tracker.
    private static void Restore(OrdersHarness h, StoreSnapshot stored)
    {
        foreach (var s in stored.Orders)
        {
            var token = h.Registry.TokenIndexOf(s.TokenId);
            Assert.Equal(OrderEventOutcome.Applied, h.Orders.Restore(s.OrderId, token, h.Registry.MarketOfToken(token).MarketIndex, s.Side, s.Price,
                s.OriginalSize, s.FilledSize, (OrderState)(byte)s.State, s.Origin, s.PostOnly, s.TimeInForce, s.ExpirationSeconds, s.CreatedMs));
        }

        foreach (var f in stored.Fills)
        {
            Assert.Equal(OrderEventOutcome.Applied, h.Orders.RestoreFill(f.TradeId, f.OrderId, f.Size, f.Price, f.Status, (FillLiquidity)(byte)f.Liquidity,
                (ClassificationSource)(byte)f.ClassificationSource, f.MatchMs));
        }
    }
}
