using System.Globalization;
using System.Net;
using System.Text;

namespace FastMaker.Paper.Report;

/// <summary>
/// The report as one self-contained HTML page: the gates, every figure per (real | simulated) x (maker | taker), the
/// missing figures with reasons, and inline SVG plots (cumulative PnL by component, markout curves maker vs taker,
/// inventory over time, fill-rate calibration). No script, no external resource.
/// </summary>
public static class TruthReportHtml
{
    /// <summary>The page as text.</summary>
    public static string Render(TruthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>FastMaker truth report</title><style>")
            .Append("body{font-family:sans-serif;margin:24px;color:#222}table{border-collapse:collapse;margin:8px 0 16px}")
            .Append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f4f4f4}td.l,th.l{text-align:left}")
            .Append(".PASS{color:#137333;font-weight:bold}.FAIL{color:#b3261e;font-weight:bold}.NOT_ENOUGH_DATA{color:#8a6d00;font-weight:bold}")
            .Append("code{background:#f4f4f4;padding:1px 4px}</style></head><body>");
        sb.Append("<h1>FastMaker truth report</h1>");
        P(sb, $"Store <code>{E(report.Store)}</code>, schema version {report.SchemaVersion}, {report.Marks} marks. "
            + "Real and simulated fills are never mixed in one figure; within each, maker and taker are never mixed.");

        sb.Append("<h2>Gates</h2>");
        Gate(sb, report.GateA);
        Gate(sb, report.GateB);

        foreach (var p in (ReadOnlySpan<ProvenanceFigures>)[report.Real, report.Simulated])
        {
            Provenance(sb, p, report.Config);
        }

        sb.Append("<h2>Calibration: paper against venue</h2>");
        var c = report.Calibration;
        if (!c.Available)
        {
            P(sb, "Not available (see missing figures).");
        }
        else
        {
            sb.Append("<table><tr><th class=l>figure</th><th>value</th></tr>");
            Row(sb, "window (hours)", N(c.WindowHours));
            Row(sb, "real maker fills per hour", N(c.RealMakerFillsPerHour));
            Row(sb, "simulated maker fills per hour", N(c.SimulatedMakerFillsPerHour));
            Row(sb, "fill-rate ratio (simulated / real)", N(c.FillRateRatio));
            Row(sb, "fill-size ratio (simulated / real)", N(c.FillSizeRatio));
            Row(sb, "real maker 30 s markout per share", N(c.RealMakerMarkout30s));
            Row(sb, "simulated maker 30 s markout per share", N(c.SimulatedMakerMarkout30s));
            sb.Append("</table>");
            var realTimes = report.Real.Series.MakerFillTimes;
            var simTimes = report.Simulated.Series.MakerFillTimes;
            var origin = Math.Min(realTimes.Count > 0 ? realTimes[0] : long.MaxValue, simTimes.Count > 0 ? simTimes[0] : long.MaxValue);
            sb.Append(SvgLineChart.Render("Fill-rate calibration: cumulative maker fills", "hours since first maker fill", "maker fills",
                [Cumulative("real (venue)", realTimes, origin), Cumulative("simulated (paper)", simTimes, origin)], steps: true));
        }

        sb.Append("<h2>Missing figures</h2>");
        if (report.Missing.Count == 0)
        {
            P(sb, "None.");
        }
        else
        {
            sb.Append("<table><tr><th class=l>figure</th><th class=l>why it is missing</th></tr>");
            foreach (var m in report.Missing)
            {
                sb.Append("<tr><td class=l>").Append(E(m.Figure)).Append("</td><td class=l>").Append(E(m.Reason)).Append("</td></tr>");
            }

            sb.Append("</table>");
        }

