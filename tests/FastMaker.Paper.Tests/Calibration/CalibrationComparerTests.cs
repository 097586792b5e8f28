using System.Text.Json;
using FastMaker.Engine.Store;
using FastMaker.Paper.Calibration;
using FastMaker.Paper.Execution;
using FastMaker.Paper.Tests.Report;
using FastMaker.Polymarket.Orders;
using FastMaker.Primitives;

namespace FastMaker.Paper.Tests.Calibration;

/// <summary>The side-by-side comparison on hand-made stores whose figures are computed by hand.</summary>
public sealed class CalibrationComparerTests : IDisposable
{
    private const long T0 = HandMadeStore.T0;
    private readonly HandMadeStore _live = new();
    private readonly HandMadeStore _paper = new();

    public void Dispose()
    {
        _live.Dispose();
        _paper.Dispose();
    }

    private static HandMadeStore Marks(HandMadeStore store, int mid = 500_000)
    {
        // A flat mid of 0.50 every second for two minutes.
        for (long t = 0; t <= 120_000; t += 1_000) store.Mark(T0 + t, mid);
        return store;
    }

    private static PaperReplayResult Replay(double tradedShares) => new()
    {
        CaptureSpanMs = 120_000,
        MarketTrades = 7,
        MarketTradedShares = Quantity.FromRaw((long)(tradedShares * Quantity.Scale)),
    };

    [Fact]
    public void PaperFillsHalfOfLive_RatiosAndMarkoutsComputedByHand()
    {
        // Live: two maker buys of 10 at 0.49; paper: one. Mid 0.50 throughout: markout +0.01 per share at every horizon.
        var live = Marks(_live).Fill(T0 + 10_000, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: false)
            .Fill(T0 + 20_000, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: false).Write();
        var paper = Marks(_paper).Fill(T0 + 10_000, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: true).Write();

        var r = CalibrationComparer.Compare("calm", live, paper, Replay(100));

        Assert.Equal(2, r.Live.Fills);
        Assert.Equal(2, r.Live.MakerFills);
        Assert.Equal(0, r.Live.TakerFills);
        Assert.Equal(1, r.Paper.Fills);
        Assert.Equal(20.0, r.Live.FilledShares, 9);
        Assert.Equal(10.0, r.Paper.FilledShares, 9);
        Assert.Equal(0.5, r.FillCountRatio!.Value, 9);
        Assert.Equal(0.5, r.FilledSharesRatio!.Value, 9);
        Assert.Equal(1.0, r.FillSizeRatio!.Value, 9);
        Assert.Equal(1.0, r.Live.FillsPerMinute!.Value, 9);   // 2 fills in 120 s
        Assert.Equal(0.5, r.Paper.FillsPerMinute!.Value, 9);
        Assert.Null(r.Live.FillsPerOrder);                      // the hand-made stores hold no orders
        Assert.Null(r.FillRateRatio);
        for (int h = 0; h < CalibrationResult.MarkoutHorizonsMs.Length; h++)
        {
            Assert.Equal(0.01, r.Live.MakerMarkoutsPerShare[h]!.Value, 9);
            Assert.Equal(0.01, r.Paper.MakerMarkoutsPerShare[h]!.Value, 9);
            Assert.Equal(2, r.Live.MakerMarkoutFills[h]);
        }

        Assert.False(r.PaperFillsMoreThanLive);
        Assert.False(r.PaperExceedsMarketVolume);
        Assert.Empty(r.Findings);
        var text = CalibrationComparer.ToText(r);
        Assert.Contains("fills ", text);
        Assert.Contains("0.5000", text);

        using var json = JsonDocument.Parse(CalibrationComparer.ToJson(r));
        Assert.Equal(0.5, json.RootElement.GetProperty("ratios").GetProperty("fillCount").GetDouble(), 9);
        Assert.Equal(2, json.RootElement.GetProperty("live").GetProperty("Fills").GetInt32());
        Assert.False(json.RootElement.GetProperty("paperFillsMoreThanLive").GetBoolean());
    }

    [Fact]
    public void PaperFillsMoreThanLiveAndThanTheMarketTraded_IsReportedAsABug()
    {
        var live = Marks(_live).Fill(T0 + 10_000, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: false).Write();
        var paper = Marks(_paper).Fill(T0 + 10_000, Side.Buy, 490_000, 20, StoredLiquidity.Maker, simulated: true)
            .Fill(T0 + 30_000, Side.Sell, 510_000, 10, StoredLiquidity.Maker, simulated: true).Write();

        var r = CalibrationComparer.Compare("toxic-burst", live, paper, Replay(25));

        Assert.True(r.PaperFillsMoreThanLive);
        Assert.True(r.PaperExceedsMarketVolume);
        Assert.Contains(r.Findings, f => f.StartsWith("BUG TO FIND", StringComparison.Ordinal));
        Assert.Contains(r.Findings, f => f.Contains("more than the 25.00 the market traded", StringComparison.Ordinal));
        Assert.Equal(3.0, r.FilledSharesRatio!.Value, 9);
    }

