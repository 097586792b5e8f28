using System.Numerics;
using System.Text;
using FastMaker.Polymarket.Signing;

namespace FastMaker.Polymarket.Tests.Signing;

public class Eip712Tests
{
    private const string TestKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private const string TestAddressHex = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    private static readonly byte[] TestAddress = Convert.FromHexString(TestAddressHex[2..]);

    private static byte[] Word(BigInteger value)
    {
        var word = new byte[32];
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(word, 32 - bytes.Length);
        return word;
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    // PROTOCOL.md 1.1, from py-clob-client-v2 tests/order_utils/test_exchange_order_builder_v1.py (Amoy, V1 exchanges).
    [Theory]
    [InlineData(false, "0x02ca1d1aa31103804173ad1acd70066cb6c1258a4be6dada055111f9a7ea4e55",
        "0x302cd9abd0b5fcaa202a344437ec0b6660da984e24ae9ad915a592a90facf5a51bb8a873cd8d270f070217fea1986531d5eec66f1162a81f66e026db653bf7ce1c")]
    [InlineData(true, "0xf15790d3edc4b5aed427b0b543a9206fcf4b1a13dfed016d33bfb313076263b8",
        "0x1b3646ef347e5bd144c65bd3357ba19c12c12abaeedae733cf8579bc51a2752c0454c3bc6b236957e393637982c769b8dc0706c0f5c399983d933850afd1cbcd1c")]
    public void V1Vector_OrderHashAndDeterministicSignature_MatchOfficialClient(bool negRisk, string expectedHash, string expectedSignature)
    {
        using var signer = EthSigner.FromHex(TestKey);
        Assert.True(signer.Address.SequenceEqual(TestAddress));
        Span<byte> structHash = stackalloc byte[32];
        OrderStructHash.HashV1(479249096354, TestAddress, TestAddress, new byte[20], Word(1234),
            100000000, 50000000, expiration: 0, nonce: 0, feeRateBps: 100, side: 0, signatureType: 0, structHash);
        var domain = PolymarketDomains.Exchange(1, negRisk, PolymarketDomains.Amoy);
        Span<byte> digest = stackalloc byte[32];
        Eip712.Digest(domain.Separator, structHash, digest);
        Assert.Equal(expectedHash, Hex(digest));

        Span<byte> signature = stackalloc byte[65];
        signer.SignDeterministic(digest, signature);
        Assert.Equal(expectedSignature, Hex(signature));
        Assert.True(Secp256k1.VerifyAddress(digest, signature, TestAddress));
    }

    // PROTOCOL.md 3.1, from clob-client-v2 tests/signing/eip712.test.ts.
    [Fact]
    public void ClobAuthVector_SignatureMatchesOfficialClient()
    {
        using var signer = EthSigner.FromHex(TestKey);
        Span<byte> structHash = stackalloc byte[32];
        ClobAuthStructHash.Hash(signer.Address, "10000000"u8, 23, structHash);
        Span<byte> digest = stackalloc byte[32];
        Eip712.Digest(PolymarketDomains.ClobAuth(PolymarketDomains.Amoy).Separator, structHash, digest);
        Span<byte> signature = stackalloc byte[65];
        signer.SignDeterministic(digest, signature);
        Assert.Equal("0xf62319a987514da40e57e2f4d7529f7bac38f0355bd88bb5adbb3768d80de6c1682518e0af677d5260366425f4361e7b70c25ae232aff0ab2331e2b164a1aedc1b", Hex(signature));
    }

    [Fact]
    public void ClobAuthStructHash_MatchesNaiveEncoder()
    {
        Span<byte> ours = stackalloc byte[32];
        ClobAuthStructHash.Hash(TestAddress, "1713398400"u8, 7, ours);
        var expected = SlowEip712.HashStruct(ClobAuthStructHash.ClobAuthType,
            ("address", TestAddressHex), ("string", "1713398400"), ("uint256", new BigInteger(7)), ("string", ClobAuthStructHash.AttestationMessage));
        Assert.Equal(Hex(expected), Hex(ours));
    }

    public static TheoryData<int, bool, ulong, string, string> Domains => new()
    {
        { 2, false, 137, "2", "0xE111180000d2663C0091e4f400237545B87B996B" },
        { 2, true, 137, "2", "0xe2222d279d744050d28e00520010520000310F59" },
        { 2, false, 80002, "2", "0xE111180000d2663C0091e4f400237545B87B996B" },
        { 2, true, 80002, "2", "0xe2222d279d744050d28e00520010520000310F59" },
        { 3, false, 137, "3", "0xe3333700cA9d93003F00f0F71f8515005F6c00Aa" },
        { 3, true, 137, "3", "0xe3333700cA9d93003F00f0F71f8515005F6c00Aa" },
        { 3, false, 80002, "3", "0x9fE6e61422AdB6F610d8597F9684b16912D50C3D" },
        { 1, false, 137, "1", "0x4bFb41d5B3570DeFd03C39a9A4D8dE6Bd8B8982E" },
        { 1, true, 80002, "1", "0xC5d563A36AE78145C45a50134d48A1215220f80a" },
    };

    [Theory]
    [MemberData(nameof(Domains))]
    public void ExchangeDomainSeparators_MatchNaiveEncoder(int version, bool negRisk, ulong chainId, string versionText, string contract)
    {
        var domain = PolymarketDomains.Exchange(version, negRisk, chainId);
        Assert.Equal(Hex(SlowEip712.DomainSeparator("Polymarket CTF Exchange", versionText, chainId, contract)), Hex(domain.Separator));
        Assert.Same(domain, PolymarketDomains.Exchange(version, negRisk, chainId));
    }

    [Theory]
    [InlineData(137UL)]
    [InlineData(80002UL)]
    public void ClobAuthDomain_HasNoVerifyingContract(ulong chainId)
    {
        var domain = PolymarketDomains.ClobAuth(chainId);
        Assert.True(domain.VerifyingContract.IsEmpty);
        Assert.Equal(Hex(SlowEip712.DomainSeparator("ClobAuthDomain", "1", chainId, null)), Hex(domain.Separator));
    }

    [Fact]
    public void Domains_UnknownChainOrVersion_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PolymarketDomains.Exchange(2, false, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PolymarketDomains.Exchange(4, false, 137));
        Assert.Throws<ArgumentOutOfRangeException>(() => PolymarketDomains.ClobAuth(1));
        Assert.Throws<ArgumentException>(() => new Eip712Domain("x", "1", 1, "0x1234"));
    }

