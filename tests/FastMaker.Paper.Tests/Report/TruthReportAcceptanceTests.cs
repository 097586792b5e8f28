using System.Text.Json;
using FastMaker.Engine.Store;
using FastMaker.Paper.Report;
using FastMaker.Polymarket.Parsing;
using FastMaker.Primitives;
using static FastMaker.Paper.Tests.Report.HandMadeStore;

namespace FastMaker.Paper.Tests.Report;

/// <summary>
/// The report on a hand-made store whose every answer is worked out by hand below (issue 7 acceptance).
///
/// Token A, times from T0 (an exact UTC hour). Real fills:
///   F1 T0+10 min  maker BUY  100 @ 0.49, mid 0.50, fee 0
///   F2 T0+70 min  maker SELL  40 @ 0.52, mid 0.51, fee 0
///   F3 T0+130 min taker BUY   50 @ 0.53, mid 0.52, fee 0.4982 (50 x 0.04 x 0.53 x 0.47)
///   F4 T0+20 min  maker BUY  500 @ 0.01, FAILED (must be excluded everywhere)
/// Simulated fill: S1 T0+10 min maker BUY 1000 @ 0.40 (mid 0.50).
/// Marks after each real fill at +1 s, +5 s, +30 s, +60 s, +5 min; at each hour T0 .. T0+4 h; last mid 0.55 at T0+4 h.
/// Real reward samples: T0+30 min, 60 s, our Q 25 of 100, pool 144/day; T0+150 min, 120 s, our 10 of 40, pool 144/day.
/// </summary>
public sealed class TruthReportAcceptanceTests
{
    private const int P = 10_000; // one cent in raw price units

    internal static HandMadeStore Canonical(HandMadeStore s, bool real = true, bool simulated = true)
    {
        // Hour marks (also the Sharpe valuation points).
        s.Mark(T0, 50 * P).Mark(T0 + 60 * Minute, 50 * P).Mark(T0 + 120 * Minute, 51 * P).Mark(T0 + 180 * Minute, 54 * P).Mark(T0 + 240 * Minute, 55 * P);

        // F1 and its markout marks: 0.50 at fill, then 0.50, 0.495, 0.49, 0.48, 0.47.
        var t1 = T0 + (10 * Minute);
        s.Mark(t1, 50 * P).Mark(t1 + 1_000, 50 * P).Mark(t1 + 5_000, 495_000).Mark(t1 + 30_000, 49 * P).Mark(t1 + 60_000, 48 * P).Mark(t1 + 300_000, 47 * P);

        // F2: 0.51 at fill, then 0.51, 0.515, 0.52, 0.53, 0.50.
        var t2 = T0 + (70 * Minute);
        s.Mark(t2, 51 * P).Mark(t2 + 1_000, 51 * P).Mark(t2 + 5_000, 515_000).Mark(t2 + 30_000, 52 * P).Mark(t2 + 60_000, 53 * P).Mark(t2 + 300_000, 50 * P);

        // F3: 0.52 at fill, then 0.52, 0.52, 0.525, 0.53, 0.54.
        var t3 = T0 + (130 * Minute);
        s.Mark(t3, 52 * P).Mark(t3 + 1_000, 52 * P).Mark(t3 + 5_000, 52 * P).Mark(t3 + 30_000, 525_000).Mark(t3 + 60_000, 53 * P).Mark(t3 + 300_000, 54 * P);

        if (real)
        {
            s.Fill(t1, Side.Buy, 49 * P, 100, StoredLiquidity.Maker, simulated: false, source: StoredClassificationSource.Origin);
            s.Fill(t2, Side.Sell, 52 * P, 40, StoredLiquidity.Maker, simulated: false);
            s.Fill(t3, Side.Buy, 53 * P, 50, StoredLiquidity.Taker, simulated: false, feeRaw: 498_200);
            s.Fill(T0 + (20 * Minute), Side.Buy, 1 * P, 500, StoredLiquidity.Maker, simulated: false, status: TradeStatusCode.Failed);
            s.Reward(T0 + (30 * Minute), 60_000, 25, 100, 144, simulated: false);
            s.Reward(T0 + (150 * Minute), 120_000, 10, 40, 144, simulated: false);
        }

        if (simulated)
        {
            s.Fill(t1, Side.Buy, 40 * P, 1000, StoredLiquidity.Maker, simulated: true);
        }

        return s;
    }

    internal static ReportOptions SmallOptions() => new()
    {
        MaxMarkAgeMs = 10 * Minute,
        MinObservations = 3,
        GateA = new GateAOptions { MinSimulatedMakerFills = 1 },
        GateB = new GateBOptions { MinRealMakerFills = 2, SharpePeriod = "hour" },
    };

