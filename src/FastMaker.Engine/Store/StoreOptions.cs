namespace FastMaker.Engine.Store;

/// <summary>Settings of the durable store and its writer thread.</summary>
public sealed class StoreOptions
{
    /// <summary>
    /// <c>PRAGMA synchronous</c>. Default FULL: in WAL mode NORMAL already survives a process crash (SIGKILL) intact,
    /// but a power loss or OS crash may lose the last committed transactions; FULL fsyncs the WAL on every commit so
    /// an acknowledged batch survives that too. Batching makes it one fsync per batch, not per record.
    /// </summary>
    public StoreSynchronous Synchronous { get; init; } = StoreSynchronous.Full;

    /// <summary>Entries the queue between the engine and the writer holds (a power of 2). When full, the engine waits.</summary>
    public int QueueCapacity { get; init; } = 1 << 16;

    /// <summary>Most groups written in one transaction.</summary>
    public int MaxGroupsPerTransaction { get; init; } = 256;

    /// <summary>How long the writer sleeps between retries after a failed transaction (disk full, I/O error), in ms.</summary>
    public int RetryDelayMs { get; init; } = 100;

    /// <summary>SQLite's busy timeout, in ms, if another connection holds the database.</summary>
    public int BusyTimeoutMs { get; init; } = 5000;
}

/// <summary>Values of <c>PRAGMA synchronous</c> that keep the database consistent in WAL mode.</summary>
public enum StoreSynchronous : byte
{
    /// <summary>Consistent after any crash; the last commits may be lost on power failure.</summary>
    Normal = 1,

    /// <summary>Consistent and durable: every commit is on disk when it returns.</summary>
    Full = 2,
}
