using FastMaker.Engine.Store;

namespace FastMaker.Paper.Report;

/// <summary>
/// The edge of <c>fastmaker report</c>: reads the store and the optional config, builds the report, writes the JSON and
/// HTML files asked for. Bad input (missing file, not a FastMaker store, newer schema, invalid config) prints one
/// precise line to the error writer and returns <see cref="ExitBadInput"/>; nothing half-written is left.
/// </summary>
public static class ReportRunner
{
    /// <summary>The report was written.</summary>
    public const int ExitOk = 0;

    /// <summary>The input could not be read (the message says why).</summary>
    public const int ExitBadInput = 2;

    /// <summary>Runs the report; <paramref name="report"/> is null unless the exit code is <see cref="ExitOk"/>.</summary>
    public static int Run(string db, string? configPath, string? jsonPath, string? htmlPath, TextWriter error, out TruthReport? report,
        Action<ReportOptions>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        report = null;
        try
        {
            if (string.IsNullOrWhiteSpace(db))
            {
                throw new ArgumentException("--db is required: the store file to report on.");
            }

            var options = configPath is null ? new ReportOptions() : ReportOptions.Load(configPath);
            overrides?.Invoke(options);
            options.Validate(configPath ?? "options");
            var built = TruthReportBuilder.Build(ReportInput.FromStore(db), options);
            if (jsonPath is not null)
            {
                WriteAtomically(jsonPath, TruthReportJson.Serialize(built) + "\n");
            }

            if (htmlPath is not null)
            {
                WriteAtomically(htmlPath, TruthReportHtml.Render(built));
            }

            report = built;
            return ExitOk;
        }
        catch (Exception ex) when (ex is IOException or StoreCorruptedException or InvalidDataException or ArgumentException or UnauthorizedAccessException
            or System.Data.Common.DbException)
        {
            error.WriteLine("error: " + ex.Message);
            return ExitBadInput;
        }
    }

    private static void WriteAtomically(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
