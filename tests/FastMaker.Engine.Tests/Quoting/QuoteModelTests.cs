using FastMaker.Engine.Quoting;
using FastMaker.Engine.Time;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Quoting;

public class QuoteModelTests
{
    private static readonly QuoteOptions Defaults = new();

    internal static QuoteInputs Inputs(TickSize? tick = null, double fair = 500_000) => new()
    {
        MetadataComplete = true,
        State = MarketState.Active,
        BooksQuotable = true,
        Tick = tick ?? TickSize.Hundredth,
        MinSize = Quantity.FromRaw(5 * Quantity.Scale),
        TakerFeeRateBps = 0,
        FeeExponent = 1,
        FairValueRaw = fair,
        TimeToEndMs = 10L * 24 * 3_600_000,
        RewardMidRaw = double.NaN,
    };

    private static Quantity Shares(double shares) => Quantity.FromRaw((long)Math.Round(shares * Quantity.Scale));

    internal static (DesiredQuote Yes, DesiredQuote No) Run(in QuoteInputs input, QuoteOptions? options = null)
    {
        var yes = new DesiredQuote { TokenIndex = 0 };
        var no = new DesiredQuote { TokenIndex = 1 };
        QuoteModel.Compute(in input, options ?? Defaults, ref yes, ref no);
        return (yes, no);
    }

    [Fact]
    public void Flat_QuotesFairValuePlusMinusBaseHalfSpread_AsTwoBids()
    {
        var (yes, no) = Run(Inputs());
        Assert.Equal(QuoteReason.None, yes.Reason);
        Assert.True(yes.HasBid);
        Assert.Equal(480_000, yes.BidPrice.Raw);
        Assert.Equal(Shares(50), yes.BidSize);
        Assert.False(yes.HasAsk); // nothing held: the YES ask is expressed as a NO bid
        Assert.True(no.HasBid);
        Assert.Equal(480_000, no.BidPrice.Raw); // 1 - 0.52
        Assert.Equal(Shares(50), no.BidSize);
        Assert.False(no.HasAsk);
        Assert.Equal(500_000, yes.FairValueRaw);
        Assert.Equal(500_000, no.FairValueRaw);
    }

    [Fact]
    public void LongYes_ShiftsReservationDown_AndSellsHoldingsFirst()
    {
        var input = Inputs();
        input.HoldYes = Shares(250); // u = 0.5, p = 0.5, far from the end: skew = 0.02 x 0.5 = 0.01
        var (yes, no) = Run(input);
        Assert.Equal(470_000, yes.BidPrice.Raw);
        Assert.True(yes.HasAsk);
        Assert.Equal(510_000, yes.AskPrice.Raw);
        Assert.Equal(Shares(50), yes.AskSize);
        Assert.False(no.HasBid); // the sell-YES side is fully served by selling YES

        input.TimeToEndMs = 12 * 3_600_000L; // tau = 0.5: skew = 0.01 x (1 + 0.5) = 0.015 -> r = 0.485
        (yes, _) = Run(input);
        Assert.Equal(460_000, yes.BidPrice.Raw);  // floor(0.465)
        Assert.Equal(510_000, yes.AskPrice.Raw);  // ceil(0.505)
    }

    [Fact]
    public void Skew_ScalesWithBernoulliVariance()
    {
        var input = Inputs(TickSize.TenThousandth, 250_000);
        input.HoldYes = Shares(250); // skew = 0.02 x 0.5 x 4 x 0.1875 = 0.0075
        var (yes, _) = Run(input);
        Assert.Equal(250_000 - 7_500 - 20_000, yes.BidPrice.Raw);
        Assert.Equal(250_000 - 7_500 + 20_000, yes.AskPrice.Raw);
    }

    [Fact]
    public void LongNo_ShiftsReservationUp_AndSellsNo()
    {
        var input = Inputs();
        input.HoldNo = Shares(250);
        var (yes, no) = Run(input);
        Assert.False(yes.HasBid); // the buy-YES side is served by selling NO at 1 - 0.49
        Assert.True(no.HasAsk);
        Assert.Equal(510_000, no.AskPrice.Raw);
        Assert.True(no.HasBid);
        Assert.Equal(470_000, no.BidPrice.Raw); // 1 - ceil(0.53)
    }

