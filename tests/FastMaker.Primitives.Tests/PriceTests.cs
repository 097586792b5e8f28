using static FastMaker.Primitives.Tests.TestText;

namespace FastMaker.Primitives.Tests;

public class PriceTests
{
    [Theory]
    [InlineData("0.52", 520_000)]
    [InlineData("0.0001", 100)]
    [InlineData("0.5234", 523_400)]
    [InlineData("1", 1_000_000)]
    [InlineData("1.000000", 1_000_000)]
    [InlineData("0", 0)]
    [InlineData(".5", 500_000)]
    [InlineData("5.", -1)]
    [InlineData("0.000001", 1)]
    [InlineData("0.999999", 999_999)]
    [InlineData("00.25", 250_000)]
    [InlineData("0.5000000000", 500_000)]
    public void TryParse_ValidText_GivesExactRaw(string text, int raw)
    {
        bool ok = Price.TryParse(Utf8(text), out Price p, out ParseError error);
        if (raw < 0)
        {
            // "5." parses as 5, which is above 1: the trailing dot itself is accepted.
            Assert.False(ok);
            Assert.Equal(ParseError.OutOfRange, error);
            return;
        }

        Assert.True(ok, text);
        Assert.Equal(ParseError.None, error);
        Assert.Equal(raw, p.Raw);
        Assert.True(Price.TryParse(text.AsSpan(), out Price fromChars, out _));
        Assert.Equal(p, fromChars);
    }

    [Fact]
    public void TrailingDot_IsAccepted()
    {
        Assert.True(Price.TryParse("1."u8, out Price p));
        Assert.Equal(Price.One, p);
        Assert.True(Price.TryParse("0."u8, out p));
        Assert.Equal(Price.Zero, p);
    }

    [Theory]
    [InlineData("", ParseError.Empty)]
    [InlineData(" 0.5", ParseError.InvalidCharacter)]
    [InlineData("0.5 ", ParseError.InvalidCharacter)]
    [InlineData("0.5e0", ParseError.InvalidCharacter)]
    [InlineData("5e-1", ParseError.InvalidCharacter)]
    [InlineData("0..5", ParseError.InvalidCharacter)]
    [InlineData("0.5.", ParseError.InvalidCharacter)]
    [InlineData("abc", ParseError.InvalidCharacter)]
    [InlineData("0,5", ParseError.InvalidCharacter)]
    [InlineData("NaN", ParseError.InvalidCharacter)]
    [InlineData("-0.5", ParseError.SignNotAllowed)]
    [InlineData("+0.5", ParseError.SignNotAllowed)]
    [InlineData("0.1234567", ParseError.TooManyDecimals)]
    [InlineData("0.0000001", ParseError.TooManyDecimals)]
    [InlineData(".", ParseError.MissingDigits)]
    [InlineData("1.000001", ParseError.OutOfRange)]
    [InlineData("2", ParseError.OutOfRange)]
    [InlineData("99999999999999999999999999999", ParseError.OutOfRange)]
    [InlineData("99999999999999999999999999999x", ParseError.InvalidCharacter)]
    public void TryParse_BadText_ReportsReason(string text, ParseError expected)
    {
        Assert.False(Price.TryParse(Utf8(text), out Price p, out ParseError error));
        Assert.Equal(expected, error);
        Assert.Equal(0, p.Raw);
        Assert.False(Price.TryParse(text.AsSpan(), out _, out ParseError charError));
        Assert.Equal(expected, charError);
    }

    [Fact]
    public void TryParse_NonAsciiChar_IsInvalidCharacter()
    {
        // U+0660 ARABIC-INDIC DIGIT ZERO must not be taken for a digit, nor a char whose low byte is '5'.
        Assert.False(Price.TryParse("0.\u0660".AsSpan(), out _, out ParseError e1));
        Assert.Equal(ParseError.InvalidCharacter, e1);
        Assert.False(Price.TryParse("0.\u0135".AsSpan(), out _, out ParseError e2));
        Assert.Equal(ParseError.InvalidCharacter, e2);
    }

    [Fact]
    public void Parse_BadText_ThrowsFormatExceptionNamingReason()
    {
        FormatException ex = Assert.Throws<FormatException>(() => Price.Parse("0.1234567"));
        Assert.Contains("more than 6", ex.Message);
        Assert.Contains("Price", ex.Message);
        Assert.Throws<ArgumentNullException>(() => Price.Parse(null!));
        Assert.Equal(520_000, Price.Parse("0.52").Raw);
    }

    [Theory]
    [InlineData(520_000, "0.52")]
    [InlineData(1_000_000, "1")]
    [InlineData(100, "0.0001")]
    [InlineData(0, "0")]
    [InlineData(1, "0.000001")]
    [InlineData(523_400, "0.5234")]
    [InlineData(-10_000, "-0.01")]
    [InlineData(int.MaxValue, "2147.483647")]
    [InlineData(int.MinValue, "-2147.483648")]
    public void TryFormat_WritesShortestExactDecimal(int raw, string expected)
    {
        Assert.Equal(expected, FormatPrice(Price.FromRaw(raw)));
        Assert.Equal(expected, Price.FromRaw(raw).ToString());
    }

    [Fact]
    public void TryFormat_DestinationTooShort_ReturnsFalse()
    {
        Span<byte> buf = stackalloc byte[3];
        Assert.False(Price.FromRaw(520_000).TryFormat(buf, out int n));
        Assert.Equal(0, n);
        Assert.True(Price.FromRaw(500_000).TryFormat(buf, out n));
        Assert.Equal(3, n);
    }

    [Fact]
    public void Comparisons_FollowRaw()
    {
        Price a = Price.FromRaw(10), b = Price.FromRaw(20);
        Assert.True(a < b && b > a && a <= b && b >= a && a != b && a == Price.FromRaw(10));
        Assert.True(a.CompareTo(b) < 0);
        Assert.True(Price.FromRaw(1).IsStrictlyBetweenZeroAndOne);
        Assert.False(Price.One.IsStrictlyBetweenZeroAndOne);
        Assert.False(Price.Zero.IsStrictlyBetweenZeroAndOne);
    }

    [Fact]
    public void Interpolation_UsesShortestDecimal()
    {
        Assert.Equal("p=0.52", $"p={Price.FromRaw(520_000)}");
    }
}
