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
    public void Hash_RandomLengthsUpTo1000_MatchBouncyCastle()
    {
        // Every rate boundary (k*136 - 1, k*136, k*136 + 1) plus random lengths; fresh random bytes for each.
        var lengths = new List<int>();
        for (int k = 1; k * Keccak256Hasher.RateBytes + 1 <= 1000; k++)
            lengths.AddRange([k * Keccak256Hasher.RateBytes - 1, k * Keccak256Hasher.RateBytes, k * Keccak256Hasher.RateBytes + 1]);
        var random = new Random(20261208);
        for (int i = 0; i < 2000; i++) lengths.Add(random.Next(0, 1001));
        lengths.AddRange([0, 1, 7, 8, 9, 31, 32, 33, 64, 66, 128, 384, 416, 1000]);
        foreach (int length in lengths)
        {
            var input = new byte[length];
            random.NextBytes(input);
            Assert.True(BouncyHash(input) == OurHash(input), $"length {length}");
        }
    }

    [Fact]
    public void Hash_ThirtyTwoBytes_MatchesBouncyCastleForManyWords()
    {
        // The dedicated one-block path for a 32-byte word (hashes, addresses): all-zero, all-one and random words.
        var random = new Random(32);
        var input = new byte[32];
        Assert.Equal("290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563", OurHash(input));
        Array.Fill(input, (byte)0xFF);
        Assert.Equal(BouncyHash(input), OurHash(input));
        for (int i = 0; i < 500; i++)
        {
            random.NextBytes(input);
            Assert.Equal(BouncyHash(input), OurHash(input));
        }
    }

    [Fact]
    public void Hash_ThirtyTwoByteSliceOfLargerBuffer_HashesOnlyTheSlice()
    {
        var buffer = new byte[100];
        new Random(3).NextBytes(buffer);
        Assert.Equal(BouncyHash(buffer[10..42]), OurHash(buffer.AsSpan(10, 32)));
    }

    [Fact]
    public void Hash_OutputLongerThan32_WritesOnlyFirst32Bytes()
    {
        var output = new byte[40];
        Array.Fill(output, (byte)0xEE);
        Keccak256.Hash(new byte[32], output);
        Assert.Equal("290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563", Hex(output.AsSpan(0, 32)));
        Assert.All(output[32..], b => Assert.Equal(0xEE, b));
    }

    [Fact]
    public void Permute_StateShorterThan25Lanes_ThrowsArgumentException()
    {
        var state = new ulong[24];
        Assert.Throws<ArgumentException>(() => KeccakF1600.Permute(state));
    }

    [Fact]
    public void Hash_ThirtyTwoBytes_SteadyState_AllocatesNothing()
    {
        var input = new byte[32];
        var output = new byte[32];
        for (int i = 0; i < 100; i++) Keccak256.Hash(input, output);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) Keccak256.Hash(input, output);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
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
