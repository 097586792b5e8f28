using System.Text;
using System.Text.Json;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Tests.Orders;

public class OrderBuilderVectorTests
{
    public static IEnumerable<object[]> LimitIds() => GoldenVectors.Ids("limit-orders.json");
    public static IEnumerable<object[]> MarketIds() => GoldenVectors.Ids("market-orders.json");
    public static IEnumerable<object[]> AmountIds() => GoldenVectors.Ids("v3-amount-orders.json");

    internal static (OrderBuilder Builder, OrderLine Line, EthSigner Signer) BuilderFor(JsonElement input)
    {
        Assert.True(OrderLine.TryParse(input, out var line, out string error), error);
        var signer = EthSigner.FromHex(line!.PrivateKeyHex);
        return (new OrderBuilder(signer, line.ChainId, line.SignatureType, line.Funder, line.Owner, line.Version), line, signer);
    }

    private static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    private static void AssertOrderMatches(JsonElement expected, OrderBuilder builder, OrderLine line, SignedOrderInfo info, ReadOnlySpan<byte> body, ReadOnlySpan<byte> signature, EthSigner signer)
    {
        Assert.Equal(long.Parse(expected.GetProperty("makerAmount").GetString()!), info.Amounts.MakerAmount);
        Assert.Equal(long.Parse(expected.GetProperty("takerAmount").GetString()!), info.Amounts.TakerAmount);
        Assert.Equal(expected.GetProperty("orderId").GetString(), info.OrderId.ToString());
        Assert.Equal(expected.GetProperty("signature").GetString(), Hex(signature[..info.SignatureLength]));
        Assert.Equal(expected.GetProperty("postOrderBody").GetString(), Encoding.UTF8.GetString(body[..info.BodyLength]));

        // Domain separator and struct hash, recomputed from the parts.
        Assert.True(ExchangeDomain.TryGet(line.ChainId, line.Version, line.Request.NegRisk, out var domain));
        Assert.Equal(expected.GetProperty("domainSeparator").GetString(), Hex(domain.Separator));
        Assert.Equal(expected.GetProperty("exchange").GetString()!.ToLowerInvariant(), domain.VerifyingContract.ToString());
        var order = new ExchangeOrder
        {
            Salt = line.Request.Salt, Maker = builder.Maker, Signer = builder.OrderSigner, TokenId = line.Request.TokenId,
            MakerAmount = info.Amounts.MakerAmount, TakerAmount = info.Amounts.TakerAmount, Side = line.Request.Side,
            SignatureType = line.SignatureType, TimestampMs = line.Request.TimestampMs, Metadata = line.Request.Metadata, Builder = line.Request.Builder,
        };
        Span<byte> structHash = stackalloc byte[32];
        OrderHashing.StructHash(order, structHash);
        Assert.Equal(expected.GetProperty("structHash").GetString(), Hex(structHash));
        if (line.SignatureType == SignatureType.Poly1271)
        {
            var parts = expected.GetProperty("signatureParts");
            Span<byte> inner = stackalloc byte[32];
            OrderHashing.Poly1271SigningDigest(domain, order, structHash, inner);
            Assert.Equal(parts.GetProperty("typedDataSignDigest").GetString(), Hex(inner));
            Assert.Equal(parts.GetProperty("innerSignature").GetString(), Hex(signature[..65]));
            Assert.Equal(317, info.SignatureLength);
        }
    }

    [Theory]
    [MemberData(nameof(LimitIds))]
    public void Limit_DeterministicPath_IsByteEqualToOfficialClient(string id)
    {
        var v = GoldenVectors.ById("limit-orders.json", id);
        var (builder, line, signer) = BuilderFor(v.GetProperty("input"));
        using var _ = signer;
        byte[] body = new byte[OrderBodyWriter.MaxLength];
        byte[] signature = new byte[OrderHashing.Poly1271SignatureLength];
        var error = builder.TryBuild(line.Request, SigningMode.Deterministic, body, signature, out var info);
        Assert.Equal(OrderBuildError.None, error);
        AssertOrderMatches(v, builder, line, info, body, signature, signer);
    }

