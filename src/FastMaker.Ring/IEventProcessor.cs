namespace FastMaker.Ring;

/// <summary>A consumer of the ring that runs on its own thread and publishes its progress as a <see cref="Sequence"/>.</summary>
public interface IEventProcessor
{
    /// <summary>The last sequence this processor finished; downstream stages and the producer wait on it.</summary>
    Sequence Sequence { get; }

    /// <summary>Processes events on the calling thread until halted. Throws if already running.</summary>
    void Run();

    /// <summary>Asks the processor to stop once it has handled everything available to it (drains), then return from <see cref="Run"/>.</summary>
    void Halt();

    /// <summary>Whether <see cref="Run"/> is executing.</summary>
    bool IsRunning { get; }

    /// <summary>The exception that stopped the processor under the halt or rethrow policy, if any.</summary>
    Exception? Fault { get; }
}