    [Fact]
    public void MislabelledStores_AreReportedAsBugs_AndTheirFillsNotCountedOnTheWrongSide()
    {
        // A simulated fill in the live store and a real one in the paper store: neither is counted, both are flagged.
        var live = Marks(_live).Fill(T0 + 10_000, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: true).Write();
        var paper = Marks(_paper).Fill(T0 + 10_000, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: false).Write();

        var r = CalibrationComparer.Compare("calm", live, paper, Replay(100));

        Assert.Equal(0, r.Live.Fills);
        Assert.Equal(0, r.Paper.Fills);
        Assert.Contains("BUG: the live store holds 1 simulated fills", r.Findings);
        Assert.Contains("BUG: the paper store holds 1 fills marked real", r.Findings);
        Assert.Contains(r.Findings, f => f.Contains("the live run had no fill", StringComparison.Ordinal));
        Assert.Null(r.FillCountRatio);
    }

    [Fact]
    public void MissingStore_ThrowsWithTheFileName()
    {
        var live = Marks(_live).Write();
        var missing = Path.Combine(_paper.Directory, "nope", "paper.db");
        var e = Assert.ThrowsAny<Exception>(() => CalibrationComparer.Compare("calm", live, missing, Replay(1)));
        Assert.Contains("nope", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CombinedStore_HoldsBothRunsFills_AndTheReportComputesTheCalibration()
    {
        // Live: two maker fills, paper: one, over the same 120 s: the report's fill-rate ratio is 1/2.
        var live = Marks(_live).Fill(T0 + 10_000, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: false)
            .Fill(T0 + 20_000, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: false).Write();
        var paper = Marks(_paper).Write();
        AddPaperFill(paper, T0 + 10_000, 490_000, 10);
        var combined = Path.Combine(_live.Directory, "calibration.db");

        var (real, simulated) = CalibrationStore.WriteCombined(live, paper, combined);

        Assert.Equal((2, 1), (real, simulated));
        var report = FastMaker.Paper.Report.TruthReportBuilder.Build(FastMaker.Paper.Report.ReportInput.FromStore(combined));
        Assert.Equal(2, report.Real.Fills);
        Assert.Equal(1, report.Simulated.Fills);
        Assert.Equal(121, report.Marks);
        Assert.True(report.Calibration.Available);
        Assert.Equal(0.5, report.Calibration.FillRateRatio!.Value, 9);
    }

    [Fact]
    public void CombinedStore_RefusesTheSameFillInBothStores()
    {
        // The hand-made stores number their fills from 1: the same (trade, order) key in both would replace one another.
        var live = Marks(_live).Fill(T0 + 10_000, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: false).Write();
        var paper = Marks(_paper).Fill(T0 + 10_000, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: true).Write();
        var e = Assert.Throws<InvalidDataException>(() => CalibrationStore.WriteCombined(live, paper, Path.Combine(_live.Directory, "c.db")));
        Assert.Contains("in both the live and the paper store", e.Message, StringComparison.Ordinal);
    }

    private static void AddPaperFill(string path, long timeMs, int price, long shares)
    {
        using var store = SqliteStore.Open(path);
        var tradeId = new Guid(0x50415052u, 0, 1, 0, 0, 0, 0, 0, 0, 0, 9); // a paper venue's id ("PAPR")
        var order = Hash32.Parse("0x" + new string('7', 64));
        var group = store.LastGroupSequence + 1;
        store.ApplyGroups(new[]
        {
            StoreChange.Of(new StoredFill(tradeId, order, HandMadeStore.TokenA, Side.Buy, Price.FromRaw(price), Quantity.FromRaw(shares * Quantity.Scale),
                Amount.Zero, FastMaker.Polymarket.Parsing.TradeStatusCode.Confirmed, StoredLiquidity.Maker, StoredClassificationSource.TradeOrderIds, true,
                timeMs, timeMs)),
            StoreChange.EndOfGroup(group),
        }, group);
    }

    [Fact]
    public void CombinedStore_RefusesAMislabelledLiveStore()
    {
        var live = Marks(_live).Fill(T0 + 10_000, Side.Buy, 490_000, 10, StoredLiquidity.Maker, simulated: true).Write();
        var paper = Marks(_paper).Write();
        var e = Assert.Throws<InvalidDataException>(() => CalibrationStore.WriteCombined(live, paper, Path.Combine(_live.Directory, "c.db")));
        Assert.Contains("holds a simulated fill", e.Message, StringComparison.Ordinal);
    }
}