    [Fact]
    public void OrderV2StructHash_BothOverloads_MatchNaiveEncoder()
    {
        var random = new Random(42);
        for (int i = 0; i < 50; i++)
        {
            ulong salt = (ulong)random.NextInt64(0, 1L << 53);
            var maker = new byte[20];
            var signer = new byte[20];
            var tokenId = new byte[32];
            var metadata = new byte[32];
            var builder = new byte[32];
            random.NextBytes(maker);
            random.NextBytes(signer);
            random.NextBytes(tokenId);
            if (i % 2 == 0) random.NextBytes(metadata);
            if (i % 3 == 0) random.NextBytes(builder);
            ulong makerAmount = (ulong)random.NextInt64(1, long.MaxValue);
            ulong takerAmount = (ulong)random.NextInt64(1, long.MaxValue);
            ulong timestamp = 1713398400000UL + (ulong)i;
            byte side = (byte)(i & 1);
            byte signatureType = (byte)(i % 4);

            var expected = SlowEip712.HashStruct(OrderStructHash.OrderV2Type,
                ("uint256", new BigInteger(salt)), ("address", Hex(maker)), ("address", Hex(signer)),
                ("uint256", new BigInteger(tokenId, isUnsigned: true, isBigEndian: true)),
                ("uint256", new BigInteger(makerAmount)), ("uint256", new BigInteger(takerAmount)),
                ("uint8", new BigInteger(side)), ("uint8", new BigInteger(signatureType)), ("uint256", new BigInteger(timestamp)),
                ("bytes32", metadata), ("bytes32", builder));

            var fromLongs = new byte[32];
            OrderStructHash.HashV2(salt, maker, signer, tokenId, makerAmount, takerAmount, side, signatureType, timestamp, metadata, builder, fromLongs);
            Assert.Equal(Hex(expected), Hex(fromLongs));

            var fromWords = new byte[32];
            OrderStructHash.HashV2(Word(salt), maker, signer, tokenId, Word(makerAmount), Word(takerAmount), side, signatureType,
                Word(timestamp), metadata, builder, fromWords);
            Assert.Equal(Hex(expected), Hex(fromWords));
        }
    }

    [Fact]
    public void OrderV2StructHash_WrongFieldLengths_Throw()
    {
        var word = new byte[32];
        var address = new byte[20];
        var output = new byte[32];
        Assert.Throws<ArgumentException>(() => OrderStructHash.HashV2(1, new byte[19], address, word, 1, 1, 0, 0, 1, word, word, output));
        Assert.Throws<ArgumentException>(() => OrderStructHash.HashV2(1, address, address, new byte[31], 1, 1, 0, 0, 1, word, word, output));
        Assert.Throws<ArgumentException>(() => OrderStructHash.HashV2(1, address, address, word, 1, 1, 0, 0, 1, new byte[33], word, output));
    }

    [Fact]
    public void TypeHashes_AreKeccakOfTheTypeStrings()
    {
        Assert.Equal(Hex(SlowEip712.Keccak(Encoding.UTF8.GetBytes(OrderStructHash.OrderV2Type))), Hex(OrderStructHash.OrderV2TypeHash));
        Assert.Equal(186, OrderStructHash.OrderV2Type.Length);
    }

