using System.Text;

namespace FastMaker.Primitives.Tests;

public class HexIdTests
{
    private const string Lower = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";

    [Fact]
    public void Hash32_MixedCase_ParsesToSameValue_AndFormatsLowercase()
    {
        string mixed = "0X5F65177b394277FD294cd75650044E32BA009a95022d88a0c1d565897D72F8F1";
        Assert.True(Hash32.TryParse(Encoding.UTF8.GetBytes(mixed), out Hash32 a));
        Assert.True(Hash32.TryParse(Lower.AsSpan(), out Hash32 b));
        Assert.Equal(a, b);
        Assert.Equal(Lower, a.ToString());
        Span<byte> buf = stackalloc byte[66];
        Assert.True(a.TryFormat(buf, out int n));
        Assert.Equal(66, n);
        Assert.Equal(Lower, Encoding.UTF8.GetString(buf));
        Assert.False(a.TryFormat(buf.Slice(0, 65), out _));
    }

    [Fact]
    public void Hash32_Bytes_RoundTrip()
    {
        byte[] bytes = new byte[32];
        for (int i = 0; i < 32; i++)
        {
            bytes[i] = (byte)(i * 7 + 1);
        }

        Hash32 h = Hash32.FromBytes(bytes);
        byte[] back = new byte[32];
        h.CopyTo(back);
        Assert.Equal(bytes, back);
        Assert.Equal("0x" + Convert.ToHexStringLower(bytes), h.ToString());
        Assert.Equal(h, Hash32.Parse(h.ToString()));
        Assert.Throws<ArgumentException>(() => Hash32.FromBytes(new byte[31]));
        Assert.Throws<ArgumentException>(() => h.CopyTo(new byte[31]));
        Assert.True(Hash32.Zero.IsZero);
        Assert.Equal("0x" + new string('0', 64), Hash32.Zero.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x")]
    [InlineData("5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1")]
    [InlineData("0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f")]
    [InlineData("0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f10")]
    [InlineData("0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8fg")]
    [InlineData("1x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1")]
    [InlineData("0y5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1")]
    [InlineData("0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f ")]
    [InlineData("0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f:")]
    [InlineData("0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f@")]
    public void Hash32_Rejects(string text)
    {
        Assert.False(Hash32.TryParse(Encoding.UTF8.GetBytes(text), out Hash32 h));
        Assert.True(h.IsZero);
        Assert.False(Hash32.TryParse(text.AsSpan(), out _));
        Assert.Contains("64 hex", Assert.Throws<FormatException>(() => Hash32.Parse(text)).Message);
    }

    [Fact]
    public void Hash32_NonAsciiChar_Rejected()
    {
        // U+0161 has low byte 'a' (0x61): it must not be read as a hex digit.
        string text = "0x" + new string('\u0161', 64);
        Assert.False(Hash32.TryParse(text.AsSpan(), out _));
    }

    [Fact]
    public void EthAddress_MixedCase_ParsesAndFormatsLowercase()
    {
        string checksummed = "0x4bFb41d5B3570DeFd03C39a9A4D8dE6Bd8B8982E";
        Assert.True(EthAddress.TryParse(Encoding.UTF8.GetBytes(checksummed), out EthAddress a));
        Assert.Equal(checksummed.ToLowerInvariant(), a.ToString());
        Assert.Equal(a, EthAddress.Parse(checksummed.ToUpperInvariant().Replace("0X", "0x")));
        Span<byte> buf = stackalloc byte[42];
        Assert.True(a.TryFormat(buf, out int n));
        Assert.Equal(42, n);
        Assert.False(a.TryFormat(buf.Slice(0, 41), out _));
    }

    [Fact]
    public void EthAddress_AbiWord_IsLeftPadded()
    {
        EthAddress a = EthAddress.Parse("0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e");
        byte[] word = new byte[32];
        Array.Fill(word, (byte)0xAA);
        a.WriteAbiWord(word);
        Assert.Equal(new byte[12], word[..12]);
        Assert.Equal(Convert.FromHexString("4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e"), word[12..]);
        Assert.Throws<ArgumentException>(() => a.WriteAbiWord(new byte[31]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982")]
    [InlineData("0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e0")]
    [InlineData("4bfb41d5b3570defd03c39a9a4d8de6bd8b8982e")]
    [InlineData("0x4bfb41d5b3570defd03c39a9a4d8de6bd8b8982z")]
    public void EthAddress_Rejects(string text)
    {
        Assert.False(EthAddress.TryParse(Encoding.UTF8.GetBytes(text), out EthAddress a));
        Assert.True(a.IsZero);
        Assert.Throws<FormatException>(() => EthAddress.Parse(text));
    }

    [Fact]
    public void EthAddress_Bytes_RoundTrip()
    {
        byte[] bytes = Convert.FromHexString("ffeeddccbbaa99887766554433221100deadbeef");
        EthAddress a = EthAddress.FromBytes(bytes);
        byte[] back = new byte[20];
        a.CopyTo(back);
        Assert.Equal(bytes, back);
        Assert.Throws<ArgumentException>(() => EthAddress.FromBytes(new byte[32]));
        Assert.NotEqual(EthAddress.Zero, a);
    }
}
