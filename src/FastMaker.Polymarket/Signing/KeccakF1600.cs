using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FastMaker.Polymarket.Signing;

/// <summary>The Keccak-f[1600] permutation on 25 little-endian 64-bit lanes (state[x + 5y]).</summary>
internal static class KeccakF1600
{
    private static ReadOnlySpan<ulong> RoundConstants =>
    [
        0x0000000000000001UL, 0x0000000000008082UL, 0x800000000000808AUL, 0x8000000080008000UL,
        0x000000000000808BUL, 0x0000000080000001UL, 0x8000000080008081UL, 0x8000000000008009UL,
        0x000000000000008AUL, 0x0000000000000088UL, 0x0000000080008009UL, 0x000000008000000AUL,
        0x000000008000808BUL, 0x800000000000008BUL, 0x8000000000008089UL, 0x8000000000008003UL,
        0x8000000000008002UL, 0x8000000000000080UL, 0x000000000000800AUL, 0x800000008000000AUL,
        0x8000000080008081UL, 0x8000000000008080UL, 0x0000000080000001UL, 0x8000000080008008UL,
    ];

    /// <summary>Applies the 24 rounds in place.</summary>
    public static void Permute(Span<ulong> state)
    {
        if (state.Length < 25) SigningThrowHelper.ThrowArgument("Keccak state must hold 25 lanes.", nameof(state));
        Permute(ref MemoryMarshal.GetReference(state));
    }

