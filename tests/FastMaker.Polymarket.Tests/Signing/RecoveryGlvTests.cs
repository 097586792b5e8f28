using System.Numerics;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Polymarket.Tests.Signing;

/// <summary>The GLV/wNAF/Strauss-Shamir recovery path against BouncyCastle and against the previous plain path.</summary>
public class RecoveryGlvTests
{
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger Lambda = BigInteger.Parse("05363ad4cc05c30e0a5261c028812645a122e22ea20816678df02967c1b23bd72", System.Globalization.NumberStyles.HexNumber);

    private static byte[] RandomKey(Random random)
    {
        var key = new byte[32];
        do random.NextBytes(key); while (!Secp256k1.IsValidPrivateKey(key));
        return key;
    }

    private static byte[] ToBytes32(BigInteger value) => value.ToByteArray(isUnsigned: true, isBigEndian: true).PadLeft32();

    private static BigInteger ToBig(in U256 value)
    {
        var bytes = new byte[32];
        value.WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static byte[]? RecoverWith(byte[] digest, byte[] signature, bool reference)
    {
        var publicKey = new byte[64];
        return Secp256k1.TryRecoverPublicKeyCore(digest, signature, publicKey, reference) ? publicKey : null;
    }

    [Fact]
    public void Recover_ThousandsOfRandomKeysAndDigests_MatchBouncyCastlePublicKey()
    {
        var random = new Random(11);
        var digest = new byte[32];
        var signature = new byte[65];
        var recovered = new byte[64];
        for (int i = 0; i < 2000; i++)
        {
            var key = RandomKey(random);
            random.NextBytes(digest);
            Secp256k1.SignDeterministic(key, digest, signature);
            Assert.True(Secp256k1.TryRecoverPublicKey(digest, signature, recovered));
            Assert.Equal(Convert.ToHexString(BouncyReference.PublicKey(key)), Convert.ToHexString(recovered));
        }
    }

    [Fact]
    public void Recover_RandomSignaturesIncludingHighS_MatchBouncyCastleAndPreviousPath()
    {
        // Arbitrary r, s (about half with s > n/2) and v: whatever recovers, recovers to the same key in all three;
        // what fails (r not an x coordinate) fails in all three.
        var random = new Random(12);
        var digest = new byte[32];
        int recoveredCount = 0;
        int highS = 0;
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(digest);
            var signature = new byte[65];
            random.NextBytes(signature);
            signature[0] &= 0x7F; // keep r below n most of the time without biasing s.
            signature[64] = (byte)(27 + (i & 1));
            if (new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true) > N / 2) highS++;
            byte[]? expected = BouncyReference.Recover(digest, signature);
            byte[]? ours = RecoverWith(digest, signature, reference: false);
            byte[]? previous = RecoverWith(digest, signature, reference: true);
            Assert.Equal(expected is null ? "none" : Convert.ToHexString(expected), ours is null ? "none" : Convert.ToHexString(ours));
            Assert.Equal(previous is null ? "none" : Convert.ToHexString(previous), ours is null ? "none" : Convert.ToHexString(ours));
            if (ours is not null) recoveredCount++;
        }
        // About half of random x are on the curve; make sure both outcomes were exercised.
        Assert.InRange(recoveredCount, 800, 1200);
        Assert.InRange(highS, 700, 1300);
    }

    [Fact]
    public void Recover_HighS_RecoversTheSameKeyWithTheOtherRecoveryId()
    {
        // (r, n - s, v ^ 1) is the same signature as (r, s, v): accepted exactly as before (no low-s rule here).
        var random = new Random(13);
        var digest = new byte[32];
        var signature = new byte[65];
        for (int i = 0; i < 50; i++)
        {
            var key = RandomKey(random);
            random.NextBytes(digest);
            Secp256k1.SignDeterministic(key, digest, signature);
            var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
            var flipped = (byte[])signature.Clone();
            ToBytes32(N - s).CopyTo(flipped, 32);
            flipped[64] = (byte)(27 + ((signature[64] - 27) ^ 1));
            Assert.Equal(Convert.ToHexString(BouncyReference.PublicKey(key)), Convert.ToHexString(RecoverWith(digest, flipped, reference: false)!));
        }
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001")]
    public void Recover_ExtremeDigests_MatchBouncyCastle(string digestHex)
    {
        // Digest 0 and n give u1 = 0 (an empty G part); 2^256 - 1 reduces mod n.
        var digest = Convert.FromHexString(digestHex);
        var random = new Random(14);
        for (int i = 0; i < 20; i++)
        {
            var signature = new byte[65];
            Secp256k1.SignDeterministic(RandomKey(random), new byte[32], signature);
            byte[]? expected = BouncyReference.Recover(digest, signature);
            byte[]? ours = RecoverWith(digest, signature, reference: false);
            Assert.Equal(expected is null ? "none" : Convert.ToHexString(expected), ours is null ? "none" : Convert.ToHexString(ours));
        }
    }

    [Fact]
    public void Recover_ResultAtInfinity_ReturnsFalseOnBothPaths()
    {
        // With R = kG, Q = r^-1 (s k - z) G is infinity when z = s k mod n.
        var random = new Random(15);
        int checkedCases = 0;
        while (checkedCases < 10)
        {
            var k = RandomKey(random);
            var publicR = BouncyReference.PublicKey(k);
            var r = new BigInteger(publicR.AsSpan(0, 32), isUnsigned: true, isBigEndian: true);
            if (r >= N) continue;
            var s = new BigInteger(RandomKey(random), isUnsigned: true, isBigEndian: true);
            var z = s * new BigInteger(k, isUnsigned: true, isBigEndian: true) % N;
            var signature = new byte[65];
            ToBytes32(r).CopyTo(signature, 0);
            ToBytes32(s).CopyTo(signature, 32);
            signature[64] = (byte)(27 + (publicR[63] & 1));
            var digest = ToBytes32(z);
            Assert.Null(BouncyReference.Recover(digest, signature));
            Assert.Null(RecoverWith(digest, signature, reference: false));
            Assert.Null(RecoverWith(digest, signature, reference: true));
            // One bit off in the digest recovers some key again.
            digest[31] ^= 1;
            Assert.NotNull(RecoverWith(digest, signature, reference: false));
            checkedCases++;
        }
    }

    [Fact]
    public void TryRecoverAddress_AfterWarmUp_AllocatesNothing()
    {
        var key = RandomKey(new Random(16));
        var digest = new byte[32];
        new Random(17).NextBytes(digest);
        var signature = new byte[65];
        var address = new byte[20];
        Secp256k1.SignDeterministic(key, digest, signature);
        for (int i = 0; i < 20; i++) Assert.True(Secp256k1.TryRecoverAddress(digest, signature, address));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++) Secp256k1.TryRecoverAddress(digest, signature, address);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        var expected = new byte[20];
        Secp256k1.GetAddress(key, expected);
        Assert.Equal(expected, address);
    }

    public static TheoryData<string> SplitScalars()
    {
        var data = new TheoryData<string>();
        foreach (var k in new[] { BigInteger.Zero, BigInteger.One, N - 1, N / 2, N / 2 + 1, Lambda, N - Lambda, BigInteger.Pow(2, 128), BigInteger.Pow(2, 128) - 1, BigInteger.Pow(2, 255), N - BigInteger.Pow(2, 128) })
            data.Add(k.ToString("X"));
        return data;
    }

    [Theory]
    [MemberData(nameof(SplitScalars))]
    public void GlvSplit_EdgeScalars_RecombineWithHalvesBelow2To128(string kHex)
    {
        AssertSplit(BigInteger.Parse("0" + kHex, System.Globalization.NumberStyles.HexNumber));
    }

    [Fact]
    public void GlvSplit_RandomScalars_RecombineWithHalvesBelow2To128()
    {
        var random = new Random(18);
        for (int i = 0; i < 5000; i++) AssertSplit(new BigInteger(RandomKey(random), isUnsigned: true, isBigEndian: true));
    }

    private static void AssertSplit(BigInteger k)
    {
        U256 scalar = U256.FromBigEndian(ToBytes32(k));
        GlvEndomorphism.Split(scalar, out U256 m1, out bool neg1, out U256 m2, out bool neg2);
        BigInteger k1 = ToBig(m1), k2 = ToBig(m2);
        Assert.True(k1 < BigInteger.Pow(2, 128), $"k1 has {k1.GetBitLength()} bits for k = {k:X}");
        Assert.True(k2 < BigInteger.Pow(2, 128), $"k2 has {k2.GetBitLength()} bits for k = {k:X}");
        BigInteger sum = (neg1 ? -k1 : k1) + (neg2 ? -k2 : k2) * Lambda;
        Assert.Equal(k, ((sum % N) + N) % N);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(8)]
    public void Wnaf_RandomMagnitudes_RecombineAndRespectTheWindow(int width)
    {
        var random = new Random(19 + width);
        Span<sbyte> digits = stackalloc sbyte[Wnaf.MaxDigits];
        var bytes = new byte[32];
        for (int i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes.AsSpan(15));
            bytes[15] &= 1; // up to 129 bits
            if (i == 0) Array.Clear(bytes);
            if (i == 1) { Array.Clear(bytes); bytes[15] = 1; Array.Fill(bytes, (byte)0xFF, 16, 16); }
            bool negate = (i & 2) != 0;
            var k = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
            int length = Wnaf.Compute(U256.FromBigEndian(bytes), width, negate, digits);
            BigInteger sum = 0;
            int lastNonZero = -width;
            for (int j = Wnaf.MaxDigits - 1; j >= 0; j--) sum = sum * 2 + digits[j];
            for (int j = 0; j < Wnaf.MaxDigits; j++)
            {
                int d = digits[j];
                if (d == 0) continue;
                Assert.True(j < length);
                Assert.True((d & 1) != 0 && Math.Abs(d) < (1 << (width - 1)), $"digit {d} at {j}");
                Assert.True(j - lastNonZero >= width, "two non-zero digits closer than the window");
                lastNonZero = j;
            }
            Assert.Equal(negate ? -k : k, sum);
        }
    }

    [Fact]
    public void DoubleMultiply_RandomScalarsAndPoints_MatchBouncyCastle()
    {
        var random = new Random(20);
        for (int i = 0; i < 300; i++)
        {
            var a = RandomKey(random);
            var b = RandomKey(random);
            var c = RandomKey(random);
            AssertDoubleMultiply(a, b, c);
        }
    }

    [Fact]
    public void DoubleMultiply_DoublingAndCancellingSums_MatchBouncyCastle()
    {
        var one = ToBytes32(BigInteger.One);
        var two = ToBytes32(2);
        var nMinusOne = ToBytes32(N - 1);
        var zero = new byte[32];
        AssertDoubleMultiply(one, one, one);          // G + G: the addition meets equal points.
        AssertDoubleMultiply(one, nMinusOne, one);    // G - G = infinity.
        AssertDoubleMultiply(two, nMinusOne, two);    // 2G - 2G = infinity.
        AssertDoubleMultiply(zero, one, nMinusOne);   // only the point part.
        AssertDoubleMultiply(nMinusOne, zero, one);   // only the generator part.
        AssertDoubleMultiply(zero, zero, one);        // infinity.
        AssertDoubleMultiply(ToBytes32(Lambda), ToBytes32(N - 1), ToBytes32(Lambda)); // lambda G - lambda G.
    }

    private static void AssertDoubleMultiply(byte[] a, byte[] b, byte[] c)
    {
        var pointBytes = BouncyReference.PublicKey(c);
        AffinePoint p;
        p.X = U256.FromBigEndian(pointBytes);
        p.Y = U256.FromBigEndian(pointBytes.AsSpan(32));
        DoubleScalarMultiplier.Multiply(U256.FromBigEndian(a), p, U256.FromBigEndian(b), out JacobianPoint q);
        byte[]? expected = BouncyReference.SumOfTwoMultiplies(a, b, c);
        if (expected is null)
        {
            Assert.True(q.IsInfinity);
            return;
        }
        Assert.True(Secp256k1Curve.ToAffine(q, out AffinePoint affine));
        var actual = new byte[64];
        affine.X.WriteBigEndian(actual);
        affine.Y.WriteBigEndian(actual.AsSpan(32));
        Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(actual));
    }
}
