using System.Globalization;
using FastMaker.Engine.Hosting;
using Spectre.Console;

namespace FastMaker.Cli.Demo;

/// <summary>
/// The demo's screen: a table redrawn about once a second with Spectre.Console on a terminal, plain lines when stdout is
/// redirected, and the final summary either way.
/// </summary>
public sealed class DemoConsole
{
    private readonly TextWriter _out;
    private readonly bool _interactive;

    /// <summary>Creates a view over <paramref name="output"/>; <paramref name="interactive"/> selects the redrawn table.</summary>
    public DemoConsole(TextWriter output, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(output);
        _out = output;
        _interactive = interactive;
    }

    /// <summary>Shows one live summary.</summary>
    public void Show(EngineSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (_interactive)
        {
            AnsiConsole.Clear();
            AnsiConsole.Write(Table(s, "FastMaker demo (live)"));
            return;
        }

        _out.WriteLine(Line(s));
        _out.Flush();
    }

    /// <summary>Shows the final summary and the comparison with the venue.</summary>
    public void ShowFinal(DemoResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (_interactive)
        {
            AnsiConsole.Clear();
            AnsiConsole.Write(Table(result.Summary, "FastMaker demo: final (" + result.Scenario + ", " + result.Seconds + " s)"));
        }
        else
        {
            _out.WriteLine("final " + Line(result.Summary));
            foreach (var p in result.Summary.Positions)
            {
                _out.WriteLine("position " + p.Market + " " + p.Outcome + ": " + Money(p.Shares) + " shares, cost " + Money(p.CostBasis));
            }
        }

        _out.WriteLine("orders cancelled " + result.OrdersCancelled + ", heartbeats " + result.Heartbeats + ", start-up reconcile differences "
            + result.StartupDifferences);
        if (result.Clean)
        {
            _out.WriteLine("reconcile: clean (our orders, fills and positions equal the venue's records)");
        }
        else
        {
            _out.WriteLine("reconcile: " + result.ReconcileDifferences.Count + " difference(s) with the venue's records:");
            foreach (var d in result.ReconcileDifferences)
            {
                _out.WriteLine("  " + d);
            }
        }

        _out.Flush();
    }

    /// <summary>One summary as a plain line.</summary>
    public static string Line(EngineSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return "posted " + s.OrdersPosted + " cancels " + s.CancelsSent + " open " + s.OpenOrders + " fills " + s.Fills + " (maker "
            + s.MakerFills + ", taker " + s.TakerFills + ") pnl " + Money(s.RealizedPnl + s.UnrealizedPnl) + " (realized " + Money(s.RealizedPnl)
            + ", fees " + Money(s.FeesPaid) + ") rejects " + Rejects(s);
    }

    private static Table Table(EngineSummary s, string title)
    {
        var table = new Table().Title(title).AddColumn("what").AddColumn(new TableColumn("value").RightAligned());
        table.AddRow("orders posted", s.OrdersPosted.ToString(CultureInfo.InvariantCulture));
        table.AddRow("cancel requests", s.CancelsSent.ToString(CultureInfo.InvariantCulture));
        table.AddRow("open orders", s.OpenOrders.ToString(CultureInfo.InvariantCulture));
        table.AddRow("fills (maker / taker)", s.Fills + " (" + s.MakerFills + " / " + s.TakerFills + ")");
        table.AddRow("collateral", Money(s.Collateral));
        table.AddRow("pnl realized / unrealized", Money(s.RealizedPnl) + " / " + Money(s.UnrealizedPnl));
        table.AddRow("fees", Money(s.FeesPaid));
        table.AddRow("rejects", Markup.Escape(Rejects(s)));
        foreach (var p in s.Positions)
        {
            if (p.Shares != 0)
            {
                table.AddRow(Markup.Escape(Short(p.Market) + " " + p.Outcome), Money(p.Shares) + " @ cost " + Money(p.CostBasis));
            }
        }

        if (s.KillSwitchOn)
        {
            table.AddRow("kill switch", "[red]on[/]");
        }

        return table;
    }

    private static string Rejects(EngineSummary s)
    {
        var parts = new List<string>();
        foreach (var (reason, count) in s.GateRejects)
        {
            parts.Add(reason + "=" + count.ToString(CultureInfo.InvariantCulture));
        }

        parts.Add("venue=" + s.VenueRejects.ToString(CultureInfo.InvariantCulture));
        return string.Join(", ", parts);
    }

    private static string Short(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Money(long raw) => DemoReport.Units(raw).ToString("0.00####", CultureInfo.InvariantCulture);
}