    private static TruthReport Report(ReportOptions? options = null, bool real = true, bool simulated = true)
    {
        using var store = Canonical(new HandMadeStore(), real, simulated);
        return TruthReportBuilder.Build(ReportInput.FromStore(store.Write()), options ?? SmallOptions());
    }

    private static LiquidityFigures Group(ProvenanceFigures p, string liquidity) => p.ByLiquidity.Single(l => l.Liquidity == liquidity);

    [Fact]
    public void RealizedSpread_PerGroup_MatchesHandArithmetic()
    {
        var report = Report();
        var maker = Group(report.Real, "maker");
        var taker = Group(report.Real, "taker");

        // Maker: F1 +1 x (0.50 - 0.49) x 100 = 1.00; F2 -1 x (0.51 - 0.52) x 40 = 0.40; (1.00 + 0.40) / 140 shares = 0.01.
        Assert.Equal(2, maker.Fills);
        Assert.Equal(140, maker.Shares, 9);
        Assert.Equal(0.01, maker.RealizedSpreadPerShare!.Value, 12);
        Assert.Equal(1.40, maker.SpreadCapture!.Value, 12);

        // Taker: F3 +1 x (0.52 - 0.53) = -0.01 per share, x 50 = -0.50.
        Assert.Equal(1, taker.Fills);
        Assert.Equal(-0.01, taker.RealizedSpreadPerShare!.Value, 12);
        Assert.Equal(-0.50, taker.SpreadCapture!.Value, 12);

        // The evidence behind each classification is kept: F1 by origin, F2 by the trade's order ids.
        Assert.Equal(1, maker.ClassificationSources["origin"]);
        Assert.Equal(1, maker.ClassificationSources["trade_order_ids"]);
    }

    [Fact]
    public void Markouts_AtEveryHorizon_MatchHandArithmetic()
    {
        var report = Report();
        var maker = Group(report.Real, "maker");
        var taker = Group(report.Real, "taker");

        // Maker per share, size-weighted over F1 (100) and F2 (40):
        //  1 s: F1 0.50-0.49 = 0.01, F2 -(0.51-0.52) = 0.01             -> 0.01
        //  5 s: F1 0.495-0.49 = 0.005, F2 -(0.515-0.52) = 0.005        -> 0.005
        // 30 s: F1 0.49-0.49 = 0, F2 -(0.52-0.52) = 0                  -> 0
        // 60 s: F1 0.48-0.49 = -0.01, F2 -(0.53-0.52) = -0.01          -> -0.01
        //  5 m: F1 0.47-0.49 = -0.02, F2 -(0.50-0.52) = +0.02          -> (100 x -0.02 + 40 x 0.02) / 140 = -1.2 / 140
        double[] makerExpected = [0.01, 0.005, 0, -0.01, -1.2 / 140];
        // Taker F3: 0.52-0.53, 0.52-0.53, 0.525-0.53, 0.53-0.53, 0.54-0.53.
        double[] takerExpected = [-0.01, -0.01, -0.005, 0, 0.01];
        for (var h = 0; h < 5; h++)
        {
            Assert.Equal(makerExpected[h], maker.Markouts[h].PerShare!.Value, 12);
            Assert.Equal(takerExpected[h], taker.Markouts[h].PerShare!.Value, 12);
            Assert.Equal(2, maker.Markouts[h].Fills);
            Assert.Equal(0, maker.Markouts[h].FillsMissing);
        }

        // The plain mean per fill differs from the size-weighted one at 5 min: (-0.02 + 0.02) / 2 = 0.
        Assert.Equal(0, maker.Markouts[4].MeanPerFill!.Value, 12);
        Assert.Equal(new long[] { 1_000, 5_000, 30_000, 60_000, 300_000 }, maker.Markouts.Select(m => m.HorizonMs));
    }

    [Fact]
    public void PnlSplit_MatchesHandArithmetic_AndAddsUpToCashPlusPositionAtLastMid()
    {
        var pnl = Report().Real.Pnl!;

        // Spread capture: 1.00 + 0.40 - 0.50 = 0.90.
        Assert.Equal(0.90, pnl.SpreadCapture, 12);
        // Inventory: side x size x (last mid 0.55 - mid at fill): 100 x 0.05 - 40 x 0.04 + 50 x 0.03 = 5.0 - 1.6 + 1.5 = 4.9.
        Assert.Equal(4.9, pnl.InventoryPnl, 12);
        Assert.Equal(0.4982, pnl.Fees, 12);
        // Rewards: 25/100 x 144 x 60,000/86,400,000 = 0.025; 10/40 x 144 x 120,000/86,400,000 = 0.05; sum 0.075.
        Assert.True(pnl.RewardsIncluded);
        Assert.Equal(0.075, pnl.Rewards, 12);
        Assert.Equal(0.90 + 4.9 - 0.4982 + 0.075, pnl.Total, 12);

        // Independently: cash -49 + 20.8 - 26.5 = -54.7; position 100 - 40 + 50 = 110 at 0.55 = 60.5; 60.5 - 54.7 = 5.8.
        Assert.Equal(5.8 - 0.4982 + 0.075, pnl.Total, 12);
        Assert.Equal(pnl.Total, pnl.SpreadCapture + pnl.InventoryPnl - pnl.Fees + pnl.Rewards, 12);
    }

