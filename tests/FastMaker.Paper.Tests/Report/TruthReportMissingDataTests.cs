using FastMaker.Engine.Store;
using FastMaker.Paper.Report;
using FastMaker.Primitives;
using static FastMaker.Paper.Tests.Report.HandMadeStore;

namespace FastMaker.Paper.Tests.Report;

public sealed class TruthReportMissingDataTests
{
    private static TruthReport Build(HandMadeStore store, ReportOptions? options = null) =>
        TruthReportBuilder.Build(ReportInput.FromStore(store.Write()), options ?? new ReportOptions());

    [Fact]
    public void FillWithoutARecentMark_HasNoRealizedSpread_AndThePnlSplitIsMissingWithTheReason()
    {
        using var store = new HandMadeStore();
        // The only mark before the fill is 6 s old; max_mark_age_ms is 5 s. Later marks exist (the data goes on).
        store.Mark(T0, 500_000).Mark(T0 + 60_000, 510_000);
        store.Fill(T0 + 6_000, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: false);

        var report = Build(store);
        var maker = report.Real.ByLiquidity[0];
        Assert.Equal(0, maker.FillsWithMid);
        Assert.Null(maker.RealizedSpreadPerShare);
        Assert.Null(maker.SpreadCapture);
        Assert.Null(report.Real.Pnl);
        var missing = Assert.Single(report.Missing, m => m.Figure == "real.pnl_split");
        Assert.Contains("1 of 1 real fills have no mark at fill time", missing.Reason);
    }

    [Fact]
    public void HorizonPastTheEndOfTheData_IsCountedMissing_NotTakenFromTheLastMark()
    {
        using var store = new HandMadeStore();
        // Marks stop 40 s after the fill: 1 s, 5 s and 30 s markouts exist; 60 s and 5 min do not.
        store.Mark(T0, 500_000).Mark(T0 + 1_000, 500_000).Mark(T0 + 5_000, 500_000).Mark(T0 + 30_000, 520_000).Mark(T0 + 40_000, 520_000);
        store.Fill(T0, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: false);

        var markouts = Build(store).Real.ByLiquidity[0].Markouts;
        Assert.Equal([1, 1, 1, 0, 0], markouts.Select(m => m.Fills));
        Assert.Equal([0, 0, 0, 1, 1], markouts.Select(m => m.FillsMissing));
        Assert.Equal(0.03, markouts[2].PerShare!.Value, 12);
        Assert.Null(markouts[3].PerShare);
        Assert.Null(markouts[4].PerShare);
    }

    [Fact]
    public void UnclassifiedFills_AreReportedApart_InNoMakerOrTakerFigure()
    {
        using var store = new HandMadeStore();
        store.Mark(T0, 500_000).Mark(T0 + 1_000, 500_000);
        store.Fill(T0, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: false);
        store.Fill(T0, Side.Sell, 400_000, 10, StoredLiquidity.Unknown, simulated: false, source: StoredClassificationSource.None);

        var report = Build(store);
        Assert.Equal(["maker", "taker", "unknown"], report.Real.ByLiquidity.Select(l => l.Liquidity));
        Assert.Equal(0.01, report.Real.ByLiquidity[0].RealizedSpreadPerShare!.Value, 12);
        Assert.Equal(0, report.Real.ByLiquidity[1].Fills);
        // Selling at 0.40 against a 0.50 mid: -(0.50 - 0.40) = -0.10, in its own group only.
        Assert.Equal(-0.10, report.Real.ByLiquidity[2].RealizedSpreadPerShare!.Value, 12);
        Assert.Contains(report.Missing, m => m.Figure == "real.unknown");
    }

    [Fact]
    public void ImpossibleRewardSample_IsSkippedAndCounted()
    {
        using var store = new HandMadeStore();
        store.Mark(T0, 500_000);
        store.Reward(T0, 60_000, ours: 50, total: 10, dailyPoolDollars: 100, simulated: false);
        store.Reward(T0 + 60_000, 60_000, ours: 5, total: 10, dailyPoolDollars: 1440, simulated: false);

        var rewards = Build(store).Real.Rewards;
        // Only the second counts: 5/10 x 1440 x 60,000/86,400,000 = 0.5.
        Assert.Equal(1, rewards.Samples);
        Assert.Equal(1, rewards.SamplesInvalid);
        Assert.Equal(0.5, rewards.Reward!.Value, 12);
        Assert.Equal(0.5, rewards.MeanShare!.Value, 12);
    }

    [Fact]
    public void EmptyStore_EveryGateIsNotEnoughData_NothingInvented()
    {
        using var store = new HandMadeStore();
        var report = Build(store);

        Assert.Equal(Verdict.NotEnoughData, report.GateA.Verdict);
        Assert.Equal(Verdict.NotEnoughData, report.GateB.Verdict);
        Assert.All(report.GateB.Criteria, c => Assert.Equal(Verdict.NotEnoughData, c.Verdict));
        Assert.Contains(report.Missing, m => m.Figure == "marks");
        Assert.Contains(report.Missing, m => m.Figure == "calibration");
        Assert.Null(report.Real.ByLiquidity[0].Markouts[0].PerShare);
    }
}
