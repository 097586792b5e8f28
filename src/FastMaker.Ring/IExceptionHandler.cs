namespace FastMaker.Ring;

/// <summary>The exception policy of one processor: decides what happens when its handler throws.</summary>
/// <typeparam name="T">The event type.</typeparam>
public interface IExceptionHandler<T> where T : struct
{
    /// <summary>Called on the processor's thread when the handler threw on an event.</summary>
    ExceptionAction HandleEventException(Exception exception, long sequence, ref T evt);

    /// <summary>Called when <see cref="ILifecycleAware.OnStart"/> or <see cref="ILifecycleAware.OnShutdown"/> threw; the processor goes on.</summary>
    void HandleLifecycleException(Exception exception, string hook);
}
