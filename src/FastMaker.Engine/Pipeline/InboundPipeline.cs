using FastMaker.Engine.Journal;
using FastMaker.Polymarket.WebSockets;
using FastMaker.Ring;

namespace FastMaker.Engine.Pipeline;

/// <summary>
/// The live pipeline: WebSocket connections and the control queue -> ingress thread (the single writer) -> inbound
/// ring -> engine thread (<see cref="EngineCore.OnEvent"/> through a <see cref="BatchEventProcessor{T, THandler}"/>).
/// <see cref="Start"/>, then <see cref="StopAsync"/> drains everything received before returning. A failure on either
/// thread stops both and faults <see cref="Completion"/>; nothing is swallowed.
/// </summary>
public sealed class InboundPipeline : IControlSink, IAsyncDisposable
{
    private readonly PipelineOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<string> _log;
    private readonly RingBuffer<InboundEvent> _ring;
    private readonly BatchEventProcessor<InboundEvent, EngineEventHandler> _processor;
    private readonly IngressStopSignal _abort = new();
    private readonly EngineRouteSlot _route = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _faultLock = new();
    private Thread? _engineThread;
    private Thread? _ingressThread;
    private Exception? _fault;
    private long _droppedControlItems;
    private int _started;
    private int _stopped;

    /// <summary>Builds the pipeline around <paramref name="engine"/>; nothing runs until <see cref="Start"/>.</summary>
    /// <param name="engine">The engine; from <see cref="Start"/> on, only the engine thread may touch it.</param>
    /// <param name="options">Topology and sizes.</param>
    /// <param name="time">The clock of the transport's timestamps and of control items.</param>
    /// <param name="journal">Receives every raw frame, or null.</param>
    public InboundPipeline(EngineCore engine, PipelineOptions? options = null, TimeProvider? time = null, FrameJournal? journal = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _options = options ?? new PipelineOptions();
        _time = time ?? TimeProvider.System;
        _log = _options.Log ?? Console.Error.WriteLine;
        Engine = engine;
        _ring = new RingBuffer<InboundEvent>(_options.RingSize, CreateWait(_options.EngineWait));
        _processor = new BatchEventProcessor<InboundEvent, EngineEventHandler>(
            _ring, _ring.NewBarrier(), new EngineEventHandler(engine, _route), ExceptionHandlers.Halt<InboundEvent>(_log));
        _ring.AddGatingSequences(_processor.Sequence);
        Ingress = new Ingress<RingInboundTarget>(
            new RingInboundTarget(_ring, _abort), new MpscQueue<ControlItem>(_options.ControlQueueCapacity), _options.Ingress, _time, journal);
    }

    /// <summary>The engine this pipeline feeds.</summary>
    public EngineCore Engine { get; }

    /// <summary>
    /// Where the engine thread hands each event: null (default) straight to <see cref="EngineCore.OnEvent"/>; paper mode
    /// sets its simulated venue. Set before <see cref="Start"/>.
    /// </summary>
    public IEngineEventRoute? Route
    {
        get => _route.Route;
        set
        {
            if (Volatile.Read(ref _started) != 0)
            {
                throw new InvalidOperationException("the route is set before the pipeline starts");
            }

            _route.Route = value;
        }
    }

    /// <summary>The ingress loop (its counters, <see cref="Ingress{TTarget}.AddSource"/>).</summary>
    public Ingress<RingInboundTarget> Ingress { get; }

    /// <summary>Completes when both threads have stopped; faults with the first error either of them hit.</summary>
    public Task Completion => _completion.Task;

    /// <summary>The first error, or null.</summary>
    public Exception? Fault
    {
        get
        {
            lock (_faultLock)
            {
                return _fault;
            }
        }
    }

    /// <summary>Events the engine has handled (read from any thread; the engine's own state is not).</summary>
    public long EventsHandled => _processor.Sequence.Value + 1;

    /// <summary>Events published into the ring.</summary>
    public long EventsPublished => _ring.Cursor + 1;

    /// <summary>Control items dropped because the control queue was full.</summary>
    public long DroppedControlItems => Interlocked.Read(ref _droppedControlItems);

