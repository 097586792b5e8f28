using System.Text.Json;
using System.Text.Json.Serialization;

namespace FastMaker.Paper.Report;

/// <summary>
/// What the truth report computes and judges. Every member has a default; a JSON file (snake_case keys, e.g.
/// <c>{"min_observations": 30, "gate_a": {"min_simulated_maker_fills": 100}}</c>) overrides any of them.
/// </summary>
public sealed class ReportOptions
{
    /// <summary>Markout horizons in ms (default 1 s, 5 s, 30 s, 60 s, 5 min).</summary>
    public long[] MarkoutHorizonsMs { get; set; } = [1_000, 5_000, 30_000, 60_000, 300_000];

    /// <summary>A mark older than this at the instant it is needed is not used (default 5,000 ms): the figure is missing instead.</summary>
    public long MaxMarkAgeMs { get; set; } = 5_000;

    /// <summary>Fewer independent observations than this and a Sharpe or CI prints NOT ENOUGH DATA (default 30).</summary>
    public int MinObservations { get; set; } = 30;

    /// <summary>Bootstrap resamples per confidence interval (default 2,000).</summary>
    public int BootstrapResamples { get; set; } = 2_000;

    /// <summary>Seed of the bootstrap's generator, so that a report is reproducible (default 7).</summary>
    public int BootstrapSeed { get; set; } = 7;

    /// <summary>Gate A thresholds.</summary>
    public GateAOptions GateA { get; set; } = new();

    /// <summary>Gate B thresholds.</summary>
    public GateBOptions GateB { get; set; } = new();

    internal static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseUpper) },
    };

    /// <summary>Reads options from a JSON file; unknown keys and invalid values throw <see cref="InvalidDataException"/> naming them.</summary>
    public static ReportOptions Load(string path)
    {
        ReportOptions? options;
        try
        {
            options = JsonSerializer.Deserialize<ReportOptions>(File.ReadAllText(path), Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Report config '{path}' is not valid: {ex.Message}", ex);
        }

        if (options is null)
        {
            throw new InvalidDataException($"Report config '{path}' is empty (null).");
        }

        options.Validate(path);
        return options;
    }

    /// <summary>Throws <see cref="InvalidDataException"/> naming the first invalid value.</summary>
    public void Validate(string source = "options")
    {
        if (MarkoutHorizonsMs is null || MarkoutHorizonsMs.Length == 0)
        {
            throw new InvalidDataException($"{source}: markout_horizons_ms must list at least one horizon.");
        }

        foreach (var h in MarkoutHorizonsMs)
        {
            if (h <= 0)
            {
                throw new InvalidDataException($"{source}: markout_horizons_ms holds {h}; every horizon must be positive.");
            }
        }

        if (MaxMarkAgeMs < 0)
        {
            throw new InvalidDataException($"{source}: max_mark_age_ms is {MaxMarkAgeMs}; it must be non-negative.");
        }

        if (MinObservations < 2)
        {
            throw new InvalidDataException($"{source}: min_observations is {MinObservations}; a standard deviation needs at least 2.");
        }

        if (BootstrapResamples < 100)
        {
            throw new InvalidDataException($"{source}: bootstrap_resamples is {BootstrapResamples}; use at least 100.");
        }

        if (GateA is null || GateB is null)
        {
            throw new InvalidDataException($"{source}: gate_a and gate_b must be objects, not null.");
        }

        if (GateB.SharpePeriod is not ("day" or "hour"))
        {
            throw new InvalidDataException($"{source}: gate_b.sharpe_period is '{GateB.SharpePeriod}'; it must be \"day\" or \"hour\".");
        }
    }
}
