using FastMaker.Engine.Quoting;
using FastMaker.Primitives;
using static FastMaker.Engine.Tests.Quoting.QuoteModelTests;

namespace FastMaker.Engine.Tests.Quoting;

public class RewardQuotingTests
{
    private static Quantity Shares(double shares) => Quantity.FromRaw((long)Math.Round(shares * Quantity.Scale));

    private static QuoteInputs RewardMarket(double fair = 500_000)
    {
        var input = Inputs(TickSize.Thousandth, fair);
        input.HasRewards = true;
        input.RewardsMaxSpread = Price.FromRaw(30_000); // v = 3 cents
        input.RewardsMinSize = Shares(100);
        return input;
    }

    [Fact]
    public void OrderScore_MatchesTheDocumentedWorkedExample()
    {
        // mid 0.50, v = 3c: bids 100 @ 0.49 (s = 1), 200 @ 0.48 (s = 2), ask 100 @ 0.51 on the complement (s = 1)
        var qOne = RewardScore.OrderScore(3, 1) * 100 + RewardScore.OrderScore(3, 2) * 200;
        Assert.Equal(4.0 / 9 * 100 + 1.0 / 9 * 200, qOne, 9);
        Assert.Equal(0, RewardScore.OrderScore(3, 3)); // at the max spread: no score
        Assert.Equal(0, RewardScore.OrderScore(3, -1));
    }

    [Fact]
    public void QMin_SingleSidedScoresAThird_InsideTheBand_AndNothingOutside()
    {
        Assert.Equal(30, RewardScore.QMin(90, 0, 500_000), 12);
        Assert.Equal(40, RewardScore.QMin(90, 40, 500_000), 12);
        Assert.Equal(30, RewardScore.QMin(90, 10, 100_000), 12);
        Assert.Equal(0, RewardScore.QMin(90, 0, 95_000));
        Assert.Equal(10, RewardScore.QMin(90, 10, 950_000));
    }

    [Fact]
    public void RewardsOn_TightenInsideMaxSpread_WithRewardMinSizeOnBothSides()
    {
        var (yes, no) = Run(RewardMarket());
        Assert.True((yes.Reason & QuoteReason.Rewards) != 0);
        Assert.Equal(485_000, yes.BidPrice.Raw);        // mid - 0.5 v
        Assert.Equal(Shares(100), yes.BidSize);
        Assert.Equal(485_000, no.BidPrice.Raw);         // 1 - 0.515
        Assert.Equal(Shares(100), no.BidSize);
        // S = (0.015 / 0.03)^2 = 0.25 per share on 100 shares each side -> Q_one = Q_two = Q_min = 25
        Assert.Equal(25, yes.RewardScore, 9);
    }

    [Fact]
    public void RewardsOff_QuotesThePlainModel()
    {
        var (yes, no) = Run(RewardMarket(), new QuoteOptions { RewardsEnabled = false });
        Assert.Equal(QuoteReason.None, yes.Reason);
        Assert.Equal(480_000, yes.BidPrice.Raw);
        Assert.Equal(Shares(50), yes.BidSize);
        Assert.Equal(480_000, no.BidPrice.Raw);
        Assert.Equal(0, yes.RewardScore); // 50 shares are below the reward min size
    }

    [Fact]
    public void SingleSided_InsideTheBand_StillPaysAThird()
    {
        var input = RewardMarket();
        input.HoldYes = Shares(300); // soft cap pulls the buy side; skew = 0.02 x 0.6 = 0.012 -> r = 0.488
        var (yes, no) = Run(input);
        Assert.True((yes.Reason & QuoteReason.Rewards) != 0);
        Assert.False(yes.HasBid);
        Assert.Equal(503_000, yes.AskPrice.Raw); // min(0.508, 0.5 - 0.012 + 0.015)
        Assert.Equal(Shares(100), yes.AskSize);
        Assert.False(no.HasBid);
        // s = 0.003 -> S = 0.81; Q_two = 81, Q_one = 0 -> Q_min = 81 / 3
        Assert.Equal(27, yes.RewardScore, 9);
    }

    [Fact]
    public void SingleSided_OutsideTheBand_DoesNotChaseRewards()
    {
        var input = RewardMarket(950_000);
        input.HoldYes = Shares(300);
        var (yes, _) = Run(input);
        Assert.True((yes.Reason & QuoteReason.Rewards) == 0);
        Assert.Equal(0, yes.RewardScore);
        Assert.Equal(Shares(50), yes.AskSize);
    }

    [Fact]
    public void Toxicity_OverridesRewards_WidensWhateverTheReward()
    {
        var input = RewardMarket();
        input.Toxicity = 0.2; // below the widen threshold: rewards still pay
        Assert.True((Run(input).Yes.Reason & QuoteReason.Rewards) != 0);

        input.Toxicity = 0.35;
        var (yes, no) = Run(input);
        Assert.True((yes.Reason & QuoteReason.Toxicity) != 0);
        Assert.True((yes.Reason & QuoteReason.Rewards) == 0);
        Assert.Equal(469_000, yes.BidPrice.Raw);  // floor(0.5 - 0.0305)
        Assert.Equal(469_000, no.BidPrice.Raw);   // 1 - ceil(0.5305)
        Assert.Equal(Shares(11.11), yes.BidSize); // 50 / 4.5, below the reward min size

        input.Toxicity = 0.9;
        (yes, no) = Run(input);
        Assert.False(yes.HasBid || yes.HasAsk || no.HasBid || no.HasAsk);
    }

    [Fact]
    public void FeeFloorWiderThanMaxSpread_RewardsDoNotPay()
    {
        var input = RewardMarket();
        input.TakerFeeRateBps = 2_000; // fee 0.05 x 0.75 = 0.0375 > v
        var (yes, _) = Run(input);
        Assert.True((yes.Reason & QuoteReason.Rewards) == 0);
        Assert.Equal(462_000, yes.BidPrice.Raw); // floor(0.5 - 0.0375)
    }
}
