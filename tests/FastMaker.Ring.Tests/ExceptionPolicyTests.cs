namespace FastMaker.Ring.Tests;

public class ExceptionPolicyTests
{
    private const long FailingSequence = 1000;

    /// <summary>Throws on one sequence, records every other event.</summary>
    private struct FailingHandler : IEventHandler<TestEvent>
    {
        private readonly Probe _probe;

        public FailingHandler(Probe probe) => _probe = probe;

        public void OnEvent(ref TestEvent evt, long sequence, bool endOfBatch)
        {
            if (sequence == FailingSequence)
                throw new InvalidDataException($"bad event {sequence}");
            Volatile.Write(ref _probe.Count, _probe.Count + 1);
            Volatile.Write(ref _probe.LastSequence, sequence);
        }
    }

    /// <summary>Records every sequence it sees.</summary>
    private struct RecordingHandler : IEventHandler<TestEvent>
    {
        private readonly Probe _probe;

        public RecordingHandler(Probe probe) => _probe = probe;

        public void OnEvent(ref TestEvent evt, long sequence, bool endOfBatch)
        {
            if (sequence == FailingSequence)
                Interlocked.Increment(ref _probe.Errors);
            Volatile.Write(ref _probe.Count, _probe.Count + 1);
            Volatile.Write(ref _probe.LastSequence, sequence);
        }
    }

    [Fact]
    public void LogAndContinue_SkipsTheFailedEvent_ReportsIt_AndDownstreamSeesEverything()
    {
        const long Events = 5000;
        var logged = new List<string>();
        var policy = new PolicyExceptionHandler<TestEvent>(ExceptionAction.Continue, line => { lock (logged) logged.Add(line); });
        var (first, next) = (new Probe(), new Probe());
        var disruptor = new Disruptor<TestEvent>(64, new BlockingWaitStrategy());
        disruptor.HandleEventsWith(new FailingHandler(first), new StageOptions<TestEvent> { ExceptionHandler = policy })
            .Then(new RecordingHandler(next));
        var ring = disruptor.Start();

        Publisher.PublishOneByOne(ring, Events);
        disruptor.Halt(Wait.Deadline);

        Assert.Equal(Events - 1, first.Count);
        Assert.Equal(Events, next.Count);
        Assert.Equal(1, policy.Count);
        var line = Assert.Single(logged);
        Assert.Contains("sequence 1000", line);
        Assert.Contains("bad event 1000", line);
    }

    [Fact]
    public void Halt_StopsTheProcessor_BeforeTheFailedEvent_AndDownstreamNeverSeesIt()
    {
        const long Events = 1500;
        var (first, next) = (new Probe(), new Probe());
        var disruptor = new Disruptor<TestEvent>(4096, new BlockingWaitStrategy());
        disruptor.HandleEventsWith(new FailingHandler(first),
                new StageOptions<TestEvent> { Name = "first", ExceptionHandler = ExceptionHandlers.Halt<TestEvent>(_ => { }) })
            .Then(new RecordingHandler(next));
        var ring = disruptor.Start();

        Publisher.PublishOneByOne(ring, Events);
        var processor = disruptor.GetProcessor<FailingHandler>("first");
        Wait.Until(() => !processor.IsRunning && processor.Fault is not null, "the failing stage to halt");
        disruptor.Halt(Wait.Deadline); // does not throw: the policy halted, not rethrew

        Assert.IsType<InvalidDataException>(processor.Fault);
        Assert.Equal(FailingSequence - 1, processor.Sequence.Value);
        Assert.Equal(FailingSequence, first.Count);
        Assert.Equal(0, next.Errors);
        Assert.Equal(FailingSequence - 1, next.LastSequence);
    }

    [Fact]
    public void Rethrow_LetsTheExceptionEscapeRun_AndHaltReportsTheStage()
    {
        const long Events = 1500;
        var first = new Probe();
        var disruptor = new Disruptor<TestEvent>(4096, new BlockingWaitStrategy());
        disruptor.HandleEventsWith(new FailingHandler(first),
            new StageOptions<TestEvent> { Name = "parser", ExceptionHandler = ExceptionHandlers.Rethrow<TestEvent>(_ => { }) });
        var ring = disruptor.Start();

        Publisher.PublishOneByOne(ring, Events);
        var processor = disruptor.GetProcessor<FailingHandler>("parser");
        Wait.Until(() => !processor.IsRunning && processor.Fault is not null, "the failing stage to stop");

        var error = Assert.Throws<AggregateException>(() => disruptor.Halt(Wait.Deadline));
        var stageError = Assert.Single(error.InnerExceptions);
        Assert.Contains("Stage 'parser'", stageError.Message);
        Assert.IsType<InvalidDataException>(stageError.InnerException);
        Assert.Equal(FailingSequence - 1, processor.Sequence.Value);
    }

    [Fact]
    public void Rethrow_WhenRunDirectly_ThrowsToTheCaller_AndLeavesTheProcessorStopped()
    {
        var ring = new RingBuffer<TestEvent>(2048, new BlockingWaitStrategy());
        var probe = new Probe();
        var processor = new BatchEventProcessor<TestEvent, FailingHandler>(ring, ring.NewBarrier(), new FailingHandler(probe),
            ExceptionHandlers.Rethrow<TestEvent>(_ => { }));
        ring.AddGatingSequences(processor.Sequence);
        Publisher.PublishOneByOne(ring, FailingSequence + 1);

        Assert.Throws<InvalidDataException>(processor.Run);
        Assert.False(processor.IsRunning);
        Assert.Equal(FailingSequence - 1, processor.Sequence.Value);
    }
}
