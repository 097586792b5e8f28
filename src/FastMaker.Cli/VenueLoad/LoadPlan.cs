using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FastMaker.Polymarket.Auth;
using FastMaker.Polymarket.Orders;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Cli.VenueLoad;

/// <summary>
/// Everything a capacity run sends, built before the timed window: one fresh key per connection (the venue funds
/// it when it creates its API key), then per connection a list of complete HTTP/1.1 POST /order requests, each a
/// real V2 order signed by the engine's own <see cref="OrderBuilder"/> with its L2 HMAC headers. Orders are
/// resting bids far below the market on its first open token, so every post is verified and booked, none fills.
/// </summary>
internal sealed class LoadPlan
{
    private LoadPlan(string host, int port, byte[][][] requests, string token, long timestampSeconds)
    {
        Host = host;
        Port = port;
        Requests = requests;
        TokenId = token;
        TimestampSeconds = timestampSeconds;
    }

    /// <summary>CLOB host.</summary>
    public string Host { get; }

    /// <summary>CLOB port.</summary>
    public int Port { get; }

    /// <summary>[connection][i]: the request bytes.</summary>
    public byte[][][] Requests { get; }

    /// <summary>The token the bids go to.</summary>
    public string TokenId { get; }

    /// <summary>The POLY_TIMESTAMP of every request (see <see cref="BuildAsync"/>).</summary>
    public long TimestampSeconds { get; }

    /// <summary>Total requests.</summary>
    public int Count
    {
        get
        {
            int n = 0;
            foreach (var r in Requests) n += r.Length;
            return n;
        }
    }

    /// <summary>
    /// Creates the keys and signs every order. All requests carry one L2 timestamp, <see cref="VenueLoadSettings.TimestampLeadSeconds"/>
    /// past the end of signing: the venue accepts |now - ts| within its window (30 s by default), so a run that starts
    /// at once is valid from lead - window seconds before to lead + window seconds after; <see cref="LoadRunner"/> refuses
    /// to send past that.
    /// </summary>
    public static async Task<LoadPlan> BuildAsync(VenueLoadSettings settings, TextWriter log, CancellationToken ct)
    {
        var clob = new Uri(settings.ClobUrl);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var (token, tick, minSize, negRisk) = await FirstOpenMarketAsync(http, settings.GammaUrl, ct).ConfigureAwait(false);
        log.WriteLine("venue-load: token " + token + " tick " + tick.ToString() + " min size " + minSize.ToString() + (negRisk ? " negRisk" : ""));

        var requests = new byte[settings.Connections][][];
        var signers = new (EthSigner Signer, ApiCredentials Creds)[settings.Connections];
        for (int c = 0; c < settings.Connections; c++)
        {
            var signer = new EthSigner(KeyFor(settings.Seed, c));
            var creds = await CreateApiKeyAsync(http, clob, signer, settings.ChainId, ct).ConfigureAwait(false);
            signers[c] = (signer, creds);
        }

        int perConnection = (settings.Orders + settings.Connections - 1) / settings.Connections;
        var bodies = new byte[settings.Connections][][];
        var tokenId = UInt256.Parse(token);
        long nowMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Span<byte> body = stackalloc byte[OrderBodyWriter.MaxLength];
        Span<byte> signature = stackalloc byte[OrderHashing.Poly1271SignatureLength];
        // Twenty bid levels from one tick up: far below any ask of the built-in scenarios, so nothing crosses.
        int tickRaw = tick.Value.Raw;
        for (int c = 0; c < settings.Connections; c++)
        {
            var builder = new OrderBuilder(signers[c].Signer, settings.ChainId, SignatureType.Eoa, null, signers[c].Creds.ApiKey);
            bodies[c] = new byte[perConnection][];
            for (int i = 0; i < perConnection; i++)
            {
                var request = new OrderRequest
                {
                    TokenId = tokenId,
                    Side = Side.Buy,
                    Price = Price.FromRaw(tickRaw * (1 + i % 20)),
                    Size = minSize,
                    TickSize = tick,
                    NegRisk = negRisk,
                    OrderType = OrderType.Gtc,
                    Salt = (ulong)(c + 1) * 1_000_000_000UL + (ulong)i,
                    TimestampMs = nowMs,
                };
                var error = builder.TryBuild(request, SigningMode.Deterministic, body, signature, out SignedOrderInfo info);
                if (error != OrderBuildError.None) throw new InvalidOperationException("order build failed: " + error);
                bodies[c][i] = body.Slice(0, info.BodyLength).ToArray();
            }
        }

        long ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + settings.TimestampLeadSeconds;
        string hostHeader = clob.Host + ":" + clob.Port.ToString(CultureInfo.InvariantCulture);
        Span<byte> mac = stackalloc byte[L2Signer.SignatureLength];
        for (int c = 0; c < settings.Connections; c++)
        {
            var l2 = new L2Signer(signers[c].Creds, signers[c].Signer.AddressChecksummed);
            requests[c] = new byte[perConnection][];
            for (int i = 0; i < perConnection; i++)
            {
                l2.Sign(ts, "POST"u8, "/order"u8, bodies[c][i], mac);
                requests[c][i] = Request(hostHeader, l2, ts, mac, bodies[c][i]);
            }
            signers[c].Signer.Dispose();
        }
        return new LoadPlan(clob.Host, clob.Port, requests, token, ts);
    }

