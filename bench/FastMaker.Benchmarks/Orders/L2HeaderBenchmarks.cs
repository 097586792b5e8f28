using System.Buffers.Text;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using FastMaker.Benchmarks.Signing;
using FastMaker.Polymarket.Auth;

namespace FastMaker.Benchmarks.Orders;

/// <summary>L2 header signature of a 300-byte body: ours (keyed midstate) against .NET's one-shot HMACSHA256.</summary>
[Config(typeof(SigningBenchmarkConfig))]
public class L2HeaderBenchmarks
{
    private const string Secret = "c2VjcmV0LWtleS1mb3ItZmFzdG1ha2VyLXRlc3RzLW9ubHk_-w";
    private readonly byte[] _body = new byte[300];
    private readonly byte[] _message = new byte[300 + 10 + 4 + 6];
    private readonly byte[] _signature = new byte[L2Signer.SignatureLength];
    private readonly byte[] _mac = new byte[32];
    private L2Signer _signer = null!;
    private byte[] _key = null!;

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_body);
        var creds = new ApiCredentials("k", Secret, "p");
        _signer = new L2Signer(creds, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        _key = creds.DecodeSecret();
    }

    [Benchmark(Baseline = true, Description = "HMACSHA256.HashData one-shot + base64url (300 B body)")]
    public int DotNetOneShot()
    {
        // The message has to be concatenated for the one-shot API.
        "1780000000"u8.CopyTo(_message);
        "POST"u8.CopyTo(_message.AsSpan(10));
        "/order"u8.CopyTo(_message.AsSpan(14));
        _body.CopyTo(_message.AsSpan(20));
        HMACSHA256.HashData(_key, _message, _mac);
        Base64.EncodeToUtf8(_mac, _signature, out _, out int written);
        return written;
    }

    [Benchmark(Description = "L2Signer.Sign (300 B body)")]
    public int Ours()
    {
        _signer.Sign(1780000000, "POST"u8, "/order"u8, _body, _signature);
        return _signature[0];
    }
}
