using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text.Json;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// Value readers shared by the channel parsers. Each reads the reader's current token and returns
/// <see cref="FrameErrorReason.None"/> or the reason the value is unusable; "present" is false for
/// JSON null and for the empty string, which the venue sends for missing optional values.
/// Numbers are accepted either as JSON strings (the venue's habit) or as JSON numbers.
/// </summary>
internal static class JsonScan
{
    /// <summary>Longest scalar any parsed field can hold (the FOK-killed status is about 80 bytes).</summary>
    public const int ScratchLength = 256;

    /// <summary>Below this a timestamp is taken as seconds (1e11 s is the year 5138, 1e11 ms is 1973).</summary>
    public const long SecondsThreshold = 100_000_000_000;

    /// <summary>
    /// The current string or number token's bytes, unescaped and contiguous (copied into
    /// <paramref name="scratch"/> only when the token spans segments or has escapes).
    /// </summary>
    public static FrameErrorReason GetScalar(ref Utf8JsonReader r, byte[] scratch, out ReadOnlySpan<byte> value, out bool present)
    {
        value = default;
        present = false;
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return FrameErrorReason.None;
            case JsonTokenType.String:
                if (!r.HasValueSequence && !r.ValueIsEscaped)
                {
                    value = r.ValueSpan;
                }
                else
                {
                    long raw = r.HasValueSequence ? r.ValueSequence.Length : r.ValueSpan.Length;
                    if (raw > scratch.Length)
                    {
                        return FrameErrorReason.ValueTooLong;
                    }

                    if (!TryCopyString(ref r, scratch, out int n))
                    {
                        return FrameErrorReason.UnexpectedToken;
                    }

                    value = scratch.AsSpan(0, n);
                }

                present = value.Length != 0;
                return FrameErrorReason.None;
            case JsonTokenType.Number:
                if (!r.HasValueSequence)
                {
                    value = r.ValueSpan;
                }
                else
                {
                    ReadOnlySequence<byte> seq = r.ValueSequence;
                    if (seq.Length > scratch.Length)
                    {
                        return FrameErrorReason.ValueTooLong;
                    }

                    seq.CopyTo(scratch);
                    value = scratch.AsSpan(0, (int)seq.Length);
                }

                present = true;
                return FrameErrorReason.None;
            default:
                return FrameErrorReason.UnexpectedToken;
        }
    }

    /// <summary>A property name as contiguous bytes; names longer than the scratch are returned empty (no field has such a name).</summary>
    public static ReadOnlySpan<byte> GetPropertyName(ref Utf8JsonReader r, byte[] scratch)
    {
        if (!r.HasValueSequence && !r.ValueIsEscaped)
        {
            return r.ValueSpan;
        }

        long raw = r.HasValueSequence ? r.ValueSequence.Length : r.ValueSpan.Length;
        if (raw > scratch.Length)
        {
            return default;
        }

        return TryCopyString(ref r, scratch, out int n) ? scratch.AsSpan(0, n) : default;
    }

    /// <summary>
    /// Contiguous, unescaped string bytes. A plain value split across segments is copied as is;
    /// only escaped text goes through <see cref="Utf8JsonReader.CopyString(Span{byte})"/>, which
    /// validates UTF-8 and throws on invalid bytes (the reader itself does not check them).
    /// </summary>
    private static bool TryCopyString(ref Utf8JsonReader r, byte[] scratch, out int length)
    {
        if (!r.ValueIsEscaped)
        {
            ReadOnlySequence<byte> seq = r.ValueSequence;
            seq.CopyTo(scratch);
            length = (int)seq.Length;
            return true;
        }

        try
        {
            // Unescaped text is never longer than the escaped text.
            length = r.CopyString(scratch);
            return true;
        }
        catch (InvalidOperationException)
        {
            length = 0;
            return false;
        }
    }

    // Each Read* takes the reader's current token; each To* is the token-independent core that the
    // span scanner shares, so both paths accept and reject exactly the same values.

    /// <summary>Whether a scalar token of this kind carries a value ("present"); false for null and "".</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsPresent(JsonTokenType kind, ReadOnlySpan<byte> v) => kind == JsonTokenType.Number || (kind == JsonTokenType.String && v.Length != 0);

    public static FrameErrorReason ReadPrice(ref Utf8JsonReader r, byte[] scratch, out Price price, out bool present)
    {
        price = default;
        FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out present);
        return e != FrameErrorReason.None || !present ? e : ToPrice(v, out price);
    }

    /// <summary>A level, trade or order price lies strictly between 0 and 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FrameErrorReason ToPrice(ReadOnlySpan<byte> v, out Price price) =>
        Price.TryParse(v, out price, out _) && price.IsStrictlyBetweenZeroAndOne ? FrameErrorReason.None : FrameErrorReason.InvalidPrice;

    /// <summary>
    /// A best bid or ask: "0" (no bid) and "1" (no ask) are the venue's empty-side markers and are
    /// reported as not present, with <paramref name="seen"/> still true.
    /// </summary>
    public static FrameErrorReason ReadTopPrice(ref Utf8JsonReader r, byte[] scratch, out Price price, out bool present, out bool seen)
    {
        price = default;
        FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out present);
        seen = e == FrameErrorReason.None && present;
        return e != FrameErrorReason.None || !present ? e : ToTopPrice(v, out price, ref present);
    }

    /// <summary>The core of <see cref="ReadTopPrice"/> for a present value; clears <paramref name="present"/> for an empty-side marker.</summary>
    public static FrameErrorReason ToTopPrice(ReadOnlySpan<byte> v, out Price price, ref bool present)
    {
        if (!Price.TryParse(v, out price, out _))
        {
            return FrameErrorReason.InvalidPrice;
        }

        if (!price.IsStrictlyBetweenZeroAndOne)
        {
            price = default;
            present = false;
        }

        return FrameErrorReason.None;
    }

    public static FrameErrorReason ReadQuantity(ref Utf8JsonReader r, byte[] scratch, out Quantity quantity, out bool present)
    {
        quantity = default;
        FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out present);
        return e != FrameErrorReason.None || !present ? e : ToQuantity(v, out quantity);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static FrameErrorReason ToQuantity(ReadOnlySpan<byte> v, out Quantity quantity) =>
        Quantity.TryParse(v, out quantity, out _) ? FrameErrorReason.None : FrameErrorReason.InvalidQuantity;

    public static FrameErrorReason ReadTickSize(ref Utf8JsonReader r, byte[] scratch, out TickSize tick, out bool present)
    {
        tick = default;
        FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out present);
        return e != FrameErrorReason.None || !present ? e : ToTickSize(v, out tick);
    }

    public static FrameErrorReason ToTickSize(ReadOnlySpan<byte> v, out TickSize tick) =>
        TickSize.TryParse(v, out tick, out _) ? FrameErrorReason.None : FrameErrorReason.InvalidTickSize;

    public static FrameErrorReason ReadSide(ref Utf8JsonReader r, byte[] scratch, out Side side, out bool present)
    {
        side = default;
        FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out present);
        return e != FrameErrorReason.None || !present ? e : ToSide(r.TokenType == JsonTokenType.String, v, out side);
    }

    public static FrameErrorReason ToSide(bool isString, ReadOnlySpan<byte> v, out Side side)
    {
        if (isString && TryParseSide(v, out side))
        {
            return FrameErrorReason.None;
        }

        side = default;
        return FrameErrorReason.InvalidSide;
    }

    public static bool TryParseSide(ReadOnlySpan<byte> v, out Side side)
    {
        if (v.SequenceEqual("BUY"u8) || v.SequenceEqual("buy"u8))
        {
            side = Side.Buy;
            return true;
        }

        if (v.SequenceEqual("SELL"u8) || v.SequenceEqual("sell"u8))
        {
            side = Side.Sell;
            return true;
        }

        side = default;
        return false;
    }

    public static FrameErrorReason ReadTokenId(ref Utf8JsonReader r, byte[] scratch, out UInt256 id, out bool present)
    {
        id = default;
        FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out present);
        return e != FrameErrorReason.None || !present ? e : ToTokenId(r.TokenType == JsonTokenType.String, v, out id);
    }

    public static FrameErrorReason ToTokenId(bool isString, ReadOnlySpan<byte> v, out UInt256 id)
    {
        id = default;
        return isString && UInt256.TryParse(v, out id) ? FrameErrorReason.None : FrameErrorReason.InvalidTokenId;
    }

    public static FrameErrorReason ReadHash32(ref Utf8JsonReader r, byte[] scratch, out Hash32 hash, out bool present)
    {
        hash = default;
        FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out present);
        return e != FrameErrorReason.None || !present ? e : ToHash32(r.TokenType == JsonTokenType.String, v, out hash);
    }

    public static FrameErrorReason ToHash32(bool isString, ReadOnlySpan<byte> v, out Hash32 hash)
    {
        hash = default;
        return isString && Hash32.TryParse(v, out hash) ? FrameErrorReason.None : FrameErrorReason.InvalidHash32;
    }

    public static FrameErrorReason ReadBookHash(ref Utf8JsonReader r, byte[] scratch, out BookHash hash)
    {
        hash = default;
        FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out bool present);
        return e != FrameErrorReason.None || !present ? e : ToBookHash(r.TokenType == JsonTokenType.String, v, out hash);
    }

    public static FrameErrorReason ToBookHash(bool isString, ReadOnlySpan<byte> v, out BookHash hash)
    {
        hash = default;
        return isString && BookHash.TryParse(v, out hash) ? FrameErrorReason.None : FrameErrorReason.InvalidBookHash;
    }

    public static FrameErrorReason ReadAddress(ref Utf8JsonReader r, byte[] scratch, out EthAddress address, out bool present)
    {
        address = default;
        FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out present);
        return e != FrameErrorReason.None || !present ? e : ToAddress(r.TokenType == JsonTokenType.String, v, out address);
    }

    public static FrameErrorReason ToAddress(bool isString, ReadOnlySpan<byte> v, out EthAddress address)
    {
        address = default;
        return isString && EthAddress.TryParse(v, out address) ? FrameErrorReason.None : FrameErrorReason.InvalidAddress;
    }

    public static FrameErrorReason ReadGuid(ref Utf8JsonReader r, byte[] scratch, out Guid id, out bool present)
    {
        id = default;
        FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out present);
        return e != FrameErrorReason.None || !present ? e : ToGuid(r.TokenType == JsonTokenType.String, v, out id);
    }

    public static FrameErrorReason ToGuid(bool isString, ReadOnlySpan<byte> v, out Guid id)
    {
        id = default;
        return isString && TryParseGuid(v, out id) ? FrameErrorReason.None : FrameErrorReason.InvalidUuid;
    }

    public static bool TryParseGuid(ReadOnlySpan<byte> v, out Guid id) =>
        Utf8Parser.TryParse(v, out id, out int consumed, 'D') && consumed == v.Length;

    /// <summary>Unix time as seconds or milliseconds (told apart by <see cref="SecondsThreshold"/>), returned in ms.</summary>
    public static FrameErrorReason ReadTimestampMs(ref Utf8JsonReader r, byte[] scratch, out long ms, out bool present)
    {
        ms = 0;
        FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out present);
        return e != FrameErrorReason.None || !present ? e : ToTimestampMs(v, out ms);
    }

    public static FrameErrorReason ToTimestampMs(ReadOnlySpan<byte> v, out long ms)
    {
        if (!TryParseDigits(v, 16, out long value))
        {
            ms = 0;
            return FrameErrorReason.InvalidTimestamp;
        }

        ms = value < SecondsThreshold ? value * 1000 : value;
        return FrameErrorReason.None;
    }

    /// <summary>A small non-negative integer (fee rate, bucket index).</summary>
    public static FrameErrorReason ReadInt(ref Utf8JsonReader r, byte[] scratch, out int result, out bool present)
    {
        result = 0;
        FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out present);
        return e != FrameErrorReason.None || !present ? e : ToInt(v, out result);
    }

    public static FrameErrorReason ToInt(ReadOnlySpan<byte> v, out int result)
    {
        if (!TryParseDigits(v, 9, out long value))
        {
            result = 0;
            return FrameErrorReason.InvalidInteger;
        }

        result = (int)value;
        return FrameErrorReason.None;
    }

    public static FrameErrorReason ReadBool(ref Utf8JsonReader r, byte[] scratch, out bool result, out bool present)
    {
        if (r.TokenType == JsonTokenType.String)
        {
            result = false;
            FrameErrorReason e = GetScalar(ref r, scratch, out ReadOnlySpan<byte> v, out present);
            return e != FrameErrorReason.None ? e : ToBool(JsonTokenType.String, v, out result, out present);
        }

        return ToBool(r.TokenType, default, out result, out present);
    }

    /// <summary>true/false, their string forms, or null (not present); anything else is invalid.</summary>
    public static FrameErrorReason ToBool(JsonTokenType kind, ReadOnlySpan<byte> v, out bool result, out bool present)
    {
        result = false;
        present = true;
        switch (kind)
        {
            case JsonTokenType.True:
                result = true;
                return FrameErrorReason.None;
            case JsonTokenType.False:
                return FrameErrorReason.None;
            case JsonTokenType.Null:
                present = false;
                return FrameErrorReason.None;
            case JsonTokenType.String:
                present = v.Length != 0;
                if (!present)
                {
                    return FrameErrorReason.None;
                }

                if (v.SequenceEqual("true"u8))
                {
                    result = true;
                    return FrameErrorReason.None;
                }

                return v.SequenceEqual("false"u8) ? FrameErrorReason.None : FrameErrorReason.InvalidBoolean;
            default:
                return FrameErrorReason.InvalidBoolean;
        }
    }

    /// <summary>1..maxDigits ASCII digits and nothing else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseDigits(ReadOnlySpan<byte> v, int maxDigits, out long value)
    {
        value = 0;
        if (v.Length == 0 || v.Length > maxDigits)
        {
            return false;
        }

        long acc = 0;
        foreach (byte c in v)
        {
            uint d = (uint)(c - '0');
            if (d > 9)
            {
                return false;
            }

            acc = (acc * 10) + d;
        }

        value = acc;
        return true;
    }

    /// <summary>
    /// The byte offset in the frame where <see cref="Utf8JsonReader"/> found a syntax error, from the exception's line and
    /// position in that line (cold). Unlike the reader's <c>BytesConsumed</c> at the throw, which a multi-segment reader
    /// may have rolled back to the start of its segment, this does not depend on how the frame is split into segments.
    /// </summary>
    public static long SyntaxErrorOffset(in ReadOnlySequence<byte> frame, JsonException error, long fallback)
    {
        if (error.LineNumber is not { } line || error.BytePositionInLine is not { } column || line < 0 || column < 0)
        {
            return fallback;
        }

        // The reader counts lines by '\n' alone (a raw newline inside a string is itself the error).
        long lineStart = 0;
        long seen = 0;
        long running = 0;
        foreach (ReadOnlyMemory<byte> segment in frame)
        {
            ReadOnlySpan<byte> span = segment.Span;
            int from = 0;
            while (seen < line)
            {
                int n = span.Slice(from).IndexOf((byte)'\n');
                if (n < 0)
                {
                    break;
                }

                from += n + 1;
                seen++;
                lineStart = running + from;
            }

            if (seen == line)
            {
                break;
            }

            running += span.Length;
        }

        return Math.Min(lineStart + column, frame.Length);
    }

    /// <summary>True when the frame holds only JSON whitespace (cold: called after the reader rejected it).</summary>
    public static bool IsBlank(in ReadOnlySequence<byte> frame)
    {
        foreach (ReadOnlyMemory<byte> segment in frame)
        {
            foreach (byte c in segment.Span)
            {
                if (c is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when the frame is exactly the text <c>PONG</c>.</summary>
    public static bool IsPong(in ReadOnlySequence<byte> frame)
    {
        if (frame.Length != 4)
        {
            return false;
        }

        Span<byte> four = stackalloc byte[4];
        frame.CopyTo(four);
        return four.SequenceEqual("PONG"u8);
    }
}
