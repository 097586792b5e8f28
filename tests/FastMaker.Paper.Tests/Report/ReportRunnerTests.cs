using System.Text.Json;
using FastMaker.Engine.Store;
using FastMaker.Paper.Report;
using Microsoft.Data.Sqlite;

namespace FastMaker.Paper.Tests.Report;

public sealed class ReportRunnerTests
{
    private static (int Code, string Error, TruthReport? Report) Run(string db, string? config = null, string? json = null, string? html = null)
    {
        var error = new StringWriter();
        var code = ReportRunner.Run(db, config, json, html, error, out var report);
        return (code, error.ToString(), report);
    }

    [Fact]
    public void MissingFile_ExitsTwo_NamingThePath_AndCreatesNothing()
    {
        using var store = new HandMadeStore();
        var (code, error, report) = Run(store.File);

        Assert.Equal(ReportRunner.ExitBadInput, code);
        Assert.Contains("does not exist", error);
        Assert.Contains(store.File, error);
        Assert.Null(report);
        Assert.False(File.Exists(store.File));
    }

    [Fact]
    public void GarbageFile_ExitsTwo_NotASqliteDatabase()
    {
        using var store = new HandMadeStore();
        File.WriteAllText(store.File, new string('z', 5000));

        var (code, error, _) = Run(store.File);
        Assert.Equal(ReportRunner.ExitBadInput, code);
        Assert.Contains("not a readable SQLite database", error);
    }