    [Fact]
    public void PnlSplit_ByLiquidity_AddsUpToTheProvenanceTotal()
    {
        var report = Report();
        var maker = Group(report.Real, "maker");
        var taker = Group(report.Real, "taker");

        // Maker inventory 5.0 - 1.6 = 3.4; taker 1.5; fees all on the taker fill.
        Assert.Equal(3.4, maker.InventoryPnl!.Value, 12);
        Assert.Equal(1.5, taker.InventoryPnl!.Value, 12);
        Assert.Equal(0, maker.FeesPaid);
        Assert.Equal(0.4982 / 50, taker.FeesPerShare!.Value, 12);
        Assert.Equal(report.Real.Pnl!.SpreadCapture, maker.SpreadCapture!.Value + taker.SpreadCapture!.Value, 12);
        Assert.Equal(report.Real.Pnl!.InventoryPnl, maker.InventoryPnl.Value + taker.InventoryPnl.Value, 12);
    }

    [Fact]
    public void SharpePerHour_MatchesHandArithmetic()
    {
        var sharpe = Report().Real.SharpeHourly;

        // PnL marked to mid at each hour (fills and rewards strictly before the boundary):
        //  T0: 0
        //  T0+1h: cash -49, 100 sh x 0.50 = 50 -> 1.0, + reward 0.025                          = 1.025
        //  T0+2h: cash -28.2, 60 sh x 0.51 = 30.6 -> 2.4, + 0.025                               = 2.425
        //  T0+3h: cash -54.7, 110 sh x 0.54 = 59.4 -> 4.7, - fee 0.4982, + 0.075                = 4.2768
        //  T0+4h: 110 x 0.55 = 60.5 -> 5.8 - 0.4982 + 0.075                                     = 5.3768
        // Returns 1.025, 1.4, 1.8518, 1.1: mean 5.3768 / 4 = 1.3442;
        // squared deviations 0.3192^2 + 0.0558^2 + 0.5076^2 + 0.2442^2 = 0.42229368; sample stdev sqrt(0.42229368 / 3).
        Assert.Equal("OK", sharpe.Status);
        Assert.Equal(4, sharpe.Observations);
        Assert.Equal(0, sharpe.PeriodsUnvalued);
        Assert.Equal(1.3442, sharpe.MeanPnl!.Value, 9);
        Assert.Equal(Math.Sqrt(0.42229368 / 3), sharpe.StdevPnl!.Value, 9);
        Assert.Equal(1.3442 / Math.Sqrt(0.42229368 / 3), sharpe.Sharpe!.Value, 9);

        // Every return is positive, so every resample's Sharpe is too: the CI lies above zero and brackets nothing silly.
        Assert.True(sharpe.CiLow > 0);
        Assert.True(sharpe.CiLow <= sharpe.CiHigh);
    }

    [Fact]
    public void SharpePerDay_BelowMinimum_IsNotEnoughDataWithNoNumber()
    {
        var report = Report();
        var daily = report.Real.SharpeDaily;

        // T0 + 2 h is a UTC day boundary and the data ends at T0 + 4 h: one whole day observed, fewer than 3.
        Assert.Equal("NOT_ENOUGH_DATA", daily.Status);
        Assert.Equal(1, daily.Observations);
        Assert.Null(daily.Sharpe);
        Assert.Null(daily.CiLow);
        Assert.Null(daily.MeanPnl);
    }

    [Fact]
    public void DefaultMinimum_ThirtyObservations_PrintsNotEnoughDataEverywhereItApplies()
    {
        var report = Report(new ReportOptions { MaxMarkAgeMs = 10 * Minute });

        Assert.Equal("NOT_ENOUGH_DATA", report.Real.SharpeHourly.Status);
        Assert.Null(report.Real.SharpeHourly.Sharpe);
        Assert.Equal(4, report.Real.SharpeHourly.Observations);
        Assert.Null(Group(report.Real, "maker").Markouts[2].CiLow);
        var sharpeCriterion = report.GateB.Criteria.Single(c => c.Name == "real_sharpe_ci_low");
        Assert.Equal(Verdict.NotEnoughData, sharpeCriterion.Verdict);
        Assert.Null(sharpeCriterion.Value);
        Assert.Contains("fewer than min_observations (30)", sharpeCriterion.Detail);
        Assert.Equal(Verdict.NotEnoughData, report.GateA.Verdict);
        Assert.Contains("NOT ENOUGH DATA", TruthReportHtml.Render(report));
    }

