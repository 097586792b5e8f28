namespace FastMaker.Engine.Pipeline;

/// <summary>How the ingress thread waits when it has nothing to do.</summary>
public sealed class IngressOptions
{
    /// <summary>
    /// Idle rounds spent polling (with <see cref="SpinWait"/>, no sleep) before the ingress blocks until a source or the
    /// control queue signals it. The hybrid wait: a burst is picked up without a wake-up, an idle feed costs no CPU. Default 64.
    /// </summary>
    public int IdleSpinsBeforeBlock { get; init; } = 64;

    /// <summary>Never block: poll forever (dedicated-core profile only; burns a core). Default false.</summary>
    public bool BusySpin { get; init; }
}
