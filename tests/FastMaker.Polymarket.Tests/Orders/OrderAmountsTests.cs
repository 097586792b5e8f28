using System.Text.Json;
using FastMaker.Polymarket.Orders;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Tests.Orders;

public class OrderAmountsTests
{
    public static IEnumerable<object[]> LimitIds() => GoldenVectors.Ids("limit-orders.json");
    public static IEnumerable<object[]> MarketIds() => GoldenVectors.Ids("market-orders.json");

    internal static Price P(JsonElement e) => Price.Parse(e.GetRawText());
    internal static long Units(JsonElement e) => Quantity.Parse(e.GetRawText()).Raw;
    internal static Side SideOf(JsonElement input) => input.GetProperty("side").GetString() == "BUY" ? Side.Buy : Side.Sell;

    [Theory]
    [MemberData(nameof(LimitIds))]
    public void Limit_EqualsOfficialClient(string id)
    {
        var v = GoldenVectors.ById("limit-orders.json", id);
        var input = v.GetProperty("input");
        var error = OrderAmounts.TryLimit(SideOf(input), P(input.GetProperty("price")), Quantity.FromRaw(Units(input.GetProperty("size"))),
            TickSize.Parse(input.GetProperty("tickSize").GetString()!), SizePrecision.Floor, out var amounts);
        Assert.Equal(OrderAmountError.None, error);
        Assert.Equal(long.Parse(v.GetProperty("makerAmount").GetString()!), amounts.MakerAmount);
        Assert.Equal(long.Parse(v.GetProperty("takerAmount").GetString()!), amounts.TakerAmount);
    }

    [Theory]
    [MemberData(nameof(MarketIds))]
    public void Market_MeetsServerRule_AndEqualsClientWhereTheClientIsValid(string id)
    {
        var v = GoldenVectors.ById("market-orders.json", id);
        var input = v.GetProperty("input");
        var tick = TickSize.Parse(input.GetProperty("tickSize").GetString()!);
        var side = SideOf(input);
        var price = P(input.GetProperty("price"));
        long amount = Units(input.GetProperty("amount"));

        Assert.Equal(OrderAmountError.None, OrderAmounts.TryMarket(side, price, amount, tick, SizePrecision.Floor, out var ours));
        var rule = v.GetProperty("serverRule");
        Assert.Equal(long.Parse(rule.GetProperty("makerAmount").GetString()!), ours.MakerAmount);
        Assert.Equal(long.Parse(rule.GetProperty("takerAmount").GetString()!), ours.TakerAmount);
        Assert.Equal(0, ours.MakerAmount % 10_000);
        Assert.Equal(0, ours.TakerAmount % 100);
        if (v.GetProperty("clientMeetsServerRule").GetBoolean())
        {
            Assert.Equal(long.Parse(v.GetProperty("makerAmount").GetString()!), ours.MakerAmount);
            Assert.Equal(long.Parse(v.GetProperty("takerAmount").GetString()!), ours.TakerAmount);
        }

        // The client's own (sometimes rejected) amounts are reproduced exactly by the comparison path.
        Assert.Equal(OrderAmountError.None, OrderAmounts.TryMarketAsOfficialClient(side, price, amount, tick, out var client));
        Assert.Equal(long.Parse(v.GetProperty("makerAmount").GetString()!), client.MakerAmount);
        Assert.Equal(long.Parse(v.GetProperty("takerAmount").GetString()!), client.TakerAmount);
    }

    [Fact]
    public void Market_BuyOnFineTick_ClampsTakerToFourDecimals_WhereTheClientWouldBeRejected()
    {
        // $10 at 0.123 = 81.300813 shares; the client sends 81.30081 (5 dp), the venue takes at most 4.
        Assert.Equal(OrderAmountError.None, OrderAmounts.TryMarket(Side.Buy, Price.Parse("0.123"), 10_000_000, TickSize.Thousandth, SizePrecision.Floor, out var a));
        Assert.Equal(new OrderAmounts(10_000_000, 81_300_800), a);
        Assert.Equal(OrderAmountError.None, OrderAmounts.TryMarketAsOfficialClient(Side.Buy, Price.Parse("0.123"), 10_000_000, TickSize.Thousandth, out var c));
        Assert.Equal(81_300_810, c.TakerAmount);
    }

    [Theory]
    [InlineData("0.515", "0.01", OrderAmountError.PriceOffTickGrid)]
    [InlineData("0.0026", "0.0025", OrderAmountError.PriceOffTickGrid)]
    [InlineData("0.007", "0.005", OrderAmountError.PriceOffTickGrid)]
    [InlineData("0.005", "0.01", OrderAmountError.PriceOutOfRange)]
    [InlineData("0.995", "0.01", OrderAmountError.PriceOutOfRange)]
    [InlineData("0.9", "0.1", OrderAmountError.None)]
    [InlineData("0.95", "0.1", OrderAmountError.PriceOutOfRange)]
    [InlineData("0", "0.001", OrderAmountError.PriceOutOfRange)]
    public void Limit_BadPrice_GivesAReason(string price, string tick, OrderAmountError expected)
    {
        Assert.Equal(expected, OrderAmounts.TryLimit(Side.Buy, Price.Parse(price), Quantity.Parse("10"), TickSize.Parse(tick), SizePrecision.Floor, out var a));
        if (expected != OrderAmountError.None) Assert.Equal(default, a);
        Assert.NotEmpty(OrderAmountErrors.Describe(expected));
    }

