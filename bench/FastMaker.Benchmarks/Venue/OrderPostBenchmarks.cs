using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;
using FastMaker.Venue;
using FastMaker.Venue.Api;
using FastMaker.Venue.Auth;
using FastMaker.Venue.Matching;
using VenueLedger = FastMaker.Venue.Ledger.Ledger;

namespace FastMaker.Benchmarks.Venue;

/// <summary>
/// Where the server's time goes for one POST /order (everything after Kestrel hands over the body): the strict body
/// parse, the L2 HMAC check, the EIP-712 order hash with secp256k1 public-key recovery, and the engine's submit
/// (a resting bid) with its cancel. <see cref="FullServerPath"/> is all four in sequence (the baseline: ratios are
/// each part's share of it). One operation = one order (OperationsPerInvoke).
/// </summary>
[Config(typeof(VenueBenchmarkConfig))]
public class OrderPostBenchmarks
{
    private const int Batch = 256;
    private readonly byte[][] _bodies = new byte[Batch][];
    private readonly string[] _hmacs = new string[Batch];
    private readonly OrderBody[] _parsed = new OrderBody[Batch];
    private readonly OrderRequest[] _requests = new OrderRequest[Batch];
    private string _timestamp = "";
    private ApiCredentials _creds = null!;
    private L2Verifier _l2 = null!;
    private MatchingEngine _engine = null!;
    private VenueMarket _market = null!;
    private long _salt;
    private long _nextOrderId;

    [GlobalSetup]
    public void Setup()
    {
        var key = new byte[32];
        key[0] = 0x42;
        key[31] = 7;
        Span<byte> a = stackalloc byte[20];
        Secp256k1.GetAddress(key, a);
        var address = EthAddress.FromBytes(a);
        var keys = new ApiKeyStore("bench");
        keys.TryCreate(address.ToString().ToLowerInvariant(), 0, out _creds);
        _l2 = new L2Verifier(keys, TimeProvider.System, 3600);
        _market = new VenueMarket
        {
            ConditionId = Hash32.Parse("0x" + new string('0', 63) + "1"),
            Question = "bench",
            YesToken = new UInt256(5002, 0, 0, 0),
            NoToken = new UInt256(5003, 0, 0, 0),
            TickSize = TickSize.Hundredth,
        };
        var ledger = new VenueLedger(new FastMaker.Venue.Ledger.LedgerOptions { FundNewAddresses = true, NewAddressCollateral = Amount.FromRaw(1_000_000_000_000_000) });
        _engine = new MatchingEngine(ledger, TimeProvider.System);
        _engine.AddMarket(_market);
        ledger.EnsureFunded(address);
        _timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        L2Verifier.TryDecodeSecret(_creds.Secret, out byte[] secret);
        for (int i = 0; i < Batch; i++)
        {
            _bodies[i] = Encoding.UTF8.GetBytes(SignedBody(key, address, 10_000 * (1 + i % 40), 5_000_000));
            _hmacs[i] = Convert.ToBase64String(HMACSHA256.HashData(secret, Concat(Encoding.UTF8.GetBytes(_timestamp + "POST/order"), _bodies[i])))
                .Replace('+', '-').Replace('/', '_');
            if (!OrderBodyParser.TryParse(_bodies[i], out _parsed[i], out string error)) throw new InvalidOperationException(error);
            if (!OrderSignatureVerifier.TryVerify(_parsed[i], _creds, _market, 137, 0, out _requests[i], out error)) throw new InvalidOperationException(error);
        }
    }

    private static byte[] Concat(byte[] a, byte[] b)
    {
        var r = new byte[a.Length + b.Length];
        a.CopyTo(r, 0);
        b.CopyTo(r, a.Length);
        return r;
    }

