using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FastMaker.Polymarket.WebSockets;

/// <summary>
/// The subscribe and unsubscribe messages of the CLOB channels, byte for byte as in the venue's
/// documentation (docs.polymarket.com market and user channel pages):
/// <list type="bullet">
/// <item>market, first message: <c>{"assets_ids":[...],"type":"market","custom_feature_enabled":true}</c></item>
/// <item>market, later changes: <c>{"assets_ids":[...],"operation":"subscribe"|"unsubscribe","custom_feature_enabled":true}</c></item>
/// <item>user, first message: <c>{"auth":{"apiKey":..,"secret":..,"passphrase":..},"markets":[...],"type":"user"}</c></item>
/// <item>user, later changes: <c>{"markets":[...],"operation":"subscribe"|"unsubscribe"}</c></item>
/// </list>
/// Cold path: built once per (re)subscribe.
/// </summary>
public static class SubscriptionMessages
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Secrets are base64url and ids are digits or hex; the relaxed encoder keeps them verbatim.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>The first market-channel message of a session.</summary>
    public static byte[] MarketInitial(IReadOnlyList<string> assetIds, bool customFeatureEnabled)
    {
        var buffer = new ArrayBufferWriter<byte>(64 + 82 * assetIds.Count);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            WriteIds(writer, "assets_ids", assetIds);
            writer.WriteString("type", "market");
            writer.WriteBoolean("custom_feature_enabled", customFeatureEnabled);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A market-channel subscribe or unsubscribe on an open session.</summary>
    public static byte[] MarketUpdate(IReadOnlyList<string> assetIds, bool subscribe, bool customFeatureEnabled)
    {
        var buffer = new ArrayBufferWriter<byte>(80 + 82 * assetIds.Count);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            WriteIds(writer, "assets_ids", assetIds);
            writer.WriteString("operation", subscribe ? "subscribe" : "unsubscribe");
            writer.WriteBoolean("custom_feature_enabled", customFeatureEnabled);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The first user-channel message of a session; an empty list means every market of the account.</summary>
    public static byte[] UserInitial(UserChannelAuth auth, IReadOnlyList<string> marketIds)
    {
        ArgumentNullException.ThrowIfNull(auth);
        var buffer = new ArrayBufferWriter<byte>(200 + 70 * marketIds.Count);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("auth");
            writer.WriteString("apiKey", auth.ApiKey);
            writer.WriteString("secret", auth.Secret);
            writer.WriteString("passphrase", auth.Passphrase);
            writer.WriteEndObject();
            WriteIds(writer, "markets", marketIds);
            writer.WriteString("type", "user");
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A user-channel subscribe or unsubscribe on an open session.</summary>
    public static byte[] UserUpdate(IReadOnlyList<string> marketIds, bool subscribe)
    {
        var buffer = new ArrayBufferWriter<byte>(60 + 70 * marketIds.Count);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            WriteIds(writer, "markets", marketIds);
            writer.WriteString("operation", subscribe ? "subscribe" : "unsubscribe");
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="id"/> is a token id (1 to 78 decimal digits).</summary>
    public static void ValidateAssetId(string id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 78)
            throw new ArgumentException("Asset id must be 1 to 78 decimal digits, got '" + id + "'.", nameof(id));
        foreach (char c in id)
        {
            if (c < '0' || c > '9')
                throw new ArgumentException("Asset id must be 1 to 78 decimal digits, got '" + id + "'.", nameof(id));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="id"/> is a condition id (0x and 64 hex digits).</summary>
    public static void ValidateConditionId(string id)
    {
        if (id is null || id.Length != 66 || id[0] != '0' || (id[1] != 'x' && id[1] != 'X'))
            throw new ArgumentException("Condition id must be 0x followed by 64 hex digits, got '" + id + "'.", nameof(id));
        for (int i = 2; i < id.Length; i++)
        {
            if (!char.IsAsciiHexDigit(id[i]))
                throw new ArgumentException("Condition id must be 0x followed by 64 hex digits, got '" + id + "'.", nameof(id));
        }
    }

    private static void WriteIds(Utf8JsonWriter writer, string name, IReadOnlyList<string> ids)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < ids.Count; i++) writer.WriteStringValue(ids[i]);
        writer.WriteEndArray();
    }
}
