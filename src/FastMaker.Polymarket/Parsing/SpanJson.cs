using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace FastMaker.Polymarket.Parsing;

/// <summary>
/// The tokenizer of the parsers' span fast path: strict JSON over one contiguous span, with
/// strings limited to printable ASCII without escapes. Every method returns false (or
/// <see cref="JsonTokenType.None"/>) on anything it does not fully understand, and the caller
/// then hands the frame to the <see cref="Utf8JsonReader"/> parser, which is the reference: a
/// false here never becomes an error by itself, so the fast path only has to be right about what
/// it accepts. It must never accept what <see cref="Utf8JsonReader"/> rejects.
/// </summary>
internal static class SpanJson
{
    /// <summary>Deepest container nesting <see cref="TrySkipValue"/> follows (the reader allows 16 in all; the frame's own levels use at most 4).</summary>
    public const int MaxSkipDepth = 6;

    // JSON whitespace as a bit mask over the byte values 0..32.
    private const ulong WhitespaceMask = (1UL << ' ') | (1UL << '\t') | (1UL << '\n') | (1UL << '\r');

    /// <summary>The index of the first non-whitespace byte at or after <paramref name="i"/> (the length when none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SkipWhitespace(ReadOnlySpan<byte> f, int i)
    {
        // Compact frames (the venue's) have no whitespace: one predictable test and out.
        if ((uint)i < (uint)f.Length && f[i] > (byte)' ')
        {
            return i;
        }

        // Indented frames put one space after every colon: taken here too, without the call.
        if ((uint)(i + 1) < (uint)f.Length && f[i] == (byte)' ' && f[i + 1] > (byte)' ')
        {
            return i + 1;
        }

        return SkipWhitespaceRun(f, i);
    }

