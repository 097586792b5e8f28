namespace FastMaker.Ring;

/// <summary>Optional handler hooks, called on the processor's thread when it starts and when it shuts down.</summary>
public interface ILifecycleAware
{
    /// <summary>Called once on the processor's thread before the first event.</summary>
    void OnStart();

    /// <summary>Called once on the processor's thread after the last event, when it halts.</summary>
    void OnShutdown();
}