    [Fact]
    public void Poly1271_WrappedSignature_HasPartsInOrder_AndInnerSignatureRecoversToEoa()
    {
        using var pool = new NoncePool(capacity: 4, startRefillThread: false);
        pool.Fill();
        using var eoa = EthSigner.FromHex(TestKey, pool);
        var wallet = Convert.FromHexString("1111111111111111111111111111111111111111");
        var tokenId = Word(BigInteger.Parse("71321045679252212594626385532706912750332728571942532289631379312455583992563"));
        var zero = new byte[32];
        var orderHash = new byte[32];
        OrderStructHash.HashV2(479249096354, wallet, wallet, tokenId, 5200000, 10000000, 0, 3, 1713398400000, zero, zero, orderHash);
        var domain = PolymarketDomains.Exchange(2, false, PolymarketDomains.Polygon);

        var wrapped = new byte[400];
        int written = Poly1271Signature.Sign(eoa, domain.Separator, orderHash, PolymarketDomains.Polygon, wallet, wrapped);
        Assert.Equal(65 + 32 + 32 + 186 + 2, written);
        Assert.Equal(Hex(domain.Separator), Hex(wrapped.AsSpan(65, 32)));
        Assert.Equal(Hex(orderHash), Hex(wrapped.AsSpan(97, 32)));
        Assert.Equal(OrderStructHash.OrderV2Type, Encoding.UTF8.GetString(wrapped, 129, 186));
        Assert.Equal(0, wrapped[315]);
        Assert.Equal(186, wrapped[316]);

        // The inner digest, rebuilt with the naive encoder from the ERC-7739 definition.
        var typedDataSign = SlowEip712.HashStruct(Poly1271Signature.TypedDataSignType,
            ("bytes32", orderHash), ("string", "DepositWallet"), ("string", "1"), ("uint256", new BigInteger(137)),
            ("address", "0x1111111111111111111111111111111111111111"), ("bytes32", new byte[32]));
        var innerDigest = SlowEip712.Digest(domain.Separator.ToArray(), typedDataSign);
        Assert.True(Secp256k1.VerifyAddress(innerDigest, wrapped.AsSpan(0, 65), eoa.Address));
    }

    [Fact]
    public void Poly1271_Wrap_DestinationTooSmall_ReturnsZero()
    {
        Assert.Equal(0, Poly1271Signature.Wrap(new byte[65], new byte[32], new byte[32], new byte[316]));
    }

    [Fact]
    public void OrderHashDigestAndFastSign_SteadyState_AllocateNothing()
    {
        using var pool = new NoncePool(capacity: 256, startRefillThread: false);
        pool.Fill();
        using var signer = EthSigner.FromHex(TestKey, pool);
        var domain = PolymarketDomains.Exchange(2, false, PolymarketDomains.Polygon);
        var tokenId = new byte[32];
        var zero = new byte[32];
        var structHash = new byte[32];
        var digest = new byte[32];
        var signature = new byte[65];
        void Once(ulong salt)
        {
            OrderStructHash.HashV2(salt, signer.Address, signer.Address, tokenId, 5200000, 10000000, 0, 0, 1713398400000, zero, zero, structHash);
            Eip712.Digest(domain.Separator, structHash, digest);
            signer.Sign(digest, signature);
        }
        for (ulong i = 0; i < 50; i++) Once(i);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (ulong i = 0; i < 200; i++) Once(i);
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.Equal(0, after - before);
        Assert.Equal(0, signer.DeterministicFallbacks);
    }
}

public class TypedSigningTests
{
    [Fact]
    public void TypedOverloads_MatchSpanApi_AndRoundTripThroughRecovery()
    {
        using var signer = EthSigner.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        var address = signer.EthAddress();
        Assert.Equal("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", address.ToChecksumString());
        var tokenId = FastMaker.Primitives.UInt256.Parse("71321045679252212594626385532706912750332728571942532289631379312455583992563");
        var metadata = FastMaker.Primitives.Hash32.Parse("0x" + new string('a', 64));
        var typed = OrderStructHash.HashV2(479249096354, address, address, tokenId, 5200000, 10000000,
            FastMaker.Primitives.Side.Sell, 2, 1713398400000, metadata, FastMaker.Primitives.Hash32.Zero);

        var tokenBytes = new byte[32];
        tokenId.WriteBigEndian(tokenBytes);
        var metadataBytes = new byte[32];
        metadata.CopyTo(metadataBytes);
        var spanHash = new byte[32];
        OrderStructHash.HashV2(479249096354, signer.Address, signer.Address, tokenBytes, 5200000, 10000000, 1, 2, 1713398400000, metadataBytes, new byte[32], spanHash);
        var typedBytes = new byte[32];
        typed.CopyTo(typedBytes);
        Assert.Equal(Convert.ToHexString(spanHash), Convert.ToHexString(typedBytes));

        var domain = PolymarketDomains.Exchange(3, false, PolymarketDomains.Amoy);
        var digest = domain.Digest(typed);
        var expectedDigest = new byte[32];
        Eip712.Digest(domain.Separator, spanHash, expectedDigest);
        var digestBytes = new byte[32];
        digest.CopyTo(digestBytes);
        Assert.Equal(Convert.ToHexString(expectedDigest), Convert.ToHexString(digestBytes));

        var signature = new byte[65];
        signer.SignDeterministic(digest, signature);
        Assert.True(TypedSigningExtensions.TryRecoverAddress(digest, signature, out var recovered));
        Assert.Equal(address, recovered);
        signature[64] = 40;
        Assert.False(TypedSigningExtensions.TryRecoverAddress(digest, signature, out _));
    }
}
