namespace FastMaker.Polymarket.Signing;

/// <summary>One-shot Keccak-256 as used by Ethereum (EIP-712 digests, addresses, type hashes). Allocation-free.</summary>
public static class Keccak256
{
    /// <summary>Digest length in bytes.</summary>
    public const int HashBytes = 32;

    /// <summary>Writes keccak256(<paramref name="input"/>) into the first 32 bytes of <paramref name="output32"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output32)
    {
        Keccak256Hasher hasher = default;
        hasher.Update(input);
        hasher.Squeeze(output32);
    }

    /// <summary>Hashes the concatenation of two spans without copying them together.</summary>
    public static void Hash(ReadOnlySpan<byte> first, ReadOnlySpan<byte> second, Span<byte> output32)
    {
        Keccak256Hasher hasher = default;
        hasher.Update(first);
        hasher.Update(second);
        hasher.Squeeze(output32);
    }

    /// <summary>Convenience for cold paths: returns a new 32-byte array.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> input)
    {
        var output = new byte[HashBytes];
        Hash(input, output);
        return output;
    }
}
