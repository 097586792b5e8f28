using FastMaker.Polymarket.Signing;

namespace FastMaker.Polymarket.Tests.Signing;

public class Eip55Tests
{
    // The examples in EIP-55 itself, plus the Hardhat account 0 address as PROTOCOL.md prints it.
    [Theory]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    [InlineData("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266")]
    public void Format_KnownAddresses_MatchChecksum(string expected)
    {
        var bytes = Convert.FromHexString(expected.AsSpan(2));
        Assert.Equal(expected, Eip55.Format(bytes));
        Assert.True(Eip55.IsValidChecksum(expected));
    }

    [Fact]
    public void IsValidChecksum_WrongCase_IsRejected()
    {
        Assert.False(Eip55.IsValidChecksum("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"));
    }

    [Theory]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", true)]
    [InlineData("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", true)]
    [InlineData("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", false)]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea", false)]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", false)]
    public void IsValidChecksum_UncheckedOrMalformed(string text, bool expected)
    {
        Assert.Equal(expected, Eip55.IsValidChecksum(text));
    }

    [Fact]
    public void TryFormat_WrongLengths_ReturnFalse()
    {
        Assert.False(Eip55.TryFormat(new byte[19], new char[42]));
        Assert.False(Eip55.TryFormat(new byte[20], new char[41]));
        Assert.Throws<ArgumentException>(() => Eip55.Format(new byte[21]));
    }
}