    private string SignedBody(byte[] key, EthAddress address, long priceRaw, long sizeRaw)
    {
        long makerAmount = sizeRaw * priceRaw / 1_000_000;
        ulong salt = (ulong)Interlocked.Increment(ref _salt);
        ulong timestamp = (ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Span<byte> addr = stackalloc byte[20];
        address.CopyTo(addr);
        Span<byte> tok = stackalloc byte[32];
        _market.YesToken.WriteBigEndian(tok);
        Span<byte> zero = stackalloc byte[32];
        Span<byte> structHash = stackalloc byte[32];
        Span<byte> digest = stackalloc byte[32];
        Span<byte> sig = stackalloc byte[65];
        OrderStructHash.HashV2(salt, addr, addr, tok, (ulong)makerAmount, (ulong)sizeRaw, 0, 0, timestamp, zero, zero, structHash);
        Eip712.Digest(PolymarketDomains.Exchange(2, false, 137).Separator, structHash, digest);
        Secp256k1.SignDeterministic(key, digest, sig);
        string a = address.ToString();
        return "{\"deferExec\":false,\"postOnly\":false,\"order\":{\"salt\":" + salt.ToString(CultureInfo.InvariantCulture)
            + ",\"maker\":\"" + a + "\",\"signer\":\"" + a + "\",\"tokenId\":\"" + _market.YesToken + "\",\"makerAmount\":\""
            + makerAmount.ToString(CultureInfo.InvariantCulture) + "\",\"takerAmount\":\"" + sizeRaw.ToString(CultureInfo.InvariantCulture)
            + "\",\"side\":\"BUY\",\"signatureType\":0,\"timestamp\":\"" + timestamp.ToString(CultureInfo.InvariantCulture)
            + "\",\"expiration\":\"0\",\"metadata\":\"0x" + new string('0', 64) + "\",\"builder\":\"0x" + new string('0', 64)
            + "\",\"signature\":\"0x" + Convert.ToHexStringLower(sig) + "\"},\"owner\":\"" + _creds.ApiKey + "\",\"orderType\":\"GTC\"}";
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Batch)]
    public int FullServerPath()
    {
        int ok = 0;
        for (int i = 0; i < Batch; i++)
        {
            var l2 = _l2.Verify(_creds.Address, _hmacs[i], _timestamp, _creds.ApiKey, _creds.Passphrase, "POST", "/order", _bodies[i]);
            if (!l2.Ok || !OrderBodyParser.TryParse(_bodies[i], out var body, out _)) continue;
            if (!OrderSignatureVerifier.TryVerify(body, _creds, _market, 137, 0, out var request, out _)) continue;
            ok += SubmitAndCancel(in request);
        }
        return ok;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ParseBody()
    {
        int ok = 0;
        for (int i = 0; i < Batch; i++) if (OrderBodyParser.TryParse(_bodies[i], out _, out _)) ok++;
        return ok;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int L2Hmac()
    {
        int ok = 0;
        for (int i = 0; i < Batch; i++)
            if (_l2.Verify(_creds.Address, _hmacs[i], _timestamp, _creds.ApiKey, _creds.Passphrase, "POST", "/order", _bodies[i]).Ok) ok++;
        return ok;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int OrderHashAndRecovery()
    {
        int ok = 0;
        for (int i = 0; i < Batch; i++) if (OrderSignatureVerifier.TryVerify(_parsed[i], _creds, _market, 137, 0, out _, out _)) ok++;
        return ok;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public int EngineSubmitAndCancel()
    {
        int ok = 0;
        for (int i = 0; i < Batch; i++) ok += SubmitAndCancel(in _requests[i]);
        return ok;
    }

    // Every submit gets a fresh id: the engine refuses a repeated order id as a duplicate.
    private int SubmitAndCancel(in OrderRequest request)
    {
        Span<byte> id = stackalloc byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(id[24..], ++_nextOrderId);
        var fresh = request with { OrderId = Hash32.FromBytes(id) };
        var r = _engine.Submit(in fresh);
        if (!r.Success) return 0;
        _engine.Cancel(_creds.ApiKey, fresh.OrderId);
        return 1;
    }
}
