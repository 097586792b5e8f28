using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FastMaker.Benchmarks.Primitives;

/// <summary>
/// Short runs in-process: the shared 2-core machine cannot afford a separate benchmark build per run, and these
/// benchmarks are single-threaded pure functions that in-process execution measures faithfully.
/// </summary>
public sealed class PrimitivesBenchmarkConfig : ManualConfig
{
    public PrimitivesBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortInProcess"));
    }
}
