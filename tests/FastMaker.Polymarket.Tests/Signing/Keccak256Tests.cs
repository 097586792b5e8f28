using System.Text;
using FastMaker.Polymarket.Signing;
using Org.BouncyCastle.Crypto.Digests;

namespace FastMaker.Polymarket.Tests.Signing;

public class Keccak256Tests
{
    private static string Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    private static string OurHash(ReadOnlySpan<byte> input)
    {
        Span<byte> output = stackalloc byte[32];
        Keccak256.Hash(input, output);
        return Hex(output);
    }

    private static string BouncyHash(byte[] input)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return Hex(output);
    }

    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    public void Hash_AsciiStandardVectors_Match(string text, string expected)
    {
        Assert.Equal(expected, OurHash(Encoding.ASCII.GetBytes(text)));
    }

    [Fact]
    public void Hash_TwoHundredBytesOfA3_MatchesStandardVector()
    {
        var input = new byte[200];
        Array.Fill(input, (byte)0xA3);
        Assert.Equal("3a57666b048777f2c953dc4456f45a2588e1cb6f2da760122d530ac2ce607d4a", OurHash(input));
    }

    // Values from a textbook Keccak (FIPS 202 pseudo-code) written independently in Python; input byte i = i mod 256.
    [Theory]
    [InlineData(135, "cbdfd9dee5faad3818d6b06f95a219fd290b0e1706f6a82e5a595b9ce9faca62")]
    [InlineData(136, "7ce759f1ab7f9ce437719970c26b0a66ff11fe3e38e17df89cf5d29c7d7f807e")]
    [InlineData(137, "ac73d4fae68b8453f764007c1a20ce95994187861f0c3227a3a8e99a73a3b1db")]
    [InlineData(272, "fdf2ec49e749960d3c8521a0219af8d03e30e2b3bf19bd16150ee0eaf133d66e")]
    public void Hash_LengthsAroundRateBoundary_MatchReference(int length, string expected)
    {
        var input = new byte[length];
        for (int i = 0; i < length; i++) input[i] = (byte)i;
        Assert.Equal(expected, OurHash(input));
        Assert.Equal(expected, BouncyHash(input));
    }

    [Fact]
    public void Hash_IsKeccakNotSha3()
    {
        // SHA3-256("") differs; guards against the 0x06 domain padding.
        Assert.NotEqual("a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a", OurHash(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Hash_RandomInputsOfEveryLengthUpTo600_MatchBouncyCastle()
    {
        var random = new Random(12345);
        for (int length = 0; length <= 600; length++)
        {
            var input = new byte[length];
            random.NextBytes(input);
            Assert.Equal(BouncyHash(input), OurHash(input));
        }
    }

    [Fact]
    public void Hasher_RandomChunking_MatchesOneShot()
    {
        var random = new Random(777);
        for (int trial = 0; trial < 300; trial++)
        {
            var input = new byte[random.Next(0, 1200)];
            random.NextBytes(input);
            var hasher = new Keccak256Hasher();
            int offset = 0;
            while (offset < input.Length)
            {
                int chunk = Math.Min(random.Next(0, 300), input.Length - offset);
                hasher.Update(input.AsSpan(offset, chunk));
                offset += chunk;
            }
            var output = new byte[32];
            hasher.Finish(output);
            Assert.Equal(BouncyHash(input), Hex(output));
        }
    }

    [Fact]
    public void Hasher_Finish_ResetsForReuse()
    {
        var hasher = new Keccak256Hasher();
        var first = new byte[32];
        var second = new byte[32];
        hasher.Update("abc"u8);
        hasher.Finish(first);
        hasher.Update("abc"u8);
        hasher.Finish(second);
        Assert.Equal(Hex(first), Hex(second));
        Assert.Equal("4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45", Hex(second));
    }

    [Fact]
    public void Hash_TwoSpanOverload_EqualsHashOfConcatenation()
    {
        var a = new byte[100];
        var b = new byte[77];
        new Random(5).NextBytes(a);
        new Random(6).NextBytes(b);
        var output = new byte[32];
        Keccak256.Hash(a, b, output);
        Assert.Equal(OurHash([.. a, .. b]), Hex(output));
    }

    [Fact]
    public void Hash_OutputTooShort_ThrowsArgumentException()
    {
        var output = new byte[31];
        Assert.Throws<ArgumentException>(() => Keccak256.Hash("abc"u8, output));
    }

    [Fact]
    public void Hash_SteadyState_AllocatesNothing()
    {
        var input = new byte[416];
        var output = new byte[32];
        for (int i = 0; i < 100; i++) Keccak256.Hash(input, output);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Keccak256.Hash(input, output);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
    }
}
