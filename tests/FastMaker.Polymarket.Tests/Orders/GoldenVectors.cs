using System.Text.Json;

namespace FastMaker.Polymarket.Tests.Orders;

/// <summary>Loads the golden vectors written by tools/golden-vectors (the official client).</summary>
internal static class GoldenVectors
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "fixtures", "polymarket", "vectors", file);

    public static JsonElement[] Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(PathOf(file)));
        var root = doc.RootElement;
        if (!root.GetProperty("source").GetString()!.Contains("clob-client-v2", StringComparison.Ordinal))
            throw new InvalidOperationException($"{file} does not say it came from the official client.");
        var list = new List<JsonElement>();
        foreach (var v in root.GetProperty("vectors").EnumerateArray()) list.Add(v.Clone());
        return list.ToArray();
    }

    public static IEnumerable<object[]> Ids(string file)
    {
        foreach (var v in Load(file)) yield return new object[] { v.GetProperty("id").GetString()! };
    }

    public static JsonElement ById(string file, string id)
    {
        foreach (var v in Load(file))
            if (v.GetProperty("id").GetString() == id) return v;
        throw new KeyNotFoundException(id);
    }
}
