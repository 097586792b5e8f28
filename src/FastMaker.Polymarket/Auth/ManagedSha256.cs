using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastMaker.Polymarket.Auth;

/// <summary>
/// Portable SHA-256 with the same streaming shape as <see cref="NativeSha256"/> (a context in a
/// caller-owned span), used where OpenSSL's low-level API is not available. Correct but about
/// five times slower than SHA-NI.
/// </summary>
[SkipLocalsInit]
internal static class ManagedSha256
{
    // Context layout: h[8] (32 bytes) | block (64 bytes) | buffered int (4) | pad (4) | length long (8).
    private const int BlockOffset = 32;
    private const int BufferedOffset = 96;
    private const int LengthOffset = 104;
    private const int BlockSize = 64;

    public static void Init(Span<byte> context)
    {
        Span<uint> h = MemoryMarshal.Cast<byte, uint>(context[..32]);
        h[0] = 0x6a09e667; h[1] = 0xbb67ae85; h[2] = 0x3c6ef372; h[3] = 0xa54ff53a;
        h[4] = 0x510e527f; h[5] = 0x9b05688c; h[6] = 0x1f83d9ab; h[7] = 0x5be0cd19;
        Unsafe.WriteUnaligned(ref context[BufferedOffset], 0);
        Unsafe.WriteUnaligned(ref context[LengthOffset], 0L);
    }

    public static void Update(Span<byte> context, ReadOnlySpan<byte> data)
    {
        Span<uint> h = MemoryMarshal.Cast<byte, uint>(context[..32]);
        Span<byte> block = context.Slice(BlockOffset, BlockSize);
        int buffered = Unsafe.ReadUnaligned<int>(ref context[BufferedOffset]);
        long length = Unsafe.ReadUnaligned<long>(ref context[LengthOffset]) + data.Length;
        Unsafe.WriteUnaligned(ref context[LengthOffset], length);
        if (buffered > 0)
        {
            int take = Math.Min(BlockSize - buffered, data.Length);
            data[..take].CopyTo(block[buffered..]);
            buffered += take;
            data = data[take..];
            if (buffered < BlockSize)
            {
                Unsafe.WriteUnaligned(ref context[BufferedOffset], buffered);
                return;
            }
            Compress(h, block);
            buffered = 0;
        }
        while (data.Length >= BlockSize)
        {
            Compress(h, data[..BlockSize]);
            data = data[BlockSize..];
        }
        data.CopyTo(block);
        Unsafe.WriteUnaligned(ref context[BufferedOffset], data.Length);
    }

    public static void Final(Span<byte> context, Span<byte> digest)
    {
        Span<uint> h = MemoryMarshal.Cast<byte, uint>(context[..32]);
        Span<byte> block = context.Slice(BlockOffset, BlockSize);
        int buffered = Unsafe.ReadUnaligned<int>(ref context[BufferedOffset]);
        long length = Unsafe.ReadUnaligned<long>(ref context[LengthOffset]);
        block[buffered++] = 0x80;
        if (buffered > BlockSize - 8)
        {
            block[buffered..].Clear();
            Compress(h, block);
            buffered = 0;
        }
        block[buffered..(BlockSize - 8)].Clear();
        BinaryPrimitives.WriteInt64BigEndian(block[(BlockSize - 8)..], length * 8);
        Compress(h, block);
        for (int i = 0; i < 8; i++)
            BinaryPrimitives.WriteUInt32BigEndian(digest[(i * 4)..], h[i]);
    }

    private static ReadOnlySpan<uint> K =>
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private static void Compress(Span<uint> h, ReadOnlySpan<byte> block)
    {
        Span<uint> w = stackalloc uint[64];
        for (int i = 0; i < 16; i++)
            w[i] = BinaryPrimitives.ReadUInt32BigEndian(block[(i * 4)..]);
        for (int i = 16; i < 64; i++)
        {
            uint w15 = w[i - 15], w2 = w[i - 2];
            uint s0 = BitOperations.RotateRight(w15, 7) ^ BitOperations.RotateRight(w15, 18) ^ (w15 >> 3);
            uint s1 = BitOperations.RotateRight(w2, 17) ^ BitOperations.RotateRight(w2, 19) ^ (w2 >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }

        uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        ReadOnlySpan<uint> k = K;
        for (int i = 0; i < 64; i++)
        {
            uint t1 = hh + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25))
                      + ((e & f) ^ (~e & g)) + k[i] + w[i];
            uint t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22))
                      + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1;
            d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d;
        h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
}
