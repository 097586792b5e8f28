using System.CommandLine;
using System.Globalization;
using FastMaker.Paper.Report;
using Spectre.Console;

namespace FastMaker.Cli.Commands;

/// <summary>
/// <c>fastmaker report</c>: the truth report over a store. Prints a short summary (gates, per real/simulated x
/// maker/taker figures, PnL split, Sharpe, missing figures), and optionally writes every figure as JSON and a
/// self-contained HTML page with plots. Exit code 0 when the report was produced, 2 on bad input.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var db = new Option<string>("--db") { Description = "The store file (SQLite) written by the engine.", Required = true };
        var html = new Option<string?>("--html") { Description = "Write the HTML report (self-contained, inline SVG plots) to this file." };
        var json = new Option<string?>("--json") { Description = "Write every figure as JSON (snake_case, stable) to this file." };
        var config = new Option<string?>("--config")
        {
            Description = "Report options as JSON (snake_case): thresholds of gate_a and gate_b, min_observations, markout_horizons_ms, "
                + "max_mark_age_ms, bootstrap_resamples, bootstrap_seed. Defaults are listed in the JSON output under \"config\".",
        };
        var minObservations = new Option<int?>("--min-observations")
        {
            Description = "Override min_observations: below it a Sharpe or CI prints NOT ENOUGH DATA (default 30).",
        };
        var command = new Command("report",
            "The truth report over a store: every fill maker or taker and real or simulated, never mixed; realized spread, markouts "
            + "at 1 s, 5 s, 30 s, 60 s and 5 min, fees, estimated rewards, PnL split, Sharpe per hour and day with bootstrap CIs, "
            + "and gates A (paper ready to go live) and B (live maker edge confirmed).");
        command.Options.Add(db);
        command.Options.Add(html);
        command.Options.Add(json);
        command.Options.Add(config);
        command.Options.Add(minObservations);
        command.SetAction(parseResult =>
        {
            var min = parseResult.GetValue(minObservations);
            var code = ReportRunner.Run(parseResult.GetValue(db)!, parseResult.GetValue(config), parseResult.GetValue(json),
                parseResult.GetValue(html), Console.Error, out var report,
                min is { } m ? o => o.MinObservations = m : null);
            if (report is not null)
            {
                PrintSummary(report);
            }

            return code;
        });
        return command;
    }

    private static void PrintSummary(TruthReport report)
    {
        var console = AnsiConsole.Console;
        console.MarkupLine($"[bold]FastMaker truth report[/] {Markup.Escape(report.Store)} (schema {report.SchemaVersion}, {report.Marks} marks)");
        foreach (var gate in (ReadOnlySpan<GateResult>)[report.GateA, report.GateB])
        {
            console.MarkupLine($"[bold]{Markup.Escape(gate.Name)}[/] ({Markup.Escape(gate.Meaning)}): {VerdictMarkup(gate.Verdict)}");
            foreach (var c in gate.Criteria)
            {
                console.MarkupLine($"  {VerdictMarkup(c.Verdict)} {Markup.Escape(c.Rule)}: {N(c.Value)}"
                    + (c.Detail is null ? "" : $" [grey]({Markup.Escape(c.Detail)})[/]"));
            }
        }

        var table = new Table().AddColumns("group", "fills", "shares", "real. spread/sh", "markout 30 s/sh", "fees", "spread capture", "inventory PnL");
        foreach (var p in (ReadOnlySpan<ProvenanceFigures>)[report.Real, report.Simulated])
        {
            foreach (var l in p.ByLiquidity)
            {
                var m30 = l.Markouts.Find(m => m.HorizonMs == 30_000);
                table.AddRow(Markup.Escape($"{p.Provenance} {l.Liquidity}"), l.Fills.ToString(CultureInfo.InvariantCulture), N4(l.Shares),
                    N4(l.RealizedSpreadPerShare), N4(m30?.PerShare), N4(l.FeesPaid), N4(l.SpreadCapture), N4(l.InventoryPnl));
            }
        }

        console.Write(table);
        foreach (var p in (ReadOnlySpan<ProvenanceFigures>)[report.Real, report.Simulated])
        {
            console.MarkupLine(p.Pnl is { } pnl
                ? Markup.Escape($"{p.Provenance} PnL: spread {N(pnl.SpreadCapture)} + inventory {N(pnl.InventoryPnl)} - fees {N(pnl.Fees)} + rewards {N(pnl.Rewards)}{(pnl.RewardsIncluded ? "" : " (no samples)")} = {N(pnl.Total)}")
                : Markup.Escape($"{p.Provenance} PnL: not available (see missing)"));
            console.MarkupLine(Markup.Escape($"{p.Provenance} Sharpe: {Sharpe(p.SharpeHourly)}; {Sharpe(p.SharpeDaily)}"));
        }

        if (report.Missing.Count > 0)
        {
            console.MarkupLine("[bold]missing[/]");
            foreach (var m in report.Missing)
            {
                console.MarkupLine($"  {Markup.Escape(m.Figure)}: [grey]{Markup.Escape(m.Reason)}[/]");
            }
        }
    }

    private static string Sharpe(SharpeFigure s) => s.Status switch
    {
        "OK" => $"per {s.Period} {N(s.Sharpe)} [{N(s.CiLow)}, {N(s.CiHigh)}] n={s.Observations}",
        "UNDEFINED" => $"per {s.Period} undefined (zero variance) n={s.Observations}",
        _ => $"per {s.Period} NOT ENOUGH DATA (n={s.Observations} < {s.MinObservations})",
    };

    private static string VerdictMarkup(Verdict verdict) => verdict switch
    {
        Verdict.Pass => "[green]PASS[/]",
        Verdict.Fail => "[red]FAIL[/]",
        _ => "[yellow]NOT ENOUGH DATA[/]",
    };

    private static string N4(double? value) => value is { } v ? v.ToString("G4", CultureInfo.InvariantCulture) : "-";

    private static string N(double? value) => value is { } v ? v.ToString("G6", CultureInfo.InvariantCulture) : "-";
}
