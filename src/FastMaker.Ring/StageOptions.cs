namespace FastMaker.Ring;

/// <summary>Options for one stage of a <see cref="Disruptor{T}"/> pipeline.</summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class StageOptions<T> where T : struct
{
    /// <summary>The stage's name, used for its thread and in errors. Defaults to the handler's type name.</summary>
    public string? Name { get; init; }

    /// <summary>The stage's exception policy. Defaults to log and continue.</summary>
    public IExceptionHandler<T>? ExceptionHandler { get; init; }

    /// <summary>The CPU to pin the stage's thread to (Linux only; a warning elsewhere). Null means unpinned.</summary>
    public int? Cpu { get; init; }
}
