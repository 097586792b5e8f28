using System.Buffers.Binary;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// The last token ids the fast path parsed, by their text. The same few ids recur in every frame
/// of a subscription, and a 77-digit decimal-to-256-bit conversion costs far more than comparing
/// 77 bytes, so a repeat is a lookup. Direct-mapped (64 slots, keyed by the last eight digits);
/// a hit needs the whole text equal, so it returns exactly what <see cref="UInt256.TryParse(ReadOnlySpan{byte}, out UInt256)"/>
/// returned for those bytes. Only successful parses are kept. One per parser; not thread-safe.
/// </summary>
internal sealed class TokenIdCache
{
    private const int SlotBits = 6;
    private const int Slots = 1 << SlotBits;

    /// <summary>Longest text kept: 2^256 - 1 has 78 digits.</summary>
    private const int MaxLength = 78;

    private readonly byte[] _text = new byte[Slots * MaxLength];
    private readonly byte[] _length = new byte[Slots];
    private readonly UInt256[] _values = new UInt256[Slots];

    /// <summary>Same contract as <see cref="UInt256.TryParse(ReadOnlySpan{byte}, out UInt256)"/>.</summary>
    public bool TryParse(ReadOnlySpan<byte> text, out UInt256 id)
    {
        if (text.Length < 8 || text.Length > MaxLength)
        {
            return UInt256.TryParse(text, out id);
        }

        ulong tail = BinaryPrimitives.ReadUInt64LittleEndian(text.Slice(text.Length - 8));
        int slot = (int)((tail * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));
        Span<byte> kept = _text.AsSpan(slot * MaxLength, MaxLength);
        if (_length[slot] == text.Length && kept.Slice(0, text.Length).SequenceEqual(text))
        {
            id = _values[slot];
            return true;
        }

        if (!UInt256.TryParse(text, out id))
        {
            return false;
        }

        text.CopyTo(kept);
        _length[slot] = (byte)text.Length;
        _values[slot] = id;
        return true;
    }
}