    [Fact]
    public void OtherSqliteDatabase_ExitsTwo_NotAFastMakerStore()
    {
        using var store = new HandMadeStore();
        using (var raw = new SqliteConnection("Data Source=" + store.File + ";Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "CREATE TABLE notes (body TEXT)";
            command.ExecuteNonQuery();
        }

        var (code, error, _) = Run(store.File);
        Assert.Equal(ReportRunner.ExitBadInput, code);
        Assert.Contains("not a FastMaker store", error);
    }

    [Fact]
    public void NewerSchema_ExitsTwo_SayingBothVersions()
    {
        using var store = new HandMadeStore();
        store.Write();
        using (var raw = new SqliteConnection("Data Source=" + store.File + ";Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "UPDATE meta SET value = '99' WHERE key = 'schema_version'";
            command.ExecuteNonQuery();
        }

        var (code, error, _) = Run(store.File);
        Assert.Equal(ReportRunner.ExitBadInput, code);
        Assert.Contains("schema version 99", error);
        Assert.Contains("newer than this build's " + StoreSchema.CurrentVersion, error);
    }

    [Fact]
    public void ConfigWithUnknownKey_ExitsTwo_NamingIt()
    {
        using var store = TruthReportAcceptanceTests.Canonical(new HandMadeStore());
        store.Write();
        var config = Path.Combine(store.Directory, "gates.json");
        File.WriteAllText(config, """{"min_observations": 5, "gate_a": {"min_simulated_maker_filz": 3}}""");

        var (code, error, _) = Run(store.File, config);
        Assert.Equal(ReportRunner.ExitBadInput, code);
        Assert.Contains("min_simulated_maker_filz", error);
    }

    [Fact]
    public void ConfigWithInvalidValue_ExitsTwo_SayingWhy()
    {
        using var store = TruthReportAcceptanceTests.Canonical(new HandMadeStore());
        store.Write();
        var config = Path.Combine(store.Directory, "gates.json");
        File.WriteAllText(config, """{"gate_b": {"sharpe_period": "week"}}""");

        var (code, error, _) = Run(store.File, config);
        Assert.Equal(ReportRunner.ExitBadInput, code);
        Assert.Contains("sharpe_period is 'week'", error);
    }

    [Fact]
    public void Config_OverridesDefaults()
    {
        using var store = TruthReportAcceptanceTests.Canonical(new HandMadeStore());
        store.Write();
        var config = Path.Combine(store.Directory, "gates.json");
        File.WriteAllText(config, """{"min_observations": 3, "max_mark_age_ms": 600000, "gate_b": {"min_real_maker_fills": 2, "sharpe_period": "hour"}}""");

        var (code, _, report) = Run(store.File, config);
        Assert.Equal(ReportRunner.ExitOk, code);
        Assert.Equal("OK", report!.Real.SharpeHourly.Status);
        Assert.Equal(Verdict.Pass, report.GateB.Criteria[0].Verdict);
    }

    [Fact]
    public void JsonAndHtml_WrittenWithEveryFigure_SnakeCase_SelfContained()
    {
        using var store = TruthReportAcceptanceTests.Canonical(new HandMadeStore());
        store.Write();
        var json = Path.Combine(store.Directory, "report.json");
        var html = Path.Combine(store.Directory, "report.html");
        var config = Path.Combine(store.Directory, "gates.json");
        File.WriteAllText(config, """{"min_observations": 3, "max_mark_age_ms": 600000, "gate_a": {"min_simulated_maker_fills": 1}, "gate_b": {"min_real_maker_fills": 2, "sharpe_period": "hour"}}""");

        var (code, error, _) = Run(store.File, config, json, html);
        Assert.True(code == ReportRunner.ExitOk, error);

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Equal("FAIL", root.GetProperty("gate_b").GetProperty("verdict").GetString());
        Assert.Equal("NOT_ENOUGH_DATA", root.GetProperty("gate_a").GetProperty("verdict").GetString());
        var maker = root.GetProperty("real").GetProperty("by_liquidity")[0];
        Assert.Equal("maker", maker.GetProperty("liquidity").GetString());
        Assert.Equal(0.01, maker.GetProperty("realized_spread_per_share").GetDouble(), 12);
        Assert.Equal(30_000, maker.GetProperty("markouts")[2].GetProperty("horizon_ms").GetInt64());
        Assert.Equal(0.9, root.GetProperty("real").GetProperty("pnl").GetProperty("spread_capture").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("real").GetProperty("sharpe_daily").GetProperty("sharpe").ValueKind);
        Assert.Equal("NOT_ENOUGH_DATA", root.GetProperty("real").GetProperty("sharpe_daily").GetProperty("status").GetString());
        Assert.Equal(3, root.GetProperty("config").GetProperty("min_observations").GetInt32());
        Assert.False(root.GetProperty("real").TryGetProperty("series", out _));
        Assert.False(File.Exists(json + ".tmp"));

        var page = File.ReadAllText(html);
        Assert.StartsWith("<!DOCTYPE html>", page);
        Assert.Contains("Cumulative PnL by component (real)", page);
        Assert.Contains("Markout curves, maker vs taker (real", page);
        Assert.Contains("Inventory over time (real)", page);
        Assert.Contains("Fill-rate calibration", page);
        Assert.True(CountOf(page, "<svg") >= 7, "every plot is an inline SVG");
        Assert.DoesNotContain("<script", page);
        Assert.DoesNotContain("src=", page);
        Assert.Contains("<span class=FAIL>FAIL</span>", page);
    }

    [Fact]
    public void VersionOneStore_ReportsFillsAndSaysWhatIsMissing()
    {
        using var store = new HandMadeStore();
        using (var raw = new SqliteConnection("Data Source=" + store.File + ";Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "CREATE TABLE meta (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL) STRICT";
            command.ExecuteNonQuery();
            foreach (var sql in StoreSchemaV1.Statements)
            {
                command.CommandText = sql;
                command.ExecuteNonQuery();
            }

            command.CommandText = """
                INSERT INTO meta VALUES ('schema_version', '1');
                INSERT INTO fills VALUES ('00000001-0000-0000-0000-000000000000', '0x00000000000000000000000000000000000000000000000000000000000000aa',
                  '1001', 'Buy', 490000, 100000000, 0, 'Confirmed', 'Maker', 'Origin', 0, 1000, 1000);
                """;
            command.ExecuteNonQuery();
        }

        var (code, error, report) = Run(store.File);
        Assert.True(code == ReportRunner.ExitOk, error);
        Assert.Equal(1, report!.SchemaVersion);
        Assert.Equal(1, report.Real.ByLiquidity[0].Fills);
        Assert.Null(report.Real.ByLiquidity[0].RealizedSpreadPerShare);
        Assert.Null(report.Real.Pnl);
        Assert.Contains(report.Missing, m => m.Figure == "marks" && m.Reason.Contains("schema version 1 has no marks table"));
        Assert.Contains(report.Missing, m => m.Figure == "real.rewards" && m.Reason.Contains("no reward_samples table"));
        Assert.Contains(report.Missing, m => m.Figure == "real.pnl_split");
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
