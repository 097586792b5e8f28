using FastMaker.Ring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FastMaker.Engine.Store;

/// <summary>
/// Carries change records from the engine thread to the <see cref="SqliteStore"/> on a thread of its own. The engine
/// appends records with <see cref="Append"/> and closes each group with <see cref="CommitGroup"/> (allocation-free);
/// the writer drains complete groups and writes them in batched transactions, each group whole or not at all.
/// </summary>
/// <remarks>
/// Single producer (the engine thread). When the queue is full the producer waits (<see cref="ProducerStalls"/>
/// counts it) rather than drop a record: losing a change would be silent corruption. Records of a group not yet
/// closed are never written; on <see cref="Dispose"/> the writer flushes every closed group and drops the open one.
/// </remarks>
public sealed class StoreWriter : IDisposable
{
    private readonly SqliteStore _store;
    private readonly StoreOptions _options;
    private readonly ILogger _logger;
    private readonly MpscQueue<StoreChange> _queue;
    private readonly ManualResetEventSlim _signal = new(false, spinCount: 0);
    private readonly Thread _thread;
    private readonly Action<long>? _committed;
    private StoreChange[] _pending = new StoreChange[1024];
    private int _pendingCount;
    private long _nextGroup;
    private long _committedGroup;
    private long _transactions;
    private long _failures;
    private long _producerStalls;
    private volatile bool _stopping;
    private volatile Exception? _fault;

    /// <summary>
    /// Starts a writer over an open store. <paramref name="committed"/> runs on the writer thread after each
    /// transaction with the last group sequence it made durable.
    /// </summary>
    public StoreWriter(SqliteStore store, StoreOptions? options = null, ILogger? logger = null, Action<long>? committed = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _options = options ?? new StoreOptions();
        if (_options.MaxGroupsPerTransaction < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.MaxGroupsPerTransaction, "MaxGroupsPerTransaction must be at least 1.");
        }

        _logger = logger ?? NullLogger.Instance;
        _committed = committed;
        _queue = new MpscQueue<StoreChange>(_options.QueueCapacity);
        _nextGroup = store.LastGroupSequence + 1;
        _committedGroup = store.LastGroupSequence;
        _thread = new Thread(Run) { IsBackground = true, Name = "fastmaker-store" };
        _thread.Start();
    }

    /// <summary>The sequence the next <see cref="CommitGroup"/> will close (producer thread).</summary>
    public long NextGroupSequence => _nextGroup;

    /// <summary>The last group sequence known to be durable.</summary>
    public long CommittedGroupSequence => Volatile.Read(ref _committedGroup);

    /// <summary>Transactions committed.</summary>
    public long Transactions => Volatile.Read(ref _transactions);

    /// <summary>Transactions that failed and were retried.</summary>
    public long Failures => Volatile.Read(ref _failures);

    /// <summary>Times the producer found the queue full and had to wait.</summary>
    public long ProducerStalls => Volatile.Read(ref _producerStalls);

    /// <summary>
    /// Why the writer stopped (a record SQLite refused for a reason retrying cannot fix), or null. Once set, nothing
    /// more is written and <see cref="Append"/> throws: the engine must stop rather than run without a store.
    /// </summary>
    public Exception? Fault => _fault;

    /// <summary>Queues one record of the current group (engine thread, allocation-free).</summary>
    public void Append(in StoreChange change)
    {
        if (change.Kind is StoreChangeKind.None or StoreChangeKind.GroupEnd)
        {
            StoreThrowHelper.ThrowNotARecord(change.Kind);
        }

        if (change.Kind == StoreChangeKind.Reservation
            && change.Reservation.Scope is not (ReservationScope.MarketCollateral or ReservationScope.TokenShares))
        {
            StoreThrowHelper.ThrowUnknownScope(change.Reservation.Scope);
        }

        if (_fault is { } fault)
        {
            StoreThrowHelper.ThrowFaulted(fault);
        }

        Enqueue(in change);
    }

    /// <summary>Closes the current group and wakes the writer; returns the group's sequence (engine thread, allocation-free).</summary>
    public long CommitGroup()
    {
        var sequence = _nextGroup++;
        var end = StoreChange.EndOfGroup(sequence);
        Enqueue(in end);
        _signal.Set();
        return sequence;
    }

    /// <summary>Blocks until group <paramref name="sequence"/> is durable or the timeout passes (cold paths and tests).</summary>
    public bool WaitForCommit(long sequence, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (CommittedGroupSequence < sequence)
        {
            if (Environment.TickCount64 > deadline)
            {
                return false;
            }

            Thread.Sleep(1);
        }

        return true;
    }

    /// <summary>Writes every closed group, stops the thread. Does not close the store.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _signal.Set();
        _thread.Join();
        _signal.Dispose();
    }

    private void Enqueue(in StoreChange change)
    {
        if (_queue.TryEnqueue(in change))
        {
            return;
        }

        Interlocked.Increment(ref _producerStalls);
        var spin = new SpinWait();
        _signal.Set();
        while (!_queue.TryEnqueue(in change))
        {
            if (_fault is { } fault)
            {
                StoreThrowHelper.ThrowFaulted(fault);
            }

            spin.SpinOnce(sleep1Threshold: 20);
        }
    }

    private void Run()
    {
        while (true)
        {
            // Reset before draining: a Set that lands after the drain is not lost.
            _signal.Reset();
            var stopping = _stopping;
            try
            {
                DrainAndWrite();
            }
            catch (Exception ex)
            {
                // Not transient (a record SQLite refuses, a bug): stop whole, never write past a group that failed.
                _fault = ex;
                _logger.LogCritical(ex, "Store writer stopped: groups after {Sequence} are not durable", CommittedGroupSequence);
                return;
            }

            if (stopping)
            {
                return;
            }

            _signal.Wait(200);
        }
    }

    private void DrainAndWrite()
    {
        while (true)
        {
            var groups = 0;
            var lastClosed = -1;
            long lastSequence = 0;
            while (groups < _options.MaxGroupsPerTransaction && _queue.TryDequeue(out var change))
            {
                if (_pendingCount == _pending.Length)
                {
                    Array.Resize(ref _pending, _pending.Length * 2);
                }

                _pending[_pendingCount++] = change;
                if (change.Kind == StoreChangeKind.GroupEnd)
                {
                    groups++;
                    lastClosed = _pendingCount;
                    lastSequence = change.GroupSequence;
                }
            }

            if (lastClosed < 0)
            {
                return;
            }

            WriteWithRetry(lastClosed, lastSequence);

            // Keep the records of the group still open for the next round.
            var rest = _pendingCount - lastClosed;
            Array.Copy(_pending, lastClosed, _pending, 0, rest);
            _pendingCount = rest;
        }
    }

    private void WriteWithRetry(int count, long lastSequence)
    {
        while (true)
        {
            try
            {
                _store.ApplyGroups(_pending.AsSpan(0, count), lastSequence);
                Volatile.Write(ref _committedGroup, lastSequence);
                Interlocked.Increment(ref _transactions);
                _committed?.Invoke(lastSequence);
                return;
            }
            catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException)
            {
                // The transaction rolled back as a whole; the same upserts are retried, which is harmless.
                Interlocked.Increment(ref _failures);
                _logger.LogError(ex, "Store write of groups up to {Sequence} failed; retrying in {DelayMs} ms", lastSequence, _options.RetryDelayMs);
                Thread.Sleep(_options.RetryDelayMs);
            }
        }
    }
}
