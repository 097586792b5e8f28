using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace FastMaker.Polymarket.Signing;

/// <summary>One-shot Keccak-256 as used by Ethereum (EIP-712 digests, addresses, type hashes). Allocation-free.</summary>
public static class Keccak256
{
    /// <summary>Digest length in bytes.</summary>
    public const int HashBytes = 32;

    // Multi-rate padding as lane values: the domain byte 0x01 right after the data, 0x80 in the last byte of the block.
    private const ulong DomainBit = 0x01UL;
    private const ulong LastBlockBit = 0x8000000000000000UL;
    private const int LastRateLane = Keccak256Hasher.RateBytes / 8 - 1;

    /// <summary>Writes keccak256(<paramref name="input"/>) into the first 32 bytes of <paramref name="output32"/>.</summary>
    /// <remarks>AggressiveOptimization: optimized from the first call (no tier-0 phase for the first orders after start-up).</remarks>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output32)
    {
        if (output32.Length < HashBytes) SigningThrowHelper.ThrowArgument("Output must hold 32 bytes.", nameof(output32));
        KeccakLanes lanes = default;
        ref ulong state = ref lanes[0];
        if (input.Length == HashBytes)
        {
            // The common case (a hash, an address word): four lanes and the padding, one permutation, nothing buffered.
            state = BinaryPrimitives.ReadUInt64LittleEndian(input);
            Unsafe.Add(ref state, 1) = BinaryPrimitives.ReadUInt64LittleEndian(input.Slice(8));
            Unsafe.Add(ref state, 2) = BinaryPrimitives.ReadUInt64LittleEndian(input.Slice(16));
            Unsafe.Add(ref state, 3) = BinaryPrimitives.ReadUInt64LittleEndian(input.Slice(24));
            Unsafe.Add(ref state, 4) = DomainBit;
            Unsafe.Add(ref state, LastRateLane) = LastBlockBit;
        }
        else
        {
            // Whole blocks straight from the input, then the tail and the padding XORed into the lanes in place.
            while (input.Length >= Keccak256Hasher.RateBytes)
            {
                Keccak256Hasher.AbsorbBlock(lanes, input);
                KeccakF1600.Permute(ref state);
                input = input.Slice(Keccak256Hasher.RateBytes);
            }

            int wholeLanes = input.Length >> 3;
            for (int i = 0; i < wholeLanes; i++)
                Unsafe.Add(ref state, i) ^= BinaryPrimitives.ReadUInt64LittleEndian(input.Slice(i << 3));
            ReadOnlySpan<byte> partial = input.Slice(wholeLanes << 3);
            ulong last = DomainBit << (partial.Length << 3);
            for (int i = 0; i < partial.Length; i++) last |= (ulong)partial[i] << (i << 3);
            Unsafe.Add(ref state, wholeLanes) ^= last;
            Unsafe.Add(ref state, LastRateLane) ^= LastBlockBit;
        }

        KeccakF1600.Permute(ref state);
        BinaryPrimitives.WriteUInt64LittleEndian(output32, state);
        BinaryPrimitives.WriteUInt64LittleEndian(output32.Slice(8), Unsafe.Add(ref state, 1));
        BinaryPrimitives.WriteUInt64LittleEndian(output32.Slice(16), Unsafe.Add(ref state, 2));
        BinaryPrimitives.WriteUInt64LittleEndian(output32.Slice(24), Unsafe.Add(ref state, 3));
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
