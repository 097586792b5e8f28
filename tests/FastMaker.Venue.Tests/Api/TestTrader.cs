using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;
using FastMaker.Venue.Auth;
using FastMaker.Venue.Matching;

namespace FastMaker.Venue.Tests.Api;

/// <summary>A client that signs like the official one: ClobAuth L1 headers, L2 HMAC headers, V2 EIP-712 orders.</summary>
internal sealed class TestTrader
{
    private readonly byte[] _key;
    private readonly HttpClient _http = new();
    private readonly string _clob;
    private long _salt = 1000;

    public TestTrader(Venue venue, byte seed)
    {
        _clob = venue.ClobUrl;
        _key = new byte[32];
        _key[31] = seed;
        _key[0] = 0x42;
        Span<byte> a = stackalloc byte[20];
        Secp256k1.GetAddress(_key, a);
        Address = EthAddress.FromBytes(a);
    }

    public EthAddress Address { get; }
    public ApiCredentials? Creds { get; private set; }
    public long TimestampSkewSeconds { get; set; }

    public static VenueMarket Market(int n, bool negRisk = false) => new()
    {
        ConditionId = Hash32.Parse("0x" + n.ToString("x64", CultureInfo.InvariantCulture)),
        Question = "Market " + n,
        Slug = "market-" + n,
        YesToken = new UInt256((ulong)(5000 + 2 * n), 0, 0, 0),
        NoToken = new UInt256((ulong)(5001 + 2 * n), 0, 0, 0),
        TickSize = TickSize.Hundredth,
        NegRisk = negRisk,
        EventId = "event-" + n,
        RewardsMinSize = Quantity.FromRaw(50_000_000),
        RewardsMaxSpreadCents = 3.5m,
        EndDate = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero),
    };

    public async Task<HttpResponseMessage> L1Async(HttpMethod method, string path, ulong nonce = 0, bool tamper = false)
    {
        string ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        Span<byte> addr = stackalloc byte[20];
        Address.CopyTo(addr);
        Span<byte> structHash = stackalloc byte[32];
        Span<byte> digest = stackalloc byte[32];
        Span<byte> sig = stackalloc byte[65];
        ClobAuthStructHash.Hash(addr, Encoding.ASCII.GetBytes(ts), nonce, structHash);
        Eip712.Digest(PolymarketDomains.ClobAuth(137).Separator, structHash, digest);
        Secp256k1.SignDeterministic(_key, digest, sig);
        if (tamper) sig[5] ^= 1;
        var request = new HttpRequestMessage(method, _clob + path);
        request.Headers.Add("POLY_ADDRESS", Address.ToString());
        request.Headers.Add("POLY_SIGNATURE", "0x" + Convert.ToHexStringLower(sig));
        request.Headers.Add("POLY_TIMESTAMP", ts);
        request.Headers.Add("POLY_NONCE", nonce.ToString(CultureInfo.InvariantCulture));
        return await _http.SendAsync(request);
    }

    public async Task<ApiCredentials> CreateKeyAsync()
    {
        using var r = await L1Async(HttpMethod.Post, "/auth/api-key");
        string json = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, json);
        using var doc = JsonDocument.Parse(json);
        Creds = new ApiCredentials(doc.RootElement.GetProperty("apiKey").GetString()!, doc.RootElement.GetProperty("secret").GetString()!,
            doc.RootElement.GetProperty("passphrase").GetString()!, Address.ToString().ToLowerInvariant(), 0);
        return Creds;
    }

    public async Task<(int Status, string Body, HttpResponseMessage Response)> L2Async(HttpMethod method, string pathAndQuery, string? body = null)
    {
        string path = pathAndQuery.Split('?')[0];
        string ts = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() + TimestampSkewSeconds).ToString(CultureInfo.InvariantCulture);
        L2Verifier.TryDecodeSecret(Creds!.Secret, out byte[] key);
        string sig = Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(ts + method.Method + path + (body ?? ""))))
            .Replace('+', '-').Replace('/', '_');
        var request = new HttpRequestMessage(method, _clob + pathAndQuery);
        request.Headers.Add("POLY_ADDRESS", Address.ToString());
        request.Headers.Add("POLY_SIGNATURE", sig);
        request.Headers.Add("POLY_TIMESTAMP", ts);
        request.Headers.Add("POLY_API_KEY", Creds.ApiKey);
        request.Headers.Add("POLY_PASSPHRASE", Creds.Passphrase);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>A signed V2 order body for a limit order (size and price in 6-decimal raw units).</summary>
    public string OrderBody(VenueMarket market, UInt256 token, Side side, long priceRaw, long sizeRaw, bool postOnly = false,
        bool tamperSignature = false, string orderType = "GTC", string? ownerOverride = null, Action<Dictionary<string, object>>? edit = null)
    {
        long collateral = sizeRaw * priceRaw / 1_000_000;
        long makerAmount = side == Side.Buy ? collateral : sizeRaw;
        long takerAmount = side == Side.Buy ? sizeRaw : collateral;
        ulong salt = (ulong)Interlocked.Increment(ref _salt);
        ulong timestamp = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Span<byte> addr = stackalloc byte[20];
        Address.CopyTo(addr);
        Span<byte> tok = stackalloc byte[32];
        token.WriteBigEndian(tok);
        Span<byte> zero = stackalloc byte[32];
        Span<byte> structHash = stackalloc byte[32];
        Span<byte> digest = stackalloc byte[32];
        Span<byte> sig = stackalloc byte[65];
        OrderStructHash.HashV2(salt, addr, addr, tok, (ulong)makerAmount, (ulong)takerAmount, side == Side.Buy ? (byte)0 : (byte)1, 0, timestamp, zero, zero, structHash);
        Eip712.Digest(PolymarketDomains.Exchange(2, market.NegRisk, 137).Separator, structHash, digest);
        Secp256k1.SignDeterministic(_key, digest, sig);
        if (tamperSignature) sig[10] ^= 0xFF;
        var order = new Dictionary<string, object>
        {
            ["salt"] = salt,
            ["maker"] = Address.ToString(),
            ["signer"] = Address.ToString(),
            ["tokenId"] = token.ToString(),
            ["makerAmount"] = makerAmount.ToString(CultureInfo.InvariantCulture),
            ["takerAmount"] = takerAmount.ToString(CultureInfo.InvariantCulture),
            ["side"] = side == Side.Buy ? "BUY" : "SELL",
            ["signatureType"] = 0,
            ["timestamp"] = timestamp.ToString(CultureInfo.InvariantCulture),
            ["expiration"] = "0",
            ["metadata"] = "0x" + new string('0', 64),
            ["builder"] = "0x" + new string('0', 64),
            ["signature"] = "0x" + Convert.ToHexStringLower(sig),
        };
        edit?.Invoke(order);
        var body = new Dictionary<string, object>
        {
            ["deferExec"] = false,
            ["postOnly"] = postOnly,
            ["order"] = order,
            ["owner"] = ownerOverride ?? Creds!.ApiKey,
            ["orderType"] = orderType,
        };
        return JsonSerializer.Serialize(body);
    }

    /// <summary>The order id the client can compute before posting (the EIP-712 digest).</summary>
    public static string OrderIdOf(string responseBody)
    {
        using var doc = JsonDocument.Parse(responseBody);
        return doc.RootElement.GetProperty("orderID").GetString()!;
    }
}
