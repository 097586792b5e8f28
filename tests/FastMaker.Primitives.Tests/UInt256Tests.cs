using System.Numerics;
using System.Text;

namespace FastMaker.Primitives.Tests;

public class UInt256Tests
{
    internal static readonly BigInteger Max = (BigInteger.One << 256) - 1;

    internal static BigInteger ToBig(UInt256 v)
    {
        Span<byte> be = stackalloc byte[32];
        v.WriteBigEndian(be);
        return new BigInteger(be, isUnsigned: true, isBigEndian: true);
    }

    [Theory]
    // Token ids recorded in PROTOCOL.md (77 and 78 digits).
    [InlineData("71321045679252212594626385532706912750332728571942532289631379312455583992563")]
    [InlineData("21742633143463906290569050155826241533067272736897614950488156847949938836455")]
    [InlineData("115474063863764126958837769719736461272619491980773624567012766320777398670353")]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("9999999999999999999")]
    [InlineData("10000000000000000000")]
    [InlineData("18446744073709551616")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    public void Parse_MatchesBigInteger_AndFormatsBack(string text)
    {
        Assert.True(UInt256.TryParse(Encoding.UTF8.GetBytes(text), out UInt256 v));
        Assert.Equal(BigInteger.Parse(text), ToBig(v));
        Assert.Equal(text, v.ToString());
        Span<byte> buf = stackalloc byte[78];
        Assert.True(v.TryFormat(buf, out int n));
        Assert.Equal(text, Encoding.UTF8.GetString(buf.Slice(0, n)));
        Assert.True(UInt256.TryParse(text.AsSpan(), out UInt256 fromChars));
        Assert.Equal(v, fromChars);
    }

    [Fact]
    public void MaxValue_Is_2Pow256Minus1()
    {
        Assert.Equal(Max, ToBig(UInt256.MaxValue));
        Assert.Equal(Max.ToString(), UInt256.MaxValue.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639936")] // 2^256
    [InlineData("999999999999999999999999999999999999999999999999999999999999999999999999999999")] // 78 nines
    [InlineData("1157920892373161954235709850086879078532699846656405640394575840079131296399350")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("12 ")]
    [InlineData(" 12")]
    [InlineData("0x12")]
    [InlineData("1.0")]
    [InlineData("1e5")]
    [InlineData("7132104567925221259462638553270691275033272857194253228963137931245558399256a")]
    public void TryParse_Rejects(string text)
    {
        Assert.False(UInt256.TryParse(Encoding.UTF8.GetBytes(text), out UInt256 v));
        Assert.True(v.IsZero);
        Assert.False(UInt256.TryParse(text.AsSpan(), out _));
        Assert.Throws<FormatException>(() => UInt256.Parse(text));
    }

    [Fact]
    public void LeadingZeros_AreAccepted()
    {
        string text = new string('0', 100) + "42";
        Assert.True(UInt256.TryParse(text.AsSpan(), out UInt256 v));
        Assert.Equal((UInt256)42UL, v);
        Assert.Equal("42", v.ToString());
    }

    [Fact]
    public void TryFormat_ShortDestination_ReturnsFalse()
    {
        UInt256 v = UInt256.Parse("71321045679252212594626385532706912750332728571942532289631379312455583992563");
        Span<byte> buf = stackalloc byte[76];
        Assert.False(v.TryFormat(buf, out int n));
        Assert.Equal(0, n);
    }

    [Fact]
    public void BigEndian_RoundTrips_AndRejectsWrongLength()
    {
        UInt256 v = new(1, 2, 3, 4);
        Span<byte> be = stackalloc byte[32];
        v.WriteBigEndian(be);
        Assert.Equal(4, be[7]);
        Assert.Equal(1, be[31]);
        Assert.Equal(v, UInt256.ReadBigEndian(be));
        Assert.Throws<ArgumentException>(() => UInt256.ReadBigEndian(new byte[31]));
        Assert.Throws<ArgumentException>(() => v.WriteBigEndian(new byte[31]));
    }

    [Fact]
    public void Ordering_IsNumeric()
    {
        Assert.True(new UInt256(0, 0, 0, 1) > new UInt256(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, 0));
        Assert.True(new UInt256(1, 0, 0, 0) < new UInt256(2, 0, 0, 0));
        Assert.Equal(0, new UInt256(5, 6, 7, 8).CompareTo(new UInt256(5, 6, 7, 8)));
    }

    [Fact]
    public void NonDigitByte_AtAnyPosition_IsRejected()
    {
        // Every position of a 78-digit id lands in the scalar head or in one of the SWAR words.
        byte[] id = Encoding.UTF8.GetBytes("115474063863764126958837769719736461272619491980773624567012766320777398670353");
        byte[] bad = [0x00, 0x2F, 0x3A, 0x40, 0x20, 0x61, 0x7F, 0xB0, 0xB9, 0xF9, 0xFA, 0xFF, 0x2E, 0x2D];
        for (int i = 0; i < id.Length; i++)
        {
            foreach (byte b in bad)
            {
                byte[] copy = (byte[])id.Clone();
                copy[i] = b;
                Assert.False(UInt256.TryParse(copy, out _), $"byte 0x{b:X2} at {i}");
            }
        }
    }

    [Fact]
    public void EightDigitSwar_MatchesScalar_ForEveryDigitAtEveryPlace()
    {
        for (int place = 0; place < 8; place++)
        {
            for (int digit = 0; digit <= 9; digit++)
            {
                byte[] text = Encoding.ASCII.GetBytes("31415926");
                text[place] = (byte)('0' + digit);
                ulong word = BitConverter.ToUInt64(text);
                Assert.True(UInt256.AreEightDigits(word));
                Assert.Equal(ulong.Parse(Encoding.ASCII.GetString(text)), UInt256.EightDigitsValue(word));
            }
        }
    }
}
