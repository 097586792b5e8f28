namespace FastMaker.Ring;

/// <summary>The standard exception policies.</summary>
public static class ExceptionHandlers
{
    /// <summary>Reports the exception and continues with the next event.</summary>
    public static IExceptionHandler<T> LogAndContinue<T>(Action<string>? log = null) where T : struct
        => new PolicyExceptionHandler<T>(ExceptionAction.Continue, log);

    /// <summary>Reports the exception and halts the processor.</summary>
    public static IExceptionHandler<T> Halt<T>(Action<string>? log = null) where T : struct
        => new PolicyExceptionHandler<T>(ExceptionAction.Halt, log);

    /// <summary>Halts the processor and lets the exception escape to whoever runs it.</summary>
    public static IExceptionHandler<T> Rethrow<T>(Action<string>? log = null) where T : struct
        => new PolicyExceptionHandler<T>(ExceptionAction.Rethrow, log);
}
