using System.Text;
using static FastMaker.Primitives.Tests.TestText;

namespace FastMaker.Primitives.Tests;

public class QuantityAmountTests
{
    [Theory]
    [InlineData("1250.5", 1_250_500_000L)]
    [InlineData("100", 100_000_000L)]
    [InlineData("0.000001", 1L)]
    [InlineData("5.", 5_000_000L)]
    [InlineData(".25", 250_000L)]
    [InlineData("9223372036854.775807", long.MaxValue)]
    [InlineData("0", 0L)]
    public void Quantity_TryParse_ValidText(string text, long raw)
    {
        Assert.True(Quantity.TryParse(Utf8(text), out Quantity q, out ParseError error), text);
        Assert.Equal(ParseError.None, error);
        Assert.Equal(raw, q.Raw);
        Assert.Equal(raw, Quantity.Parse(text).Raw);
    }

    [Theory]
    [InlineData("", ParseError.Empty)]
    [InlineData("-1", ParseError.SignNotAllowed)]
    [InlineData("+1", ParseError.SignNotAllowed)]
    [InlineData("9223372036854.775808", ParseError.Overflow)]
    [InlineData("9223372036855", ParseError.Overflow)]
    [InlineData("100000000000000000000000", ParseError.Overflow)]
    [InlineData("1.0000001", ParseError.TooManyDecimals)]
    [InlineData("1e6", ParseError.InvalidCharacter)]
    [InlineData("1 ", ParseError.InvalidCharacter)]
    [InlineData(".", ParseError.MissingDigits)]
    public void Quantity_TryParse_BadText_ReportsReason(string text, ParseError expected)
    {
        Assert.False(Quantity.TryParse(Utf8(text), out _, out ParseError error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("-12.5", -12_500_000L)]
    [InlineData("-0", 0L)]
    [InlineData("-.5", -500_000L)]
    [InlineData("-9223372036854.775808", long.MinValue)]
    [InlineData("9223372036854.775807", long.MaxValue)]
    [InlineData("0.000001", 1L)]
    public void Amount_TryParse_AcceptsLeadingMinus(string text, long raw)
    {
        Assert.True(Amount.TryParse(Utf8(text), out Amount a, out ParseError error), text);
        Assert.Equal(ParseError.None, error);
        Assert.Equal(raw, a.Raw);
        Assert.True(Amount.TryParse(text.AsSpan(), out Amount fromChars, out _));
        Assert.Equal(a, fromChars);
    }

    [Theory]
    [InlineData("-", ParseError.MissingDigits)]
    [InlineData("-.", ParseError.MissingDigits)]
    [InlineData("--1", ParseError.InvalidCharacter)]
    [InlineData("+1", ParseError.SignNotAllowed)]
    [InlineData("-9223372036854.775809", ParseError.Overflow)]
    [InlineData("9223372036854.775808", ParseError.Overflow)]
    [InlineData("-0.0000001", ParseError.TooManyDecimals)]
    [InlineData("1-", ParseError.InvalidCharacter)]
    public void Amount_TryParse_BadText_ReportsReason(string text, ParseError expected)
    {
        Assert.False(Amount.TryParse(Utf8(text), out _, out ParseError error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData(long.MinValue, "-9223372036854.775808")]
    [InlineData(long.MaxValue, "9223372036854.775807")]
    [InlineData(-1L, "-0.000001")]
    [InlineData(-12_500_000L, "-12.5")]
    [InlineData(1_291_500L, "1.2915")]
    public void Amount_Format_ShortestExact(long raw, string expected)
    {
        Span<byte> buf = stackalloc byte[32];
        Assert.True(Amount.FromRaw(raw).TryFormat(buf, out int n));
        Assert.Equal(expected, Encoding.UTF8.GetString(buf.Slice(0, n)));
        Assert.Equal(expected, Amount.FromRaw(raw).ToString());
    }

    [Fact]
    public void Parse_BadText_Throws()
    {
        Assert.Contains("sign", Assert.Throws<FormatException>(() => Quantity.Parse("-1")).Message);
        Assert.Contains("too large", Assert.Throws<FormatException>(() => Amount.Parse("99999999999999999")).Message);
    }

    [Fact]
    public void ParseErrors_Describe_EveryReasonHasDistinctText()
    {
        var seen = new HashSet<string>();
        foreach (ParseError e in Enum.GetValues<ParseError>())
        {
            string text = ParseErrors.Describe(e);
            Assert.False(string.IsNullOrWhiteSpace(text));
            Assert.NotEqual("unknown parse error", text);
            Assert.True(seen.Add(text), e.ToString());
        }
    }
}
