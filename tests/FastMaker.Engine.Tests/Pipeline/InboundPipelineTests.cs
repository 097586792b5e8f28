using FastMaker.Engine.Pipeline;
using FastMaker.Primitives;
using FastMaker.Ring;

namespace FastMaker.Engine.Tests.Pipeline;

/// <summary>The live pipeline end to end on threads: ingress -> ring -> engine.</summary>
public class InboundPipelineTests
{
    private static EngineCore NewEngine() => new(TestFrames.Registry(), new EngineOptions { StaleAfterMs = 5_000 });

    [Fact]
    public async Task FramesAndControlItems_ReachTheEngine_AndStopDrainsThemAll()
    {
        var engine = NewEngine();
        await using var pipeline = new InboundPipeline(engine, new PipelineOptions { RingSize = 64 });
        var source = new QueueFrameSource(InboundChannel.Market, 0);
        pipeline.Ingress.AddSource(source);
        pipeline.Start();

        source.Push(TestFrames.Book(TestFrames.Yes, "0.01", [("0.48", "100")], [("0.52", "80")]));
        for (var i = 0; i < 1_000; i++)
        {
            source.Push(TestFrames.Change(TestFrames.Yes, "0.47", "BUY", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "0.48", "0.52"));
            Assert.True(pipeline.EnqueueControl(ControlItem.ForTimer(TimerKind.Housekeeping, i, i)));
        }

        await pipeline.StopAsync();

        Assert.Null(pipeline.Fault);
        Assert.Equal(1_000, engine.EventCount(InboundKind.PriceChange));
        Assert.Equal(1_000, engine.EventCount(InboundKind.Timer));
        Assert.Equal(pipeline.EventsPublished, pipeline.EventsHandled);
        var book = engine.Books.Book(engine.Registry.TokenIndexOf(UInt256.Parse(TestFrames.Yes)))!;
        Assert.Equal(Quantity.Parse("1000"), book.SizeAt(Side.Buy, Price.Parse("0.47")));
    }

    [Fact]
    public void FullRing_MakesTheProducerWait_UntilTheConsumerFreesASlot()
    {
        var ring = new RingBuffer<InboundEvent>(8, new BlockingWaitStrategy());
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);
        var target = new RingInboundTarget(ring, new IngressStopSignal());
        for (var i = 0; i < 8; i++)
        {
            target.Claim().Kind = InboundKind.Pong;
            target.Commit();
        }

        var ninth = new Thread(() =>
        {
            var t = target;
            t.Claim().Kind = InboundKind.Timer;
            t.Commit();
        });
        ninth.Start();
        Thread.Sleep(50);
        Assert.Equal(7, ring.Cursor); // still waiting: nothing was overwritten
        Assert.True(ninth.IsAlive);

        consumer.SetValue(0); // the engine finished slot 0
        Assert.True(ninth.Join(TimeSpan.FromSeconds(10)));
        Assert.Equal(8, ring.Cursor);
        Assert.Equal(InboundKind.Timer, ring[8].Kind);
    }

    [Fact]
    public void FullRing_WhenTheEngineIsGone_TheWaitGivesUpWithAClearError()
    {
        var ring = new RingBuffer<InboundEvent>(4, new BlockingWaitStrategy());
        ring.AddGatingSequences(new Sequence());
        var abort = new IngressStopSignal();
        var target = new RingInboundTarget(ring, abort);
        for (var i = 0; i < 4; i++)
        {
            target.Claim();
            target.Commit();
        }

        abort.Abort();
        var error = Assert.Throws<OperationCanceledException>(() => target.Claim());
        Assert.Contains("engine stopped", error.Message);
    }

    [Fact]
    public async Task SlowEngine_BackPressure_LosesNothing()
    {
        var engine = NewEngine();
        await using var pipeline = new InboundPipeline(engine, new PipelineOptions { RingSize = 4, ControlQueueCapacity = 4 });
        var source = new QueueFrameSource(InboundChannel.Market, 0);
        pipeline.Ingress.AddSource(source);
        for (var i = 0; i < 5_000; i++)
        {
            source.Push(TestFrames.Pong);
        }

        pipeline.Start();
        await pipeline.StopAsync();

        Assert.Equal(5_000, engine.EventCount(InboundKind.Pong));
    }

    [Fact]
    public async Task IngressFailure_StopsThePipeline_AndSurfacesTheError()
    {
        var engine = NewEngine();
        var pipeline = new InboundPipeline(engine, new PipelineOptions { Log = _ => { } });
        var source = new QueueFrameSource(InboundChannel.Market, 0) { ThrowOnNextFrame = new InvalidOperationException("pipe broke") };
        pipeline.Ingress.AddSource(source);
        pipeline.Start();
        source.Push(TestFrames.Pong);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.Completion.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("pipe broke", error.Message);
        Assert.Same(error, pipeline.Fault);
        await Assert.ThrowsAsync<InvalidOperationException>(pipeline.StopAsync);
    }

    [Fact]
    public async Task ConnectionDown_ReachesTheEngine_AndUntrustsItsBooks()
    {
        var engine = NewEngine();
        await using var pipeline = new InboundPipeline(engine);
        var source = new QueueFrameSource(InboundChannel.Market, 0);
        pipeline.Ingress.AddSource(source);
        source.Push(TestFrames.Book(TestFrames.Yes, "0.01", [("0.48", "100")], [("0.52", "80")]));
        pipeline.Start();
        SpinWait.SpinUntil(() => pipeline.EventsHandled >= 3, TimeSpan.FromSeconds(10));
        pipeline.EnqueueControl(ControlItem.ForConnection(InboundChannel.Market, 0, ConnectionState.Down, 1));
        await pipeline.StopAsync();

        var book = engine.Books.Book(engine.Registry.TokenIndexOf(UInt256.Parse(TestFrames.Yes)))!;
        Assert.False(book.IsTrusted);
        Assert.Equal(1, engine.EventCount(InboundKind.ConnectionStatus));
    }

    [Fact]
    public async Task StartTwice_IsRejected()
    {
        await using var pipeline = new InboundPipeline(NewEngine());
        pipeline.Start();
        Assert.Throws<InvalidOperationException>(pipeline.Start);
    }
}
