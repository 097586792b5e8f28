using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using FastMaker.Primitives;

namespace FastMaker.Venue.Scenarios;

/// <summary>Loads scenarios: a built-in by name (embedded resource) or a JSON file; validates them with precise errors.</summary>
public static class ScenarioLoader
{
    private const long MaxFileBytes = 4 * 1024 * 1024;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Names of the scenarios shipped inside the assembly.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = ["calm", "toxic-burst", "negrisk-event"];

    /// <summary>Loads a built-in scenario by name, or else a JSON file at that path.</summary>
    public static Scenario Load(string nameOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrPath);
        foreach (string name in BuiltInNames)
            if (string.Equals(name, nameOrPath, StringComparison.OrdinalIgnoreCase))
                return LoadBuiltIn(name);
        if (File.Exists(nameOrPath))
            return LoadFile(nameOrPath);
        throw new ScenarioException("unknown scenario '" + nameOrPath + "': not a built-in (" + string.Join(", ", BuiltInNames) + ") and no such file");
    }

    /// <summary>Loads a built-in scenario.</summary>
    public static Scenario LoadBuiltIn(string name)
    {
        string resource = "FastMaker.Venue.Scenarios." + name + ".json";
        using Stream? stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource);
        if (stream is null)
            throw new ScenarioException("unknown built-in scenario '" + name + "' (built-ins: " + string.Join(", ", BuiltInNames) + ")");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "built-in '" + name + "'");
    }

    /// <summary>Loads a scenario from a JSON file.</summary>
    public static Scenario LoadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new ScenarioException("scenario file '" + path + "' does not exist");
        if (info.Length > MaxFileBytes)
            throw new ScenarioException("scenario file '" + path + "' is " + info.Length + " bytes; the limit is " + MaxFileBytes);
        return Parse(File.ReadAllText(path), "file '" + path + "'");
    }

    /// <summary>Parses and validates scenario JSON; <paramref name="source"/> names it in errors.</summary>
    public static Scenario Parse(string json, string source)
    {
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            string where = e.Path is null ? "" : " at " + e.Path;
            string line = e.LineNumber is { } l ? " (line " + (l + 1).ToString(CultureInfo.InvariantCulture) + ")" : "";
            throw new ScenarioException("scenario " + source + ": invalid JSON" + where + line + ": " + FirstSentence(e.Message), e);
        }
        if (scenario is null)
            throw new ScenarioException("scenario " + source + ": the document is null");
        string? error = ScenarioValidator.Validate(scenario);
        if (error is not null)
            throw new ScenarioException("scenario " + source + ": " + error);
        return scenario;
    }

    /// <summary>Serialises a scenario back to JSON (the documented format).</summary>
    public static string ToJson(Scenario scenario) => JsonSerializer.Serialize(scenario, new JsonSerializerOptions(JsonOptions) { WriteIndented = true });

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    internal static bool TryTick(decimal value, out TickSize tick)
    {
        tick = default;
        decimal raw = value * Price.Scale;
        return raw == decimal.Truncate(raw) && raw > 0 && raw < Price.Scale && TickSize.TryFromPrice(Price.FromRaw((int)raw), out tick);
    }
}
