using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastMaker.Primitives;

/// <summary>
/// "0x"-prefixed fixed-length hex: case-insensitive decoding, lowercase encoding. Never allocates.
/// The digits go through the BCL's vectorized hex codecs (UTF-8 and UTF-16 overloads).
/// </summary>
internal static class HexCodec
{
    /// <summary>Decodes "0x" or "0X" followed by exactly 2 * destination.Length hex digits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryDecodePrefixed<TChar>(ReadOnlySpan<TChar> s, Span<byte> destination)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        if (s.Length != 2 + (2 * destination.Length)
            || uint.CreateTruncating(s[0]) != '0'
            || (uint.CreateTruncating(s[1]) | 0x20) != 'x')
        {
            return false;
        }

        OperationStatus status;
        int written;
        if (typeof(TChar) == typeof(byte))
        {
            status = Convert.FromHexString(MemoryMarshal.Cast<TChar, byte>(s.Slice(2)), destination, out _, out written);
        }
        else
        {
            status = Convert.FromHexString(MemoryMarshal.Cast<TChar, char>(s.Slice(2)), destination, out _, out written);
        }

        return status == OperationStatus.Done && written == destination.Length;
    }

    /// <summary>Writes "0x" and the lowercase hex of <paramref name="bytes"/>; false when the destination is too short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryEncodePrefixed<TChar>(ReadOnlySpan<byte> bytes, Span<TChar> destination, out int written)
        where TChar : unmanaged, IBinaryInteger<TChar>
    {
        int length = 2 + (2 * bytes.Length);
        if ((uint)destination.Length < (uint)length)
        {
            written = 0;
            return false;
        }

        destination[0] = TChar.CreateTruncating('0');
        destination[1] = TChar.CreateTruncating('x');
        bool ok = typeof(TChar) == typeof(byte)
            ? Convert.TryToHexStringLower(bytes, MemoryMarshal.Cast<TChar, byte>(destination.Slice(2)), out _)
            : Convert.TryToHexStringLower(bytes, MemoryMarshal.Cast<TChar, char>(destination.Slice(2)), out _);
        written = ok ? length : 0;
        return ok;
    }
}