    /// <summary>Feeds every connection of <paramref name="feed"/>, present and future, with its status changes. Call before subscribing.</summary>
    public void Attach(MarketDataFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        feed.ConnectionAdded += connection => Ingress.AddSource(new WsFrameSource(connection));
        feed.StatusChanged += status => OnStatus(InboundChannel.Market, status);
        foreach (var connection in feed.Connections)
        {
            Ingress.AddSource(new WsFrameSource(connection));
        }
    }

    /// <summary>Feeds one connection (the user channel, or a market connection outside a feed) with its status changes.</summary>
    public void Attach(WsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var source = new WsFrameSource(connection);
        connection.StatusChanged += status => OnStatus(source.Channel, status);
        Ingress.AddSource(source);
    }

    /// <inheritdoc />
    public bool EnqueueControl(in ControlItem item)
    {
        if (Ingress.EnqueueControl(item))
        {
            return true;
        }

        Interlocked.Increment(ref _droppedControlItems);
        _log("pipeline: control queue full, dropped a " + item.Kind + " item");
        return false;
    }

    /// <summary>Starts the engine thread, then the ingress thread.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("the pipeline was already started; a pipeline runs once");
        }

        _engineThread = new Thread(RunEngine) { IsBackground = true, Name = "fastmaker-engine" };
        _ingressThread = new Thread(RunIngress) { IsBackground = true, Name = "fastmaker-ingress" };
        _engineThread.Start();
        _ingressThread.Start();
    }

    /// <summary>
    /// Stops gracefully: the ingress drains its sources and the control queue, the engine handles every published event,
    /// then both threads end. Throws the pipeline's fault, if any.
    /// </summary>
    public async Task StopAsync()
    {
        if (Volatile.Read(ref _started) == 0)
        {
            throw new InvalidOperationException("the pipeline was never started");
        }

        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            Ingress.RequestStop();
        }

        await Completion.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _started) == 0)
        {
            return;
        }

        try
        {
            await StopAsync().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _log("pipeline: stopped with a fault: " + exception.Message);
        }
    }

    private void OnStatus(InboundChannel channel, WsStatusEvent status)
    {
        if (WsFrameSource.ToConnectionState(status.Kind) is not { } state)
        {
            return;
        }

        EnqueueControl(ControlItem.ForConnection(channel, (short)status.ConnectionId, state, _time.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    private void RunEngine()
    {
        Pin(_options.EngineCpu, "engine");
        try
        {
            _processor.Run();
        }
        catch (Exception exception)
        {
            SetFault(exception);
        }

        if (_processor.Fault is { } fault)
        {
            SetFault(fault);
        }

        // The engine consumes no more: an ingress waiting on a full ring must give up, and it must stop reading.
        _abort.Abort();
        Ingress.RequestStop();
        _ingressThread?.Join();
        Complete();
    }

    private void RunIngress()
    {
        Pin(_options.IngressCpu, "ingress");
        try
        {
            Ingress.Run();
        }
        catch (Exception exception)
        {
            if (!_abort.IsAborted)
            {
                SetFault(exception);
            }
        }

        // Drain: the engine handles everything published, then halts.
        var spinner = new SpinWait();
        while (_processor.IsRunning && _processor.Sequence.Value < _ring.Cursor)
        {
            spinner.SpinOnce(sleep1Threshold: 10);
        }

        _processor.Halt();
    }

    private void SetFault(Exception exception)
    {
        lock (_faultLock)
        {
            if (_fault is null)
            {
                _fault = exception;
                _log("pipeline: " + exception.GetType().Name + ": " + exception.Message);
            }
        }
    }

    private void Complete()
    {
        var fault = Fault;
        if (fault is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(fault);
        }
    }

    private void Pin(int? cpu, string name)
    {
        if (cpu is { } core && !ThreadAffinity.TryPinCurrentThread(core, out var warning))
        {
            _log("pipeline: could not pin the " + name + " thread to CPU " + core + ": " + warning);
        }
    }

    private static IWaitStrategy CreateWait(EngineWaitKind kind) => kind switch
    {
        EngineWaitKind.Blocking => new BlockingWaitStrategy(),
        EngineWaitKind.Yielding => new YieldingWaitStrategy(),
        EngineWaitKind.Sleeping => new SleepingWaitStrategy(),
        EngineWaitKind.BusySpin => new BusySpinWaitStrategy(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown engine wait"),
    };
}
