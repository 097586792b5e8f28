namespace FastMaker.Primitives.Tests;

public class NotionalTests
{
    [Fact]
    public void Buy_10_5_At_0_123_Is_1_2915()
    {
        // Vector from ORDERS-V2-V3.md §3.2: BUY 10.5 @ 0.123 -> maker 1291500.
        Amount a = Notional.Multiply(Price.Parse("0.123"), Quantity.Parse("10.5"), Rounding.Down);
        Assert.Equal(1_291_500, a.Raw);
    }

    [Theory]
    [InlineData(333_333, 1_000_001L, Rounding.Down, 333_333L)]
    [InlineData(333_333, 1_000_001L, Rounding.Up, 333_334L)]
    [InlineData(500_000, 3L, Rounding.Down, 1L)]
    [InlineData(500_000, 3L, Rounding.Up, 2L)]
    [InlineData(500_000, 2L, Rounding.Up, 1L)]
    [InlineData(1, 1L, Rounding.Down, 0L)]
    [InlineData(1, 1L, Rounding.Up, 1L)]
    [InlineData(0, 123L, Rounding.Up, 0L)]
    [InlineData(-500_000, 3L, Rounding.Down, -1L)]
    [InlineData(-500_000, 3L, Rounding.Up, -2L)]
    public void Multiply_RoundsInTheAskedDirection(int price, long size, Rounding rounding, long expected)
    {
        Assert.True(Notional.TryMultiply(Price.FromRaw(price), Quantity.FromRaw(size), rounding, out Amount a));
        Assert.Equal(expected, a.Raw);
    }

    [Fact]
    public void Multiply_LargeButFitting_UsesWidePath()
    {
        // 1.5 x 2^62 raw: the product needs more than 64 bits before the division, the result fits.
        Assert.True(Notional.TryMultiply(Price.FromRaw(1_500_000), Quantity.FromRaw(1L << 62), Rounding.Down, out Amount a));
        Assert.Equal(3L << 61, a.Raw);
        Assert.True(Notional.TryMultiply(Price.FromRaw(1_500_001), Quantity.FromRaw(1L << 62), Rounding.Up, out Amount up));
        Assert.Equal((long)((((Int128)1_500_001 * (1L << 62)) + 999_999) / 1_000_000), up.Raw);
    }

    [Fact]
    public void Multiply_Overflow_FalseOrThrows()
    {
        Assert.False(Notional.TryMultiply(Price.FromRaw(int.MaxValue), Quantity.FromRaw(long.MaxValue), Rounding.Down, out Amount a));
        Assert.Equal(0, a.Raw);
        Assert.Throws<OverflowException>(() => Notional.Multiply(Price.FromRaw(int.MaxValue), Quantity.FromRaw(long.MaxValue), Rounding.Up));
    }
}
