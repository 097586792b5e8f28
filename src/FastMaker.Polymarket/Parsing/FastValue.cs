using System.Runtime.CompilerServices;
using System.Text.Json;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// The fast path's value readers: each takes a scalar token from <see cref="SpanJson.ReadScalar"/>
/// and gives exactly what the matching <see cref="JsonScan"/> reader gives for the same token
/// (both call the same <c>JsonScan.To*</c> core), returning false where the reader would report
/// an error, so the frame goes to the reference parser which reports it.
/// </summary>
internal static class FastValue
{
    /// <summary>String, number or null: the kinds <see cref="JsonScan.GetScalar"/> accepts.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsScalar(JsonTokenType kind) => kind is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.Null;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Price(JsonTokenType kind, ReadOnlySpan<byte> v, out Price price, out bool present)
    {
        price = default;
        present = JsonScan.IsPresent(kind, v);
        return IsScalar(kind) && (!present || JsonScan.ToPrice(v, out price) == FrameErrorReason.None);
    }

    public static bool TopPrice(JsonTokenType kind, ReadOnlySpan<byte> v, out Price price, out bool present, out bool seen)
    {
        price = default;
        present = JsonScan.IsPresent(kind, v);
        seen = present;
        return IsScalar(kind) && (!present || JsonScan.ToTopPrice(v, out price, ref present) == FrameErrorReason.None);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Quantity(JsonTokenType kind, ReadOnlySpan<byte> v, out Quantity quantity, out bool present)
    {
        quantity = default;
        present = JsonScan.IsPresent(kind, v);
        return IsScalar(kind) && (!present || JsonScan.ToQuantity(v, out quantity) == FrameErrorReason.None);
    }

    public static bool TickSize(JsonTokenType kind, ReadOnlySpan<byte> v, out TickSize tick, out bool present)
    {
        tick = default;
        present = JsonScan.IsPresent(kind, v);
        return IsScalar(kind) && (!present || JsonScan.ToTickSize(v, out tick) == FrameErrorReason.None);
    }

    public static bool Side(JsonTokenType kind, ReadOnlySpan<byte> v, out Side side, out bool present)
    {
        side = default;
        present = JsonScan.IsPresent(kind, v);
        return IsScalar(kind) && (!present || JsonScan.ToSide(kind == JsonTokenType.String, v, out side) == FrameErrorReason.None);
    }

    /// <summary>Through <paramref name="cache"/>, which returns what <see cref="UInt256.TryParse(ReadOnlySpan{byte}, out UInt256)"/> would.</summary>
    public static bool TokenId(JsonTokenType kind, ReadOnlySpan<byte> v, TokenIdCache cache, out UInt256 id, out bool present)
    {
        id = default;
        present = JsonScan.IsPresent(kind, v);
        return IsScalar(kind) && (!present || (kind == JsonTokenType.String && cache.TryParse(v, out id)));
    }

    public static bool Hash32(JsonTokenType kind, ReadOnlySpan<byte> v, out Hash32 hash, out bool present)
    {
        hash = default;
        present = JsonScan.IsPresent(kind, v);
        return IsScalar(kind) && (!present || JsonScan.ToHash32(kind == JsonTokenType.String, v, out hash) == FrameErrorReason.None);
    }

    public static bool BookHash(JsonTokenType kind, ReadOnlySpan<byte> v, out BookHash hash)
    {
        hash = default;
        bool present = JsonScan.IsPresent(kind, v);
        return IsScalar(kind) && (!present || JsonScan.ToBookHash(kind == JsonTokenType.String, v, out hash) == FrameErrorReason.None);
    }

    public static bool Address(JsonTokenType kind, ReadOnlySpan<byte> v, out EthAddress address, out bool present)
    {
        address = default;
        present = JsonScan.IsPresent(kind, v);
        return IsScalar(kind) && (!present || JsonScan.ToAddress(kind == JsonTokenType.String, v, out address) == FrameErrorReason.None);
    }

    public static bool Guid(JsonTokenType kind, ReadOnlySpan<byte> v, out Guid id, out bool present)
    {
        id = default;
        present = JsonScan.IsPresent(kind, v);
        return IsScalar(kind) && (!present || (kind == JsonTokenType.String && GuidText.TryParse(v, out id)));
    }

    public static bool TimestampMs(JsonTokenType kind, ReadOnlySpan<byte> v, out long ms, out bool present)
    {
        ms = 0;
        present = JsonScan.IsPresent(kind, v);
        return IsScalar(kind) && (!present || JsonScan.ToTimestampMs(v, out ms) == FrameErrorReason.None);
    }

    public static bool Int(JsonTokenType kind, ReadOnlySpan<byte> v, out int result, out bool present)
    {
        result = 0;
        present = JsonScan.IsPresent(kind, v);
        return IsScalar(kind) && (!present || JsonScan.ToInt(v, out result) == FrameErrorReason.None);
    }

    public static bool Bool(JsonTokenType kind, ReadOnlySpan<byte> v, out bool result, out bool present)
    {
        result = false;
        present = false;
        return kind != JsonTokenType.None && JsonScan.ToBool(kind, v, out result, out present) == FrameErrorReason.None;
    }
}
