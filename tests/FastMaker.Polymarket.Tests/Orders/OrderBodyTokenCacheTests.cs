using System.Text;
using System.Text.Json;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Tests.Orders;

/// <summary>The builder caches each token id's decimal text; a stale or colliding cache entry would put the wrong token in the body.</summary>
public class OrderBodyTokenCacheTests
{
    private const string Key = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private static OrderRequest Request(UInt256 tokenId, ulong salt) => new()
    {
        TokenId = tokenId, Side = Side.Buy, Price = Price.Parse("0.52"), Size = Quantity.Parse("100"), TickSize = TickSize.Hundredth,
        OrderType = OrderType.Gtc, PostOnly = true, Salt = salt, TimestampMs = 1_780_000_000_123,
    };

    private static byte[] Checksummed(EthAddress address)
    {
        var raw = new byte[EthAddress.Size];
        address.CopyTo(raw);
        return Encoding.ASCII.GetBytes(Eip55.Format(raw));
    }

    [Fact]
    public void Body_TokensSharingACacheSlot_EachCarryTheirOwnTokenId()
    {
        using var signer = EthSigner.FromHex(Key);
        var builder = new OrderBuilder(signer, 137, SignatureType.Eoa, null, "owner-key");
        // Equal low 128 bits, so the same cache slot; they differ above.
        var tokens = new[]
        {
            new UInt256(123456789, 987654321, 1, 0),
            new UInt256(123456789, 987654321, 2, 0),
            new UInt256(123456789, 987654321, 0, 7),
            UInt256.Parse("71321045679252212594626385532706912750332728571942532289631379312455583992563"),
            new UInt256(1, 0, 0, 0),
        };
        var body = new byte[OrderBodyWriter.MaxLength];
        var signature = new byte[OrderHashing.Poly1271SignatureLength];
        var reference = new byte[OrderBodyWriter.MaxLength];
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < tokens.Length; i++)
            {
                var request = Request(tokens[i], (ulong)(round * 10 + i + 1));
                Assert.Equal(OrderBuildError.None, builder.TryBuild(request, SigningMode.Deterministic, body, signature, out var info));
                string json = Encoding.UTF8.GetString(body, 0, info.BodyLength);
                using var doc = JsonDocument.Parse(json);
                Assert.Equal(tokens[i].ToString(), doc.RootElement.GetProperty("order").GetProperty("tokenId").GetString());

                // Byte-equal to the uncached public writer.
                var order = new ExchangeOrder
                {
                    Salt = request.Salt, Maker = builder.Maker, Signer = builder.OrderSigner, TokenId = request.TokenId,
                    MakerAmount = info.Amounts.MakerAmount, TakerAmount = info.Amounts.TakerAmount, Side = request.Side,
                    SignatureType = builder.SignatureType, TimestampMs = request.TimestampMs,
                };
                Assert.True(OrderBodyWriter.TryWrite(reference, order, Checksummed(builder.Maker),
                    Checksummed(builder.OrderSigner), 0, signature.AsSpan(0, info.SignatureLength), "owner-key"u8,
                    OrderType.Gtc, true, false, out int referenceLength));
                Assert.Equal(Encoding.UTF8.GetString(reference, 0, referenceLength), json);
            }
        }
    }

    [Fact]
    public void Body_NonZeroMetadataAndBuilder_AreWrittenInHex()
    {
        using var signer = EthSigner.FromHex(Key);
        var builder = new OrderBuilder(signer, 137, SignatureType.Eoa, null, "owner-key");
        var request = Request(new UInt256(42, 0, 0, 0), 7);
        request.Metadata = Hash32.Parse("0x00000000000000000000000000000000000000000000000000000000000000ab");
        request.Builder = Hash32.Parse("0xff00000000000000000000000000000000000000000000000000000000000001");
        var body = new byte[OrderBodyWriter.MaxLength];
        var signature = new byte[OrderHashing.Poly1271SignatureLength];
        Assert.Equal(OrderBuildError.None, builder.TryBuild(request, SigningMode.Deterministic, body, signature, out var info));
        using var doc = JsonDocument.Parse(body.AsMemory(0, info.BodyLength));
        var order = doc.RootElement.GetProperty("order");
        Assert.Equal(request.Metadata.ToString(), order.GetProperty("metadata").GetString());
        Assert.Equal(request.Builder.ToString(), order.GetProperty("builder").GetString());
        Assert.Equal("0x" + Convert.ToHexStringLower(signature.AsSpan(0, 65)), order.GetProperty("signature").GetString());
    }

    [Fact]
    public void TryBuild_FastPathAcrossManyTokens_AllocatesNothing()
    {
        using var pool = new NoncePool(capacity: 4096, startRefillThread: false);
        pool.Fill();
        using var signer = EthSigner.FromHex(Key, pool);
        var builder = new OrderBuilder(signer, 137, SignatureType.Eoa, null, "owner-key");
        var body = new byte[OrderBodyWriter.MaxLength];
        var signature = new byte[OrderHashing.Poly1271SignatureLength];
        var tokens = new UInt256[8];
        for (int i = 0; i < tokens.Length; i++) tokens[i] = new UInt256((ulong)i * 7919 + 1, (ulong)i, 3, 5);
        for (int i = 0; i < 100; i++) builder.TryBuild(Request(tokens[i % 8], (ulong)i + 1), SigningMode.Fast, body, signature, out _);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 2000; i++)
        {
            if (builder.TryBuild(Request(tokens[i % 8], (ulong)i + 1), SigningMode.Fast, body, signature, out _) != OrderBuildError.None)
                throw new InvalidOperationException("build failed");
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, signer.DeterministicFallbacks);
    }
}
