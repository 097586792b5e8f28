using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FastMaker.Benchmarks.Signing;

/// <summary>
/// Many short in-process iterations (4 warm-up, 21 measured, about 20 ms each) with the median and the minimum: on the
/// shared 2-core machine, loaded by other builds, a handful of long iterations is mostly preemption noise, while the median
/// of many short ones is stable and the minimum approaches the unloaded cost (preemption only ever adds time).
/// </summary>
public sealed class SigningBenchmarkConfig : ManualConfig
{
    /// <summary>Measured iterations per benchmark.</summary>
    public const int MeasuredIterations = 21;

    public SigningBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithWarmupCount(4)
            .WithIterationCount(MeasuredIterations)
            .WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(20))
            .WithLaunchCount(1)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("ManyShortInProcess"));
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