        sb.Append("<h2>Definitions</h2><ul>")
            .Append("<li>side = +1 for a buy, -1 for a sell; prices in collateral per share; money in collateral.</li>")
            .Append("<li>Realized spread = size-weighted side x (mid at fill - fill price); the mid at fill is the latest mark at or before the match time, at most max_mark_age_ms old.</li>")
            .Append("<li>Markout at h = size-weighted side x (mid at fill time + h - fill price); a fill whose token has no mark at t + h is left out and counted as missing.</li>")
            .Append("<li>PnL: spread capture = Σ side x (mid at fill - price) x size; inventory PnL = Σ side x size x (last mid - mid at fill); total = spread capture + inventory PnL - fees + rewards, equal to cash flow + position x last mid - fees + rewards.</li>")
            .Append("<li>Sharpe per hour or day = mean / sample standard deviation of the change in marked-to-mid PnL over each whole UTC period (not annualized); 95% CI by percentile bootstrap, seeded; below min_observations: NOT ENOUGH DATA.</li>")
            .Append("<li>Rewards: ").Append(E(report.Real.Rewards.Formula)).Append(".</li></ul>");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Gate(StringBuilder sb, GateResult gate)
    {
        var verdict = VerdictText(gate.Verdict);
        sb.Append("<h3>").Append(E(gate.Name)).Append(" (").Append(E(gate.Meaning)).Append("): <span class=")
            .Append(verdict.Replace(' ', '_')).Append('>').Append(verdict).Append("</span></h3>");
        sb.Append("<table><tr><th class=l>criterion</th><th class=l>rule</th><th>figure</th><th>threshold</th><th>verdict</th><th class=l>note</th></tr>");
        foreach (var c in gate.Criteria)
        {
            var v = VerdictText(c.Verdict);
            sb.Append("<tr><td class=l>").Append(E(c.Name)).Append("</td><td class=l>").Append(E(c.Rule)).Append("</td><td>")
                .Append(N(c.Value)).Append("</td><td>").Append(N(c.Threshold)).Append("</td><td class=").Append(v.Replace(' ', '_'))
                .Append('>').Append(v).Append("</td><td class=l>").Append(E(c.Detail ?? "")).Append("</td></tr>");
        }

        sb.Append("</table>");
    }

    private static void Provenance(StringBuilder sb, ProvenanceFigures p, ReportOptions options)
    {
        sb.Append("<h2>").Append(p.Provenance == "real" ? "Real fills (the venue)" : "Simulated fills (the paper model)").Append("</h2>");
        P(sb, $"{p.Fills} fills; {p.FailedFillsExcluded} fills of failed trades excluded.");
        sb.Append("<table><tr><th class=l>liquidity</th><th>fills</th><th>shares</th><th class=l>classified by</th><th>with mid</th><th>realized spread /share</th>");
        foreach (var h in options.MarkoutHorizonsMs)
        {
            sb.Append("<th>markout ").Append(E(Horizon(h))).Append(" /share [95% CI] (n)</th>");
        }

        sb.Append("<th>fees</th><th>fees /share</th><th>spread capture</th><th>inventory PnL</th></tr>");
        foreach (var l in p.ByLiquidity)
        {
            var sources = new StringBuilder();
            foreach (var (source, count) in l.ClassificationSources)
            {
                sources.Append(source).Append(": ").Append(count).Append(' ');
            }

            sb.Append("<tr><td class=l>").Append(l.Liquidity).Append("</td><td>").Append(l.Fills).Append("</td><td>").Append(N(l.Shares))
                .Append("</td><td class=l>").Append(E(sources.ToString())).Append("</td><td>").Append(l.FillsWithMid).Append("</td><td>")
                .Append(N(l.RealizedSpreadPerShare)).Append("</td>");
            foreach (var m in l.Markouts)
            {
                sb.Append("<td>").Append(N(m.PerShare));
                if (m.CiLow is { } low && m.CiHigh is { } high)
                {
                    sb.Append(" [").Append(N(low)).Append(", ").Append(N(high)).Append(']');
                }

                sb.Append(" (").Append(m.Fills).Append(")</td>");
            }

            sb.Append("<td>").Append(N(l.FeesPaid)).Append("</td><td>").Append(N(l.FeesPerShare)).Append("</td><td>")
                .Append(N(l.SpreadCapture)).Append("</td><td>").Append(N(l.InventoryPnl)).Append("</td></tr>");
        }

        sb.Append("</table>");
        if (p.Pnl is { } pnl)
        {
            sb.Append("<table><tr><th class=l>PnL component</th><th>collateral</th></tr>");
            Row(sb, "spread capture", N(pnl.SpreadCapture));
            Row(sb, "inventory PnL", N(pnl.InventoryPnl));
            Row(sb, "fees (paid)", N(pnl.Fees));
            Row(sb, pnl.RewardsIncluded ? "rewards (estimated)" : "rewards (no samples: not included)", N(pnl.Rewards));
            Row(sb, "total = spread + inventory - fees + rewards", N(pnl.Total));
            sb.Append("</table>");
        }
        else
        {
            P(sb, "PnL split not available (see missing figures).");
        }

        var r = p.Rewards;
        P(sb, r.Available
            ? $"Estimated rewards {N(r.Reward)} from {r.Samples} samples (mean Q share {N(r.MeanShare)}; {r.SamplesInvalid} impossible samples skipped)."
            : "Rewards: no usable reward samples.");
        sb.Append("<table><tr><th class=l>Sharpe</th><th>observations</th><th>status</th><th>mean PnL</th><th>stdev</th><th>Sharpe</th><th>95% CI</th><th>unvalued periods</th></tr>");
        foreach (var s in (ReadOnlySpan<SharpeFigure>)[p.SharpeHourly, p.SharpeDaily])
        {
            var status = s.Status == "NOT_ENOUGH_DATA" ? "NOT ENOUGH DATA" : s.Status;
            sb.Append("<tr><td class=l>per ").Append(s.Period).Append("</td><td>").Append(s.Observations).Append(" (min ").Append(s.MinObservations)
                .Append(")</td><td class=").Append(s.Status).Append('>').Append(status).Append("</td><td>").Append(N(s.MeanPnl)).Append("</td><td>")
                .Append(N(s.StdevPnl)).Append("</td><td>").Append(N(s.Sharpe)).Append("</td><td>")
                .Append(s.CiLow is { } lo && s.CiHigh is { } hi ? "[" + N(lo) + ", " + N(hi) + "]" : "-").Append("</td><td>")
                .Append(s.PeriodsUnvalued).Append("</td></tr>");
        }

        sb.Append("</table>");

        var series = p.Series;
        if (series.PnlTimes.Count > 0)
        {
            var origin = series.PnlTimes[0];
            var hours = Hours(series.PnlTimes, origin);
            sb.Append(SvgLineChart.Render($"Cumulative PnL by component ({p.Provenance})", "hours since first fill", "collateral",
            [
                new("spread capture", hours, [.. series.SpreadCapture]),
                new("inventory PnL", hours, [.. series.InventoryPnl]),
                new("fees", hours, [.. series.Fees]),
                new("rewards", hours, [.. series.Rewards]),
                new("total", hours, [.. series.Total]),
            ]));
        }

        var curves = new List<SvgLineChart.Series>();
        foreach (var l in p.ByLiquidity)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            if (l.RealizedSpreadPerShare is { } rs)
            {
                xs.Add(0);
                ys.Add(rs);
            }

            foreach (var m in l.Markouts)
            {
                if (m.PerShare is { } v)
                {
                    xs.Add(m.HorizonMs / 1000.0);
                    ys.Add(v);
                }
            }

            curves.Add(new(l.Liquidity, [.. xs], [.. ys]));
        }

