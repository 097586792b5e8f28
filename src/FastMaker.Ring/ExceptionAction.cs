namespace FastMaker.Ring;

/// <summary>What a processor does after a handler threw.</summary>
public enum ExceptionAction
{
    /// <summary>Skip the failed event (it counts as processed) and go on with the next one.</summary>
    Continue,

    /// <summary>Stop the processor; its sequence stays on the last event handled without error, so downstream stages never see the failed one.</summary>
    Halt,

    /// <summary>Stop the processor like <see cref="Halt"/> and let the exception escape <c>Run</c> (the pipeline reports it from <c>Halt</c>).</summary>
    Rethrow,
}
