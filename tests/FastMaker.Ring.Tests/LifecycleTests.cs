namespace FastMaker.Ring.Tests;

public class LifecycleTests
{
    private static Disruptor<TestEvent> NewStarted(out Probe probe)
    {
        probe = new Probe();
        var disruptor = new Disruptor<TestEvent>(8, new BlockingWaitStrategy());
        disruptor.HandleEventsWith(new OrderCheckingHandler(probe));
        disruptor.Start();
        return disruptor;
    }

    [Fact]
    public void StartTwice_Throws_AndTheRunningPipelineKeepsWorking()
    {
        var disruptor = NewStarted(out var probe);
        var error = Assert.Throws<InvalidOperationException>(() => disruptor.Start());
        Assert.Contains("already started", error.Message);

        Publisher.PublishOneByOne(disruptor.RingBuffer, 100);
        disruptor.Halt(Wait.Deadline);
        Assert.Equal(100, probe.Count);
    }

    [Fact]
    public void AddingAStage_AfterStart_Throws()
    {
        var disruptor = NewStarted(out var probe);
        var error = Assert.Throws<InvalidOperationException>(() => disruptor.HandleEventsWith(new OrderCheckingHandler(probe)));
        Assert.Contains("after the disruptor was started", error.Message);
        disruptor.Halt(Wait.Deadline);
    }

    [Fact]
    public void Start_WithoutStages_OrAfterHalt_AndHaltBeforeStart_Throw()
    {
        var empty = new Disruptor<TestEvent>(8);
        Assert.Contains("no stage", Assert.Throws<InvalidOperationException>(() => empty.Start()).Message);
        Assert.Contains("never started", Assert.Throws<InvalidOperationException>(() => empty.Halt()).Message);

        var disruptor = NewStarted(out _);
        disruptor.Halt(Wait.Deadline);
        disruptor.Halt(Wait.Deadline); // idempotent
        Assert.Contains("cannot be restarted", Assert.Throws<InvalidOperationException>(() => disruptor.Start()).Message);
    }

    [Fact]
    public void DuplicateStageName_AndNegativeCpu_AreRejected()
    {
        var disruptor = new Disruptor<TestEvent>(8);
        var probe = new Probe();
        disruptor.HandleEventsWith(new OrderCheckingHandler(probe), new StageOptions<TestEvent> { Name = "x" });
        Assert.Throws<ArgumentException>(() => disruptor.HandleEventsWith(new OrderCheckingHandler(probe), new StageOptions<TestEvent> { Name = "x" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => disruptor.HandleEventsWith(new OrderCheckingHandler(probe), new StageOptions<TestEvent> { Cpu = -1 }));
        Assert.Throws<ArgumentException>(() => disruptor.GetProcessor<OrderCheckingHandler>("missing"));
    }

    [Fact]
    public void Processor_RunTwiceConcurrently_Throws()
    {
        var ring = new RingBuffer<TestEvent>(8, new BlockingWaitStrategy());
        var processor = new BatchEventProcessor<TestEvent, OrderCheckingHandler>(ring, ring.NewBarrier(), new OrderCheckingHandler(new Probe()));
        var thread = Wait.Start(processor.Run, "first run");
        Wait.Until(() => processor.IsRunning, "the processor to run");

        var error = Assert.Throws<InvalidOperationException>(processor.Run);
        Assert.Contains("already running", error.Message);

        processor.Halt();
        Wait.Join(thread);
        Assert.False(processor.IsRunning);
    }

    [Fact]
    public void StageWithACpu_RunsPinnedOrWarns_NeverCrashes()
    {
        var warnings = new List<string>();
        var probe = new Probe();
        var disruptor = new Disruptor<TestEvent>(8, new BlockingWaitStrategy(), line => { lock (warnings) warnings.Add(line); });
        disruptor.HandleEventsWith(new OrderCheckingHandler(probe), new StageOptions<TestEvent> { Name = "pinned", Cpu = 1023 });
        disruptor.Start();
        Publisher.PublishOneByOne(disruptor.RingBuffer, 10);
        disruptor.Halt(Wait.Deadline);

        Assert.Equal(10, probe.Count);
        // No host here has CPU 1023, so pinning fails with a warning naming the stage.
        var warning = Assert.Single(warnings);
        Assert.Contains("'pinned'", warning);
    }
}
