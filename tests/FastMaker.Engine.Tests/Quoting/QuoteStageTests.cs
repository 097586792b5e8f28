using FastMaker.Engine.Orders;
using FastMaker.Engine.Quoting;
using FastMaker.Engine.Time;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Quoting;

public class QuoteStageTests
{
    private static readonly UInt256 Yes = QuoteTestMarket.YesId;
    private static readonly UInt256 No = QuoteTestMarket.NoId;

    private static QuoteTestMarket Ready(QuoteOptions? options = null)
    {
        var m = new QuoteTestMarket(options);
        m.Snapshot(Yes, 1_000, [(450_000, 100)], [(550_000, 100)]);
        m.Snapshot(No, 1_000, [(450_000, 100)], [(550_000, 100)]);
        return m;
    }

    [Fact]
    public void BookChange_QuotesBothTokens_AndPlacesIntents()
    {
        var m = Ready();
        // The NO snapshot's event quoted the market: a YES bid and a NO bid, both at 0.48.
        Assert.Equal(2, m.Engine.Intents.Count);
        var intents = m.Engine.Intents.AsSpan();
        Assert.Equal(IntentKind.Place, intents[0].Kind);
        Assert.Equal(m.Yes, intents[0].TokenIndex);
        Assert.Equal(Side.Buy, intents[0].Side);
        Assert.Equal(480_000, intents[0].Price.Raw);
        Assert.Equal(m.No, intents[1].TokenIndex);
        Assert.Equal(480_000, intents[1].Price.Raw);
        Assert.Equal(500_000, m.Engine.Quotes.Desired(m.Yes).FairValueRaw, 6);
    }

    [Fact]
    public void LiveOrdersMatchingTheQuote_ProduceNoIntents()
    {
        var m = Ready(new QuoteOptions { PriceToleranceTicks = 2 });
        m.LiveOrders.Upsert(new LiveOrderView(Hash32.Parse("0x" + new string('1', 64)), m.Yes, Side.Buy, Price.FromRaw(480_000), Quantity.FromRaw(50_000_000), Quantity.FromRaw(50_000_000), false));
        m.LiveOrders.Upsert(new LiveOrderView(Hash32.Parse("0x" + new string('2', 64)), m.No, Side.Buy, Price.FromRaw(480_000), Quantity.FromRaw(50_000_000), Quantity.FromRaw(50_000_000), false));
        m.Change(Yes, Side.Buy, 440_000, 10, 1_100); // deeper level: FV 0.5007, the NO bid moves one tick: within tolerance
        Assert.Equal(0, m.Engine.Intents.Count);

        m.Change(Yes, Side.Buy, 450_000, 0, 1_200);
        m.Change(No, Side.Sell, 550_000, 0, 1_300); // only 0.44 x 10 bid left: FV 0.445, bids move 6 ticks
        Assert.True(m.Engine.Intents.Count > 0);
        Assert.Equal(IntentKind.Replace, m.Engine.Intents[0].Kind);
    }

    [Fact]
    public void MarketStateForbidding_CancelsLiveQuotes()
    {
        var m = Ready();
        m.LiveOrders.Upsert(new LiveOrderView(Hash32.Parse("0x" + new string('1', 64)), m.Yes, Side.Buy, Price.FromRaw(480_000), Quantity.FromRaw(50_000_000), Quantity.FromRaw(50_000_000), false));
        // A game one minute away: inside the pre-event margin, so the time model says PreEvent on the next timer.
        m.Market.GameStartMs = 1_500 + 60_000;
        m.Housekeeping(1_500);
        Assert.Equal(MarketState.PreEvent, m.Market.State);
        // The time model cancels the market on entering PreEvent; the quote stage also cancels its own live quote.
        var intents = m.Engine.Intents.AsSpan().ToArray();
        Assert.Equal(2, intents.Length);
        Assert.Equal(IntentKind.CancelAll, intents[0].Kind);
        Assert.Equal(IntentKind.Cancel, intents[1].Kind);
        Assert.Equal(Hash32.Parse("0x" + new string('1', 64)), intents[1].TargetOrderId);
        Assert.Equal(QuoteReason.MarketState, m.Engine.Quotes.Desired(m.Yes).Reason);
    }

    [Fact]
    public void StaleBook_PullsQuotes_OnHousekeeping()
    {
        var m = Ready();
        m.Housekeeping(1_000 + 30_001);
        Assert.Equal(QuoteReason.BookNotTrusted, m.Engine.Quotes.Desired(m.Yes).Reason);
        Assert.Equal(0, m.Engine.Intents.Count); // nothing live, nothing to cancel
    }

