using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FastMaker.Polymarket.Rest.Gamma;

/// <summary>
/// Reads Gamma's string arrays that arrive as JSON text inside a JSON string
/// (<c>"clobTokenIds": "[\"1\", \"2\"]"</c>), and also a plain array. Writes a plain array.
/// </summary>
public sealed class JsonEncodedStringArrayConverter : JsonConverter<string[]?>
{
    public override string[]? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartArray:
                return ReadArray(ref reader);
            case JsonTokenType.String:
                string? inner = reader.GetString();
                if (string.IsNullOrWhiteSpace(inner)) return Array.Empty<string>();
                var innerReader = new Utf8JsonReader(Encoding.UTF8.GetBytes(inner));
                if (!innerReader.Read() || innerReader.TokenType != JsonTokenType.StartArray)
                    throw new JsonException("expected a JSON array inside the string, got '" + inner + "'");
                return ReadArray(ref innerReader);
            default:
                throw new JsonException("expected a string array or a JSON-encoded string array, got " + reader.TokenType);
        }
    }

    public override void Write(Utf8JsonWriter writer, string[]? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartArray();
        foreach (string s in value) writer.WriteStringValue(s);
        writer.WriteEndArray();
    }

    private static string[] ReadArray(ref Utf8JsonReader reader)
    {
        var items = new List<string>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray:
                    return items.ToArray();
                case JsonTokenType.String:
                    items.Add(reader.GetString()!);
                    break;
                case JsonTokenType.Number:
                    items.Add(Encoding.UTF8.GetString(reader.ValueSpan));
                    break;
                default:
                    throw new JsonException("unexpected " + reader.TokenType + " in a string array");
            }
        }
        throw new JsonException("unterminated string array");
    }
}
