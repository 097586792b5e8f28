using FastMaker.Engine.Signals;

namespace FastMaker.Engine.Tests.Signals;

public class MarkoutTrackerTests
{
    [Fact]
    public void Markout_IsSignedFairValueMove_ResolvedOnlyOnceHorizonElapsed()
    {
        var tracker = new MarkoutTracker([1_000, 10_000], 16, 8);
        tracker.Record(0, 500_000, +1, 10);   // bought 10 at 0.50
        tracker.Record(0, 500_000, -1, 30);   // sold 30 at 0.50

        tracker.Resolve(999, 520_000);
        Assert.Equal(0, tracker.ResolvedCount(0));

        tracker.Resolve(1_000, 520_000);
        Assert.Equal(2, tracker.ResolvedCount(0));
        Assert.Equal(0, tracker.ResolvedCount(1));
        // (10 x +0.02 + 30 x -0.02) / 40 = -0.01
        Assert.Equal(-10_000, tracker.MeanMarkoutRaw(0), 6);

        tracker.Resolve(10_000, 490_000);
        // (10 x -0.01 + 30 x +0.01) / 40 = +0.005
        Assert.Equal(5_000, tracker.MeanMarkoutRaw(1), 6);
    }

    [Fact]
    public void UnknownFairValue_LeavesFillsPending()
    {
        var tracker = new MarkoutTracker([1_000], 16, 8);
        tracker.Record(0, 400_000, +1, 1);
        tracker.Resolve(5_000, double.NaN);
        Assert.Equal(0, tracker.ResolvedCount(0));
        tracker.Resolve(6_000, 410_000);
        Assert.Equal(10_000, tracker.MeanMarkoutRaw(0), 6);
    }

    [Fact]
    public void Window_KeepsOnlyTheLastMarkouts()
    {
        var tracker = new MarkoutTracker([1], 16, 4);
        for (var i = 0; i < 6; i++)
        {
            tracker.Record(i * 10, 500_000, +1, 1);
            tracker.Resolve(i * 10 + 1, 500_000 + i * 1_000); // markouts 0, 1000, ..., 5000
        }

        Assert.Equal(6, tracker.ResolvedCount(0));
        Assert.Equal(4, tracker.WindowCount(0));
        Assert.Equal((2_000 + 3_000 + 4_000 + 5_000) / 4.0, tracker.MeanMarkoutRaw(0), 6);
    }

    [Fact]
    public void PendingOverflow_DropsOldestAndCountsIt()
    {
        var tracker = new MarkoutTracker([1_000_000], 4, 4);
        for (var i = 0; i < 6; i++)
        {
            tracker.Record(i, 500_000, +1, 1);
        }

        Assert.Equal(2, tracker.Dropped);
        tracker.Resolve(2_000_000, 510_000);
        Assert.Equal(4, tracker.ResolvedCount(0));
    }
}
