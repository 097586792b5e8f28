using System.Reflection;

namespace FastMaker.Ring;

/// <summary>
/// Calls the optional hooks of a struct handler by reference, without boxing (boxing would call
/// the hook on a copy). Resolved once per handler type; null when the handler lacks the hook, so
/// the JIT drops the call entirely.
/// </summary>
internal static class HandlerHooks<THandler> where THandler : struct
{
    public delegate void BatchStartHook(ref THandler handler, long batchSize);
    public delegate void LifecycleHook(ref THandler handler);

    public static readonly BatchStartHook? OnBatchStart =
        typeof(IBatchStartAware).IsAssignableFrom(typeof(THandler)) ? Create<BatchStartHook>(nameof(HookInvoker.BatchStart)) : null;

    public static readonly LifecycleHook? OnStart =
        typeof(ILifecycleAware).IsAssignableFrom(typeof(THandler)) ? Create<LifecycleHook>(nameof(HookInvoker.Start)) : null;

    public static readonly LifecycleHook? OnShutdown =
        typeof(ILifecycleAware).IsAssignableFrom(typeof(THandler)) ? Create<LifecycleHook>(nameof(HookInvoker.Shutdown)) : null;

    private static TDelegate Create<TDelegate>(string name) where TDelegate : Delegate
        => typeof(HookInvoker).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!
            .MakeGenericMethod(typeof(THandler))
            .CreateDelegate<TDelegate>();
}

/// <summary>Constrained (non-boxing) calls to the optional hooks.</summary>
internal static class HookInvoker
{
    public static void BatchStart<TH>(ref TH handler, long batchSize) where TH : struct, IBatchStartAware
        => handler.OnBatchStart(batchSize);

    public static void Start<TH>(ref TH handler) where TH : struct, ILifecycleAware
        => handler.OnStart();

    public static void Shutdown<TH>(ref TH handler) where TH : struct, ILifecycleAware
        => handler.OnShutdown();
}
