using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FastMaker.Benchmarks.Execution;

/// <summary>
/// Short in-process runs with medians (the shared 2-core machine is loaded by other builds). No memory diagnoser:
/// it counts every thread, and the sender's own threads allocate HTTP objects by design; the engine thread's zero
/// allocation is proven by the unit test instead.
/// </summary>
public sealed class SenderBenchmarkConfig : ManualConfig
{
    public SenderBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithIterationCount(15).WithId("ShortInProcess"));
        AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.P95);
    }
}