    [Theory]
    [MemberData(nameof(MarketIds))]
    public void Market_DeterministicPath_EqualsClientSignedServerRuleOrder(string id)
    {
        var v = GoldenVectors.ById("market-orders.json", id);
        var (builder, line, signer) = BuilderFor(v.GetProperty("input"));
        using var _ = signer;
        byte[] body = new byte[OrderBodyWriter.MaxLength];
        byte[] signature = new byte[OrderHashing.Poly1271SignatureLength];
        Assert.Equal(OrderBuildError.None, builder.TryBuild(line.Request, SigningMode.Deterministic, body, signature, out var info));
        AssertOrderMatches(v.GetProperty("serverRule"), builder, line, info, body, signature, signer);
        if (v.GetProperty("clientMeetsServerRule").GetBoolean())
            Assert.Equal(v.GetProperty("postOrderBody").GetString(), Encoding.UTF8.GetString(body, 0, info.BodyLength));
    }

    [Theory]
    [MemberData(nameof(MarketIds))]
    public void Market_FromTheClientsOwnAmounts_IsByteEqualToOfficialClient(string id)
    {
        var v = GoldenVectors.ById("market-orders.json", id);
        var (builder, line, signer) = BuilderFor(v.GetProperty("input"));
        using var _ = signer;
        byte[] body = new byte[OrderBodyWriter.MaxLength];
        byte[] signature = new byte[OrderHashing.Poly1271SignatureLength];
        var amounts = new OrderAmounts(long.Parse(v.GetProperty("makerAmount").GetString()!), long.Parse(v.GetProperty("takerAmount").GetString()!));
        Assert.Equal(OrderBuildError.None, builder.TryBuildFromAmounts(line.Request, amounts, SigningMode.Deterministic, body, signature, out var info));
        AssertOrderMatches(v, builder, line, info, body, signature, signer);
    }

    [Theory]
    [MemberData(nameof(AmountIds))]
    public void V3FromAmounts_IsByteEqualToOfficialClient(string id)
    {
        var v = GoldenVectors.ById("v3-amount-orders.json", id);
        var input = v.GetProperty("input");
        // These vectors carry amounts instead of price/size; give the parser placeholders it ignores here.
        var node = System.Text.Json.Nodes.JsonNode.Parse(input.GetRawText())!.AsObject();
        node["price"] = "0.5";
        node["size"] = "1";
        var (builder, line, signer) = BuilderFor(JsonDocument.Parse(node.ToJsonString()).RootElement);
        using var _ = signer;
        byte[] body = new byte[OrderBodyWriter.MaxLength];
        byte[] signature = new byte[OrderHashing.Poly1271SignatureLength];
        var amounts = new OrderAmounts(long.Parse(input.GetProperty("makerAmount").GetString()!), long.Parse(input.GetProperty("takerAmount").GetString()!));
        Assert.Equal(OrderBuildError.None, builder.TryBuildFromAmounts(line.Request, amounts, SigningMode.Deterministic, body, signature, out var info));
        AssertOrderMatches(v, builder, line, info, body, signature, signer);
    }

    [Theory]
    [MemberData(nameof(LimitIds))]
    public void FastPath_SameIdAndAmounts_SignatureRecoversToTheSigner(string id)
    {
        var v = GoldenVectors.ById("limit-orders.json", id);
        var (builder, line, signer) = BuilderFor(v.GetProperty("input"));
        using var pool = new NoncePool(8, startRefillThread: false);
        using var fastSigner = EthSigner.FromHex(line.PrivateKeyHex, pool);
        var fast = new OrderBuilder(fastSigner, line.ChainId, line.SignatureType, line.Funder, line.Owner, line.Version);
        pool.Fill();
        byte[] body = new byte[OrderBodyWriter.MaxLength];
        byte[] signature = new byte[OrderHashing.Poly1271SignatureLength];
        Assert.Equal(OrderBuildError.None, fast.TryBuild(line.Request, SigningMode.Fast, body, signature, out var info));
        Assert.Equal(v.GetProperty("orderId").GetString(), info.OrderId.ToString());
        Assert.Equal(1, fastSigner.FastSignatures);

        // The signed digest: the order id itself, or for POLY_1271 the TypedDataSign digest.
        Span<byte> digest = stackalloc byte[32];
        if (line.SignatureType == SignatureType.Poly1271)
            Convert.FromHexString(v.GetProperty("signatureParts").GetProperty("typedDataSignDigest").GetString()![2..]).CopyTo(digest);
        else
            info.OrderId.CopyTo(digest);
        Span<byte> recovered = stackalloc byte[20];
        Assert.True(Secp256k1.TryRecoverAddress(digest, signature.AsSpan(0, 65), recovered));
        Assert.True(recovered.SequenceEqual(signer.Address));
        signer.Dispose();
    }
}
