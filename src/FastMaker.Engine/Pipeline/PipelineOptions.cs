namespace FastMaker.Engine.Pipeline;

/// <summary>
/// The live pipeline's topology. Default (shared machine): one ingress thread with a hybrid wait and one engine thread
/// with a blocking wait, running every engine stage in order. <see cref="DedicatedCores"/>: both threads pinned and
/// busy-spinning. Stages run inside <see cref="EngineCore.OnEvent"/> in either profile; a thread per stage is not built.
/// </summary>
public sealed class PipelineOptions
{
    /// <summary>Slots in the inbound ring (a power of 2). A full ring makes the ingress wait (back-pressure). Default 16384.</summary>
    public int RingSize { get; init; } = 16 * 1024;

    /// <summary>Capacity of the control queue (a power of 2). Default 4096.</summary>
    public int ControlQueueCapacity { get; init; } = 4096;

    /// <summary>How the engine thread waits. Default <see cref="EngineWaitKind.Blocking"/>.</summary>
    public EngineWaitKind EngineWait { get; init; } = EngineWaitKind.Blocking;

    /// <summary>The ingress loop's idle wait.</summary>
    public IngressOptions Ingress { get; init; } = new();

    /// <summary>Pin the engine thread to this CPU; null leaves it to the scheduler. Default null.</summary>
    public int? EngineCpu { get; init; }

    /// <summary>Pin the ingress thread to this CPU; null leaves it to the scheduler. Default null.</summary>
    public int? IngressCpu { get; init; }

    /// <summary>Where pipeline problems (a failed pin, a dropped control item, a fault) are reported; standard error when null.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>The dedicated-core profile: ingress and engine pinned to their own cores, both busy-spinning.</summary>
    public static PipelineOptions DedicatedCores(int ingressCpu, int engineCpu) => new()
    {
        EngineWait = EngineWaitKind.BusySpin,
        Ingress = new IngressOptions { BusySpin = true },
        IngressCpu = ingressCpu,
        EngineCpu = engineCpu,
    };
}
