using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FastMaker.Benchmarks.Parsing;

/// <summary>
/// For a machine shared with many busy processes: many short iterations (64 calls each, well under
/// a scheduler time slice) instead of a few long ones, so some iterations run uninterrupted. The
/// Min column then estimates the cost on a quiet core; Median and Mean show what the load did.
/// In process, because the out-of-process toolchain's build is what fails first under load.
/// </summary>
public sealed class QuietSliceConfig : ManualConfig
{
    /// <summary>The job described above, with Min and Median columns.</summary>
    public QuietSliceConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Throughput)
            .WithInvocationCount(64)
            .WithUnrollFactor(1)
            .WithWarmupCount(30)
            .WithIterationCount(400)
            .WithId("QuietSlice"));
        AddColumn(StatisticColumn.Min, StatisticColumn.Median, StatisticColumn.P90);
    }
}
