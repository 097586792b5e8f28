using System.Globalization;
using System.Numerics;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FastMaker.Primitives;

namespace FastMaker.Benchmarks.Primitives;

/// <summary>Parsing and formatting a 77-digit token id as <see cref="UInt256"/> against <see cref="BigInteger"/>; a Hash32 against Convert.</summary>
[MemoryDiagnoser]
[Config(typeof(PrimitivesBenchmarkConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class TokenIdBenchmarks
{
    // A real 77-digit token id from PROTOCOL.md.
    private const string TokenId = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    private const string OrderHash = "0x5f65177b394277fd294cd75650044e32ba009a95022d88a0c1d565897d72f8f1";

    private readonly byte[] _tokenUtf8 = Encoding.UTF8.GetBytes(TokenId);
    private readonly byte[] _hashUtf8 = Encoding.UTF8.GetBytes(OrderHash);
    private readonly byte[] _bytes = new byte[128];
    private readonly char[] _chars = new char[128];
    private readonly UInt256 _token = UInt256.Parse(TokenId);
    private readonly BigInteger _big = BigInteger.Parse(TokenId, CultureInfo.InvariantCulture);
    private readonly Hash32 _hash = Hash32.Parse(OrderHash);
    private readonly byte[] _hashBytes = new byte[32];

    // Runs every benchmark of the class enough times for tier-1 code, then gives the starved background JIT time to
    // install it: under load the first benchmark of a class was otherwise measured partly at tier 0.
    [GlobalSetup]
    public void WarmUpEveryMethod()
    {
        for (int i = 0; i < 20_000; i++)
        {
            UInt256_TryParse_Utf8();
            BigInteger_Parse();
            UInt256_TryFormat_Utf8();
            BigInteger_TryFormat_Chars();
            Hash32_TryParse_Utf8();
            Convert_FromHexString_Chars();
            Hash32_TryFormat_Utf8();
            Convert_TryToHexStringLower_Utf8();
        }

        Thread.Sleep(500);
    }

    [Benchmark]
    [BenchmarkCategory("ParseTokenId")]
    public ulong UInt256_TryParse_Utf8()
    {
        UInt256.TryParse(_tokenUtf8, out UInt256 v);
        return v.U0;
    }

    // BigInteger has no UTF-8 parser; it gets the text as chars, a head start over the byte-based parsers.
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("ParseTokenId")]
    public BigInteger BigInteger_Parse() => BigInteger.Parse(TokenId.AsSpan(), NumberStyles.None, CultureInfo.InvariantCulture);

    [Benchmark]
    [BenchmarkCategory("FormatTokenId")]
    public int UInt256_TryFormat_Utf8()
    {
        _token.TryFormat(_bytes, out int n);
        return n;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("FormatTokenId")]
    public int BigInteger_TryFormat_Chars()
    {
        _big.TryFormat(_chars, out int n, default, CultureInfo.InvariantCulture);
        return n;
    }

    [Benchmark]
    [BenchmarkCategory("ParseHash")]
    public bool Hash32_TryParse_Utf8() => Hash32.TryParse(_hashUtf8, out _);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("ParseHash")]
    public int Convert_FromHexString_Chars()
    {
        Convert.FromHexString(OrderHash.AsSpan(2), _bytes, out _, out int written);
        return written;
    }

    [Benchmark]
    [BenchmarkCategory("FormatHash")]
    public int Hash32_TryFormat_Utf8()
    {
        _hash.TryFormat(_bytes, out int n);
        return n;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("FormatHash")]
    public int Convert_TryToHexStringLower_Utf8()
    {
        _bytes[0] = (byte)'0';
        _bytes[1] = (byte)'x';
        _hash.CopyTo(_hashBytes);
        Convert.TryToHexStringLower(_hashBytes, _bytes.AsSpan(2), out int n);
        return n + 2;
    }
}
