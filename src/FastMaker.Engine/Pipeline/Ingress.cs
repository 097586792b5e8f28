using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FastMaker.Engine.Journal;
using FastMaker.Polymarket.Parsing;
using FastMaker.Ring;

namespace FastMaker.Engine.Pipeline;

/// <summary>
/// The ingress loop, the inbound ring's single writer: drains every connection's frames and the control queue, stamps
/// each frame with its receive time (unix ms) and a frame ordinal, copies it to the journal, parses it straight out of
/// the Pipe's buffers into events on the target. Control items are journaled too, so a capture replays in the same
/// total order. Runs on one thread (<see cref="Run"/>); every other member is thread-safe.
/// </summary>
/// <remarks>
/// Idle wait: a few polling rounds, then every source gets a pending read whose completion sets an event, and the
/// thread blocks on it; enqueuing a control item sets the same event. <see cref="IngressOptions.BusySpin"/> polls instead.
/// </remarks>
public sealed class Ingress<TTarget> : IControlSink
    where TTarget : struct, IInboundTarget
{
    private readonly IngressOptions _options;
    private readonly MpscQueue<ControlItem> _control;
    private readonly TimeProvider _time;
    private readonly FrameJournal? _journal;
    private readonly MarketChannelParser _marketParser = new();
    private readonly UserChannelParser _userParser = new();
    private readonly ConcurrentQueue<IFrameSource> _added = new();
    private readonly List<SourceState> _sources = new();
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 1);
    private readonly Action _wakeAction;
    private readonly CancellationTokenSource _stopReads = new();
    private readonly long _anchorTimestamp;
    private readonly long _anchorUnixMs;
    private FrameTranslator<TTarget> _translator;
    private long _frameSequence;
    private volatile bool _stopRequested;
    private long _frames;
    private long _controlItems;

    /// <summary>Creates the ingress.</summary>
    /// <param name="target">Where events go (the ring live; anything in tests).</param>
    /// <param name="control">The control queue it drains; producers call <see cref="EnqueueControl"/>.</param>
    /// <param name="options">Idle wait settings.</param>
    /// <param name="time">The clock that stamped the frames (their timestamps are this provider's).</param>
    /// <param name="journal">Receives a copy of every frame and control item, or null.</param>
    public Ingress(TTarget target, MpscQueue<ControlItem> control, IngressOptions? options = null, TimeProvider? time = null, FrameJournal? journal = null)
    {
        ArgumentNullException.ThrowIfNull(control);
        _control = control;
        _options = options ?? new IngressOptions();
        _time = time ?? TimeProvider.System;
        _journal = journal;
        _translator = new FrameTranslator<TTarget>(target);
        _wakeAction = Wake;
        // One anchor maps transport timestamps to unix ms without reading the wall clock per frame.
        _anchorTimestamp = _time.GetTimestamp();
        _anchorUnixMs = _time.GetUtcNow().ToUnixTimeMilliseconds();
    }

    /// <summary>Frames parsed so far.</summary>
    public long Frames => Volatile.Read(ref _frames);

    /// <summary>Control items published so far.</summary>
    public long ControlItems => Volatile.Read(ref _controlItems);

    /// <summary>The translator's statistics (errors and unknown events), read after <see cref="Run"/> returned.</summary>
    public FrameTranslator<TTarget> Translator => _translator;

    /// <summary>Adds a connection's frames (e.g. from <c>MarketDataFeed.ConnectionAdded</c>); safe from any thread.</summary>
    public void AddSource(IFrameSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _added.Enqueue(source);
        Wake();
    }

    /// <summary>Queues a control item; false when the queue is full (the item is dropped and the caller must say so).</summary>
    public bool EnqueueControl(in ControlItem item)
    {
        if (!_control.TryEnqueue(item))
        {
            return false;
        }

        Wake();
        return true;
    }

    /// <summary>Asks <see cref="Run"/> to drain what has arrived and return.</summary>
    public void RequestStop()
    {
        _stopRequested = true;
        Wake();
    }

    /// <summary>The loop; returns after <see cref="RequestStop"/> once every source and the control queue are drained.</summary>
    public void Run()
    {
        var idle = 0;
        try
        {
            while (true)
            {
                // Reset before looking: a signal raised after this point wakes the wait below.
                _wake.Reset();
                var stopping = _stopRequested;
                if (DrainOnce())
                {
                    idle = 0;
                    continue;
                }

                if (stopping)
                {
                    // A read armed before the stop may hold data it has not handed over yet: finish it, then drain again.
                    if (FinishPendingReads())
                    {
                        continue;
                    }

                    return;
                }

                if (_options.BusySpin)
                {
                    continue;
                }

                if (idle < _options.IdleSpinsBeforeBlock)
                {
                    idle++;
                    Thread.SpinWait(20);
                    continue;
                }

                if (ArmReads())
                {
                    continue;
                }

                _wake.Wait();
            }
        }
        finally
        {
            _stopReads.Cancel();
            ObservePendingReads();
            _journal?.FlushHint();
        }
    }

    /// <summary>One pass, for tests that drive the ingress on their own thread.</summary>
    internal bool DrainOnceForTest() => DrainOnce();

    /// <summary>One pass over the control queue and every source; true when anything was published.</summary>
    private bool DrainOnce()
    {
        var worked = false;
        while (_added.TryDequeue(out var added))
        {
            _sources.Add(new SourceState(added));
        }

        while (_control.TryDequeue(out var item))
        {
            // Journaled in publish order, so a replay of the capture feeds the engine the same total order.
            _journal?.AppendControl(item);
            _translator.Publish(item, _frameSequence++);
            Volatile.Write(ref _controlItems, _controlItems + 1);
            worked = true;
        }

        for (var i = 0; i < _sources.Count; i++)
        {
            worked |= DrainSource(_sources[i]);
        }

        return worked;
    }

    private bool DrainSource(SourceState state)
    {
        var source = state.Source;
        if (state.Armed)
        {
            if (!state.Pending.IsCompleted)
            {
                return false;
            }

            state.Armed = false;
            bool hasData;
            try
            {
                hasData = state.Pending.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                hasData = false;
            }

            // A read cancelled by a stop says nothing about frames already queued: look without waiting.
            if (!hasData && !source.TryRead())
            {
                return false;
            }
        }
        else if (!source.TryRead())
        {
            return false;
        }

        var any = false;
        while (source.TryGetFrame(out var payload, out var timestamp))
        {
            OnFrame(source.Channel, source.ConnectionId, payload, timestamp);
            any = true;
        }

        return any;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void OnFrame(InboundChannel channel, short connectionId, in ReadOnlySequence<byte> payload, long timestamp)
    {
        var receiveMs = _anchorUnixMs + _time.GetElapsedTime(_anchorTimestamp, timestamp).Ticks / TimeSpan.TicksPerMillisecond;
        _journal?.Append(receiveMs, channel, connectionId, payload);
        _translator.BeginFrame(channel, connectionId, receiveMs, _frameSequence++);
        if (channel == InboundChannel.User)
        {
            _userParser.Parse(payload, ref _translator);
        }
        else
        {
            _marketParser.Parse(payload, ref _translator);
        }

        // Single writer: a release store is enough for readers on other threads.
        Volatile.Write(ref _frames, _frames + 1);
    }

    /// <summary>Starts a pending read on every idle source; true when one completed at once (data is ready).</summary>
    private bool ArmReads()
    {
        var ready = false;
        for (var i = 0; i < _sources.Count; i++)
        {
            var state = _sources[i];
            if (state.Armed || state.Source.IsCompleted)
            {
                ready |= state.Armed && state.Pending.IsCompleted;
                continue;
            }

            state.Pending = state.Source.ReadAsync(_stopReads.Token);
            state.Armed = true;
            if (state.Pending.IsCompleted)
            {
                ready = true;
            }
            else
            {
                state.Pending.GetAwaiter().UnsafeOnCompleted(_wakeAction);
            }
        }

        return ready;
    }

    /// <summary>Cancels every armed read, waits for each to complete, and drains what they received; true when anything was published.</summary>
    private bool FinishPendingReads()
    {
        _stopReads.Cancel();
        var worked = false;
        for (var i = 0; i < _sources.Count; i++)
        {
            var state = _sources[i];
            if (!state.Armed)
            {
                continue;
            }

            var spinner = new SpinWait();
            while (!state.Pending.IsCompleted)
            {
                spinner.SpinOnce(sleep1Threshold: 10);
            }

            worked |= DrainSource(state);
        }

        return worked;
    }

    private void ObservePendingReads()
    {
        foreach (var state in _sources)
        {
            if (!state.Armed)
            {
                continue;
            }

            state.Armed = false;
            try
            {
                // Every ValueTask is consumed exactly once; a cancelled read is the expected end.
                state.Pending.AsTask().Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }
        }
    }

    private void Wake() => _wake.Set();

    private sealed class SourceState(IFrameSource source)
    {
        public IFrameSource Source { get; } = source;

        public ValueTask<bool> Pending;

        public bool Armed;
    }
}
