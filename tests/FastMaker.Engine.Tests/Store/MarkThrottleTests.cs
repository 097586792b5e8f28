using FastMaker.Engine.Store;

namespace FastMaker.Engine.Tests.Store;

public sealed class MarkThrottleTests
{
    [Fact]
    public void Heartbeat_OncePerIntervalPerToken_AndAlwaysAtAFill()
    {
        var throttle = new MarkThrottle(tokenCapacity: 2, intervalMs: 1_000);

        Assert.True(throttle.TryTake(0, 10_000));
        Assert.False(throttle.TryTake(0, 10_999));
        Assert.True(throttle.TryTake(1, 10_500));
        Assert.True(throttle.TryTake(0, 10_600, atFill: true));
        // The fill's mark restarts the interval.
        Assert.False(throttle.TryTake(0, 11_500));
        Assert.True(throttle.TryTake(0, 11_600));
    }

    [Fact]
    public void TryTake_DoesNotAllocate()
    {
        var throttle = new MarkThrottle(4, 1_000);
        throttle.TryTake(3, 0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var taken = 0;
        for (var t = 0L; t < 100_000; t++)
        {
            taken += throttle.TryTake((int)(t & 3), t) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(taken > 0);
    }

    [Fact]
    public void Constructor_RejectsNonPositiveArguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarkThrottle(0, 1_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarkThrottle(1, 0));
    }
}
