namespace FastMaker.Ring;

/// <summary>
/// Wires a ring buffer, its stages and their threads. Stages form a pipeline
/// (<c>HandleEventsWith(a).Then(b).Then(c)</c>) or run in parallel
/// (<c>HandleEventsWith(a).And(HandleEventsWith(b)).Then(c)</c>); the producer is gated on the
/// last stages, so it never overwrites an event some stage has not finished.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class Disruptor<T> where T : struct
{
    private readonly RingBuffer<T> _ringBuffer;
    private readonly List<Stage> _stages = [];
    private readonly Action<string> _log;
    private readonly object _lifecycleLock = new();
    private int _state; // 0 configuring, 1 started, 2 halted

    /// <summary>Creates the ring and an empty pipeline.</summary>
    /// <param name="bufferSize">The ring's size: a power of 2, at least 1.</param>
    /// <param name="waitStrategy">How stages wait; <see cref="BlockingWaitStrategy"/> when null.</param>
    /// <param name="log">Where warnings (such as a failed thread pin) go; standard error when null.</param>
    public Disruptor(int bufferSize, IWaitStrategy? waitStrategy = null, Action<string>? log = null)
    {
        _ringBuffer = new RingBuffer<T>(bufferSize, waitStrategy);
        _log = log ?? Console.Error.WriteLine;
    }

    /// <summary>The ring the producer claims and publishes on.</summary>
    public RingBuffer<T> RingBuffer => _ringBuffer;

    /// <summary>Whether <see cref="Start"/> was called.</summary>
    public bool IsStarted => Volatile.Read(ref _state) != 0;

    /// <summary>Adds a first stage: it handles each event once the producer has published it.</summary>
    public EventHandlerGroup<T> HandleEventsWith<THandler>(THandler handler, StageOptions<T>? options = null)
        where THandler : struct, IEventHandler<T>
        => AddStage([], handler, options);

    /// <summary>The processor of the stage named <paramref name="name"/>, to read its handler's state.</summary>
    public BatchEventProcessor<T, THandler> GetProcessor<THandler>(string name)
        where THandler : struct, IEventHandler<T>
    {
        foreach (var stage in _stages)
        {
            if (stage.Name == name)
            {
                return stage.Processor as BatchEventProcessor<T, THandler>
                    ?? throw new ArgumentException($"Stage '{name}' handles events with {stage.Processor.GetType().GenericTypeArguments[1].Name}, not {typeof(THandler).Name}.", nameof(THandler));
            }
        }
        throw new ArgumentException($"No stage is named '{name}'.", nameof(name));
    }

    internal EventHandlerGroup<T> AddStage<THandler>(Stage[] upstream, THandler handler, StageOptions<T>? options)
        where THandler : struct, IEventHandler<T>
    {
        lock (_lifecycleLock)
        {
            if (_state != 0)
                throw new InvalidOperationException("Cannot add a stage after the disruptor was started; wire every stage before Start().");
            string name = options?.Name ?? $"{typeof(THandler).Name}#{_stages.Count}";
            foreach (var existing in _stages)
            {
                if (existing.Name == name)
                    throw new ArgumentException($"A stage named '{name}' already exists.", nameof(options));
            }
            if (options?.Cpu is < 0)
                throw new ArgumentOutOfRangeException(nameof(options), options.Cpu, "Cpu must be 0 or more.");

            var dependencies = new Sequence[upstream.Length];
            for (int i = 0; i < upstream.Length; i++)
            {
                dependencies[i] = upstream[i].Processor.Sequence;
                upstream[i].HasDownstream = true;
            }
            var barrier = _ringBuffer.NewBarrier(dependencies);
            var processor = new BatchEventProcessor<T, THandler>(_ringBuffer, barrier, handler, options?.ExceptionHandler);
            var stage = new Stage(name, processor, options?.Cpu);
            _stages.Add(stage);
            return new EventHandlerGroup<T>(this, [stage]);
        }
    }

    /// <summary>Gates the producer on the last stages and starts one thread per stage. Throws if already started or if there is no stage.</summary>
    public RingBuffer<T> Start()
    {
        lock (_lifecycleLock)
        {
            if (_state == 1)
                throw new InvalidOperationException("The disruptor is already started; Start() may be called once.");
            if (_state == 2)
                throw new InvalidOperationException("The disruptor was halted; a halted disruptor cannot be restarted, create a new one.");
            if (_stages.Count == 0)
                throw new InvalidOperationException("The disruptor has no stage; add one with HandleEventsWith before Start().");

            foreach (var stage in _stages)
            {
                if (!stage.HasDownstream)
                    _ringBuffer.AddGatingSequences(stage.Processor.Sequence);
            }
            foreach (var stage in _stages)
            {
                var thread = new Thread(() => RunStage(stage)) { IsBackground = true, Name = stage.Name };
                stage.Thread = thread;
                thread.Start();
            }
            _state = 1;
            return _ringBuffer;
        }
    }

    private void RunStage(Stage stage)
    {
        if (stage.Cpu is int cpu && !ThreadAffinity.TryPinCurrentThread(cpu, out var warning))
            _log($"ring: stage '{stage.Name}': {warning}");
        try
        {
            stage.Processor.Run();
        }
        catch (Exception exception)
        {
            // Rethrow policy: keep the process alive and report it from Halt().
            stage.Escaped = exception;
        }
    }

    /// <summary>
    /// Stops every stage after it has handled every event published before this call (drains),
    /// stage after stage in wiring order so that downstream stages see all upstream output.
    /// Stop publishing first. Throws <see cref="AggregateException"/> if a stage's exception
    /// escaped under the rethrow policy, and <see cref="TimeoutException"/> if a stage did not stop in time.
    /// </summary>
    /// <param name="timeout">The longest wait per stage; 30 seconds when null.</param>
    public void Halt(TimeSpan? timeout = null)
    {
        lock (_lifecycleLock)
        {
            if (_state == 0)
                throw new InvalidOperationException("The disruptor was never started.");
            if (_state == 2)
                return;
            var wait = timeout ?? TimeSpan.FromSeconds(30);
            foreach (var stage in _stages)
            {
                stage.Processor.Halt();
                if (!stage.Thread!.Join(wait))
                    throw new TimeoutException($"Stage '{stage.Name}' did not drain and stop within {wait.TotalSeconds:0.###} s (is the producer still publishing, or a handler blocked?).");
            }
            _state = 2;

            List<Exception>? escaped = null;
            foreach (var stage in _stages)
            {
                if (stage.Escaped is { } exception)
                    (escaped ??= []).Add(new InvalidOperationException($"Stage '{stage.Name}' stopped on an exception: {exception.Message}", exception));
            }
            if (escaped is not null)
                throw new AggregateException("One or more stages stopped on an exception.", escaped);
        }
    }
}
