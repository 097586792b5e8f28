// The one-shot Keccak-256 as on main at 162fab9, over LegacyKeccakF1600: the in-process "before" for KeccakBenchmarks.
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

using FastMaker.Polymarket.Signing;

namespace FastMaker.Benchmarks.Signing;

/// <summary>Before the keccak branch: one-shot Keccak-256 as used by Ethereum (EIP-712 digests, addresses, type hashes). Allocation-free.</summary>
internal static class LegacyKeccak256
{
    private const int HashBytes = 32;

    /// <summary>Writes keccak256(<paramref name="input"/>) into the first 32 bytes of <paramref name="output32"/>.</summary>
    [SkipLocalsInit]
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output32)
    {
        if (output32.Length < HashBytes) SigningThrowHelper.ThrowArgument("Output must hold 32 bytes.", nameof(output32));
        // One-shot sponge: whole blocks straight from the input, then the tail and its padding as one last block on the stack.
        KeccakLanes lanes = default;
        Span<ulong> state = lanes;
        while (input.Length >= Keccak256Hasher.RateBytes)
        {
            Keccak256Hasher.AbsorbBlock(state, input);
            LegacyKeccakF1600.Permute(state);
            input = input.Slice(Keccak256Hasher.RateBytes);
        }

        Span<byte> last = stackalloc byte[Keccak256Hasher.RateBytes];
        input.CopyTo(last);
        last.Slice(input.Length).Clear();
        last[input.Length] = 0x01;
        last[Keccak256Hasher.RateBytes - 1] |= 0x80;
        Keccak256Hasher.AbsorbBlock(state, last);
        LegacyKeccakF1600.Permute(state);
        BinaryPrimitives.WriteUInt64LittleEndian(output32, state[0]);
        BinaryPrimitives.WriteUInt64LittleEndian(output32.Slice(8), state[1]);
        BinaryPrimitives.WriteUInt64LittleEndian(output32.Slice(16), state[2]);
        BinaryPrimitives.WriteUInt64LittleEndian(output32.Slice(24), state[3]);
    }
}
