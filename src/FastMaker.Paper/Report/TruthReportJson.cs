using System.Text.Json;
using System.Text.Json.Serialization;

namespace FastMaker.Paper.Report;

/// <summary>
/// The report as JSON: every figure, snake_case keys in a fixed order (declaration order), nulls written out (a missing
/// figure is null, with its reason in <c>missing</c>), verdicts as "PASS", "FAIL" or "NOT_ENOUGH_DATA".
/// </summary>
public static class TruthReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    /// <summary>The report as indented JSON text.</summary>
    public static string Serialize(TruthReport report) => JsonSerializer.Serialize(report, Options);
}
