using System.Numerics;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Polymarket.Tests.Signing;

public class EthSignerTests
{
    private const string TestKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    [Fact]
    public void FastSign_EverySignatureRecoversToSigner_AndNoRIsReused()
    {
        using var pool = new NoncePool(capacity: 512, startRefillThread: false);
        Assert.Equal(512, pool.Fill());
        using var signer = EthSigner.FromHex(TestKey, pool);
        var random = new Random(9);
        var seenR = new HashSet<string>();
        var signature = new byte[65];
        var digest = new byte[32];
        var recovered = new byte[20];
        for (int i = 0; i < 512; i++)
        {
            random.NextBytes(digest);
            signer.Sign(digest, signature);
            Assert.True(Secp256k1.TryRecoverAddress(digest, signature, recovered));
            Assert.True(recovered.AsSpan().SequenceEqual(signer.Address));
            Assert.True(seenR.Add(Convert.ToHexString(signature, 0, 32)), "nonce reused");
            var s = new BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
            Assert.True(s <= HalfOrder);
        }
        Assert.Equal(512, signer.FastSignatures);
        Assert.Equal(0, signer.DeterministicFallbacks);
        Assert.Equal(0, pool.Available);
    }

    [Fact]
    public void FastSign_SameDigestTwice_UsesDifferentNonces()
    {
        using var pool = new NoncePool(capacity: 4, startRefillThread: false);
        pool.Fill();
        using var signer = EthSigner.FromHex(TestKey, pool);
        var digest = new byte[32];
        digest[0] = 7;
        var first = new byte[65];
        var second = new byte[65];
        signer.Sign(digest, first);
        signer.Sign(digest, second);
        Assert.NotEqual(Convert.ToHexString(first), Convert.ToHexString(second));
        Assert.True(Secp256k1.VerifyAddress(digest, first, signer.Address));
        Assert.True(Secp256k1.VerifyAddress(digest, second, signer.Address));
    }

    [Fact]
    public void Sign_PoolEmpty_FallsBackToDeterministicAndCountsIt()
    {
        using var pool = new NoncePool(capacity: 2, startRefillThread: false);
        pool.Fill();
        using var signer = EthSigner.FromHex(TestKey, pool);
        var digest = new byte[32];
        digest[31] = 1;
        var signature = new byte[65];
        signer.Sign(digest, signature);
        signer.Sign(digest, signature);
        Assert.Equal(0, signer.DeterministicFallbacks);

        signer.Sign(digest, signature);
        Assert.Equal(1, signer.DeterministicFallbacks);
        Assert.Equal(2, signer.FastSignatures);
        var deterministic = new byte[65];
        signer.SignDeterministic(digest, deterministic);
        Assert.Equal(Convert.ToHexString(deterministic), Convert.ToHexString(signature));
        Assert.True(Secp256k1.VerifyAddress(digest, signature, signer.Address));
    }

    [Fact]
    public void Sign_WithoutPool_IsDeterministicAndCounted()
    {
        using var signer = EthSigner.FromHex(TestKey);
        var digest = new byte[32];
        var a = new byte[65];
        var b = new byte[65];
        signer.Sign(digest, a);
        signer.Sign(digest, b);
        Assert.Equal(Convert.ToHexString(a), Convert.ToHexString(b));
        Assert.Equal(2, signer.DeterministicFallbacks);
    }

    [Fact]
    public void FastSign_SteadyState_AllocatesNothing()
    {
        using var pool = new NoncePool(capacity: 256, startRefillThread: false);
        pool.Fill();
        using var signer = EthSigner.FromHex(TestKey, pool);
        var digest = new byte[32];
        var signature = new byte[65];
        for (int i = 0; i < 50; i++) signer.Sign(digest, signature);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 200; i++) signer.Sign(digest, signature);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
        Assert.Equal(0, signer.DeterministicFallbacks);
    }

    [Fact]
    public void RefillThread_TopsUpPool_AndStopsOnDispose()
    {
        var pool = new NoncePool(capacity: 16, startRefillThread: true);
        Assert.True(pool.IsRefillThreadRunning);
        using var signer = EthSigner.FromHex(TestKey, pool);
        // Wait (bounded, not a timing assertion) for the background thread to fill the pool.
        SpinWait.SpinUntil(() => pool.Available == 16, TimeSpan.FromSeconds(30));
        Assert.Equal(16, pool.Available);
        var digest = new byte[32];
        var signature = new byte[65];
        for (int i = 0; i < 9; i++) signer.Sign(digest, signature);
        // Dropping to half wakes the producer, which refills to capacity.
        SpinWait.SpinUntil(() => pool.Available == 16, TimeSpan.FromSeconds(30));
        Assert.Equal(16, pool.Available);
        Assert.Equal(25, pool.Produced);
        pool.Dispose();
        Assert.False(pool.IsRefillThreadRunning);
        // After Dispose the pool hands out nothing: the signer falls back.
        signer.Sign(digest, signature);
        Assert.Equal(1, signer.DeterministicFallbacks);
    }

    [Fact]
    public void NoncePool_BadCapacity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoncePool(capacity: 100, startRefillThread: false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NoncePool(capacity: 1, startRefillThread: false));
    }

    [Fact]
    public void NoncePool_FillStopsAtCapacity()
    {
        using var pool = new NoncePool(capacity: 8, startRefillThread: false);
        Assert.Equal(3, pool.Fill(3));
        Assert.Equal(5, pool.Fill());
        Assert.Equal(0, pool.Fill());
        Assert.Equal(8, pool.Available);
    }

    [Fact]
    public void Address_AndToString_ShowAddressOnly()
    {
        using var signer = EthSigner.FromHex(TestKey);
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", signer.AddressChecksummed);
        Assert.Equal("EthSigner(0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266)", signer.ToString());
    }

    [Theory]
    [InlineData("0x1234")]
    [InlineData("zz0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000")]
    public void FromHex_BadKey_ThrowsWithoutEchoingIt(string hex)
    {
        var ex = Assert.Throws<ArgumentException>(() => EthSigner.FromHex(hex));
        Assert.DoesNotContain(hex.Replace("0x", ""), ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void FromEnvironment_And_FromFile_LoadKey()
    {
        string variable = "FASTMAKER_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, TestKey);
        try
        {
            using var fromEnv = EthSigner.FromEnvironment(variable);
            Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", fromEnv.AddressChecksummed);
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
        Assert.Throws<InvalidOperationException>(() => EthSigner.FromEnvironment(variable));

        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, TestKey + "\n");
            using var fromFile = EthSigner.FromFile(path);
            Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", fromFile.AddressChecksummed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Sign_AfterDispose_Throws()
    {
        var signer = EthSigner.FromHex(TestKey);
        signer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => signer.Sign(new byte[32], new byte[65]));
    }

    [Fact]
    public void Sign_BadDigestLength_Throws()
    {
        using var signer = EthSigner.FromHex(TestKey);
        Assert.Throws<ArgumentException>(() => signer.Sign(new byte[31], new byte[65]));
        Assert.Throws<ArgumentException>(() => signer.Sign(new byte[32], new byte[64]));
    }

    private static readonly BigInteger HalfOrder =
        BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber) / 2;
}
