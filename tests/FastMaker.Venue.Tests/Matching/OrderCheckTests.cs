using FastMaker.Primitives;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Tests.Matching;

public class OrderCheckTests
{
    private static void AssertRejected(EngineFixture f, OrderRequest r, string expected)
    {
        int liveBefore = f.Engine.LiveOrderCount;
        int levelsBefore = f.Events.Levels.Count;
        SubmitResult result = f.Submit(r);
        Assert.False(result.Success);
        Assert.Equal(expected, result.ErrorMsg);
        Assert.Equal("", result.Status);
        Assert.Equal(liveBefore, f.Engine.LiveOrderCount);
        Assert.Equal(levelsBefore, f.Events.Levels.Count);
        Assert.Null(f.Engine.GetOrder(r.OrderId));
    }

    [Fact]
    public void OffTickPrice_IsRejectedWithTheTickRuleText()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        OrderRequest r = f.Limit(1, f.Yes, Side.Buy, 0.505m, 10);
        AssertRejected(f, r, "order " + r.OrderId + " is invalid. Price (0.505) breaks minimum tick size rule: 0.01");
    }

    [Fact]
    public void ImpliedPriceNotExact_IsRejectedAsOffTick()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        // 3.33 for 9.99 shares: price 0.3333..., not representable on any tick.
        OrderRequest r = f.Raw(1, f.Yes, Side.Buy, 3_330_000, 9_990_000);
        SubmitResult result = f.Submit(r);
        Assert.False(result.Success);
        Assert.Contains("breaks minimum tick size rule: 0.01", result.ErrorMsg);
    }

    [Fact]
    public void PriceOfOne_IsOutsideTheTickBounds()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        AssertRejected(f, f.Limit(1, f.Yes, Side.Buy, 1.00m, 10), "invalid price (1), min: 0.01 - max: 0.99");
    }

    [Fact]
    public void MarketBuy_WhosePriceRoundsToZero_IsOutsideTheTickBounds()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        // $1 for 200 shares: 0.005, below the 0.01 tick.
        AssertRejected(f, f.Raw(1, f.Yes, Side.Buy, 1_000_000, 200_000_000, OrderType.Fok), "invalid price (0.005), min: 0.01 - max: 0.99");
    }

    [Fact]
    public void SizeBelowMinimum_IsRejectedWithTheReferenceText()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        OrderRequest r = f.Limit(1, f.Yes, Side.Buy, 0.50m, 4);
        AssertRejected(f, r, "order " + r.OrderId + " is invalid. Size (4) lower than the minimum: 5");
    }

    [Fact]
    public void LimitBuy_WithThreeDecimalSize_IsRejectedForPrecision()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        OrderRequest r = f.Raw(1, f.Yes, Side.Buy, 5_000_000, 10_001_000);
        AssertRejected(f, r, "invalid amounts, the buy orders maker amount supports a max accuracy of 4 decimals, taker amount a max of 2 decimals");
    }

    [Fact]
    public void LimitSell_WithTooPreciseCollateral_IsRejectedForPrecision()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 100);
        OrderRequest r = f.Raw(1, f.Yes, Side.Sell, 10_000_000, 5_000_010);
        AssertRejected(f, r, "invalid amounts, the sell orders maker amount supports a max accuracy of 2 decimals, taker amount a max of 4 decimals");
    }

    [Fact]
    public void MarketBuy_WithFiveDecimalTaker_IsRejectedWithTheMarketText()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        OrderRequest r = f.Raw(1, f.Yes, Side.Buy, 5_000_000, 9_999_990, OrderType.Fok);
        AssertRejected(f, r, RejectReasons.MarketBuyPrecision);
    }

    [Fact]
    public void Buy_WithoutEnoughCollateral_IsRejected()
    {
        var f = new EngineFixture();
        f.Fund(1, 4.99m);
        AssertRejected(f, f.Limit(1, f.Yes, Side.Buy, 0.50m, 10), "not enough balance / allowance");
    }

    [Fact]
    public void Sell_WithoutTokens_IsRejected()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        f.FundTokens(1, f.Yes, 9);
        AssertRejected(f, f.Limit(1, f.Yes, Side.Sell, 0.50m, 10), "not enough balance / allowance");
    }

    [Fact]
    public void SecondBuy_CannotUseCollateralReservedByTheFirst()
    {
        var f = new EngineFixture();
        f.Fund(1, 8);
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.50m, 10));
        AssertRejected(f, f.Limit(1, f.Yes, Side.Buy, 0.50m, 10), "not enough balance / allowance");
    }

    [Fact]
    public void ZeroAllowance_IsRejectedLikeZeroBalance()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        f.Ledger.SetCollateralAllowance(EngineFixture.Address(1), Amount.Zero);
        AssertRejected(f, f.Limit(1, f.Yes, Side.Buy, 0.50m, 10), "not enough balance / allowance");
    }

    [Fact]
    public void PostOnly_ThatWouldCross_IsRejected()
    {
        var f = new EngineFixture();
        f.Fund(1, 100); f.FundTokens(2, f.Yes, 100);
        f.MustAccept(f.Limit(2, f.Yes, Side.Sell, 0.50m, 10));
        AssertRejected(f, f.Limit(1, f.Yes, Side.Buy, 0.50m, 10, postOnly: true), "invalid post-only order: order crosses book");
        Assert.True(f.Submit(f.Limit(1, f.Yes, Side.Buy, 0.49m, 10, postOnly: true)).Success);
    }

    [Fact]
    public void PostOnly_AgainstTheComplementBook_AlsoCrosses()
    {
        var f = new EngineFixture();
        f.Fund(1, 100); f.Fund(2, 100);
        f.MustAccept(f.Limit(2, f.No, Side.Buy, 0.50m, 10)); // a YES ask at 0.50
        AssertRejected(f, f.Limit(1, f.Yes, Side.Buy, 0.50m, 10, postOnly: true), RejectReasons.PostOnlyCrosses);
    }

    [Theory]
    [InlineData(OrderType.Fok)]
    [InlineData(OrderType.Fak)]
    public void PostOnly_WithMarketOrderTypes_IsRejected(OrderType type)
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        AssertRejected(f, f.Limit(1, f.Yes, Side.Buy, 0.50m, 10, type, postOnly: true), RejectReasons.PostOnlyNotLimit);
    }

    [Fact]
    public void Gtd_TooSoon_IsRejected_AndJustLateEnoughIsAccepted()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        long now = f.Clock.GetUtcNow().ToUnixTimeSeconds();
        AssertRejected(f, f.Limit(1, f.Yes, Side.Buy, 0.50m, 10, OrderType.Gtd, expiration: now + 119), "invalid expiration");
        AssertRejected(f, f.Limit(1, f.Yes, Side.Buy, 0.50m, 10, OrderType.Gtd, expiration: 0), "invalid expiration");
        f.MustAccept(f.Limit(1, f.Yes, Side.Buy, 0.50m, 10, OrderType.Gtd, expiration: now + 120));
    }

    [Fact]
    public void Gtc_WithExpiration_IsRejected()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        AssertRejected(f, f.Limit(1, f.Yes, Side.Buy, 0.50m, 10, expiration: 2_000_000_000), "invalid expiration");
    }

    [Fact]
    public void Fok_NotFullyFillable_IsRejected_AndChangesNothing()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 100); f.Fund(2, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 5));
        long before = f.Collateral(2);
        AssertRejected(f, f.Limit(2, f.Yes, Side.Buy, 0.50m, 10, OrderType.Fok), "order couldn't be fully filled. FOK orders are fully filled or killed.");
        Assert.Equal(before, f.Collateral(2));
        Assert.Empty(f.Events.Trades);
    }

    [Fact]
    public void Fok_FullyFillable_Fills()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 100); f.Fund(2, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 5));
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.51m, 5));
        SubmitResult r = f.MustAccept(f.Limit(2, f.Yes, Side.Buy, 0.51m, 10, OrderType.Fok));
        Assert.Equal("matched", r.Status);
        Assert.Equal(2, r.TradeIds.Length);
        Assert.Equal(0, f.Engine.LiveOrderCount);
    }

    [Fact]
    public void Fak_WithNothingToMatch_IsRejected()
    {
        var f = new EngineFixture();
        f.Fund(2, 100);
        AssertRejected(f, f.Limit(2, f.Yes, Side.Buy, 0.50m, 10, OrderType.Fak),
            "no orders found to match with FAK order. FAK orders are partially filled or killed if no match is found.");
    }

    [Fact]
    public void Fak_FillsWhatItCan_AndDropsTheRest()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 100); f.Fund(2, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 5));
        SubmitResult r = f.MustAccept(f.Limit(2, f.Yes, Side.Buy, 0.50m, 10, OrderType.Fak));
        Assert.Equal(5_000_000, r.TakingAmount);
        Assert.Equal(0, f.Engine.LiveOrderCount);
        int account = f.Ledger.AccountOf(EngineFixture.Address(2));
        Assert.Equal(0, f.Ledger.Reserved(account, 0));
    }

    [Fact]
    public void MarketBuy_BelowOneDollar_IsRejected()
    {
        var f = new EngineFixture();
        f.Fund(2, 100); f.FundTokens(1, f.Yes, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.50m, 5));
        OrderRequest r = f.Raw(2, f.Yes, Side.Buy, 990_000, 1_980_000, OrderType.Fok);
        AssertRejected(f, r, "invalid amount for a marketable BUY order ($0.99), min size: $1");
    }

    [Fact]
    public void MarketBuy_WithRoundedDownTaker_UsesTheTickPriceAsLimit()
    {
        var f = new EngineFixture();
        f.FundTokens(1, f.Yes, 100); f.Fund(2, 100);
        f.MustAccept(f.Limit(1, f.Yes, Side.Sell, 0.53m, 100));
        // The client's way: spend $10 at 0.53 -> taker = floor4(10 / 0.53) = 18.8679 shares.
        SubmitResult r = f.MustAccept(f.Raw(2, f.Yes, Side.Buy, 10_000_000, 18_867_900, OrderType.Fok));
        Assert.Equal(18_867_900, r.TakingAmount);
        Assert.Equal(10_000_000 - 13, r.MakingAmount); // 18.8679 x 0.53 = 9.999987
    }

    [Fact]
    public void UnknownToken_ClosedMarket_NotAccepting_AndDuplicates_AreRejected()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        AssertRejected(f, f.Limit(1, new UInt256(7, 7, 7, 7), Side.Buy, 0.50m, 10), "Invalid token id");

        OrderRequest ok = f.Limit(1, f.Yes, Side.Buy, 0.40m, 10);
        f.MustAccept(ok);
        SubmitResult dup = f.Submit(ok);
        Assert.Equal("order " + ok.OrderId + " is invalid. Duplicated.", dup.ErrorMsg);

        f.Engine.SetAcceptingOrders(f.Market.ConditionId, false);
        AssertRejected(f, f.Limit(1, f.Yes, Side.Buy, 0.40m, 10), "the market is not yet ready to process new orders");
        f.Engine.SetAcceptingOrders(f.Market.ConditionId, true);
        f.Engine.CloseMarket(f.Market.ConditionId);
        AssertRejected(f, f.Limit(1, f.Yes, Side.Buy, 0.40m, 10), RejectReasons.MarketClosed);
    }

    [Fact]
    public void ZeroAmounts_AreRejectedAsInvalidPayload()
    {
        var f = new EngineFixture();
        f.Fund(1, 100);
        AssertRejected(f, f.Raw(1, f.Yes, Side.Buy, 0, 10_000_000), "Invalid order payload");
        AssertRejected(f, f.Raw(1, f.Yes, Side.Buy, -5, 10_000_000), "Invalid order payload");
    }
}
