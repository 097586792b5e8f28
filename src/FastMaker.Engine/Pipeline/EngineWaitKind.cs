namespace FastMaker.Engine.Pipeline;

/// <summary>How the engine thread waits for the next inbound event.</summary>
public enum EngineWaitKind
{
    /// <summary>Block on a monitor: no CPU while idle, microseconds to wake. The default on shared machines.</summary>
    Blocking,

    /// <summary>Spin briefly then yield the core: lower latency, some CPU while idle.</summary>
    Yielding,

    /// <summary>Spin, yield, then sleep 1 ms: cheapest idle, slowest to wake.</summary>
    Sleeping,

    /// <summary>Spin forever: dedicated-core profile only; burns its core.</summary>
    BusySpin,
}
