using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Polymarket.Tests.Signing;

public class Secp256k1Tests
{
    // The well-known Hardhat/Anvil account 0 (public test key), as in PROTOCOL.md 1.1.
    private const string TestKey = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string TestAddress = "f39fd6e51aad88f6f4ce6ab8827279cfffb92266";
    private static readonly BigInteger N = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);

    private static byte[] RandomKey(Random random)
    {
        var key = new byte[32];
        do random.NextBytes(key); while (!Secp256k1.IsValidPrivateKey(key));
        return key;
    }

    [Fact]
    public void GetAddress_HardhatKey_MatchesKnownAddress()
    {
        var address = new byte[20];
        Secp256k1.GetAddress(Convert.FromHexString(TestKey), address);
        Assert.Equal(TestAddress, Convert.ToHexStringLower(address));
    }

    [Fact]
    public void GetPublicKey_RandomKeys_MatchBouncyCastle()
    {
        var random = new Random(1);
        var publicKey = new byte[64];
        for (int i = 0; i < 50; i++)
        {
            var key = RandomKey(random);
            Secp256k1.GetPublicKey(key, publicKey);
            Assert.Equal(Convert.ToHexString(BouncyReference.PublicKey(key)), Convert.ToHexString(publicKey));
        }
    }

    [Fact]
    public void GetPublicKey_ExtremeKeys_MatchBouncyCastle()
    {
        var publicKey = new byte[64];
        foreach (var k in new[] { BigInteger.One, new BigInteger(2), N - 1, N - 2, BigInteger.Pow(2, 255), BigInteger.Pow(2, 128) - 1 })
        {
            var key = k.ToByteArray(isUnsigned: true, isBigEndian: true).PadLeft32();
            Secp256k1.GetPublicKey(key, publicKey);
            Assert.Equal(Convert.ToHexString(BouncyReference.PublicKey(key)), Convert.ToHexString(publicKey));
        }
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141")]
    [InlineData("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF")]
    [InlineData("01")]
    public void InvalidPrivateKey_IsRejectedWithoutEchoingIt(string hex)
    {
        var key = Convert.FromHexString(hex);
        Assert.False(Secp256k1.IsValidPrivateKey(key));
        var ex = Assert.Throws<ArgumentException>(() => Secp256k1.SignDeterministic(key, new byte[32], new byte[65]));
        Assert.DoesNotContain(hex, ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    // Widely published RFC 6979 secp256k1/SHA-256 vectors (python-ecdsa, Trezor, bitcoinjs), low-s form.
    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "Satoshi Nakamoto",
        "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d82442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "All those moments will be lost in time, like tears in rain. Time to die...",
        "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21")]
    public void SignDeterministic_Rfc6979Vectors_Match(string keyHex, string message, string expectedRs)
    {
        var digest = SHA256.HashData(Encoding.ASCII.GetBytes(message));
        var signature = new byte[65];
        Secp256k1.SignDeterministic(Convert.FromHexString(keyHex), digest, signature);
        Assert.Equal(expectedRs, Convert.ToHexStringLower(signature.AsSpan(0, 64)));
    }

    [Fact]
    public void SignDeterministic_RandomKeysAndDigests_MatchBouncyCastleAndRecover()
    {
        var random = new Random(2);
        var signature = new byte[65];
        var recovered = new byte[64];
        var publicKey = new byte[64];
        for (int i = 0; i < 40; i++)
        {
            var key = RandomKey(random);
            var digest = new byte[32];
            random.NextBytes(digest);
            Secp256k1.SignDeterministic(key, digest, signature);
            Assert.Equal(Convert.ToHexString(BouncyReference.SignDeterministicRs(key, digest)), Convert.ToHexString(signature.AsSpan(0, 64)));
            Assert.True(signature[64] is 27 or 28);
            Assert.True(Secp256k1.TryRecoverPublicKey(digest, signature, recovered));
            Secp256k1.GetPublicKey(key, publicKey);
            Assert.Equal(Convert.ToHexString(publicKey), Convert.ToHexString(recovered));
            Assert.True(BouncyReference.Verify(publicKey, digest, signature));
        }
    }

    [Fact]
    public void SignDeterministic_AlwaysLowS()
    {
        var random = new Random(3);
        var signature = new byte[65];
        var half = N / 2;
        for (int i = 0; i < 100; i++)
        {
            var key = RandomKey(random);
            var digest = new byte[32];
            random.NextBytes(digest);
            Secp256k1.SignDeterministic(key, digest, signature);
            var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
            Assert.True(s <= half && s > 0);
        }
    }

    [Fact]
    public void Recover_DigestAboveOrder_IsReducedLikeEthereum()
    {
        // A digest >= n must be reduced mod n (bits2int); all-0xFF is above n.
        var key = Convert.FromHexString(TestKey);
        var digest = Enumerable.Repeat((byte)0xFF, 32).ToArray();
        var signature = new byte[65];
        Secp256k1.SignDeterministic(key, digest, signature);
        Assert.Equal(Convert.ToHexString(BouncyReference.SignDeterministicRs(key, digest)), Convert.ToHexString(signature.AsSpan(0, 64)));
        Assert.True(Secp256k1.VerifyAddress(digest, signature, Convert.FromHexString(TestAddress)));
    }

    [Fact]
    public void Recover_AcceptsZeroOneRecoveryIds()
    {
        var key = Convert.FromHexString(TestKey);
        var digest = SHA256.HashData("x"u8);
        var signature = new byte[65];
        Secp256k1.SignDeterministic(key, digest, signature);
        signature[64] -= 27;
        Assert.True(Secp256k1.VerifyAddress(digest, signature, Convert.FromHexString(TestAddress)));
    }

    [Fact]
    public void Recover_TamperedInputs_DoNotRecoverSigner()
    {
        var key = Convert.FromHexString(TestKey);
        var address = Convert.FromHexString(TestAddress);
        var digest = SHA256.HashData("order"u8);
        var signature = new byte[65];
        Secp256k1.SignDeterministic(key, digest, signature);
        Assert.True(Secp256k1.VerifyAddress(digest, signature, address));

        var otherDigest = (byte[])digest.Clone();
        otherDigest[0] ^= 1;
        Assert.False(Secp256k1.VerifyAddress(otherDigest, signature, address));

        var flippedV = (byte[])signature.Clone();
        flippedV[64] = (byte)(flippedV[64] == 27 ? 28 : 27);
        Assert.False(Secp256k1.VerifyAddress(digest, flippedV, address));

        var flippedS = (byte[])signature.Clone();
        flippedS[40] ^= 0x10;
        Assert.False(Secp256k1.VerifyAddress(digest, flippedS, address));
    }

    [Theory]
    [InlineData(0, 1, 27)]   // r = 0
    [InlineData(1, 0, 27)]   // s = 0
    [InlineData(1, 1, 29)]   // v out of range
    [InlineData(1, 1, 2)]
    public void Recover_MalformedSignature_ReturnsFalse(int rByte, int sByte, int v)
    {
        var signature = new byte[65];
        signature[31] = (byte)rByte;
        signature[63] = (byte)sByte;
        signature[64] = (byte)v;
        Assert.False(Secp256k1.TryRecoverAddress(new byte[32], signature, new byte[20]));
    }

    [Fact]
    public void Recover_ROrSAtLeastOrder_ReturnsFalse()
    {
        var nBytes = N.ToByteArray(isUnsigned: true, isBigEndian: true);
        var signature = new byte[65];
        nBytes.CopyTo(signature, 0);
        signature[63] = 1;
        signature[64] = 27;
        Assert.False(Secp256k1.TryRecoverAddress(new byte[32], signature, new byte[20]));
        signature = new byte[65];
        signature[31] = 1;
        nBytes.CopyTo(signature, 32);
        signature[64] = 27;
        Assert.False(Secp256k1.TryRecoverAddress(new byte[32], signature, new byte[20]));
    }

    [Fact]
    public void Recover_WrongLengths_ReturnFalse()
    {
        Assert.False(Secp256k1.TryRecoverAddress(new byte[31], new byte[65], new byte[20]));
        Assert.False(Secp256k1.TryRecoverAddress(new byte[32], new byte[64], new byte[20]));
        Assert.False(Secp256k1.TryRecoverAddress(new byte[32], new byte[65], new byte[19]));
    }

    [Fact]
    public void Recover_XNotOnCurve_ReturnsFalse()
    {
        // r = 5: x^3 + 7 = 132 is not a square mod p (checked against BouncyCastle's decompression failing).
        var signature = new byte[65];
        signature[31] = 5;
        signature[63] = 1;
        signature[64] = 27;
        bool ours = Secp256k1.TryRecoverAddress(new byte[32], signature, new byte[20]);
        var curve = Org.BouncyCastle.Asn1.Sec.SecNamedCurves.GetByName("secp256k1").Curve;
        bool bouncyDecompresses;
        try
        {
            curve.DecodePoint([0x02, .. signature.AsSpan(0, 32).ToArray()]);
            bouncyDecompresses = true;
        }
        catch (ArgumentException)
        {
            bouncyDecompresses = false;
        }
        Assert.Equal(bouncyDecompresses, ours);
    }
}
