using System.Globalization;
using System.Text;
using System.Text.Json;
using FastMaker.Engine.Store;
using FastMaker.Paper.Execution;
using FastMaker.Paper.Report;

namespace FastMaker.Paper.Calibration;

/// <summary>
/// Compares a live run's store with the paper run's store over the same market data, using the truth report's own
/// figures (so markouts are computed exactly as <c>fastmaker report</c> computes them). Cold path.
/// </summary>
public static class CalibrationComparer
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>Builds the comparison; <paramref name="paper"/> is the replay's result (market volume, capture span).</summary>
    public static CalibrationResult Compare(string scenario, string liveStorePath, string paperStorePath, PaperReplayResult paper)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(liveStorePath);
        ArgumentNullException.ThrowIfNull(paperStorePath);
        ArgumentNullException.ThrowIfNull(paper);
        var seconds = paper.CaptureSpanMs / 1000.0;
        var options = new ReportOptions { MarkoutHorizonsMs = CalibrationResult.MarkoutHorizonsMs };
        var liveReport = TruthReportBuilder.Build(ReportInput.FromStore(liveStorePath), options);
        var paperReport = TruthReportBuilder.Build(ReportInput.FromStore(paperStorePath), options);
        var live = Side("live", liveReport.Real, liveReport.Marks, OrderCount(liveStorePath), seconds);
        var sim = Side("paper", paperReport.Simulated, paperReport.Marks, OrderCount(paperStorePath), seconds);
        var findings = new List<string>();
        if (liveReport.Simulated.Fills > 0)
        {
            findings.Add("BUG: the live store holds " + liveReport.Simulated.Fills + " simulated fills");
        }

        if (paperReport.Real.Fills > 0)
        {
            findings.Add("BUG: the paper store holds " + paperReport.Real.Fills + " fills marked real");
        }

        var result = new CalibrationResult
        {
            Scenario = scenario,
            Live = live,
            Paper = sim,
            MarketTrades = paper.MarketTrades,
            MarketTradedShares = paper.MarketTradedShares.Raw / 1e6,
            Findings = findings,
        };
        if (result.PaperExceedsMarketVolume)
        {
            findings.Add(Inv($"BUG: the paper model filled {sim.FilledShares:F2} shares, more than the {result.MarketTradedShares:F2} the market traded"));
        }

        if (result.PaperFillsMoreThanLive)
        {
            findings.Add(Inv($"BUG TO FIND: the paper model filled more than the venue did ({sim.FilledShares:F2} vs {live.FilledShares:F2} shares): it is optimistic"));
        }

        if (live.Fills == 0)
        {
            findings.Add("the live run had no fill: no ratio can be computed; run longer");
        }

        if (paper.Warnings.Count > 0)
        {
            findings.AddRange(paper.Warnings);
        }

        return result;
    }

    /// <summary>The side-by-side table for the terminal.</summary>
    public static string ToText(CalibrationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var sb = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        sb.Append(c, $"calibration: scenario {r.Scenario}, {r.Live.Seconds:F1} s of market data, {r.MarketTrades} market trades ({r.MarketTradedShares:F2} shares)\n");
        sb.Append(c, $"{"figure",-28} {"live",12} {"paper",12} {"paper/live",12}\n");
        Row(sb, "orders placed", r.Live.OrdersPlaced, r.Paper.OrdersPlaced, Div(r.Paper.OrdersPlaced, r.Live.OrdersPlaced));
        Row(sb, "fills", r.Live.Fills, r.Paper.Fills, r.FillCountRatio);
        Row(sb, "  maker", r.Live.MakerFills, r.Paper.MakerFills, Div(r.Paper.MakerFills, r.Live.MakerFills));
        Row(sb, "  taker", r.Live.TakerFills, r.Paper.TakerFills, Div(r.Paper.TakerFills, r.Live.TakerFills));
        Row(sb, "filled shares", r.Live.FilledShares, r.Paper.FilledShares, r.FilledSharesRatio);
        Row(sb, "fills per minute", r.Live.FillsPerMinute, r.Paper.FillsPerMinute, Div(r.Paper.FillsPerMinute, r.Live.FillsPerMinute));
        Row(sb, "fill rate (fills/order)", r.Live.FillsPerOrder, r.Paper.FillsPerOrder, r.FillRateRatio);
        Row(sb, "mean fill size (shares)", r.Live.MeanFillSize, r.Paper.MeanFillSize, r.FillSizeRatio);
        for (int h = 0; h < CalibrationResult.MarkoutHorizonsMs.Length; h++)
        {
            var name = Inv($"maker markout {CalibrationResult.MarkoutHorizonsMs[h] / 1000} s (/share)");
            Row(sb, name, r.Live.MakerMarkoutsPerShare[h], r.Paper.MakerMarkoutsPerShare[h],
                Div(r.Paper.MakerMarkoutsPerShare[h], r.Live.MakerMarkoutsPerShare[h]));
        }

        sb.Append(c, $"marks stored: live {r.Live.Marks}, paper {r.Paper.Marks}\n");
        foreach (var f in r.Findings)
        {
            sb.Append("note: ").Append(f).Append('\n');
        }

        if (r.Findings.Count == 0)
        {
            sb.Append("note: the paper model filled no more than the venue did and no more than the market traded\n");
        }

        return sb.ToString();
    }

    /// <summary>The comparison as indented JSON (every figure, the ratios, the findings).</summary>
    public static string ToJson(CalibrationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var doc = new Dictionary<string, object?>
        {
            ["scenario"] = r.Scenario,
            ["live"] = r.Live,
            ["paper"] = r.Paper,
            ["marketTrades"] = r.MarketTrades,
            ["marketTradedShares"] = r.MarketTradedShares,
            ["markoutHorizonsMs"] = CalibrationResult.MarkoutHorizonsMs,
            ["ratios"] = new Dictionary<string, double?>
            {
                ["fillCount"] = r.FillCountRatio,
                ["fillRate"] = r.FillRateRatio,
                ["fillSize"] = r.FillSizeRatio,
                ["filledShares"] = r.FilledSharesRatio,
            },
            ["paperFillsMoreThanLive"] = r.PaperFillsMoreThanLive,
            ["paperExceedsMarketVolume"] = r.PaperExceedsMarketVolume,
            ["findings"] = r.Findings,
        };
        return JsonSerializer.Serialize(doc, Json);
    }

    private static CalibrationSide Side(string run, ProvenanceFigures figures, int marks, int orders, double seconds)
    {
        int maker = 0, taker = 0;
        double shares = 0;
        var markouts = new double?[CalibrationResult.MarkoutHorizonsMs.Length];
        var markoutFills = new int[markouts.Length];
        foreach (var l in figures.ByLiquidity)
        {
            shares += l.Shares;
            if (l.Liquidity == "maker")
            {
                maker = l.Fills;
                for (int h = 0; h < markouts.Length && h < l.Markouts.Count; h++)
                {
                    markouts[h] = l.Markouts[h].PerShare;
                    markoutFills[h] = l.Markouts[h].Fills;
                }
            }
            else if (l.Liquidity == "taker")
            {
                taker = l.Fills;
            }
        }

        var fills = figures.Fills;
        return new CalibrationSide
        {
            Run = run,
            Seconds = seconds,
            OrdersPlaced = orders,
            Fills = fills,
            MakerFills = maker,
            TakerFills = taker,
            FilledShares = shares,
            FillsPerMinute = seconds > 0 ? fills * 60.0 / seconds : null,
            FillsPerOrder = orders > 0 ? (double)fills / orders : null,
            MeanFillSize = fills > 0 ? shares / fills : null,
            MakerMarkoutsPerShare = markouts,
            MakerMarkoutFills = markoutFills,
            Marks = marks,
        };
    }

    private static int OrderCount(string storePath)
    {
        using var store = SqliteStore.Open(storePath);
        return store.Load().Orders.Count;
    }

    private static double? Div(double? a, double? b) => a is { } x && b is { } y && y != 0 ? x / y : null;

    private static void Row(StringBuilder sb, string name, double? live, double? paper, double? ratio) =>
        sb.Append(CultureInfo.InvariantCulture, $"{name,-28} {Fmt(live),12} {Fmt(paper),12} {Fmt(ratio),12}\n");

    private static string Fmt(double? v) => v is { } x ? x.ToString(Math.Abs(x) >= 100 || x == Math.Floor(x) ? "F0" : "F4", CultureInfo.InvariantCulture) : "n/a";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
