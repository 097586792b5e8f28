using System.Buffers.Text;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using FastMaker.Primitives;

namespace FastMaker.Benchmarks.Primitives;

/// <summary>Parsing and formatting "0.5234" as a <see cref="Price"/> against the BCL decimal parsers on the same UTF-8 bytes.</summary>
[MemoryDiagnoser]
[Config(typeof(PrimitivesBenchmarkConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PriceBenchmarks
{
    private readonly byte[] _text = "0.5234"u8.ToArray();
    private readonly byte[] _buffer = new byte[64];
    private readonly Price _price = Price.FromRaw(523_400);
    private readonly decimal _decimal = 0.5234m;

    // Runs every benchmark of the class enough times for tier-1 code, then gives the starved background JIT time to
    // install it: under load the first benchmark of a class was otherwise measured partly at tier 0.
    [GlobalSetup]
    public void WarmUpEveryMethod()
    {
        for (int i = 0; i < 20_000; i++)
        {
            Price_TryParse();
            Decimal_Parse_Utf8();
            Utf8Parser_TryParse_Decimal();
            Price_TryFormat();
            Decimal_TryFormat_Utf8();
            Utf8Formatter_TryFormat_Decimal();
        }

        Thread.Sleep(500);
    }

    [Benchmark]
    [BenchmarkCategory("Parse")]
    public int Price_TryParse()
    {
        Price.TryParse(_text, out Price p, out _);
        return p.Raw;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Parse")]
    public decimal Decimal_Parse_Utf8() => decimal.Parse(_text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    [Benchmark]
    [BenchmarkCategory("Parse")]
    public decimal Utf8Parser_TryParse_Decimal()
    {
        Utf8Parser.TryParse(_text, out decimal d, out _);
        return d;
    }

    [Benchmark]
    [BenchmarkCategory("Format")]
    public int Price_TryFormat()
    {
        _price.TryFormat(_buffer, out int n);
        return n;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Format")]
    public int Decimal_TryFormat_Utf8()
    {
        _decimal.TryFormat(_buffer, out int n, default, CultureInfo.InvariantCulture);
        return n;
    }

    [Benchmark]
    [BenchmarkCategory("Format")]
    public int Utf8Formatter_TryFormat_Decimal()
    {
        Utf8Formatter.TryFormat(_decimal, _buffer, out int n);
        return n;
    }
}
