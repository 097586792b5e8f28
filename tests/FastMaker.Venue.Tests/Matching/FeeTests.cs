using FastMaker.Primitives;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Tests.Matching;

public class FeeTests
{
    [Theory]
    // The reference's worked example: Crypto 0.07, 100 shares at 0.50 -> $1.75.
    [InlineData(100_000_000, 500_000, 70_000, 1, 1_750_000)]
    // 10 shares at 0.30, rate 0.05: 10 x 0.05 x 0.21 = 0.105.
    [InlineData(10_000_000, 300_000, 50_000, 1, 105_000)]
    // Floored to 5 decimals: 1 share at 0.33, rate 0.04: 0.04 x 0.2211 = 0.008844 -> 0.00884.
    [InlineData(1_000_000, 330_000, 40_000, 1, 8_840)]
    // Tiny but positive: minimum 0.00001.
    [InlineData(100, 500_000, 10_000, 1, 10)]
    // Exponent 2, rate 0.25, 100 shares at 0.5: 100 x 0.25 x 0.0625 = 1.5625.
    [InlineData(100_000_000, 500_000, 250_000, 2, 1_562_500)]
    // No fee market.
    [InlineData(100_000_000, 500_000, 0, 1, 0)]
    public void TakerFee_FollowsTheReferenceFormula(long shares, int price, int ratePpm, int exponent, long expected)
    {
        Assert.Equal(expected, FeeCalculator.TakerFee(shares, price, ratePpm, exponent));
    }

    [Fact]
    public void TakerFee_IsTheSameForTheYesAndNoLegs()
    {
        Assert.Equal(FeeCalculator.TakerFee(37_000_000, 230_000, 70_000, 1), FeeCalculator.TakerFee(37_000_000, 770_000, 70_000, 1));
    }

    [Fact]
    public void TakerBuy_PaysFeeOnTop_MakerPaysNothing()
    {
        var f = new EngineFixture(feeRatePpm: 70_000);
        f.FundTokens(1, f.Yes, 100); f.Fund(2, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 100));

        SubmitResult r = f.MustAccept(f.Limit(2, f.Yes, Side.Buy, 0.50m, 100));

        TradeRecord t = Assert.Single(f.Events.Trades);
        Assert.Equal(1_750_000, t.Fee.Raw);
        Assert.Equal(100_000_000 - 50_000_000 - 1_750_000, f.Collateral(2));
        Assert.Equal(50_000_000, f.Collateral(1));
        Assert.Equal(51_750_000, r.MakingAmount);
        Assert.Equal(1_750_000, f.Ledger.FeesCollected);
    }

    [Fact]
    public void TakerSell_PaysFeeOutOfProceeds()
    {
        var f = new EngineFixture(feeRatePpm: 70_000);
        f.Fund(1, 100); f.FundTokens(2, f.Yes, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.50m, 100));

        SubmitResult r = f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.50m, 100));

        Assert.Equal(48_250_000, f.Collateral(2));
        Assert.Equal(48_250_000, r.TakingAmount);
        Assert.Equal(50_000_000, f.Collateral(1));
        Assert.Equal(100_000_000, f.Tokens(1, f.Yes));
    }

    [Fact]
    public void TakerBuy_WithoutRoomForTheFee_IsRejected()
    {
        var f = new EngineFixture(feeRatePpm: 70_000);
        f.FundTokens(1, f.Yes, 100); f.Fund(2, 50);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 100));

        SubmitResult r = f.Submit(f.Limit(2, f.Yes, Side.Buy, 0.50m, 100));

        Assert.False(r.Success);
        Assert.Equal(RejectReasons.NotEnoughBalance, r.ErrorMsg);
    }

    [Fact]
    public void MintTaker_PaysFeeAtItsOwnPrice()
    {
        var f = new EngineFixture(feeRatePpm: 50_000);
        f.Fund(1, 100); f.Fund(2, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.70m, 10));
        f.MustAccept(f.Limit(2, f.No, Side.Buy, 0.30m, 10));
        // 10 x 0.05 x 0.3 x 0.7 = 0.105
        Assert.Equal(105_000, Assert.Single(f.Events.Trades).Fee.Raw);
        Assert.Equal(100_000_000 - 3_000_000 - 105_000, f.Collateral(2));
    }
}