    [Fact]
    public void CrossedBook_IsNotQuoted()
    {
        var m = Ready();
        m.Change(Yes, Side.Buy, 560_000, 10, 1_100);
        Assert.Equal(QuoteReason.BookNotTrusted, m.Engine.Quotes.Desired(m.Yes).Reason);
        Assert.False(m.Engine.Quotes.Desired(m.No).HasBid);
    }

    [Fact]
    public void MissingMetadata_IsNotQuoted()
    {
        var m = new QuoteTestMarket();
        m.Market.TakerFeeRateBps = null;
        m.Snapshot(Yes, 1_000, [(450_000, 100)], [(550_000, 100)]);
        m.Snapshot(No, 1_000, [(450_000, 100)], [(550_000, 100)]);
        Assert.Equal(QuoteReason.Metadata, m.Engine.Quotes.Desired(m.Yes).Reason);
        Assert.Equal(0, m.Engine.Intents.Count);
    }

    [Fact]
    public void Replay_IsDeterministic_IntentForIntent()
    {
        Assert.Equal(Run(42), Run(42));
        Assert.NotEqual(Run(42), Run(43));
    }

    private static string Run(int seed)
    {
        var m = Ready();
        var random = new Random(seed);
        var log = new System.Text.StringBuilder();
        for (var i = 0; i < 3_000; i++)
        {
            var ms = 2_000 + i * 50L;
            var asset = random.Next(2) == 0 ? Yes : No;
            switch (random.Next(6))
            {
                case 0:
                    m.Trade(asset, random.Next(2) == 0 ? Side.Buy : Side.Sell, random.Next(40, 60) * 10_000, random.Next(1, 50), ms);
                    break;
                case 1:
                    m.Housekeeping(ms);
                    break;
                default:
                    var side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
                    var price = side == Side.Buy ? random.Next(30, 50) * 10_000 : random.Next(51, 70) * 10_000;
                    m.Change(asset, side, price, random.Next(0, 200), ms);
                    break;
            }

            if (i % 97 == 0)
            {
                m.Inventory.Set(m.Yes, Quantity.FromRaw(random.Next(0, 400) * (long)Quantity.Scale));
            }

            foreach (var intent in m.Engine.Intents.AsSpan())
            {
                log.Append(i).Append(' ').Append(intent.Kind).Append(' ').Append(intent.TokenIndex).Append(' ')
                   .Append(intent.Side).Append(' ').Append(intent.Price.Raw).Append(' ').Append(intent.Size.Raw).Append('\n');
            }
        }

        Assert.True(log.Length > 0);
        return log.ToString();
    }

    [Fact]
    public void SteadyState_BookUpdatesThroughSignalsQuoteAndDiff_AllocateNothing()
    {
        var m = Ready();
        m.LiveOrders.Upsert(new LiveOrderView(Hash32.Parse("0x" + new string('1', 64)), m.Yes, Side.Buy, Price.FromRaw(470_000), Quantity.FromRaw(50_000_000), Quantity.FromRaw(50_000_000), false));
        m.LiveOrders.Upsert(new LiveOrderView(Hash32.Parse("0x" + new string('2', 64)), m.No, Side.Buy, Price.FromRaw(480_000), Quantity.FromRaw(50_000_000), Quantity.FromRaw(50_000_000), false));
        m.Market.RewardsMaxSpread = Price.FromRaw(30_000);
        m.Market.RewardsMinSize = Quantity.FromRaw(20 * (long)Quantity.Scale);

        void Loop(int n, long start)
        {
            for (var i = 0; i < n; i++)
            {
                var ms = start + i;
                m.Change(Yes, Side.Buy, 440_000 + (i % 4) * 10_000, 10 + i % 7, ms);
                m.Change(No, Side.Sell, 560_000 + (i % 3) * 10_000, 20 + i % 5, ms);
                if (i % 10 == 0) m.Trade(Yes, i % 20 == 0 ? Side.Buy : Side.Sell, 500_000, 5, ms);
                if (i % 50 == 0) m.Housekeeping(ms);
                if (i % 30 == 0) m.Engine.Signals.OnOwnFill(m.Yes, Side.Buy, Price.FromRaw(480_000), Quantity.FromRaw(5_000_000), ms);
            }
        }

        Loop(5_000, 2_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Loop(20_000, 10_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.True(m.Engine.Quotes.MarketsQuoted > 40_000);
        Assert.True(m.Engine.Intents.TotalSubmitted > 0);
    }
}
