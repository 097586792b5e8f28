using System.Text.Json;
using FastMaker.Engine.Hosting;

namespace FastMaker.Cli.Demo;

/// <summary>
/// Writes a <see cref="DemoResult"/> as one JSON object (<c>--json FILE</c>). Money and sizes are decimal numbers in
/// USDC and shares, converted exactly from the engine's fixed-point integers.
/// </summary>
public static class DemoReport
{
    /// <summary>Writes the report to <paramref name="stream"/>.</summary>
    public static void WriteJson(DemoResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(stream);
        var s = result.Summary;
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("scenario", result.Scenario);
        w.WriteNumber("seconds", result.Seconds);
        w.WriteNumber("markets", result.Markets);
        w.WriteNumber("orders_posted", s.OrdersPosted);
        w.WriteNumber("orders_cancelled", result.OrdersCancelled);
        w.WriteNumber("cancel_requests", s.CancelsSent);
        w.WriteNumber("fills", s.Fills);
        w.WriteNumber("maker_fills", s.MakerFills);
        w.WriteNumber("taker_fills", s.TakerFills);
        w.WriteNumber("unclassified_fills", s.UnknownLiquidityFills);
        w.WriteStartObject("rejects");
        foreach (var (reason, count) in s.GateRejects)
        {
            w.WriteNumber(ToSnake(reason.ToString()), count);
        }

        w.WriteNumber("venue", s.VenueRejects);
        w.WriteEndObject();
        w.WriteStartArray("reconcile_differences");
        foreach (var difference in result.ReconcileDifferences)
        {
            w.WriteStringValue(difference);
        }

        w.WriteEndArray();
        w.WriteNumber("startup_reconcile_differences", result.StartupDifferences);
        w.WriteStartArray("positions");
        foreach (var p in s.Positions)
        {
            w.WriteStartObject();
            w.WriteString("token_id", p.TokenId);
            w.WriteString("market", p.Market);
            w.WriteString("outcome", p.Outcome);
            w.WriteNumber("shares", Units(p.Shares));
            w.WriteNumber("cost_basis", Units(p.CostBasis));
            if (p.Mid >= 0)
            {
                w.WriteNumber("mid", Units(p.Mid));
            }
            else
            {
                w.WriteNull("mid");
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartObject("pnl");
        w.WriteNumber("realized", Units(s.RealizedPnl));
        w.WriteNumber("unrealized", Units(s.UnrealizedPnl));
        w.WriteNumber("fees", Units(s.FeesPaid));
        w.WriteNumber("total", Units(s.RealizedPnl + s.UnrealizedPnl));
        w.WriteEndObject();
        w.WriteNumber("collateral", Units(s.Collateral));
        w.WriteNumber("heartbeats", result.Heartbeats);
        w.WriteNumber("events", s.Events);
        w.WriteBoolean("clean", result.Clean);
        w.WriteEndObject();
    }

    /// <summary>Writes the report to a file (created or replaced).</summary>
    public static void WriteJson(DemoResult result, string path)
    {
        using var file = File.Create(path);
        WriteJson(result, file);
    }

    /// <summary>A raw fixed-point value (1e-6 units) as an exact decimal.</summary>
    public static decimal Units(long raw) => raw / 1_000_000m;

    private static string ToSnake(string name)
    {
        var chars = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                chars.Append('_');
            }

            chars.Append(char.ToLowerInvariant(name[i]));
        }

        return chars.ToString();
    }
}
