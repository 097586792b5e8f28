using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Signing;
using FastMaker.Polymarket.Tests.Orders;

namespace FastMaker.Polymarket.Tests.Auth;

public class L1HeadersTests
{
    public static IEnumerable<object[]> VectorIds() => GoldenVectors.Ids("l1-headers.json");

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Create_MatchesOfficialClient(string id)
    {
        var v = GoldenVectors.ById("l1-headers.json", id);
        var input = v.GetProperty("input");
        using var signer = EthSigner.FromHex(input.GetProperty("privateKey").GetString()!);
        var nonceElement = input.GetProperty("nonce");
        ulong nonce = nonceElement.ValueKind == System.Text.Json.JsonValueKind.String ? ulong.Parse(nonceElement.GetString()!) : nonceElement.GetUInt64();
        var headers = L1Headers.Create(signer, input.GetProperty("chainId").GetInt64(), input.GetProperty("timestamp").GetInt64(), nonce);
        var expected = v.GetProperty("headers");
        Assert.Equal(expected.GetProperty("POLY_ADDRESS").GetString(), headers.Address);
        Assert.Equal(expected.GetProperty("POLY_SIGNATURE").GetString(), headers.Signature);
        Assert.Equal(expected.GetProperty("POLY_TIMESTAMP").GetString(), headers.Timestamp);
        Assert.Equal(expected.GetProperty("POLY_NONCE").GetString(), headers.Nonce);

        using var request = new HttpRequestMessage(HttpMethod.Get, "https://clob.example/auth/derive-api-key");
        headers.AddTo(request);
        Assert.Equal(headers.Signature, Assert.Single(request.Headers.GetValues(PolyHeaderNames.Signature)));
    }

    [Fact]
    public void Create_RejectsANegativeTimestamp()
    {
        using var signer = EthSigner.FromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        Assert.Throws<ArgumentOutOfRangeException>(() => L1Headers.Create(signer, 137, -1));
    }
}
