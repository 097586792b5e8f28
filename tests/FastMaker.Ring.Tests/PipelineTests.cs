namespace FastMaker.Ring.Tests;

public class PipelineTests
{
    /// <summary>Marks the event as done by its stage after checking every upstream stage marked it first.</summary>
    private struct StageHandler : IEventHandler<TestEvent>
    {
        private readonly Probe _probe;
        private readonly int _stage;        // 0 = A, 1 = B, 2 = C
        private readonly bool _needsA, _needsB;

        public StageHandler(Probe probe, int stage, bool needsA, bool needsB)
        {
            _probe = probe;
            _stage = stage;
            _needsA = needsA;
            _needsB = needsB;
        }

        public void OnEvent(ref TestEvent evt, long sequence, bool endOfBatch)
        {
            if (evt.Value != sequence)
                _probe.Error($"stage {_stage}: slot {sequence} holds {evt.Value}");
            if (_needsA && Volatile.Read(ref evt.MarkA) != sequence + 1)
                _probe.Error($"stage {_stage} saw {sequence} before A finished it");
            if (_needsB && Volatile.Read(ref evt.MarkB) != sequence + 1)
                _probe.Error($"stage {_stage} saw {sequence} before B finished it");
            // Give the other stages a chance to overtake if the barrier were wrong.
            if ((sequence & 255) == 0)
                Thread.Yield();
            switch (_stage)
            {
                case 0: Volatile.Write(ref evt.MarkA, sequence + 1); break;
                case 1: Volatile.Write(ref evt.MarkB, sequence + 1); break;
                default: Volatile.Write(ref evt.MarkC, sequence + 1); break;
            }
            Volatile.Write(ref _probe.Count, _probe.Count + 1);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Pipeline_AThenBThenC_NoStageOvertakesItsUpstream(bool blocking)
    {
        const long Events = 150_000;
        var (a, b, c) = (new Probe(), new Probe(), new Probe());
        var disruptor = new Disruptor<TestEvent>(32, blocking ? new BlockingWaitStrategy() : new YieldingWaitStrategy());
        disruptor.HandleEventsWith(new StageHandler(a, 0, false, false))
            .Then(new StageHandler(b, 1, true, false))
            .Then(new StageHandler(c, 2, true, true));
        var ring = disruptor.Start();

        Publisher.PublishOneByOne(ring, Events);
        disruptor.Halt(Wait.Deadline);

        Assert.Null(a.FirstError ?? b.FirstError ?? c.FirstError);
        Assert.Equal(Events, a.Count);
        Assert.Equal(Events, b.Count);
        Assert.Equal(Events, c.Count);
    }

    [Fact]
    public void Diamond_AAndBInParallel_ThenC_SeesBothMarks()
    {
        const long Events = 150_000;
        var (a, b, c) = (new Probe(), new Probe(), new Probe());
        var disruptor = new Disruptor<TestEvent>(32, new BlockingWaitStrategy());
        var stageA = disruptor.HandleEventsWith(new StageHandler(a, 0, false, false));
        var stageB = disruptor.HandleEventsWith(new StageHandler(b, 1, false, false));
        stageA.And(stageB).Then(new StageHandler(c, 2, true, true));
        var ring = disruptor.Start();

        Publisher.PublishInBatches(ring, Events, maxBatch: 8, seed: 11);
        disruptor.Halt(Wait.Deadline);

        Assert.Null(a.FirstError ?? b.FirstError ?? c.FirstError);
        Assert.Equal(Events, c.Count);
    }

    [Fact]
    public void ProducerIsGatedOnTheLastStage_NotOnlyTheFirst()
    {
        var probe = new Probe();
        var gate = new ManualResetEventSlim();
        var disruptor = new Disruptor<TestEvent>(4, new BlockingWaitStrategy());
        disruptor.HandleEventsWith(new StageHandler(probe, 0, false, false))
            .Then(new GatedHandler(gate));
        var ring = disruptor.Start();

        for (int i = 0; i < 4; i++)
        {
            long s = ring.Next();
            ring[s].Value = s;
            ring.Publish(s);
        }
        Wait.Until(() => Volatile.Read(ref probe.Count) == 4, "stage A to finish 4 events");
        // A is done with every slot, but the last stage holds them: no capacity.
        Assert.False(ring.TryNext(out _));

        gate.Set();
        Wait.Until(() => ring.TryNext(out _), "capacity after the last stage ran");
        ring[4].Value = 4;
        ring.Publish(4);
        disruptor.Halt(Wait.Deadline);
    }

    [Fact]
    public void Halt_DrainsEverythingPublishedBeforeIt_ThroughEveryStage()
    {
        const long Events = 100_000;
        var (a, c) = (new Probe(), new Probe());
        var disruptor = new Disruptor<TestEvent>(1024, new SleepingWaitStrategy());
        disruptor.HandleEventsWith(new StageHandler(a, 0, false, false))
            .Then(new SlowMarkCHandler(c));
        var ring = disruptor.Start();

        Publisher.PublishOneByOne(ring, Events);
        // Halt right away: the slow last stage is far behind, yet must see every event.
        disruptor.Halt(Wait.Deadline);

        Assert.Null(a.FirstError ?? c.FirstError);
        Assert.Equal(Events, a.Count);
        Assert.Equal(Events, c.Count);
    }

    private struct GatedHandler : IEventHandler<TestEvent>
    {
        private readonly ManualResetEventSlim _gate;

        public GatedHandler(ManualResetEventSlim gate) => _gate = gate;

        public void OnEvent(ref TestEvent evt, long sequence, bool endOfBatch) => _gate.Wait(Wait.Deadline);
    }

    private struct SlowMarkCHandler : IEventHandler<TestEvent>
    {
        private StageHandler _inner;

        public SlowMarkCHandler(Probe probe) => _inner = new StageHandler(probe, 2, true, false);

        public void OnEvent(ref TestEvent evt, long sequence, bool endOfBatch)
        {
            Thread.SpinWait(20);
            _inner.OnEvent(ref evt, sequence, endOfBatch);
        }
    }
}
