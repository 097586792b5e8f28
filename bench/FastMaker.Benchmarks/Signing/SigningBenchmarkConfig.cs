using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FastMaker.Benchmarks.Signing;

/// <summary>Short in-process runs (3 warm-up, 3 measured iterations) with medians: the shared 2-core machine is
/// loaded by other builds, so keep the jobs short and report the median.</summary>
public sealed class SigningBenchmarkConfig : ManualConfig
{
    public SigningBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortInProcess"));
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