    private static byte[] Request(string host, L2Signer l2, long ts, ReadOnlySpan<byte> mac, byte[] body)
    {
        var head = new StringBuilder(512);
        head.Append("POST /order HTTP/1.1\r\nHost: ").Append(host)
            .Append("\r\nContent-Type: application/json\r\nContent-Length: ").Append(body.Length.ToString(CultureInfo.InvariantCulture))
            .Append("\r\n").Append(PolyHeaderNames.Address).Append(": ").Append(l2.Address)
            .Append("\r\n").Append(PolyHeaderNames.Signature).Append(": ").Append(Encoding.ASCII.GetString(mac))
            .Append("\r\n").Append(PolyHeaderNames.Timestamp).Append(": ").Append(ts.ToString(CultureInfo.InvariantCulture))
            .Append("\r\n").Append(PolyHeaderNames.ApiKey).Append(": ").Append(l2.Credentials.ApiKey)
            .Append("\r\n").Append(PolyHeaderNames.Passphrase).Append(": ").Append(l2.Credentials.Passphrase)
            .Append("\r\n\r\n");
        byte[] headBytes = Encoding.ASCII.GetBytes(head.ToString());
        var all = new byte[headBytes.Length + body.Length];
        headBytes.CopyTo(all, 0);
        body.CopyTo(all, headBytes.Length);
        return all;
    }

    // Deterministic per (seed, connection): a re-run reuses the same addresses (and their API keys and balances).
    private static byte[] KeyFor(int seed, int connection)
    {
        Span<byte> input = stackalloc byte[8];
        BitConverter.TryWriteBytes(input, seed);
        BitConverter.TryWriteBytes(input.Slice(4), connection);
        return SHA256.HashData(input);
    }

    private static async Task<ApiCredentials> CreateApiKeyAsync(HttpClient http, Uri clob, EthSigner signer, long chainId, CancellationToken ct)
    {
        // create, or derive when this address already has a key (a second run against the same venue).
        foreach (var (method, path) in new[] { (HttpMethod.Post, "/auth/api-key"), (HttpMethod.Get, "/auth/derive-api-key") })
        {
            using var request = new HttpRequestMessage(method, new Uri(clob, path));
            L1Headers.Create(signer, chainId, DateTimeOffset.UtcNow.ToUnixTimeSeconds()).AddTo(request);
            using var response = await http.SendAsync(request, ct).ConfigureAwait(false);
            string json = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) continue;
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return new ApiCredentials(root.GetProperty("apiKey").GetString()!, root.GetProperty("secret").GetString()!, root.GetProperty("passphrase").GetString()!);
        }
        throw new InvalidOperationException("the venue refused to create or derive an API key for " + signer.AddressChecksummed);
    }

    private static async Task<(string Token, TickSize Tick, Quantity MinSize, bool NegRisk)> FirstOpenMarketAsync(HttpClient http, string gammaUrl, CancellationToken ct)
    {
        string json = await http.GetStringAsync(new Uri(new Uri(gammaUrl), "/markets?closed=false"), ct).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(json);
        foreach (var m in doc.RootElement.EnumerateArray())
        {
            if (!m.GetProperty("acceptingOrders").GetBoolean()) continue;
            using var tokens = JsonDocument.Parse(m.GetProperty("clobTokenIds").GetString()!);
            string token = tokens.RootElement[0].GetString()!;
            decimal tick = m.GetProperty("orderPriceMinTickSize").GetDecimal();
            decimal minSize = m.GetProperty("orderMinSize").GetDecimal();
            var tickSize = TickSize.Parse(tick.ToString(CultureInfo.InvariantCulture));
            return (token, tickSize, Quantity.FromRaw((long)(Math.Max(minSize, 1m) * 1_000_000m)), m.GetProperty("negRisk").GetBoolean());
        }
        throw new InvalidOperationException("the venue lists no market accepting orders");
    }
}
