using System.Buffers;
using System.Collections.Concurrent;
using FastMaker.Engine.Pipeline;

namespace FastMaker.Engine.Tests.Pipeline;

/// <summary>An in-memory frame source: any thread pushes frames, the ingress drains them like a connection's Pipe.</summary>
internal sealed class QueueFrameSource : IFrameSource
{
    private readonly ConcurrentQueue<(byte[] Frame, long Timestamp)> _incoming = new();
    private readonly List<(byte[] Frame, long Timestamp)> _batch = new();
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private TaskCompletionSource? _waiter;
    private int _next;
    private volatile bool _finished;

    public QueueFrameSource(InboundChannel channel, short connectionId, TimeProvider? time = null)
    {
        Channel = channel;
        ConnectionId = connectionId;
        _time = time ?? TimeProvider.System;
    }

    public InboundChannel Channel { get; }

    public short ConnectionId { get; }

    public Exception? ThrowOnNextFrame { get; set; }

    public bool IsCompleted => _finished && _incoming.IsEmpty && _next >= _batch.Count;

    public void Push(byte[] frame)
    {
        _incoming.Enqueue((frame, _time.GetTimestamp()));
        Signal();
    }

    public void Finish()
    {
        _finished = true;
        Signal();
    }

    public bool TryRead()
    {
        _batch.Clear();
        _next = 0;
        while (_incoming.TryDequeue(out var item))
        {
            _batch.Add(item);
        }

        return _batch.Count > 0;
    }

    public async ValueTask<bool> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryRead())
            {
                return true;
            }

            if (_finished)
            {
                return false;
            }

            Task wait;
            lock (_lock)
            {
                if (!_incoming.IsEmpty || _finished)
                {
                    continue;
                }

                _waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                wait = _waiter.Task;
            }

            await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public bool TryGetFrame(out ReadOnlySequence<byte> payload, out long receivedTimestamp)
    {
        if (ThrowOnNextFrame is { } exception && _next < _batch.Count)
        {
            throw exception;
        }

        if (_next >= _batch.Count)
        {
            payload = default;
            receivedTimestamp = 0;
            return false;
        }

        var (frame, timestamp) = _batch[_next++];
        payload = new ReadOnlySequence<byte>(frame);
        receivedTimestamp = timestamp;
        return true;
    }

    private void Signal()
    {
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            waiter = _waiter;
            _waiter = null;
        }

        waiter?.TrySetResult();
    }
}

/// <summary>A frame source that replays a fixed array of frames without allocating (for allocation tests).</summary>
internal sealed class ArrayFrameSource(InboundChannel channel, byte[][] frames) : IFrameSource
{
    private int _next;
    private int _end;
    private int _available;

    public InboundChannel Channel { get; } = channel;

    public short ConnectionId => 0;

    public bool IsCompleted => false;

    /// <summary>Makes the next <paramref name="count"/> frames (cycling through the array) readable.</summary>
    public void Release(int count) => _available += count;

    public bool TryRead()
    {
        if (_available == 0)
        {
            return false;
        }

        _end = _next + _available;
        _available = 0;
        return true;
    }

    public ValueTask<bool> ReadAsync(CancellationToken cancellationToken) => new(TryRead());

    public bool TryGetFrame(out ReadOnlySequence<byte> payload, out long receivedTimestamp)
    {
        if (_next >= _end)
        {
            payload = default;
            receivedTimestamp = 0;
            return false;
        }

        payload = new ReadOnlySequence<byte>(frames[_next++ % frames.Length]);
        receivedTimestamp = 0;
        return true;
    }
}

/// <summary>Records what the ingress publishes, in order.</summary>
internal struct RecordingTarget : IInboundTarget
{
    private readonly List<InboundEvent> _events;
    private readonly InboundEvent[] _slot;

    public RecordingTarget(List<InboundEvent> events)
    {
        _events = events;
        _slot = new InboundEvent[1];
    }

    public ref InboundEvent Claim() => ref _slot[0];

    public void Commit()
    {
        lock (_events)
        {
            _events.Add(_slot[0]);
        }
    }
}
