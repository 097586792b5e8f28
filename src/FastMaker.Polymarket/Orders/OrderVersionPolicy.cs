using System.Text.Json;

namespace FastMaker.Polymarket.Orders;

/// <summary>
/// Version discovery as the official clients do it (ORDERS-V2-V3.md 1.1): <c>GET /version</c> selects the builder
/// (missing field = 2); a POST whose error contains <c>order_version_mismatch</c> triggers one refresh of
/// <c>/version</c>, and the order is re-signed and re-posted once if the version changed. At most two attempts.
/// </summary>
public sealed class OrderVersionPolicy
{
    /// <summary>The substring the venue puts in the error of a wrongly versioned order.</summary>
    public static ReadOnlySpan<byte> MismatchMarker => "order_version_mismatch"u8;

    private int _retries;

    /// <summary>Creates a policy starting at <paramref name="initial"/>.</summary>
    public OrderVersionPolicy(OrderVersion initial = OrderVersion.V2) => Current = initial;

    /// <summary>The version to sign with.</summary>
    public OrderVersion Current { get; private set; }

    /// <summary>How many times an order was re-signed after a mismatch.</summary>
    public int Retries => _retries;

    /// <summary>Parses a <c>/version</c> reply (<c>{"version":2}</c>); a missing field means 2. Unknown values are an error.</summary>
    public static bool TryParseVersionReply(ReadOnlySpan<byte> json, out OrderVersion version, out string? error)
    {
        version = OrderVersion.V2;
        error = null;
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) { error = "/version reply is not a JSON object"; return false; }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isVersion = reader.ValueTextEquals("version"u8);
                reader.Read();
                if (isVersion)
                {
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int v) || v is < 1 or > 3)
                    {
                        error = "/version reply has an unsupported version";
                        return false;
                    }
                    version = (OrderVersion)v;
                    return true;
                }
                reader.Skip();
            }
            return true;
        }
        catch (JsonException)
        {
            error = "/version reply is not valid JSON";
            return false;
        }
    }

    /// <summary>True when a POST /order or /orders reply body carries the version-mismatch error.</summary>
    public static bool IsVersionMismatch(ReadOnlySpan<byte> replyBody) => replyBody.IndexOf(MismatchMarker) >= 0;

    /// <summary>Applies a fresh <c>/version</c> value (at start-up or after a mismatch).</summary>
    public void Update(OrderVersion version) => Current = version;

    /// <summary>
    /// Called after a mismatch reply and a refreshed <c>/version</c>: true (re-sign with <see cref="Current"/> and post
    /// again) only on the first attempt and only if the version changed; never loops.
    /// </summary>
    public bool ShouldResign(OrderVersion signedWith, OrderVersion refreshed, int attempt)
    {
        Current = refreshed;
        if (attempt >= 1 || refreshed == signedWith) return false;
        _retries++;
        return true;
    }
}