    [Fact]
    public void Limit_DefaultTickSize_IsRejectedNotThrown()
    {
        Assert.Equal(OrderAmountError.InvalidTickSize, OrderAmounts.TryLimit(Side.Buy, Price.Parse("0.5"), Quantity.Parse("10"), default, SizePrecision.Floor, out _));
        Assert.Equal(OrderAmountError.InvalidTickSize, OrderAmounts.TryMarket(Side.Buy, Price.Parse("0.5"), 10, default, SizePrecision.Floor, out _));
    }

    [Theory]
    [InlineData("0", OrderAmountError.SizeZero)]
    [InlineData("0.009", OrderAmountError.SizeZero)]
    public void Limit_ZeroSize_IsRejected(string size, OrderAmountError expected)
    {
        Assert.Equal(expected, OrderAmounts.TryLimit(Side.Sell, Price.Parse("0.5"), Quantity.Parse(size), TickSize.Hundredth, SizePrecision.Floor, out _));
        Assert.Equal(OrderAmountError.SizeZero, OrderAmounts.TryLimit(Side.Sell, Price.Parse("0.5"), Quantity.FromRaw(-1), TickSize.Hundredth, SizePrecision.Floor, out _));
    }

    [Fact]
    public void Limit_TooPreciseSize_FloorsOrRejectsByPolicy()
    {
        Assert.Equal(OrderAmountError.SizeTooPrecise, OrderAmounts.TryLimit(Side.Buy, Price.Parse("0.5"), Quantity.Parse("10.001"), TickSize.Hundredth, SizePrecision.Reject, out _));
        Assert.Equal(OrderAmountError.None, OrderAmounts.TryLimit(Side.Buy, Price.Parse("0.5"), Quantity.Parse("10.00"), TickSize.Hundredth, SizePrecision.Reject, out var exact));
        Assert.Equal(new OrderAmounts(5_000_000, 10_000_000), exact);
        Assert.Equal(OrderAmountError.None, OrderAmounts.TryLimit(Side.Buy, Price.Parse("0.5"), Quantity.Parse("10.009"), TickSize.Hundredth, SizePrecision.Floor, out var floored));
        Assert.Equal(exact, floored);
    }

    [Fact]
    public void Limit_CollateralLegThatFloorsToZero_IsRejected()
    {
        // 0.01 shares at 0.01 = 0.0001 collateral; fine at tick 0.01 (4 amount decimals)...
        Assert.Equal(OrderAmountError.None, OrderAmounts.TryLimit(Side.Buy, Price.Parse("0.01"), Quantity.Parse("0.01"), TickSize.Hundredth, SizePrecision.Floor, out _));
        // ...but 0.01 shares at 0.1 on tick 0.1 is 0.001 and 0.01 at 0.0001 on tick 0.0001 is 0.000001: both representable.
        Assert.Equal(OrderAmountError.None, OrderAmounts.TryLimit(Side.Buy, Price.Parse("0.0001"), Quantity.Parse("0.01"), TickSize.TenThousandth, SizePrecision.Floor, out var tiny));
        Assert.Equal(new OrderAmounts(1, 10_000), tiny);
        // A market SELL of 0.01 shares at 0.0001 yields 0.000001 collateral, which floors to zero at the 4-decimal market rule.
        Assert.Equal(OrderAmountError.AmountZero, OrderAmounts.TryMarket(Side.Sell, Price.Parse("0.0001"), 10_000, TickSize.TenThousandth, SizePrecision.Floor, out _));
    }

    [Fact]
    public void Limit_HugeSize_ReportsOverflowInsteadOfWrapping()
    {
        Assert.Equal(OrderAmountError.None, OrderAmounts.TryLimit(Side.Buy, Price.Parse("0.99"), Quantity.FromRaw(long.MaxValue / 2), TickSize.Hundredth, SizePrecision.Floor, out var a));
        Assert.True(a.MakerAmount > 0 && a.TakerAmount > 0);
        Assert.Equal(OrderAmountError.Overflow, OrderAmounts.TryMarket(Side.Buy, Price.Parse("0.01"), long.MaxValue - 10_000, TickSize.Hundredth, SizePrecision.Floor, out _));
    }

    [Fact]
    public void Amounts_AllocateNothing()
    {
        var price = Price.Parse("0.123");
        var size = Quantity.Parse("10.5");
        long sum = 0;
        for (int i = 0; i < 100; i++) { OrderAmounts.TryLimit(Side.Buy, price, size, TickSize.Thousandth, SizePrecision.Floor, out var a); sum += a.MakerAmount; }
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            OrderAmounts.TryLimit(Side.Buy, price, size, TickSize.Thousandth, SizePrecision.Floor, out var a);
            OrderAmounts.TryMarket(Side.Sell, price, 10_500_000, TickSize.Thousandth, SizePrecision.Floor, out var m);
            sum += a.MakerAmount + m.TakerAmount;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }
}