        sb.Append(SvgLineChart.Render($"Markout curves, maker vs taker ({p.Provenance}; 0 s = realized spread)", "seconds after the fill", "collateral per share", curves));
        if (series.Inventory.Count > 0)
        {
            var origin = series.PnlTimes.Count > 0 ? series.PnlTimes[0] : 0;
            var lines = new List<SvgLineChart.Series>();
            foreach (var (token, points) in series.Inventory)
            {
                var x = new double[points.Count];
                var y = new double[points.Count];
                for (var i = 0; i < points.Count; i++)
                {
                    x[i] = (points[i].TimeMs - origin) / 3_600_000.0;
                    y[i] = points[i].Shares;
                }

                lines.Add(new(token.Length > 12 ? "token …" + token[^8..] : "token " + token, x, y));
            }

            sb.Append(SvgLineChart.Render($"Inventory over time ({p.Provenance})", "hours since first fill", "shares held", lines, steps: true));
        }
    }

    private static SvgLineChart.Series Cumulative(string name, List<long> times, long origin)
    {
        var x = new double[times.Count];
        var y = new double[times.Count];
        for (var i = 0; i < times.Count; i++)
        {
            x[i] = (times[i] - origin) / 3_600_000.0;
            y[i] = i + 1;
        }

        return new(name, x, y);
    }

    private static double[] Hours(List<long> times, long origin)
    {
        var hours = new double[times.Count];
        for (var i = 0; i < times.Count; i++)
        {
            hours[i] = (times[i] - origin) / 3_600_000.0;
        }

        return hours;
    }

    internal static string Horizon(long ms) => ms % 60_000 == 0 ? (ms / 60_000).ToString(CultureInfo.InvariantCulture) + " min"
        : ms % 1_000 == 0 ? (ms / 1_000).ToString(CultureInfo.InvariantCulture) + " s"
        : ms.ToString(CultureInfo.InvariantCulture) + " ms";

    internal static string VerdictText(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "PASS",
        Verdict.Fail => "FAIL",
        _ => "NOT ENOUGH DATA",
    };

    private static void Row(StringBuilder sb, string name, string value) =>
        sb.Append("<tr><td class=l>").Append(E(name)).Append("</td><td>").Append(value).Append("</td></tr>");

    private static void P(StringBuilder sb, string text) => sb.Append("<p>").Append(E(text)).Append("</p>");

    private static string N(double? value) => value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "-";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
