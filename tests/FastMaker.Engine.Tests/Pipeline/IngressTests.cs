using FastMaker.Engine.Pipeline;
using FastMaker.Ring;

namespace FastMaker.Engine.Tests.Pipeline;

/// <summary>The ingress loop: one total order over every source, frame stamping, stop semantics.</summary>
public class IngressTests
{
    [Fact]
    public void EventsFromSeveralSources_ArriveInOneTotalOrder_EachSourceInItsOwnOrder()
    {
        var events = new List<InboundEvent>();
        var ingress = new Ingress<RecordingTarget>(new RecordingTarget(events), new MpscQueue<ControlItem>(1024),
            new IngressOptions { IdleSpinsBeforeBlock = 2 });
        var market0 = new QueueFrameSource(InboundChannel.Market, 0);
        var market1 = new QueueFrameSource(InboundChannel.Market, 1);
        ingress.AddSource(market0);
        ingress.AddSource(market1);
        var runner = new Thread(ingress.Run);
        runner.Start();

        const int PerSource = 500;
        var producers = new[]
        {
            new Thread(() => { for (var i = 0; i < PerSource; i++) market0.Push(TestFrames.Pong); }),
            new Thread(() => { for (var i = 0; i < PerSource; i++) market1.Push(TestFrames.Pong); }),
            new Thread(() =>
            {
                for (var i = 0; i < PerSource; i++)
                {
                    while (!ingress.EnqueueControl(ControlItem.ForTimer(TimerKind.Housekeeping, i, i)))
                    {
                        Thread.Yield();
                    }
                }
            }),
        };
        foreach (var producer in producers)
        {
            producer.Start();
        }

        foreach (var producer in producers)
        {
            producer.Join();
        }

        ingress.RequestStop();
        runner.Join();

        Assert.Equal(3 * PerSource, events.Count);
        Assert.Equal(PerSource, events.Count(e => e.Kind == InboundKind.Pong && e.ConnectionId == 0));
        Assert.Equal(PerSource, events.Count(e => e.Kind == InboundKind.Pong && e.ConnectionId == 1));
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].FrameSequence > events[i - 1].FrameSequence, "frame ordinals must increase in publish order");
        }

        // The control source keeps its own order inside the total order.
        var timers = events.Where(e => e.Kind == InboundKind.Timer).Select(e => e.Payload.Timer.DueMs).ToList();
        Assert.Equal(Enumerable.Range(0, PerSource).Select(i => (long)i), timers);
    }

    [Fact]
    public void Frame_IsStampedWithItsReceiveTimeInUnixMs_AndItsChannelAndConnection()
    {
        var events = new List<InboundEvent>();
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000));
        var ingress = new Ingress<RecordingTarget>(new RecordingTarget(events), new MpscQueue<ControlItem>(16), time: time);
        var user = new QueueFrameSource(InboundChannel.User, 3, time);
        ingress.AddSource(user);
        time.Advance(TimeSpan.FromMilliseconds(1_234));
        user.Push(TestFrames.Pong);

        Assert.True(ingress.DrainOnceForTest());

        var e = Assert.Single(events);
        Assert.Equal(InboundKind.Pong, e.Kind);
        Assert.Equal(InboundChannel.User, e.Channel);
        Assert.Equal(3, e.ConnectionId);
        Assert.Equal(1_700_000_001_234, e.ReceiveMs);
    }

    [Fact]
    public void Stop_DrainsEverythingAlreadyReceived()
    {
        var events = new List<InboundEvent>();
        var ingress = new Ingress<RecordingTarget>(new RecordingTarget(events), new MpscQueue<ControlItem>(1024));
        var source = new QueueFrameSource(InboundChannel.Market, 0);
        ingress.AddSource(source);
        for (var i = 0; i < 100; i++)
        {
            source.Push(TestFrames.Pong);
            ingress.EnqueueControl(ControlItem.ForTimer(TimerKind.Housekeeping, i, i));
        }

        ingress.RequestStop();
        ingress.Run(); // returns at once: stop was requested, but only after draining

        Assert.Equal(200, events.Count);
        Assert.Equal(100, ingress.Frames);
        Assert.Equal(100, ingress.ControlItems);
    }

    [Fact]
    public void IdleIngress_Blocks_AndWakesForANewFrame()
    {
        var events = new List<InboundEvent>();
        var ingress = new Ingress<RecordingTarget>(new RecordingTarget(events), new MpscQueue<ControlItem>(16),
            new IngressOptions { IdleSpinsBeforeBlock = 0 });
        var source = new QueueFrameSource(InboundChannel.Market, 0);
        ingress.AddSource(source);
        var runner = new Thread(ingress.Run) { IsBackground = true };
        runner.Start();

        // Wait until the thread is parked (not spinning), then feed it.
        SpinWait.SpinUntil(() => (runner.ThreadState & ThreadState.WaitSleepJoin) != 0, TimeSpan.FromSeconds(10));
        source.Push(TestFrames.Pong);
        SpinWait.SpinUntil(() => ingress.Frames == 1, TimeSpan.FromSeconds(10));
        ingress.RequestStop();
        Assert.True(runner.Join(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, ingress.Frames);
    }

    [Fact]
    public void MalformedFrame_BecomesAFrameErrorEvent_AndTheIngressGoesOn()
    {
        var events = new List<InboundEvent>();
        var ingress = new Ingress<RecordingTarget>(new RecordingTarget(events), new MpscQueue<ControlItem>(16));
        var source = new QueueFrameSource(InboundChannel.Market, 0);
        ingress.AddSource(source);
        source.Push("{\"event_type\":\"book\",\"asset_id\":"u8.ToArray());
        source.Push(TestFrames.Pong);

        ingress.DrainOnceForTest();

        Assert.Contains(events, e => e.Kind == InboundKind.FrameError);
        Assert.Equal(InboundKind.Pong, events[^1].Kind);
        Assert.True(ingress.Translator.Errors >= 1);
    }
}
