using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace FastMaker.Ring;

/// <summary>
/// Waits on its barrier, then hands every available event to the handler in one batch, with an
/// end-of-batch flag on the last, and publishes its progress once per batch.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
/// <typeparam name="THandler">The handler: a struct, so the per-event call is devirtualized and inlined.</typeparam>
public sealed class BatchEventProcessor<T, THandler> : IEventProcessor
    where T : struct
    where THandler : struct, IEventHandler<T>
{
    private readonly RingBuffer<T> _ringBuffer;
    private readonly SequenceBarrier _barrier;
    private readonly IWaitStrategy _waitStrategy;
    private readonly bool _signalWaiters;
    private readonly IExceptionHandler<T> _exceptionHandler;
    private readonly Sequence _sequence = new();
    private THandler _handler;
    private long _inFlight;
    private int _running;
    private volatile Exception? _fault;

    /// <summary>Creates a processor.</summary>
    /// <param name="ringBuffer">The ring to read.</param>
    /// <param name="barrier">What to wait on (from <see cref="RingBuffer{T}.NewBarrier"/>).</param>
    /// <param name="handler">The handler, copied into the processor; reach it with <see cref="Handler"/>.</param>
    /// <param name="exceptionHandler">The exception policy; log and continue when null.</param>
    public BatchEventProcessor(RingBuffer<T> ringBuffer, SequenceBarrier barrier, THandler handler, IExceptionHandler<T>? exceptionHandler = null)
    {
        ArgumentNullException.ThrowIfNull(ringBuffer);
        ArgumentNullException.ThrowIfNull(barrier);
        _ringBuffer = ringBuffer;
        _barrier = barrier;
        _waitStrategy = ringBuffer.Sequencer.WaitStrategy;
        _signalWaiters = WaitStrategySignals.Needed(_waitStrategy);
        _handler = handler;
        _exceptionHandler = exceptionHandler ?? ExceptionHandlers.LogAndContinue<T>();
    }

    /// <inheritdoc/>
    public Sequence Sequence => _sequence;

    /// <summary>The processor's handler, by reference (read its state after the processor halted).</summary>
    public ref THandler Handler => ref _handler;

    /// <inheritdoc/>
    public bool IsRunning => Volatile.Read(ref _running) != 0;

    /// <inheritdoc/>
    public Exception? Fault => _fault;

    /// <inheritdoc/>
    public void Halt() => _barrier.Alert();

    /// <inheritdoc/>
    public void Run()
    {
        // CAS: two threads calling Run must not both consume.
        if (Interlocked.CompareExchange(ref _running, 1, 0) != 0)
            ThrowHelper.ThrowInvalidOperation("This processor is already running; a processor runs on one thread at a time.");
        _fault = null;
        try
        {
            NotifyStart();
            ProcessEvents();
        }
        finally
        {
            NotifyShutdown();
            _barrier.ClearAlert();
            // Release: the handler's final state is visible to whoever sees IsRunning turn false.
            Volatile.Write(ref _running, 0);
        }
    }

    // Entered once per thread and never left while running: compile it fully optimized at once
    // rather than running the loop as tier-0 code and then as an on-stack-replacement variant.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProcessEvents()
    {
        // Hoisted: the JIT cannot keep fields in registers across the handler's stores.
        var barrier = _barrier;
        var sequence = _sequence;
        ref T slots = ref _ringBuffer.FirstSlot;
        long mask = _ringBuffer.Mask;
        bool signalWaiters = _signalWaiters;
        var batchStart = HandlerHooks<THandler>.OnBatchStart;
        long next = sequence.Value + 1;
        while (true)
        {
            long available = barrier.WaitFor(next);
            if (available < next)
            {
                // Alerted: drain whatever became available after the wait gave up, then stop.
                available = barrier.GetAvailable();
                if (available < next)
                    return;
            }

            batchStart?.Invoke(ref _handler, available - next + 1);

            try
            {
                HandleBatch(ref slots, mask, next, available);
                next = available + 1;
                // One release store per batch, not per event.
                sequence.SetValue(available);
            }
            catch (Exception exception)
            {
                next = _inFlight;
                if (!HandleEventException(exception, next))
                    return;
                next++;
            }
            if (signalWaiters)
                _waitStrategy.SignalAllWhenBlocking();
        }
    }

    // No exception handling here, so the JIT keeps the sequence in a register; the sequence in
    // flight goes to a field (a store per event, no load) for the caller's catch to read.
    private void HandleBatch(ref T slots, long mask, long next, long available)
    {
        for (long s = next; s <= available; s++)
        {
            _inFlight = s;
            _handler.OnEvent(ref Unsafe.Add(ref slots, (nint)(s & mask)), s, s == available);
        }
    }

    /// <summary>Applies the policy; returns whether to go on with the next event.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool HandleEventException(Exception exception, long failed)
    {
        var action = _exceptionHandler.HandleEventException(exception, failed, ref _ringBuffer[failed]);
        if (action == ExceptionAction.Continue)
        {
            // The failed event counts as processed so the pipeline keeps flowing.
            _sequence.SetValue(failed);
            return true;
        }

        // Downstream stages and the producer see only the events handled without error.
        _sequence.SetValue(failed - 1);
        _fault = exception;
        _waitStrategy.SignalAllWhenBlocking();
        if (action == ExceptionAction.Rethrow)
            ExceptionDispatchInfo.Throw(exception);
        return false;
    }

    private void NotifyStart()
    {
        if (HandlerHooks<THandler>.OnStart is not { } onStart)
            return;
        try
        {
            onStart(ref _handler);
        }
        catch (Exception exception)
        {
            _exceptionHandler.HandleLifecycleException(exception, nameof(ILifecycleAware.OnStart));
        }
    }

    private void NotifyShutdown()
    {
        if (HandlerHooks<THandler>.OnShutdown is not { } onShutdown)
            return;
        try
        {
            onShutdown(ref _handler);
        }
        catch (Exception exception)
        {
            _exceptionHandler.HandleLifecycleException(exception, nameof(ILifecycleAware.OnShutdown));
        }
    }
}
