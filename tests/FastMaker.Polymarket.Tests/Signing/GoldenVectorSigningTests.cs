using System.Text;
using System.Text.Json;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Tests.Signing;

/// <summary>
/// The signing layer against the official client's golden vectors (tests/fixtures/polymarket/vectors, written by
/// tools/golden-vectors with @polymarket/clob-client-v2): domain separator, struct hash, digest (order id) and the
/// deterministic signature - including the 317-byte POLY_1271 wrapped signatures - byte for byte.
/// </summary>
public class GoldenVectorSigningTests
{
    private static readonly string VectorDirectory = Path.Combine(AppContext.BaseDirectory, "fixtures", "polymarket", "vectors");

    public static TheoryData<string, string> OrderVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "limit-orders.json", "market-orders.json", "v3-amount-orders.json" })
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(VectorDirectory, file)));
            foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
                data.Add(file, vector.GetProperty("id").GetString()!);
        }
        return data;
    }

    private static JsonElement FindVector(string file, string id)
    {
        var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(VectorDirectory, file)));
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
            if (vector.GetProperty("id").GetString() == id) return vector;
        throw new InvalidOperationException("vector " + id + " not found in " + file);
    }

    // The vectors write some integers as JSON numbers and some as strings.
    private static string NumberText(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();

    private static string Hex(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    private static byte[] Word(string decimalText)
    {
        var word = new byte[32];
        UInt256.Parse(decimalText).WriteBigEndian(word);
        return word;
    }

    private static byte[] Bytes(string hex) => Convert.FromHexString(hex.AsSpan(2));

    [Theory]
    [MemberData(nameof(OrderVectors))]
    public void OrderVector_HashDigestAndSignature_MatchOfficialClient(string file, string id)
    {
        var vector = FindVector(file, id);
        var input = vector.GetProperty("input");
        var order = vector.GetProperty("signedOrder");
        int version = input.GetProperty("version").GetInt32();
        ulong chainId = input.GetProperty("chainId").GetUInt64();
        bool negRisk = input.TryGetProperty("negRisk", out var negRiskElement) && negRiskElement.ValueKind == JsonValueKind.True;

        var domain = PolymarketDomains.Exchange(version, negRisk, chainId);
        Assert.Equal(vector.GetProperty("exchange").GetString()!.ToLowerInvariant(), Hex(domain.VerifyingContract));
        Assert.Equal(vector.GetProperty("domainSeparator").GetString(), Hex(domain.Separator));

        byte signatureType = (byte)order.GetProperty("signatureType").GetInt32();
        var maker = Bytes(order.GetProperty("maker").GetString()!);
        var structHash = new byte[32];
        OrderStructHash.HashV2(
            Word(order.GetProperty("salt").GetString()!), maker, Bytes(order.GetProperty("signer").GetString()!),
            Word(order.GetProperty("tokenId").GetString()!), Word(order.GetProperty("makerAmount").GetString()!),
            Word(order.GetProperty("takerAmount").GetString()!), order.GetProperty("side").GetString() == "BUY" ? (byte)0 : (byte)1,
            signatureType, Word(order.GetProperty("timestamp").GetString()!), Bytes(order.GetProperty("metadata").GetString()!),
            Bytes(order.GetProperty("builder").GetString()!), structHash);
        Assert.Equal(vector.GetProperty("structHash").GetString(), Hex(structHash));

        var digest = new byte[32];
        Eip712.Digest(domain.Separator, structHash, digest);
        Assert.Equal(vector.GetProperty("digest").GetString(), Hex(digest));
        Assert.Equal(vector.GetProperty("orderId").GetString(), Hex(digest));

        using var signer = EthSigner.FromHex(input.GetProperty("privateKey").GetString()!);
        Assert.Equal(vector.GetProperty("signerAddress").GetString(), signer.AddressChecksummed);
        string expectedSignature = order.GetProperty("signature").GetString()!;
        if (signatureType == 3)
        {
            var innerDigest = new byte[32];
            Poly1271Signature.Digest(domain.Separator, structHash, chainId, maker, innerDigest);
            var parts = vector.GetProperty("signatureParts");
            Assert.Equal(parts.GetProperty("typedDataSignDigest").GetString(), Hex(innerDigest));
            var inner = new byte[65];
            signer.SignDeterministic(innerDigest, inner);
            var wrapped = new byte[Poly1271Signature.WrappedLength];
            Assert.Equal(vector.GetProperty("signatureLength").GetInt32(), Poly1271Signature.Wrap(inner, domain.Separator, structHash, wrapped));
            Assert.Equal(expectedSignature, Hex(wrapped));
        }
        else
        {
            var signature = new byte[65];
            signer.SignDeterministic(digest, signature);
            Assert.Equal(expectedSignature, Hex(signature));
            Assert.True(Secp256k1.VerifyAddress(digest, signature, signer.Address));
        }
    }

    [Fact]
    public void L1HeaderVectors_ClobAuthSignatureMatchesOfficialClient()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(VectorDirectory, "l1-headers.json")));
        int count = 0;
        foreach (var vector in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var input = vector.GetProperty("input");
            using var signer = EthSigner.FromHex(input.GetProperty("privateKey").GetString()!);
            var domain = PolymarketDomains.ClobAuth(input.GetProperty("chainId").GetUInt64());
            Assert.Equal(vector.GetProperty("domainSeparator").GetString(), Hex(domain.Separator));
            var structHash = new byte[32];
            var timestamp = Encoding.ASCII.GetBytes(NumberText(input.GetProperty("timestamp")));
            ulong nonce = ulong.Parse(NumberText(input.GetProperty("nonce")), System.Globalization.CultureInfo.InvariantCulture);
            ClobAuthStructHash.Hash(signer.Address, timestamp, nonce, structHash);
            Assert.Equal(vector.GetProperty("structHash").GetString(), Hex(structHash));
            var digest = new byte[32];
            Eip712.Digest(domain.Separator, structHash, digest);
            Assert.Equal(vector.GetProperty("digest").GetString(), Hex(digest));
            var signature = new byte[65];
            signer.SignDeterministic(digest, signature);
            Assert.Equal(vector.GetProperty("headers").GetProperty("POLY_SIGNATURE").GetString(), Hex(signature));
            count++;
        }
        Assert.True(count > 0);
    }
}
