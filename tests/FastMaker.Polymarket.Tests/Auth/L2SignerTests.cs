using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Tests.Orders;

namespace FastMaker.Polymarket.Tests.Auth;

public class L2SignerTests
{
    private const string File = "l2-headers.json";

    public static IEnumerable<object[]> VectorIds() => GoldenVectors.Ids(File);

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void Sign_MatchesOfficialClient(string id)
    {
        var v = GoldenVectors.ById(File, id);
        var input = v.GetProperty("input");
        var creds = new ApiCredentials(input.GetProperty("apiKey").GetString()!, input.GetProperty("secret").GetString()!, input.GetProperty("passphrase").GetString()!);
        var signer = new L2Signer(creds, input.GetProperty("address").GetString()!);
        string? body = input.GetProperty("body").ValueKind == JsonValueKind.Null ? null : input.GetProperty("body").GetString();
        long ts = input.GetProperty("timestamp").GetInt64();
        string expected = v.GetProperty("headers").GetProperty("POLY_SIGNATURE").GetString()!;

        Assert.Equal(expected, signer.Sign(ts, input.GetProperty("method").GetString()!, input.GetProperty("requestPath").GetString()!, body));

        Span<byte> utf8 = stackalloc byte[L2Signer.SignatureLength];
        signer.Sign(ts, Encoding.UTF8.GetBytes(input.GetProperty("method").GetString()!), Encoding.UTF8.GetBytes(input.GetProperty("requestPath").GetString()!),
            body is null ? default : Encoding.UTF8.GetBytes(body), utf8);
        Assert.Equal(expected, Encoding.ASCII.GetString(utf8));
    }

    [Theory]
    [MemberData(nameof(VectorIds))]
    public void AddHeaders_WritesTheFiveHeadersOfTheOfficialClient(string id)
    {
        var v = GoldenVectors.ById(File, id);
        var input = v.GetProperty("input");
        var creds = new ApiCredentials(input.GetProperty("apiKey").GetString()!, input.GetProperty("secret").GetString()!, input.GetProperty("passphrase").GetString()!);
        var signer = new L2Signer(creds, input.GetProperty("address").GetString()!);
        string? body = input.GetProperty("body").ValueKind == JsonValueKind.Null ? null : input.GetProperty("body").GetString();
        // The query string is not signed: adding one must not change the signature.
        using var request = new HttpRequestMessage(new HttpMethod(input.GetProperty("method").GetString()!),
            "https://clob.example" + input.GetProperty("requestPath").GetString() + "?next_cursor=MA%3D%3D");
        signer.AddHeaders(request, input.GetProperty("timestamp").GetInt64(), body is null ? default : Encoding.UTF8.GetBytes(body));

        var expected = v.GetProperty("headers");
        int count = 0;
        foreach (var header in expected.EnumerateObject())
        {
            count++;
            Assert.Equal(header.Value.GetString(), Assert.Single(request.Headers.GetValues(header.Name)));
        }
        Assert.Equal(5, count);
    }

    [Fact]
    public void Sign_AllocatesNothing()
    {
        var signer = new L2Signer(new ApiCredentials("k", "c2VjcmV0LWtleS1mb3ItZmFzdG1ha2VyLXRlc3RzLW9ubHk_-w", "p"), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        byte[] body = new byte[300];
        byte[] sig = new byte[L2Signer.SignatureLength];
        for (int i = 0; i < 100; i++) signer.Sign(1780000000, "POST"u8, "/order"u8, body, sig);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) signer.Sign(1780000000 + i, "POST"u8, "/order"u8, body, sig);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HmacKey_MatchesDotNetHmac_ForEveryLengthAcrossBlockBoundaries(bool forceManaged)
    {
        var rng = new Random(7);
        Span<byte> ours = stackalloc byte[32];
        foreach (int keyLength in new[] { 1, 32, 64, 65, 100 })
        {
            byte[] key = new byte[keyLength];
            rng.NextBytes(key);
            var hmac = new HmacSha256Key(key, forceManaged);
            byte[] message = new byte[300];
            rng.NextBytes(message);
            for (int length = 0; length <= message.Length; length++)
            {
                // Split the message in three parts so that buffering across Append calls is exercised.
                var ctx = new HmacSha256Key.Context();
                hmac.Start(ref ctx);
                int a = length / 3, b = length / 2;
                hmac.Append(ref ctx, message.AsSpan(0, a));
                hmac.Append(ref ctx, message.AsSpan(a, b - a));
                hmac.Append(ref ctx, message.AsSpan(b, length - b));
                hmac.Finish(ref ctx, ours);
                Assert.Equal(HMACSHA256.HashData(key, message.AsSpan(0, length)), ours.ToArray());
            }
        }
    }

    [Fact]
    public void Credentials_ToString_NeverPrintsTheSecretOrPassphrase()
    {
        var creds = new ApiCredentials("key-1", "c2VjcmV0", "pass-phrase");
        string text = creds.ToString();
        Assert.Contains("key-1", text);
        Assert.DoesNotContain("c2VjcmV0", text);
        Assert.DoesNotContain("pass-phrase", text);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("abcde")]
    public void Signer_RejectsASecretThatIsNotBase64Url(string secret)
    {
        var ex = Assert.Throws<FormatException>(() => new L2Signer(new ApiCredentials("k", secret, "p"), "0xabc"));
        Assert.Contains("base64url", ex.Message);
    }

    [Fact]
    public void Credentials_RejectEmptyParts()
    {
        Assert.Throws<ArgumentException>(() => new ApiCredentials("k", "", "p"));
        Assert.Throws<ArgumentException>(() => new ApiCredentials("", "s", "p"));
        Assert.Throws<ArgumentException>(() => new ApiCredentials("k", "s", ""));
    }

    [Fact]
    public void Sign_RejectsATooSmallDestination()
    {
        var signer = new L2Signer(new ApiCredentials("k", "c2VjcmV0", "p"), "0xabc");
        Assert.Throws<ArgumentException>(() => signer.Sign(1, "GET"u8, "/x"u8, default, new byte[43]));
    }
}