    /// <summary>Applies the 24 rounds to the 25 lanes starting at <paramref name="s0"/> (the caller guarantees 25).
    /// Generated code: per output plane, theta+rho+pi produce five temporaries and chi consumes them at once, writing
    /// into a second set of lanes (A to E, then E to A, two rounds per loop iteration) so that only a few temporaries
    /// are live and the JIT spills little. Lane access goes through a ref without bounds checks.</summary>
    /// <remarks>AggressiveOptimization: the method has a loop, so by default it would start as instrumented tier-0 code
    /// and reach tier 1 only after OSR and a background recompile; a short benchmark (or the first orders after start-up)
    /// then measures the slow versions. There is nothing for PGO to learn here.</remarks>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Permute(ref ulong s0)
    {
        ulong a0 = Unsafe.Add(ref s0, 0);
        ulong a1 = Unsafe.Add(ref s0, 1);
        ulong a2 = Unsafe.Add(ref s0, 2);
        ulong a3 = Unsafe.Add(ref s0, 3);
        ulong a4 = Unsafe.Add(ref s0, 4);
        ulong a5 = Unsafe.Add(ref s0, 5);
        ulong a6 = Unsafe.Add(ref s0, 6);
        ulong a7 = Unsafe.Add(ref s0, 7);
        ulong a8 = Unsafe.Add(ref s0, 8);
        ulong a9 = Unsafe.Add(ref s0, 9);
        ulong a10 = Unsafe.Add(ref s0, 10);
        ulong a11 = Unsafe.Add(ref s0, 11);
        ulong a12 = Unsafe.Add(ref s0, 12);
        ulong a13 = Unsafe.Add(ref s0, 13);
        ulong a14 = Unsafe.Add(ref s0, 14);
        ulong a15 = Unsafe.Add(ref s0, 15);
        ulong a16 = Unsafe.Add(ref s0, 16);
        ulong a17 = Unsafe.Add(ref s0, 17);
        ulong a18 = Unsafe.Add(ref s0, 18);
        ulong a19 = Unsafe.Add(ref s0, 19);
        ulong a20 = Unsafe.Add(ref s0, 20);
        ulong a21 = Unsafe.Add(ref s0, 21);
        ulong a22 = Unsafe.Add(ref s0, 22);
        ulong a23 = Unsafe.Add(ref s0, 23);
        ulong a24 = Unsafe.Add(ref s0, 24);
        ulong e0, e1, e2, e3, e4, e5, e6, e7, e8, e9, e10, e11, e12, e13, e14, e15, e16, e17, e18, e19, e20, e21, e22, e23, e24;
        ulong c0, c1, c2, c3, c4, d0, d1, d2, d3, d4, b0, b1, b2, b3, b4;
        // By ref: round + 1 < 24 is not provable to the JIT, and a span index would keep a bounds check in the loop.
        ref ulong rc = ref MemoryMarshal.GetReference(RoundConstants);
        for (int round = 0; round < 24; round += 2)
        {
            c0 = a0 ^ a5 ^ a10 ^ a15 ^ a20;
            c1 = a1 ^ a6 ^ a11 ^ a16 ^ a21;
            c2 = a2 ^ a7 ^ a12 ^ a17 ^ a22;
            c3 = a3 ^ a8 ^ a13 ^ a18 ^ a23;
            c4 = a4 ^ a9 ^ a14 ^ a19 ^ a24;
            d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            b0 = a0 ^ d0;
            b1 = BitOperations.RotateLeft(a6 ^ d1, 44);
            b2 = BitOperations.RotateLeft(a12 ^ d2, 43);
            b3 = BitOperations.RotateLeft(a18 ^ d3, 21);
            b4 = BitOperations.RotateLeft(a24 ^ d4, 14);
            e0 = b0 ^ (~b1 & b2) ^ Unsafe.Add(ref rc, round);
            e1 = b1 ^ (~b2 & b3);
            e2 = b2 ^ (~b3 & b4);
            e3 = b3 ^ (~b4 & b0);
            e4 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(a3 ^ d3, 28);
            b1 = BitOperations.RotateLeft(a9 ^ d4, 20);
            b2 = BitOperations.RotateLeft(a10 ^ d0, 3);
            b3 = BitOperations.RotateLeft(a16 ^ d1, 45);
            b4 = BitOperations.RotateLeft(a22 ^ d2, 61);
            e5 = b0 ^ (~b1 & b2);
            e6 = b1 ^ (~b2 & b3);
            e7 = b2 ^ (~b3 & b4);
            e8 = b3 ^ (~b4 & b0);
            e9 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(a1 ^ d1, 1);
            b1 = BitOperations.RotateLeft(a7 ^ d2, 6);
            b2 = BitOperations.RotateLeft(a13 ^ d3, 25);
            b3 = BitOperations.RotateLeft(a19 ^ d4, 8);
            b4 = BitOperations.RotateLeft(a20 ^ d0, 18);
            e10 = b0 ^ (~b1 & b2);
            e11 = b1 ^ (~b2 & b3);
            e12 = b2 ^ (~b3 & b4);
            e13 = b3 ^ (~b4 & b0);
            e14 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(a4 ^ d4, 27);
            b1 = BitOperations.RotateLeft(a5 ^ d0, 36);
            b2 = BitOperations.RotateLeft(a11 ^ d1, 10);
            b3 = BitOperations.RotateLeft(a17 ^ d2, 15);
            b4 = BitOperations.RotateLeft(a23 ^ d3, 56);
            e15 = b0 ^ (~b1 & b2);
            e16 = b1 ^ (~b2 & b3);
            e17 = b2 ^ (~b3 & b4);
            e18 = b3 ^ (~b4 & b0);
            e19 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(a2 ^ d2, 62);
            b1 = BitOperations.RotateLeft(a8 ^ d3, 55);
            b2 = BitOperations.RotateLeft(a14 ^ d4, 39);
            b3 = BitOperations.RotateLeft(a15 ^ d0, 41);
            b4 = BitOperations.RotateLeft(a21 ^ d1, 2);
            e20 = b0 ^ (~b1 & b2);
            e21 = b1 ^ (~b2 & b3);
            e22 = b2 ^ (~b3 & b4);
            e23 = b3 ^ (~b4 & b0);
            e24 = b4 ^ (~b0 & b1);

            c0 = e0 ^ e5 ^ e10 ^ e15 ^ e20;
            c1 = e1 ^ e6 ^ e11 ^ e16 ^ e21;
            c2 = e2 ^ e7 ^ e12 ^ e17 ^ e22;
            c3 = e3 ^ e8 ^ e13 ^ e18 ^ e23;
            c4 = e4 ^ e9 ^ e14 ^ e19 ^ e24;
            d0 = c4 ^ BitOperations.RotateLeft(c1, 1);
            d1 = c0 ^ BitOperations.RotateLeft(c2, 1);
            d2 = c1 ^ BitOperations.RotateLeft(c3, 1);
            d3 = c2 ^ BitOperations.RotateLeft(c4, 1);
            d4 = c3 ^ BitOperations.RotateLeft(c0, 1);
            b0 = e0 ^ d0;
            b1 = BitOperations.RotateLeft(e6 ^ d1, 44);
            b2 = BitOperations.RotateLeft(e12 ^ d2, 43);
            b3 = BitOperations.RotateLeft(e18 ^ d3, 21);
            b4 = BitOperations.RotateLeft(e24 ^ d4, 14);
            a0 = b0 ^ (~b1 & b2) ^ Unsafe.Add(ref rc, round + 1);
            a1 = b1 ^ (~b2 & b3);
            a2 = b2 ^ (~b3 & b4);
            a3 = b3 ^ (~b4 & b0);
            a4 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(e3 ^ d3, 28);
            b1 = BitOperations.RotateLeft(e9 ^ d4, 20);
            b2 = BitOperations.RotateLeft(e10 ^ d0, 3);
            b3 = BitOperations.RotateLeft(e16 ^ d1, 45);
            b4 = BitOperations.RotateLeft(e22 ^ d2, 61);
            a5 = b0 ^ (~b1 & b2);
            a6 = b1 ^ (~b2 & b3);
            a7 = b2 ^ (~b3 & b4);
            a8 = b3 ^ (~b4 & b0);
            a9 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(e1 ^ d1, 1);
            b1 = BitOperations.RotateLeft(e7 ^ d2, 6);
            b2 = BitOperations.RotateLeft(e13 ^ d3, 25);
            b3 = BitOperations.RotateLeft(e19 ^ d4, 8);
            b4 = BitOperations.RotateLeft(e20 ^ d0, 18);
            a10 = b0 ^ (~b1 & b2);
            a11 = b1 ^ (~b2 & b3);
            a12 = b2 ^ (~b3 & b4);
            a13 = b3 ^ (~b4 & b0);
            a14 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(e4 ^ d4, 27);
            b1 = BitOperations.RotateLeft(e5 ^ d0, 36);
            b2 = BitOperations.RotateLeft(e11 ^ d1, 10);
            b3 = BitOperations.RotateLeft(e17 ^ d2, 15);
            b4 = BitOperations.RotateLeft(e23 ^ d3, 56);
            a15 = b0 ^ (~b1 & b2);
            a16 = b1 ^ (~b2 & b3);
            a17 = b2 ^ (~b3 & b4);
            a18 = b3 ^ (~b4 & b0);
            a19 = b4 ^ (~b0 & b1);
            b0 = BitOperations.RotateLeft(e2 ^ d2, 62);
            b1 = BitOperations.RotateLeft(e8 ^ d3, 55);
            b2 = BitOperations.RotateLeft(e14 ^ d4, 39);
            b3 = BitOperations.RotateLeft(e15 ^ d0, 41);
            b4 = BitOperations.RotateLeft(e21 ^ d1, 2);
            a20 = b0 ^ (~b1 & b2);
            a21 = b1 ^ (~b2 & b3);
            a22 = b2 ^ (~b3 & b4);
            a23 = b3 ^ (~b4 & b0);
            a24 = b4 ^ (~b0 & b1);

        }
        Unsafe.Add(ref s0, 0) = a0;
        Unsafe.Add(ref s0, 1) = a1;
        Unsafe.Add(ref s0, 2) = a2;
        Unsafe.Add(ref s0, 3) = a3;
        Unsafe.Add(ref s0, 4) = a4;
        Unsafe.Add(ref s0, 5) = a5;
        Unsafe.Add(ref s0, 6) = a6;
        Unsafe.Add(ref s0, 7) = a7;
        Unsafe.Add(ref s0, 8) = a8;
        Unsafe.Add(ref s0, 9) = a9;
        Unsafe.Add(ref s0, 10) = a10;
        Unsafe.Add(ref s0, 11) = a11;
        Unsafe.Add(ref s0, 12) = a12;
        Unsafe.Add(ref s0, 13) = a13;
        Unsafe.Add(ref s0, 14) = a14;
        Unsafe.Add(ref s0, 15) = a15;
        Unsafe.Add(ref s0, 16) = a16;
        Unsafe.Add(ref s0, 17) = a17;
        Unsafe.Add(ref s0, 18) = a18;
        Unsafe.Add(ref s0, 19) = a19;
        Unsafe.Add(ref s0, 20) = a20;
        Unsafe.Add(ref s0, 21) = a21;
        Unsafe.Add(ref s0, 22) = a22;
        Unsafe.Add(ref s0, 23) = a23;
        Unsafe.Add(ref s0, 24) = a24;
    }
}