    [Fact]
    public void Bootstrap_SameSeed_SameReport()
    {
        var a = Report().Real.SharpeHourly;
        var b = Report().Real.SharpeHourly;

        Assert.NotNull(a.CiLow);
        Assert.Equal(a.CiLow, b.CiLow);
        Assert.Equal(a.CiHigh, b.CiHigh);
    }

    [Fact]
    public void FailedTrade_IsExcludedFromEveryFigure()
    {
        var report = Report();

        // F4 (500 @ 0.01, FAILED) would add 500 x 0.49 = 245 of spread capture if it counted.
        Assert.Equal(1, report.Real.FailedFillsExcluded);
        Assert.Equal(3, report.Real.Fills);
        Assert.Equal(2, Group(report.Real, "maker").Fills);
    }

    [Fact]
    public void Gates_DecidedByTheFiguresInTheReport()
    {
        var report = Report();

        // Gate A: 1 simulated maker fill >= 1 PASS; its 30 s markout CI needs 3 fills: NOT ENOUGH DATA;
        // calibration 1 simulated / 2 real maker fills = 0.5 <= 1 PASS. Overall NOT ENOUGH DATA.
        Assert.Equal(Verdict.NotEnoughData, report.GateA.Verdict);
        Assert.Equal([Verdict.Pass, Verdict.NotEnoughData, Verdict.Pass], report.GateA.Criteria.Select(c => c.Verdict));
        Assert.Equal(0.5, report.GateA.Criteria[2].Value);

        // Gate B: 2 real maker fills >= 2 PASS; edge = 30 s markout 0 - fees 0 = 0, not > 0: FAIL; Sharpe CI low > 0 PASS.
        Assert.Equal(Verdict.Fail, report.GateB.Verdict);
        Assert.Equal([Verdict.Pass, Verdict.Fail, Verdict.Pass], report.GateB.Criteria.Select(c => c.Verdict));
        Assert.Equal(0, report.GateB.Criteria[1].Value!.Value, 12);
    }

    [Fact]
    public void Calibration_ComparesMakerFillsOverTheMarkWindow()
    {
        var c = Report().Calibration;

        // Marks span T0 .. T0+4 h: 2 real maker fills / 4 h = 0.5 per hour, 1 simulated / 4 h = 0.25.
        Assert.True(c.Available);
        Assert.Equal(4, c.WindowHours!.Value, 12);
        Assert.Equal(0.5, c.RealMakerFillsPerHour!.Value, 12);
        Assert.Equal(0.25, c.SimulatedMakerFillsPerHour!.Value, 12);
        Assert.Equal(0.5, c.FillRateRatio!.Value, 12);
        // Mean size 1000 simulated against 70 real.
        Assert.Equal(1000.0 / 70, c.FillSizeRatio!.Value, 9);
    }

    [Fact]
    public void RealAndSimulated_NeverMix_EachSideUnchangedByTheOther()
    {
        var both = Report();
        var simulatedOnly = Report(real: false);
        var realOnly = Report(simulated: false);

        // S1: +1 x (0.50 - 0.40) = 0.10 per share; a mixed maker figure would be (1.40 + 100) / 1140, not 0.01.
        Assert.Equal(0.10, Group(both.Simulated, "maker").RealizedSpreadPerShare!.Value, 12);
        Assert.Equal(0.01, Group(both.Real, "maker").RealizedSpreadPerShare!.Value, 12);
        Assert.Equal(Json(both.Real), Json(realOnly.Real));
        Assert.Equal(Json(both.Simulated), Json(simulatedOnly.Simulated));

        // Simulated PnL: spread 1000 x 0.10 = 100; inventory 1000 x (0.55 - 0.50) = 50; no simulated rewards recorded.
        Assert.Equal(150, both.Simulated.Pnl!.Total, 9);
        Assert.False(both.Simulated.Pnl.RewardsIncluded);
        Assert.Contains(both.Missing, m => m.Figure == "simulated.rewards");
        Assert.Equal(0, simulatedOnly.Real.Fills);
        Assert.Equal(0, simulatedOnly.Real.Pnl!.Total);
    }

    private static string Json(ProvenanceFigures figures) => JsonSerializer.Serialize(figures);
}
