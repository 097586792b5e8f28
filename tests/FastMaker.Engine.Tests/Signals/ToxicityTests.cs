using FastMaker.Engine.Signals;
using FastMaker.Engine.Tests.Quoting;
using FastMaker.Primitives;

namespace FastMaker.Engine.Tests.Signals;

public class ToxicityTests
{
    [Fact]
    public void Combine_StaysWithinZeroAndOne_ForAnyTerms()
    {
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var score = ToxicityModel.Combine(random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextDouble());
            Assert.InRange(score, 0.0, 1.0);
        }

        Assert.Equal(0.0, ToxicityModel.Combine(0, 0, 0, 0.5));
        Assert.Equal(1.0, ToxicityModel.Combine(1, 0, 0, 0.5));
        Assert.Equal(1.0, ToxicityModel.Combine(0, 0, 1, 1.0));
        // 1 - (1 - 0.5)(1 - 0.2)(1 - 0.5 x 0.4) = 1 - 0.5 x 0.8 x 0.8 = 0.68
        Assert.Equal(0.68, ToxicityModel.Combine(0.5, 0.2, 0.4, 0.5), 12);
    }

    [Fact]
    public void AdverseMarkout_UsesWorstHorizonWithEnoughSamples()
    {
        var tracker = new MarkoutTracker([1_000, 10_000], 16, 8);
        for (var i = 0; i < 5; i++)
        {
            tracker.Record(i, 500_000, +1, 1);
        }

        tracker.Resolve(1_010, 495_000); // 1 s markouts: -0.005 each
        Assert.Equal(0.5, ToxicityModel.AdverseMarkout(tracker, 5, 10_000), 12);
        Assert.Equal(0.0, ToxicityModel.AdverseMarkout(tracker, 6, 10_000)); // not enough samples yet
        tracker.Resolve(20_000, 470_000); // 10 s: -0.03 each -> clamped at 1
        Assert.Equal(1.0, ToxicityModel.AdverseMarkout(tracker, 5, 10_000));
    }

    [Fact]
    public void InformedAggressors_RaiseToxicity_ThroughMarkoutsAndFlow()
    {
        var m = new QuoteTestMarket();
        var yes = QuoteTestMarket.YesId;
        m.Snapshot(yes, 0, [(480_000, 100)], [(520_000, 100)]);
        m.Snapshot(QuoteTestMarket.NoId, 0, [(480_000, 100)], [(520_000, 100)]);
        Assert.Equal(0.0, m.Engine.Signals.Toxicity(m.Yes, 0));

        // Ten aggressive buys at the ask, after which the book moves up 3 cents: makers lost 0.01 on each at 1 s.
        for (var i = 0; i < 10; i++)
        {
            m.Trade(yes, Side.Buy, 520_000, 10, 100 + i);
        }

        m.Snapshot(yes, 1_050, [(510_000, 100)], [(550_000, 100)]);
        m.Snapshot(QuoteTestMarket.NoId, 1_050, [(450_000, 100)], [(490_000, 100)]);
        m.Housekeeping(1_200); // unified FV is now 0.53; the 1 s markouts are due
        var signals = m.Engine.Signals.Signals(m.Yes)!;
        Assert.Equal(10, signals.MarketMarkouts.ResolvedCount(0));
        Assert.Equal(-10_000, signals.MarketMarkouts.MeanMarkoutRaw(0), 6); // passive sellers at 0.52, FV 0.53
        // A_mkt = 1; V = 1 -> toxicity = 1
        Assert.Equal(1.0, m.Engine.Signals.Toxicity(m.Yes, 1_200), 12);
    }

    [Fact]
    public void OwnFills_FeedBackIntoToxicity()
    {
        var m = new QuoteTestMarket();
        m.Snapshot(QuoteTestMarket.YesId, 0, [(480_000, 100)], [(520_000, 100)]);
        m.Snapshot(QuoteTestMarket.NoId, 0, [(480_000, 100)], [(520_000, 100)]);
        for (var i = 0; i < 5; i++)
        {
            m.Engine.Signals.OnOwnFill(m.Yes, Side.Buy, Price.FromRaw(500_000), Quantity.FromRaw(10 * Quantity.Scale), 10 + i);
        }

        // YES book falls: FV 0.495 -> our buys at 0.50 lost 0.005 each
        m.Snapshot(QuoteTestMarket.YesId, 500, [(470_000, 100)], [(520_000, 100)]);
        m.Snapshot(QuoteTestMarket.NoId, 500, [(480_000, 100)], [(530_000, 100)]);
        m.Housekeeping(2_000);
        var signals = m.Engine.Signals.Signals(m.Yes)!;
        Assert.Equal(5, signals.OwnMarkouts.ResolvedCount(0));
        Assert.Equal(-5_000, signals.OwnMarkouts.MeanMarkoutRaw(0), 6);
        Assert.Equal(0.5, m.Engine.Signals.Toxicity(m.Yes, 2_000), 12);

        m.Engine.Signals.OnOwnFill(99, Side.Buy, Price.FromRaw(500_000), Quantity.FromRaw(1), 0);
        m.Engine.Signals.OnOwnFill(m.Yes, Side.Buy, Price.FromRaw(0), Quantity.FromRaw(1), 0);
        Assert.Equal(2, m.Engine.Signals.RejectedOwnFills);
    }

    [Fact]
    public void Options_RejectBadValues_WithPreciseMessages()
    {
        var e = Assert.Throws<ArgumentException>(() => new SignalOptions { MarkoutWindow = 3 }.Validate());
        Assert.Contains("MarkoutWindow must be a power of 2", e.Message);
        Assert.Throws<ArgumentException>(() => new SignalOptions { FlowWeight = 1.5 }.Validate());
        Assert.Throws<ArgumentException>(() => new SignalOptions { MarkoutHorizonsMs = [] }.Validate());
    }
}
