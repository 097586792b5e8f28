namespace FastMaker.Ring;

/// <summary>An exception handler that reports every exception to a log and answers with one fixed action.</summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class PolicyExceptionHandler<T> : IExceptionHandler<T> where T : struct
{
    private readonly Action<string> _log;

    /// <summary>Creates the policy.</summary>
    /// <param name="action">What the processor does after an exception.</param>
    /// <param name="log">Where reports go; standard error when null.</param>
    public PolicyExceptionHandler(ExceptionAction action, Action<string>? log = null)
    {
        if (!Enum.IsDefined(action))
            throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown exception action.");
        Action = action;
        _log = log ?? Console.Error.WriteLine;
    }

    /// <summary>The fixed action.</summary>
    public ExceptionAction Action { get; }

    /// <summary>How many event exceptions were reported.</summary>
    public long Count => Volatile.Read(ref _count);

    private long _count;

    /// <inheritdoc/>
    public ExceptionAction HandleEventException(Exception exception, long sequence, ref T evt)
    {
        Interlocked.Increment(ref _count);
        _log($"ring: handler threw on sequence {sequence} ({Action}): {exception.GetType().Name}: {exception.Message}");
        return Action;
    }

    /// <inheritdoc/>
    public void HandleLifecycleException(Exception exception, string hook)
        => _log($"ring: handler {hook} threw: {exception.GetType().Name}: {exception.Message}");
}
