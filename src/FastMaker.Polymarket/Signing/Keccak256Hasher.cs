using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// Incremental Keccak-256 (Ethereum's: multi-rate padding with domain byte 0x01, not SHA3-256's 0x06).
/// A mutable struct that lives on the stack or in a field: no allocation. Call <see cref="Update"/> any number
/// of times, then <see cref="Finish"/>, which also resets the hasher for reuse. Pass it by reference.
/// </summary>
public struct Keccak256Hasher
{
    /// <summary>Bytes absorbed per permutation: (1600 - 2 * 256) / 8.</summary>
    public const int RateBytes = 136;

    /// <summary>Digest length in bytes.</summary>
    public const int HashBytes = 32;

    private const int RateLanes = RateBytes / 8;

    private KeccakLanes _state;
    private int _position;

    /// <summary>Absorbs <paramref name="data"/>.</summary>
    public void Update(ReadOnlySpan<byte> data)
    {
        Span<ulong> lanes = _state;
        int position = _position;
        if (position != 0)
        {
            Span<byte> stateBytes = MemoryMarshal.AsBytes(lanes);
            int take = Math.Min(RateBytes - position, data.Length);
            for (int i = 0; i < take; i++) stateBytes[position + i] ^= data[i];
            position += take;
            data = data.Slice(take);
            if (position < RateBytes)
            {
                _position = position;
                return;
            }
            KeccakF1600.Permute(lanes);
            position = 0;
        }

        while (data.Length >= RateBytes)
        {
            AbsorbBlock(lanes, data);
            KeccakF1600.Permute(lanes);
            data = data.Slice(RateBytes);
        }

        if (data.Length != 0)
        {
            Span<byte> stateBytes = MemoryMarshal.AsBytes(lanes);
            // Whole lanes first, then the tail bytes.
            int whole = data.Length & ~7;
            for (int i = 0; i < whole; i += 8) lanes[i >> 3] ^= BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i));
            for (int i = whole; i < data.Length; i++) stateBytes[i] ^= data[i];
            position = data.Length;
        }
        _position = position;
    }

    /// <summary>Pads, squeezes the 32-byte digest into <paramref name="output32"/> and resets the hasher.</summary>
    public void Finish(Span<byte> output32)
    {
        Squeeze(output32);
        Reset();
    }

    /// <summary>Pads and squeezes without resetting (the one-shot path discards the hasher anyway).</summary>
    internal void Squeeze(Span<byte> output32)
    {
        if (output32.Length < HashBytes) SigningThrowHelper.ThrowArgument("Output must hold 32 bytes.", nameof(output32));
        Span<ulong> lanes = _state;
        Span<byte> stateBytes = MemoryMarshal.AsBytes(lanes);
        stateBytes[_position] ^= 0x01;
        stateBytes[RateBytes - 1] ^= 0x80;
        KeccakF1600.Permute(lanes);
        BinaryPrimitives.WriteUInt64LittleEndian(output32, lanes[0]);
        BinaryPrimitives.WriteUInt64LittleEndian(output32.Slice(8), lanes[1]);
        BinaryPrimitives.WriteUInt64LittleEndian(output32.Slice(16), lanes[2]);
        BinaryPrimitives.WriteUInt64LittleEndian(output32.Slice(24), lanes[3]);
    }

    /// <summary>Clears the state, as if newly created.</summary>
    public void Reset()
    {
        ((Span<ulong>)_state).Clear();
        _position = 0;
    }

    /// <summary>XORs one 136-byte block into the first 17 lanes: four 256-bit XORs and one 64-bit XOR.</summary>
    internal static void AbsorbBlock(Span<ulong> lanes, ReadOnlySpan<byte> block)
    {
        if (lanes.Length < 25 || block.Length < RateBytes) SigningThrowHelper.ThrowArgument("A block is 136 bytes into 25 lanes.", nameof(block));
        if (!BitConverter.IsLittleEndian)
        {
            for (int i = 0; i < RateLanes; i++) lanes[i] ^= BinaryPrimitives.ReadUInt64LittleEndian(block.Slice(i * 8));
            return;
        }

        // Lengths checked above; on a little-endian machine a lane is the raw 8 bytes.
        ref ulong state = ref MemoryMarshal.GetReference(lanes);
        ref byte data = ref MemoryMarshal.GetReference(block);
        (Vector256.LoadUnsafe(ref state, 0) ^ Vector256.LoadUnsafe(ref data, 0).AsUInt64()).StoreUnsafe(ref state, 0);
        (Vector256.LoadUnsafe(ref state, 4) ^ Vector256.LoadUnsafe(ref data, 32).AsUInt64()).StoreUnsafe(ref state, 4);
        (Vector256.LoadUnsafe(ref state, 8) ^ Vector256.LoadUnsafe(ref data, 64).AsUInt64()).StoreUnsafe(ref state, 8);
        (Vector256.LoadUnsafe(ref state, 12) ^ Vector256.LoadUnsafe(ref data, 96).AsUInt64()).StoreUnsafe(ref state, 12);
        Unsafe.Add(ref state, 16) ^= Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, 128));
    }
}
