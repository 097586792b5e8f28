using System.Text.Json;

namespace FastMaker.Venue.WebSockets;

/// <summary>A parsed client subscription message (market or user channel).</summary>
internal sealed class SubscriptionRequest
{
    public bool Unsubscribe { get; private set; }
    public List<string> AssetIds { get; } = new();
    public List<string> Markets { get; } = new();
    public bool? CustomFeatureEnabled { get; private set; }
    public bool InitialDump { get; private set; } = true;
    public string? AuthApiKey { get; private set; }
    public string? AuthSecret { get; private set; }
    public string? AuthPassphrase { get; private set; }

    /// <summary>Parses a subscription; unknown fields are ignored (clients send extras such as "type" or "level").</summary>
    public static bool TryParse(ReadOnlySpan<byte> json, out SubscriptionRequest? request, out string error)
    {
        request = null;
        var result = new SubscriptionRequest();
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 8 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) { error = "subscription must be a JSON object"; return false; }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("assets_ids"u8)) { if (!ReadStrings(ref reader, result.AssetIds, out error)) return false; }
                else if (reader.ValueTextEquals("markets"u8)) { if (!ReadStrings(ref reader, result.Markets, out error)) return false; }
                else if (reader.ValueTextEquals("custom_feature_enabled"u8)) { if (!ReadBool(ref reader, out bool b, out error)) return false; result.CustomFeatureEnabled = b; }
                else if (reader.ValueTextEquals("initial_dump"u8)) { if (!ReadBool(ref reader, out bool b, out error)) return false; result.InitialDump = b; }
                else if (reader.ValueTextEquals("operation"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String) { error = "operation must be a string"; return false; }
                    if (reader.ValueTextEquals("unsubscribe"u8)) result.Unsubscribe = true;
                    else if (!reader.ValueTextEquals("subscribe"u8)) { error = "operation must be subscribe or unsubscribe"; return false; }
                }
                else if (reader.ValueTextEquals("auth"u8)) { if (!ReadAuth(ref reader, result, out error)) return false; }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
            if (reader.TokenType != JsonTokenType.EndObject) { error = "subscription must be a JSON object"; return false; }
        }
        catch (JsonException e)
        {
            error = "malformed JSON: " + e.Message;
            return false;
        }
        request = result;
        error = "";
        return true;
    }

    private static bool ReadStrings(ref Utf8JsonReader reader, List<string> into, out string error)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null) { error = ""; return true; }
        if (reader.TokenType != JsonTokenType.StartArray) { error = "expected an array of strings"; return false; }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String) { error = "expected an array of strings"; return false; }
            if (into.Count >= 5000) { error = "too many ids in one subscription"; return false; }
            into.Add(reader.GetString()!);
        }
        error = "";
        return true;
    }

    private static bool ReadBool(ref Utf8JsonReader reader, out bool value, out string error)
    {
        reader.Read();
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) { value = reader.GetBoolean(); error = ""; return true; }
        value = false;
        error = "expected a boolean";
        return false;
    }

    private static bool ReadAuth(ref Utf8JsonReader reader, SubscriptionRequest result, out string error)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject) { error = "auth must be an object"; return false; }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool key = reader.ValueTextEquals("apiKey"u8), secret = reader.ValueTextEquals("secret"u8), pass = reader.ValueTextEquals("passphrase"u8);
            reader.Read();
            if (!(key || secret || pass)) { reader.Skip(); continue; }
            if (reader.TokenType != JsonTokenType.String) { error = "auth fields must be strings"; return false; }
            string v = reader.GetString()!;
            if (key) result.AuthApiKey = v; else if (secret) result.AuthSecret = v; else result.AuthPassphrase = v;
        }
        error = "";
        return true;
    }
}
