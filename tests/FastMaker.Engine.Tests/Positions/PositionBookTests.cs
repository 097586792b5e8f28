using FastMaker.Engine.Positions;
using FastMaker.Engine.Registry;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Positions;

/// <summary>Average-cost PnL, pending credits, exact rollback and YES-equivalent netting.</summary>
public class PositionBookTests
{
    private static Quantity Q(string s) => Quantity.Parse(s);

    private static Price P(string s) => Price.Parse(s);

    private static long Usd(string s) => Amount.Parse(s).Raw;

    [Fact]
    public void AverageCost_TwoBuysThenSell_RealizesAgainstAverage()
    {
        var book = new PositionBook();
        book.SetCollateral(Amount.FromRaw(Usd("100")));
        book.Apply(0, Side.Buy, Q("10"), P("0.40"), Amount.Zero);
        book.Apply(0, Side.Buy, Q("10"), P("0.60"), Amount.Zero);
        Assert.Equal(Usd("10"), book.CostBasis(0));

        // Average 0.50; selling 5 at 0.70 realizes 5 x 0.20 = 1.
        book.Apply(0, Side.Sell, Q("5"), P("0.70"), Amount.Zero);
        Assert.Equal(Usd("1"), book.RealizedPnl);
        Assert.Equal(Usd("7.5"), book.CostBasis(0));
        Assert.Equal(Q("15").Raw, book.Shares(0));
        Assert.Equal(Usd("100") - Usd("10") + Usd("3.5"), book.Collateral);
    }

    [Fact]
    public void Fees_ReduceCollateralAndNetPnl()
    {
        var book = new PositionBook();
        book.Apply(0, Side.Buy, Q("100"), P("0.50"), Amount.FromRaw(Usd("1.75")));
        Assert.Equal(-Usd("51.75"), book.Collateral);
        Assert.Equal(Usd("1.75"), book.FeesPaid);
        Assert.Equal(-Usd("1.75"), book.NetRealizedPnl);
        Assert.Equal(Usd("1.75"), book.Token(0).FeesPaid);
    }

    [Fact]
    public void Revert_UndoesExactly_EvenAfterLaterFills()
    {
        var book = new PositionBook();
        var first = book.Apply(0, Side.Buy, Q("10"), P("0.30"), Amount.Zero);
        var sale = book.Apply(0, Side.Sell, Q("4"), P("0.90"), Amount.FromRaw(10));
        book.Apply(0, Side.Buy, Q("3"), P("0.50"), Amount.Zero);

        book.Revert(in sale);
        Assert.Equal(0, book.RealizedPnl);
        Assert.Equal(0, book.FeesPaid);
        Assert.Equal(Q("13").Raw, book.Shares(0));
        Assert.Equal(Usd("4.5"), book.CostBasis(0));
        Assert.Equal(0, book.PendingCollateral);

        book.Revert(in first);
        Assert.Equal(Q("3").Raw, book.Shares(0));
        Assert.Equal(Usd("1.5"), book.CostBasis(0));
    }

    [Fact]
    public void PendingCredits_ClearOnSettle()
    {
        var book = new PositionBook();
        var buy = book.Apply(1, Side.Buy, Q("10"), P("0.30"), Amount.Zero);
        Assert.Equal(Q("10").Raw, book.PendingShares(1));
        book.Settle(in buy);
        Assert.Equal(0, book.PendingShares(1));
        var sell = book.Apply(1, Side.Sell, Q("10"), P("0.50"), Amount.Zero);
        Assert.Equal(Usd("5"), book.PendingCollateral);
        book.Settle(in sell);
        Assert.Equal(0, book.PendingCollateral);
        Assert.Equal(Usd("2"), book.RealizedPnl);
    }

    [Fact]
    public void NetYesShares_IsYesMinusNo()
    {
        var registry = new MarketRegistry();
        var market = registry.GetOrAdd(Hash32.Parse("0x" + new string('1', 64)), new UInt256(1, 0, 0, 0), new UInt256(2, 0, 0, 0));
        var book = new PositionBook();
        book.Apply(market.YesIndex, Side.Buy, Q("30"), P("0.40"), Amount.Zero);
        book.Apply(market.NoIndex, Side.Buy, Q("50"), P("0.55"), Amount.Zero);

        // Buying NO is selling YES: 30 YES and 50 NO net to 20 NO, i.e. -20 YES-equivalent.
        Assert.Equal(-Q("20").Raw, book.NetYesShares(market));
    }

    [Fact]
    public void NegativeTokenIndex_Throws()
    {
        var book = new PositionBook();
        Assert.Throws<ArgumentOutOfRangeException>(() => book.Apply(-1, Side.Buy, Q("1"), P("0.5"), Amount.Zero));
    }

    [Fact]
    public void ManyTokens_GrowTheBook()
    {
        var book = new PositionBook(tokenCapacity: 2);
        book.Apply(100, Side.Buy, Q("1"), P("0.5"), Amount.Zero);
        Assert.Equal(Q("1").Raw, book.Shares(100));
        Assert.Equal(0, book.Shares(5000));
    }
}
