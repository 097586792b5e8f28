using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace FastMaker.Benchmarks.Ring;

/// <summary>
/// A short run, in process: on this shared 2-vCPU box building BenchmarkDotNet's generated
/// project exceeds its 120 s build timeout, and the ring suite needs no process isolation.
/// </summary>
public sealed class RingBenchmarkConfig : ManualConfig
{
    public RingBenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
