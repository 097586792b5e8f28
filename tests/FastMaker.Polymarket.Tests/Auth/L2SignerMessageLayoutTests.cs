using System.Security.Cryptography;
using System.Text;
using FastMaker.Polymarket.Auth;

namespace FastMaker.Polymarket.Tests.Auth;

/// <summary>
/// The signer hashes a short message in one piece from the stack, a long one in two, an oversized path in four: every layout
/// must give the HMAC of the plain concatenation, written as url-safe base64 with padding.
/// </summary>
public class L2SignerMessageLayoutTests
{
    private const string Secret = "c2VjcmV0LWtleS1mb3ItZmFzdG1ha2VyLXRlc3RzLW9ubHk_-w";

    private static string Expected(long timestamp, string method, string path, byte[] body)
    {
        byte[] key = new ApiCredentials("k", Secret, "p").DecodeSecret();
        byte[] message = [.. Encoding.ASCII.GetBytes(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture) + method + path), .. body];
        return Convert.ToBase64String(HMACSHA256.HashData(key, message)).Replace('+', '-').Replace('/', '_');
    }

    [Theory]
    [InlineData(6)]     // "/order"
    [InlineData(21)]    // "/cancel-market-orders"
    [InlineData(230)]   // prefix fits, body never inline
    [InlineData(300)]   // prefix itself too long for the stack buffer
    public void Sign_EveryBodyLength_EqualsHmacOfTheConcatenation(int pathLength)
    {
        var signer = new L2Signer(new ApiCredentials("k", Secret, "p"), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        string path = "/" + new string('p', pathLength - 1);
        var random = new Random(pathLength);
        var signature = new byte[L2Signer.SignatureLength];
        for (int length = 0; length <= 400; length += length < 280 ? 1 : 7)
        {
            var body = new byte[length];
            random.NextBytes(body);
            long timestamp = 1_780_000_000 + length;
            signer.Sign(timestamp, "DELETE"u8, Encoding.ASCII.GetBytes(path), body, signature);
            Assert.Equal(Expected(timestamp, "DELETE", path, body), Encoding.ASCII.GetString(signature));
        }
    }

    [Fact]
    public void Sign_CancelSizedBody_AllocatesNothing()
    {
        var signer = new L2Signer(new ApiCredentials("k", Secret, "p"), "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        ReadOnlySpan<byte> body = "{\"orderID\":\"0x0303030303030303030303030303030303030303030303030303030303030303\"}"u8;
        var signature = new byte[L2Signer.SignatureLength];
        for (int i = 0; i < 100; i++) signer.Sign(1_780_000_000, "DELETE"u8, "/order"u8, body, signature);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) signer.Sign(1_780_000_000 + i, "DELETE"u8, "/order"u8, body, signature);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
