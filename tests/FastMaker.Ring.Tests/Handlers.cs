namespace FastMaker.Ring.Tests;

/// <summary>Shared results a struct handler writes into (the handler itself is copied into its processor).</summary>
public sealed class Probe
{
    public long Count;
    public long Errors;
    public long LastSequence = -1;
    public long Batches;
    public long EndOfBatchFlags;
    public string? FirstError;

    public void Error(string message)
    {
        if (Interlocked.Increment(ref Errors) == 1)
            FirstError = message;
    }
}

/// <summary>Checks that sequences arrive in order, with no gap, and that each slot holds what the producer wrote.</summary>
public struct OrderCheckingHandler : IEventHandler<TestEvent>
{
    public Probe Probe;
    public long Expected;

    public OrderCheckingHandler(Probe probe) => Probe = probe;

    public void OnEvent(ref TestEvent evt, long sequence, bool endOfBatch)
    {
        if (sequence != Expected)
            Probe.Error($"expected sequence {Expected}, got {sequence}");
        if (evt.Value != sequence)
            Probe.Error($"slot for {sequence} holds {evt.Value} (overwritten or stale)");
        Expected = sequence + 1;
        if (endOfBatch)
            Probe.EndOfBatchFlags++;
        Volatile.Write(ref Probe.LastSequence, sequence);
        Volatile.Write(ref Probe.Count, Probe.Count + 1);
    }
}

/// <summary>Counts and checks batches: the batch-start size equals the events up to and including the end-of-batch flag.</summary>
public struct BatchCheckingHandler : IEventHandler<TestEvent>, IBatchStartAware, ILifecycleAware
{
    public Probe Probe;
    public long ExpectedInBatch;
    public long SeenInBatch;
    public int Starts;
    public int Shutdowns;
    public int StartThreadId;
    public int ShutdownThreadId;

    public BatchCheckingHandler(Probe probe) => Probe = probe;

    public void OnBatchStart(long batchSize)
    {
        if (SeenInBatch != ExpectedInBatch)
            Probe.Error($"previous batch announced {ExpectedInBatch} events but delivered {SeenInBatch}");
        if (batchSize <= 0)
            Probe.Error($"batch size {batchSize}");
        ExpectedInBatch = batchSize;
        SeenInBatch = 0;
        Probe.Batches++;
    }

    public void OnEvent(ref TestEvent evt, long sequence, bool endOfBatch)
    {
        SeenInBatch++;
        if (endOfBatch != (SeenInBatch == ExpectedInBatch))
            Probe.Error($"endOfBatch={endOfBatch} at event {SeenInBatch} of a batch of {ExpectedInBatch}");
        Volatile.Write(ref Probe.Count, Probe.Count + 1);
    }

    public void OnStart()
    {
        Starts++;
        StartThreadId = Environment.CurrentManagedThreadId;
    }

    public void OnShutdown()
    {
        Shutdowns++;
        ShutdownThreadId = Environment.CurrentManagedThreadId;
    }
}