    /// <summary>
    /// A run of whitespace (indented frames): 16 bytes per step, so a run of indentation costs one
    /// compare and no mispredicted loop exit per byte.
    /// </summary>
    private static int SkipWhitespaceRun(ReadOnlySpan<byte> f, int i)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            ref byte start = ref MemoryMarshal.GetReference(f);
            while (i >= 0 && i <= f.Length - Vector128<byte>.Count)
            {
                Vector128<byte> v = Vector128.LoadUnsafe(ref start, (nuint)i);
                Vector128<byte> ws = Vector128.Equals(v, Vector128.Create((byte)' '))
                    | Vector128.Equals(v, Vector128.Create((byte)'\n'))
                    | Vector128.Equals(v, Vector128.Create((byte)'\r'))
                    | Vector128.Equals(v, Vector128.Create((byte)'\t'));
                uint other = ~ws.ExtractMostSignificantBits() & 0xFFFF;
                if (other != 0)
                {
                    return i + BitOperations.TrailingZeroCount(other);
                }

                i += Vector128<byte>.Count;
            }
        }

        while ((uint)i < (uint)f.Length)
        {
            uint c = f[i];
            if (c > ' ' || ((1UL << (int)c) & WhitespaceMask) == 0)
            {
                break;
            }

            i++;
        }

        return i;
    }

    /// <summary>True when <paramref name="i"/> is in range and holds <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool At(ReadOnlySpan<byte> f, int i, byte c) => (uint)i < (uint)f.Length && f[i] == c;

    /// <summary>
    /// A plain string starting at <paramref name="i"/> (which must hold the opening quote); on
    /// success <paramref name="value"/> is its content and <paramref name="i"/> is past the closing quote.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryString(ReadOnlySpan<byte> f, ref int i, out ReadOnlySpan<byte> value)
    {
        int start = i + 1;
        int end = FindStringStop(f, start);
        if ((uint)end >= (uint)f.Length || f[end] != (byte)'"')
        {
            value = default;
            return false;
        }

        value = f.Slice(start, end - start);
        i = end + 1;
        return true;
    }

    /// <summary>The index of the first string-ending byte at or after <paramref name="start"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FindStringStop(ReadOnlySpan<byte> f, int start)
    {
        if (Vector128.IsHardwareAccelerated)
        {
            // 16 bytes per step: one signed compare catches both the control characters and every
            // byte from 0x80 (negative as sbyte), two more the quote and the backslash.
            ref byte origin = ref MemoryMarshal.GetReference(f);
            int j = start;
            while (j >= 0 && j <= f.Length - Vector128<byte>.Count)
            {
                Vector128<byte> v = Vector128.LoadUnsafe(ref origin, (nuint)j);
                Vector128<byte> stop = Vector128.LessThan(v.AsSByte(), Vector128.Create((sbyte)0x20)).AsByte()
                    | Vector128.Equals(v, Vector128.Create((byte)'"'))
                    | Vector128.Equals(v, Vector128.Create((byte)'\\'));
                uint mask = stop.ExtractMostSignificantBits();
                if (mask != 0)
                {
                    return j + BitOperations.TrailingZeroCount(mask);
                }

                j += Vector128<byte>.Count;
            }

            start = j;
        }

        // The frame's last few bytes (or no vector unit): a table per byte.
        ReadOnlySpan<byte> stops = StringStopTable;
        for (int j = start; (uint)j < (uint)f.Length; j++)
        {
            if (stops[f[j]] != 0)
            {
                return j;
            }
        }

        return -1;
    }

    // 1 for the bytes in StringStops: control characters, '"', '\\' and everything from 0x80.
    private static ReadOnlySpan<byte> StringStopTable =>
    [
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ];

    /// <summary>
    /// A property name and its colon: <paramref name="i"/> must hold the opening quote; on success it
    /// is at the first byte of the value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryPropertyName(ReadOnlySpan<byte> f, ref int i, out ReadOnlySpan<byte> name)
    {
        if (!At(f, i, (byte)'"') || !TryString(f, ref i, out name))
        {
            name = default;
            return false;
        }

        i = SkipWhitespace(f, i);
        if (!At(f, i, (byte)':'))
        {
            return false;
        }

        i = SkipWhitespace(f, i + 1);
        return true;
    }

    /// <summary>
    /// After a member value: skips whitespace and one ',' (then more whitespace) or the closing
    /// <paramref name="close"/>. Returns 1 after a comma, 0 after the close, -1 on anything else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NextMember(ReadOnlySpan<byte> f, ref int i, byte close)
    {
        int j = SkipWhitespace(f, i);
        if ((uint)j >= (uint)f.Length)
        {
            return -1;
        }

        byte c = f[j];
        if (c == (byte)',')
        {
            i = SkipWhitespace(f, j + 1);
            return 1;
        }

        i = j + 1;
        return c == close ? 0 : -1;
    }

    /// <summary>
    /// A scalar value at <paramref name="i"/>: returns <see cref="JsonTokenType.String"/>,
    /// <see cref="JsonTokenType.Number"/> or <see cref="JsonTokenType.Null"/> with the value's bytes
    /// (empty for null), <see cref="JsonTokenType.True"/>/<see cref="JsonTokenType.False"/>, or
    /// <see cref="JsonTokenType.None"/> for a container or anything malformed (nothing consumed).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static JsonTokenType ReadScalar(ReadOnlySpan<byte> f, ref int i, out ReadOnlySpan<byte> value)
    {
        if ((uint)i < (uint)f.Length && f[i] == (byte)'"')
        {
            return TryString(f, ref i, out value) ? JsonTokenType.String : JsonTokenType.None;
        }

        return ReadNonString(f, ref i, out value);
    }

    private static JsonTokenType ReadNonString(ReadOnlySpan<byte> f, ref int i, out ReadOnlySpan<byte> value)
    {
        value = default;
        if ((uint)i >= (uint)f.Length)
        {
            return JsonTokenType.None;
        }

        switch (f[i])
        {
            case (byte)'n':
                return TryLiteral(f, ref i, "null"u8) ? JsonTokenType.Null : JsonTokenType.None;
            case (byte)'t':
                return TryLiteral(f, ref i, "true"u8) ? JsonTokenType.True : JsonTokenType.None;
            case (byte)'f':
                return TryLiteral(f, ref i, "false"u8) ? JsonTokenType.False : JsonTokenType.None;
            default:
                return TryNumber(f, ref i, out value) ? JsonTokenType.Number : JsonTokenType.None;
        }
    }

    private static bool TryLiteral(ReadOnlySpan<byte> f, ref int i, ReadOnlySpan<byte> literal)
    {
        int end = i + literal.Length;
        if (!f.Slice(i).StartsWith(literal) || !EndsToken(f, end))
        {
            return false;
        }

        i = end;
        return true;
    }

    /// <summary>A number by the JSON grammar (<c>-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?</c>), ended by a delimiter.</summary>
    public static bool TryNumber(ReadOnlySpan<byte> f, ref int i, out ReadOnlySpan<byte> value)
    {
        value = default;
        int n = f.Length;
        int j = i;
        if (j < n && f[j] == (byte)'-')
        {
            j++;
        }

        if (j >= n)
        {
            return false;
        }

        if (f[j] == (byte)'0')
        {
            j++;
        }
        else if (IsDigit(f[j]))
        {
            j = SkipDigits(f, j + 1);
        }
        else
        {
            return false;
        }

        if (j < n && f[j] == (byte)'.')
        {
            int digits = j + 1;
            j = SkipDigits(f, digits);
            if (j == digits)
            {
                return false;
            }
        }

        if (j < n && (f[j] | 0x20) == (byte)'e')
        {
            j++;
            if (j < n && (f[j] == (byte)'+' || f[j] == (byte)'-'))
            {
                j++;
            }

            int digits = j;
            j = SkipDigits(f, digits);
            if (j == digits)
            {
                return false;
            }
        }

        // The reader rejects "12a" and "0123": a number must end at a delimiter.
        if (!EndsToken(f, j))
        {
            return false;
        }

        value = f.Slice(i, j - i);
        i = j;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsDigit(byte c) => (uint)(c - '0') <= 9;

    private static int SkipDigits(ReadOnlySpan<byte> f, int j)
    {
        while ((uint)j < (uint)f.Length && IsDigit(f[j]))
        {
            j++;
        }

        return j;
    }

    // The end of the data counts as a delimiter here; an unfinished container is caught by the caller.
    private static bool EndsToken(ReadOnlySpan<byte> f, int j)
    {
        if ((uint)j >= (uint)f.Length)
        {
            return true;
        }

        uint c = f[j];
        return c == ',' || c == '}' || c == ']' || (c <= ' ' && ((1UL << (int)c) & WhitespaceMask) != 0);
    }

    /// <summary>Steps over any value (scalar or container, at most <see cref="MaxSkipDepth"/> deep), checking it is well-formed.</summary>
    public static bool TrySkipValue(ReadOnlySpan<byte> f, ref int i, int depth = 0)
    {
        if ((uint)i >= (uint)f.Length)
        {
            return false;
        }

        byte c = f[i];
        if (c == (byte)'{' || c == (byte)'[')
        {
            return depth < MaxSkipDepth && TrySkipContainer(f, ref i, depth + 1);
        }

        return ReadScalar(f, ref i, out _) != JsonTokenType.None;
    }

    private static bool TrySkipContainer(ReadOnlySpan<byte> f, ref int i, int depth)
    {
        bool isObject = f[i] == (byte)'{';
        byte close = isObject ? (byte)'}' : (byte)']';
        i = SkipWhitespace(f, i + 1);
        if (At(f, i, close))
        {
            i++;
            return true;
        }

        while (true)
        {
            if (isObject && !TryPropertyName(f, ref i, out _))
            {
                return false;
            }

            if (!TrySkipValue(f, ref i, depth))
            {
                return false;
            }

            int next = NextMember(f, ref i, close);
            if (next <= 0)
            {
                return next == 0;
            }
        }
    }

    /// <summary>
    /// Counts the elements of the array at <paramref name="i"/> (which must hold '['), stepping over each.
    /// </summary>
    public static bool TryCountArray(ReadOnlySpan<byte> f, ref int i, out int count)
    {
        count = 0;
        i = SkipWhitespace(f, i + 1);
        if (At(f, i, (byte)']'))
        {
            i++;
            return true;
        }

        while (true)
        {
            if (!TrySkipValue(f, ref i, 1))
            {
                return false;
            }

            count++;
            int next = NextMember(f, ref i, (byte)']');
            if (next <= 0)
            {
                return next == 0;
            }
        }
    }
}
