namespace FastMaker.Primitives.Tests;

public class TickSizeTests
{
    public static TheoryData<string, int, int, int, int> Table => new()
    {
        // tick text, raw, price decimals, size decimals, amount decimals (ORDERS-V2-V3.md §3.1)
        { "0.1", 100_000, 1, 2, 3 },
        { "0.01", 10_000, 2, 2, 4 },
        { "0.005", 5_000, 3, 2, 5 },
        { "0.0025", 2_500, 4, 2, 6 },
        { "0.001", 1_000, 3, 2, 5 },
        { "0.0001", 100, 4, 2, 6 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void TryParse_KnownTick_HasRoundingTableDecimals(string text, int raw, int priceDecimals, int sizeDecimals, int amountDecimals)
    {
        Assert.True(TickSize.TryParse(System.Text.Encoding.UTF8.GetBytes(text), out TickSize t, out ParseError e));
        Assert.Equal(ParseError.None, e);
        Assert.Equal(raw, t.Value.Raw);
        Assert.Equal(priceDecimals, t.PriceDecimals);
        Assert.Equal(sizeDecimals, t.SizeDecimals);
        Assert.Equal(amountDecimals, t.AmountDecimals);
        Assert.Equal(raw, t.MinPrice.Raw);
        Assert.Equal(1_000_000 - raw, t.MaxPrice.Raw);
        Assert.Equal(1_000_000 / raw, t.TicksPerUnit);
        Assert.Equal(text, t.ToString());
        Assert.True(TickSize.TryFromPrice(Price.FromRaw(raw), out TickSize same));
        Assert.Equal(t, same);
    }

    [Fact]
    public void StaticFields_MatchTable()
    {
        Assert.Equal(100_000, TickSize.Tenth.Value.Raw);
        Assert.Equal(10_000, TickSize.Hundredth.Value.Raw);
        Assert.Equal(5_000, TickSize.HalfHundredth.Value.Raw);
        Assert.Equal(2_500, TickSize.QuarterHundredth.Value.Raw);
        Assert.Equal(1_000, TickSize.Thousandth.Value.Raw);
        Assert.Equal(100, TickSize.TenThousandth.Value.Raw);
    }

    [Theory]
    [InlineData(".01", true, ParseError.None)]
    [InlineData("0.010", true, ParseError.None)]
    [InlineData("0.02", false, ParseError.UnknownTickSize)]
    [InlineData("0", false, ParseError.UnknownTickSize)]
    [InlineData("1", false, ParseError.UnknownTickSize)]
    [InlineData("0.00001", false, ParseError.UnknownTickSize)]
    [InlineData("-0.01", false, ParseError.SignNotAllowed)]
    [InlineData("", false, ParseError.Empty)]
    [InlineData("0.01x", false, ParseError.InvalidCharacter)]
    public void TryParse_ReportsReason(string text, bool ok, ParseError expected)
    {
        Assert.Equal(ok, TickSize.TryParse(text.AsSpan(), out TickSize t, out ParseError e));
        Assert.Equal(expected, e);
        Assert.Equal(ok, t.IsValid);
    }

    [Fact]
    public void TryFromPrice_UnknownTick_False()
    {
        Assert.False(TickSize.TryFromPrice(Price.FromRaw(20_000), out TickSize t));
        Assert.False(t.IsValid);
    }

    [Fact]
    public void DefaultTickSize_Throws_NotDivideByZero()
    {
        TickSize t = default;
        Assert.Throws<InvalidOperationException>(() => t.IsAligned(Price.FromRaw(10_000)));
        Assert.Throws<InvalidOperationException>(() => t.MinPrice);
        Assert.Equal("invalid", t.ToString());
    }

    [Theory]
    [InlineData(523_400, Side.Buy, 520_000, 530_000)]
    [InlineData(523_400, Side.Sell, 530_000, 520_000)]
    [InlineData(520_000, Side.Buy, 520_000, 520_000)]
    [InlineData(520_000, Side.Sell, 520_000, 520_000)]
    [InlineData(1, Side.Buy, 0, 10_000)]
    [InlineData(999_999, Side.Sell, 1_000_000, 990_000)]
    [InlineData(-5_000, Side.Buy, -10_000, 0)]
    [InlineData(-5_000, Side.Sell, 0, -10_000)]
    public void Rounding_AwayFromTouch_IsNeverMoreAggressive(int raw, Side side, int away, int toward)
    {
        TickSize t = TickSize.Hundredth;
        Assert.Equal(away, t.RoundAwayFromTouch(Price.FromRaw(raw), side).Raw);
        Assert.Equal(toward, t.RoundTowardTouch(Price.FromRaw(raw), side).Raw);
    }

    [Fact]
    public void Ceiling_BeyondIntRange_Throws()
    {
        Assert.Throws<OverflowException>(() => TickSize.Tenth.Ceiling(Price.FromRaw(int.MaxValue)));
    }

    [Fact]
    public void TicksBetween_AlignedPrices_IsExact()
    {
        TickSize t = TickSize.QuarterHundredth;
        Assert.Equal(4, t.TicksBetween(Price.FromRaw(500_000), Price.FromRaw(510_000)));
        Assert.Equal(-4, t.TicksBetween(Price.FromRaw(510_000), Price.FromRaw(500_000)));
        Assert.Equal(0, t.TicksBetween(Price.FromRaw(2_500), Price.FromRaw(2_500)));
        Assert.Equal(398, t.TicksBetween(t.MinPrice, t.MaxPrice));
    }

    [Fact]
    public void TicksBetween_NotAligned_ThrowsOrReportsFalse()
    {
        TickSize t = TickSize.Hundredth;
        ArgumentException ex = Assert.Throws<ArgumentException>(() => t.TicksBetween(Price.FromRaw(500_000), Price.FromRaw(505_000)));
        Assert.Equal("b", ex.ParamName);
        Assert.Throws<ArgumentException>(() => t.TicksBetween(Price.FromRaw(1), Price.FromRaw(500_000)));
        Assert.False(t.TryTicksBetween(Price.FromRaw(1), Price.FromRaw(10_000), out int ticks));
        Assert.Equal(0, ticks);
    }

    [Fact]
    public void IsAligned_And_Ticks_Index()
    {
        TickSize t = TickSize.HalfHundredth;
        Assert.True(t.IsAligned(Price.FromRaw(505_000)));
        Assert.False(t.IsAligned(Price.FromRaw(502_500)));
        Assert.True(t.TryToTicks(Price.FromRaw(505_000), out int index));
        Assert.Equal(101, index);
        Assert.Equal(505_000, t.FromTicks(index).Raw);
        Assert.False(t.TryToTicks(Price.FromRaw(502_500), out _));
    }
}
