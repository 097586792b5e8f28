using System.Runtime.CompilerServices;

namespace FastMaker.Polymarket.Signing;

/// <summary>The 1600-bit Keccak state as 25 inline 64-bit lanes, so a hasher lives on the stack.</summary>
[InlineArray(25)]
internal struct KeccakLanes
{
    private ulong _lane0;
}
