using System.Globalization;

namespace FastMaker.Venue.Matching;

/// <summary>
/// A trade's id: a sequence number inside the engine, shown as a UUID-shaped string on the wire.
/// Deterministic: the same run gives the same ids.
/// </summary>
public readonly record struct TradeId(long Sequence)
{
    /// <summary>The UUID-shaped wire form, e.g. "00000000-0000-4000-8000-00000000002a".</summary>
    public override string ToString()
    {
        ulong s = (ulong)Sequence;
        return string.Create(CultureInfo.InvariantCulture,
            $"{(uint)(s >> 32):x8}-{(ushort)(s >> 16):x4}-4000-8000-{(s & 0xFFFF):x12}");
    }

    /// <summary>Parses the wire form produced by <see cref="ToString"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TradeId id)
    {
        id = default;
        if (text.Length != 36 || text[8] != '-' || text[13] != '-' || !text.Slice(14, 10).SequenceEqual("4000-8000-"))
            return false;
        if (!uint.TryParse(text[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint hi)
            || !ushort.TryParse(text.Slice(9, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ushort mid)
            || !ulong.TryParse(text[24..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ulong lo)
            || lo > 0xFFFF)
            return false;
        id = new TradeId((long)(((ulong)hi << 32) | ((ulong)mid << 16) | lo));
        return true;
    }
}