    [Fact]
    public void FeeFloor_WidensHalfSpread_NetOfRebates()
    {
        var input = Inputs();
        input.TakerFeeRateBps = 1_000; // fee at 0.5 = 0.10 x 0.25 = 0.025
        var (yes, no) = Run(input, new QuoteOptions { MakerRebateShare = 0 });
        Assert.Equal(470_000, yes.BidPrice.Raw); // floor(0.475)
        Assert.Equal(470_000, no.BidPrice.Raw);  // 1 - ceil(0.525)

        (yes, _) = Run(input); // rebate 25%: 0.01875 < base 0.02
        Assert.Equal(480_000, yes.BidPrice.Raw);
        Assert.Equal(0.025, QuoteModel.TakerFeePerShare(0.5, 1_000, 1), 12);
        Assert.Equal(0.10 * 0.0625, QuoteModel.TakerFeePerShare(0.5, 1_000, 2), 12);
    }

    [Fact]
    public void SoftCap_PullsTheSideThatAddsInventory()
    {
        var input = Inputs();
        input.HoldYes = Shares(300); // 0.6 of the cap
        var (yes, no) = Run(input);
        Assert.True((yes.Reason & QuoteReason.InventoryCap) != 0);
        Assert.False(yes.HasBid);
        Assert.False(no.HasAsk);
        Assert.True(yes.HasAsk);
    }

    [Fact]
    public void Toxicity_WidensAndShrinks_ThenPulls()
    {
        var input = Inputs(TickSize.Thousandth);
        input.Toxicity = 0.5; // half = 0.02 + 0.03 x 0.5 = 0.035; size = 50 / 6 = 8.33
        var (yes, no) = Run(input);
        Assert.True((yes.Reason & QuoteReason.Toxicity) != 0);
        Assert.Equal(465_000, yes.BidPrice.Raw);
        Assert.Equal(Shares(8.33), yes.BidSize);
        Assert.Equal(465_000, no.BidPrice.Raw);

        input.Toxicity = 0.7;
        (yes, no) = Run(input);
        Assert.Equal(QuoteReason.Toxicity, yes.Reason);
        Assert.False(yes.HasBid || yes.HasAsk || no.HasBid || no.HasAsk);
    }

    [Theory]
    [InlineData(MarketState.ChallengeWindow)]
    [InlineData(MarketState.PreEvent)]
    [InlineData(MarketState.Resolved)]
    [InlineData(MarketState.Halted)]
    public void ForbiddingState_QuotesNothing(MarketState state)
    {
        var input = Inputs();
        input.State = state;
        input.HoldYes = Shares(100);
        var (yes, no) = Run(input);
        Assert.Equal(QuoteReason.MarketState, yes.Reason);
        Assert.False(yes.HasBid || yes.HasAsk || no.HasBid || no.HasAsk);
    }

    [Fact]
    public void WindDown_OnlySellsWhatIsHeld()
    {
        var input = Inputs();
        input.State = MarketState.WindDown;
        input.HoldYes = Shares(20);
        var (yes, no) = Run(input);
        Assert.True((yes.Reason & QuoteReason.MarketState) != 0);
        Assert.False(yes.HasBid || no.HasBid || no.HasAsk);
        Assert.True(yes.HasAsk);
        Assert.Equal(Shares(20), yes.AskSize);
    }

    [Fact]
    public void UntrustedBook_OrMissingMetadata_QuotesNothing()
    {
        var input = Inputs();
        input.BooksQuotable = false;
        Assert.Equal(QuoteReason.BookNotTrusted, Run(input).Yes.Reason);
        input = Inputs(fair: double.NaN);
        Assert.Equal(QuoteReason.BookNotTrusted, Run(input).Yes.Reason);
        input = Inputs();
        input.MetadataComplete = false;
        var (yes, _) = Run(input);
        Assert.Equal(QuoteReason.Metadata, yes.Reason);
        Assert.False(yes.HasBid);
    }

    [Fact]
    public void Sizes_TaperTowardTheEnd_ButNeverBelowMinSize()
    {
        var input = Inputs();
        input.TimeToEndMs = 3 * 3_600_000L; // half of the 6 h taper
        Assert.Equal(Shares(25), Run(input).Yes.BidSize);
        input.TimeToEndMs = 60_000;
        Assert.Equal(Shares(5), Run(input).Yes.BidSize);
    }

