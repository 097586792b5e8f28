namespace FastMaker.Polymarket.Signing;

/// <summary>EIP-55 mixed-case checksum encoding of 20-byte Ethereum addresses.</summary>
public static class Eip55
{
    /// <summary>Characters written by <see cref="TryFormat"/>: "0x" and 40 hex digits.</summary>
    public const int FormattedLength = 42;

    /// <summary>Writes "0x" + checksummed hex into <paramref name="destination"/> (42 chars). Allocation-free.</summary>
    public static bool TryFormat(ReadOnlySpan<byte> address20, Span<char> destination)
    {
        if (address20.Length != Secp256k1.AddressBytes || destination.Length < FormattedLength) return false;
        Span<byte> lowerHex = stackalloc byte[40];
        for (int i = 0; i < 20; i++)
        {
            lowerHex[2 * i] = HexDigit(address20[i] >> 4);
            lowerHex[2 * i + 1] = HexDigit(address20[i] & 0xF);
        }
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(lowerHex, hash);
        destination[0] = '0';
        destination[1] = 'x';
        for (int i = 0; i < 40; i++)
        {
            int nibble = (i & 1) == 0 ? hash[i >> 1] >> 4 : hash[i >> 1] & 0xF;
            char c = (char)lowerHex[i];
            // Letters are upper-cased where the hash nibble at the same position is 8 or more.
            destination[i + 2] = c >= 'a' && nibble >= 8 ? (char)(c - 32) : c;
        }
        return true;
    }

    /// <summary>Returns the checksummed "0x..." string (cold path).</summary>
    public static string Format(ReadOnlySpan<byte> address20)
    {
        if (address20.Length != Secp256k1.AddressBytes) SigningThrowHelper.ThrowArgument("Address must be 20 bytes.", nameof(address20));
        Span<char> chars = stackalloc char[FormattedLength];
        TryFormat(address20, chars);
        return new string(chars);
    }

    /// <summary>True when <paramref name="text"/> is a 0x-prefixed address whose letter case matches its EIP-55
    /// checksum; all-lowercase or all-uppercase hex also passes (no checksum claimed), as in ethers.</summary>
    public static bool IsValidChecksum(ReadOnlySpan<char> text)
    {
        if (text.Length != FormattedLength || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) return false;
        Span<byte> address = stackalloc byte[20];
        if (Convert.FromHexString(text.Slice(2), address, out _, out int written) != System.Buffers.OperationStatus.Done || written != 20) return false;
        ReadOnlySpan<char> digits = text.Slice(2);
        bool hasLower = digits.IndexOfAnyInRange('a', 'f') >= 0;
        bool hasUpper = digits.IndexOfAnyInRange('A', 'F') >= 0;
        if (!(hasLower && hasUpper)) return true;
        Span<char> expected = stackalloc char[FormattedLength];
        TryFormat(address, expected);
        return expected.Slice(2).SequenceEqual(digits);
    }

    private static byte HexDigit(int value) => (byte)(value < 10 ? '0' + value : 'a' + value - 10);
}
