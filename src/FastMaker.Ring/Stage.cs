namespace FastMaker.Ring;

/// <summary>One wired stage: its processor, its thread and what the thread reported.</summary>
internal sealed class Stage
{
    public Stage(string name, IEventProcessor processor, int? cpu)
    {
        Name = name;
        Processor = processor;
        Cpu = cpu;
    }

    public string Name { get; }
    public IEventProcessor Processor { get; }
    public int? Cpu { get; }
    public Thread? Thread { get; set; }

    /// <summary>Whether a later stage waits on this one (then the producer need not gate on it).</summary>
    public bool HasDownstream { get; set; }

    /// <summary>An exception that escaped the processor's Run (rethrow policy).</summary>
    public Exception? Escaped { get; set; }
}
