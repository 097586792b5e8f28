using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FastMaker.Benchmarks.Primitives;

/// <summary>
/// Short in-process runs: the shared 2-core machine cannot afford a separate benchmark build per run, and these are
/// single-threaded pure functions that in-process execution measures faithfully. Many short iterations with Median
/// and Min columns: on a machine loaded by other builds, Min is the least-disturbed estimate and Median the honest one.
/// Twelve warm-up iterations give the tiered JIT (whose background thread starves under load) time to reach tier 1;
/// with fewer, the first benchmark of a class is measured partly at tier 0.
/// </summary>
public sealed class PrimitivesBenchmarkConfig : ManualConfig
{
    public PrimitivesBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(12)
            .WithIterationCount(15)
            .WithIterationTime(TimeInterval.FromMilliseconds(25))
            .WithId("Short15InProcess"));
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
    }
}
