namespace FastMaker.Engine.Pipeline;

/// <summary>Tells the ingress to give up waiting on a full ring because the engine will not consume it any more.</summary>
public sealed class IngressStopSignal
{
    private volatile bool _aborted;

    /// <summary>True once the engine has stopped for good.</summary>
    public bool IsAborted => _aborted;

    /// <summary>Aborts every wait on the ring.</summary>
    public void Abort() => _aborted = true;
}