    [Fact]
    public void Prices_AreRoundedAwayFromTheTouch_OnEveryTickSize()
    {
        var random = new Random(11);
        TickSize[] ticks = [TickSize.Tenth, TickSize.Hundredth, TickSize.HalfHundredth, TickSize.QuarterHundredth, TickSize.Thousandth, TickSize.TenThousandth];
        foreach (var tick in ticks)
        {
            var t = tick.Value.Raw;
            for (var i = 0; i < 2_000; i++)
            {
                var fair = 1_000 + random.NextDouble() * 998_000;
                var (yes, no) = Run(Inputs(tick, fair));
                var half = Math.Max(Defaults.BaseHalfSpreadRaw, t); // never under one tick
                var exactBid = fair - half;
                var exactAsk = fair + half;
                if (yes.HasBid)
                {
                    Assert.Equal(0, yes.BidPrice.Raw % t);
                    Assert.True(yes.BidPrice.Raw <= exactBid && exactBid - yes.BidPrice.Raw < t, $"tick {tick} fv {fair} bid {yes.BidPrice}");
                    Assert.True(yes.BidPrice.Raw >= t);
                }

                if (no.HasBid)
                {
                    var yesAsk = Price.Scale - no.BidPrice.Raw;
                    Assert.Equal(0, no.BidPrice.Raw % t);
                    Assert.True(yesAsk >= exactAsk && yesAsk - exactAsk < t, $"tick {tick} fv {fair} ask {yesAsk}");
                    Assert.True(no.BidPrice.Raw >= t);
                }
            }
        }
    }

    [Fact]
    public void PostOnly_NeverCrosses_OnRandomBooksAndInventories()
    {
        var random = new Random(3);
        TickSize[] ticks = [TickSize.Tenth, TickSize.Hundredth, TickSize.HalfHundredth, TickSize.QuarterHundredth, TickSize.Thousandth, TickSize.TenThousandth];
        for (var i = 0; i < 20_000; i++)
        {
            var tick = ticks[random.Next(ticks.Length)];
            var n = tick.TicksPerUnit;
            var t = tick.Value.Raw;
            var input = Inputs(tick, 1 + random.NextDouble() * 999_998);
            input.HasBestBid = random.Next(5) != 0;
            input.HasBestAsk = random.Next(5) != 0;
            var bidTick = random.Next(1, n - 1);
            input.BestBid = Price.FromRaw(bidTick * t);
            input.BestAsk = Price.FromRaw(random.Next(bidTick + 1, n) * t);
            input.HoldYes = Shares(random.Next(0, 400));
            input.HoldNo = Shares(random.Next(0, 400));
            input.Toxicity = random.NextDouble() * 0.69;
            input.TimeToEndMs = random.Next(0, 100_000_000);
            if (random.Next(2) == 0)
            {
                input.HasRewards = true;
                input.RewardsMaxSpread = Price.FromRaw(random.Next(1, 10) * 10_000);
                input.RewardsMinSize = Shares(random.Next(1, 200));
            }

            var (yes, no) = Run(input);
            // Buy-YES orders (YES bid, NO ask = 1 - bid) must stay below the unified best ask,
            // sell-YES orders (YES ask, NO bid = 1 - ask) above the unified best bid.
            if (yes.HasBid && input.HasBestAsk) Assert.True(yes.BidPrice < input.BestAsk, $"case {i}");
            if (no.HasAsk && input.HasBestAsk) Assert.True(Price.Scale - no.AskPrice.Raw < input.BestAsk.Raw, $"case {i}");
            if (yes.HasAsk && input.HasBestBid) Assert.True(yes.AskPrice > input.BestBid, $"case {i}");
            if (no.HasBid && input.HasBestBid) Assert.True(Price.Scale - no.BidPrice.Raw > input.BestBid.Raw, $"case {i}");
            if (yes.HasBid && yes.HasAsk) Assert.True(yes.BidPrice < yes.AskPrice, $"case {i}");
            foreach (var q in new[] { yes, no })
            {
                if (q.HasBid) Assert.InRange(q.BidPrice.Raw, t, Price.Scale - t);
                if (q.HasAsk) Assert.InRange(q.AskPrice.Raw, t, Price.Scale - t);
                if (q.HasBid) Assert.True(q.BidSize >= input.MinSize);
                if (q.HasAsk) Assert.True(q.AskSize >= input.MinSize);
            }
        }
    }

    [Fact]
    public void BidAtOrAboveBestAsk_MovesOneTickBelowIt()
    {
        var input = Inputs();
        input.HasBestAsk = true;
        input.BestAsk = Price.FromRaw(470_000);
        input.HasBestBid = true;
        input.BestBid = Price.FromRaw(460_000);
        var (yes, no) = Run(input);
        Assert.True((yes.Reason & QuoteReason.WouldCross) != 0);
        Assert.Equal(460_000, yes.BidPrice.Raw);
        Assert.Equal(480_000, no.BidPrice.Raw); // the YES ask 0.52 is above the best bid: unchanged
    }
}
