using System.Text;
using FastMaker.Venue.Auth;
using Microsoft.Extensions.Time.Testing;

namespace FastMaker.Venue.Tests.Auth;

public class L2VerifierTests
{
    private static (L2Verifier Verifier, ApiCredentials Creds, FakeTimeProvider Time) Setup()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var keys = new ApiKeyStore("test-seed");
        var creds = keys.Register("0xF39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        return (new L2Verifier(keys, time, 30), creds, time);
    }

    private static string Sign(string secret, string ts, string method, string path, string body)
    {
        L2Verifier.TryDecodeSecret(secret, out byte[] key);
        using var h = new System.Security.Cryptography.HMACSHA256(key);
        return Convert.ToBase64String(h.ComputeHash(Encoding.UTF8.GetBytes(ts + method + path + body))).Replace('+', '-').Replace('/', '_');
    }

    [Fact]
    public void ReferenceVector_SignatureMatchesOfficialClient()
    {
        // clob-client-v2 tests/signing/hmac.test.ts
        string sig = Sign("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "1000000", "test-sign", "/orders", "{\"hash\": \"0x123\"}");
        Assert.Equal("ZwAdJKvoYRlEKDkNMwd5BuwNNtg93kNaR_oU2HrfVvc=", sig);
    }

    [Fact]
    public void ValidHeaders_Authenticate()
    {
        var (v, c, _) = Setup();
        string body = "{\"heartbeat_id\":\"\"}";
        string sig = Sign(c.Secret, "1700000000", "POST", "/v1/heartbeats", body);
        var r = v.Verify(c.Address, sig, "1700000000", c.ApiKey, c.Passphrase, "POST", "/v1/heartbeats", Encoding.UTF8.GetBytes(body));
        Assert.True(r.Ok, r.Failure);
        Assert.Equal(c.ApiKey, r.Credentials!.ApiKey);
    }

    [Fact]
    public void StaleTimestamp_IsRefused()
    {
        var (v, c, _) = Setup();
        string sig = Sign(c.Secret, "1699999900", "GET", "/data/orders", "");
        var r = v.Verify(c.Address, sig, "1699999900", c.ApiKey, c.Passphrase, "GET", "/data/orders", default);
        Assert.False(r.Ok);
        Assert.Contains("window", r.Failure);
    }

    [Fact]
    public void TamperedBody_IsRefused()
    {
        var (v, c, _) = Setup();
        string sig = Sign(c.Secret, "1700000000", "DELETE", "/order", "{\"orderID\":\"0x01\"}");
        var r = v.Verify(c.Address, sig, "1700000000", c.ApiKey, c.Passphrase, "DELETE", "/order", Encoding.UTF8.GetBytes("{\"orderID\":\"0x02\"}"));
        Assert.False(r.Ok);
        Assert.Equal("bad signature", r.Failure);
    }

    [Theory]
    [InlineData("wrong-key")]
    [InlineData("wrong-passphrase")]
    [InlineData("wrong-address")]
    [InlineData("missing")]
    [InlineData("non-numeric-ts")]
    public void BadHeaders_AreRefused(string fault)
    {
        var (v, c, _) = Setup();
        string ts = fault == "non-numeric-ts" ? "17e8" : "1700000000";
        string sig = Sign(c.Secret, ts, "GET", "/data/orders", "");
        var r = v.Verify(
            fault == "wrong-address" ? "0x0000000000000000000000000000000000000001" : c.Address,
            fault == "missing" ? null : sig,
            ts,
            fault == "wrong-key" ? "00000000-0000-0000-0000-000000000000" : c.ApiKey,
            fault == "wrong-passphrase" ? "nope" : c.Passphrase,
            "GET", "/data/orders", default);
        Assert.False(r.Ok);
    }

    [Fact]
    public void DeriveAfterCreate_ReturnsSameCredentials_CreateTwiceFails()
    {
        var keys = new ApiKeyStore("seed");
        Assert.False(keys.TryDerive("0xAB00000000000000000000000000000000000001", 0, out _));
        Assert.True(keys.TryCreate("0xAB00000000000000000000000000000000000001", 0, out var created));
        Assert.False(keys.TryCreate("0xab00000000000000000000000000000000000001", 0, out _));
        Assert.True(keys.TryDerive("0xab00000000000000000000000000000000000001", 0, out var derived));
        Assert.Equal(created, derived);
        var other = new ApiKeyStore("seed");
        other.TryCreate("0xab00000000000000000000000000000000000001", 0, out var again);
        Assert.Equal(created, again); // deterministic per seed, address and nonce
        Assert.True(keys.TryCreate("0xab00000000000000000000000000000000000001", 1, out var nonce1));
        Assert.NotEqual(created.ApiKey, nonce1.ApiKey);
    }
}
