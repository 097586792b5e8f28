using System.Runtime.CompilerServices;

namespace FastMaker.Polymarket.Signing;

/// <summary>hashStruct of the L1 auth message ClobAuth(address address,string timestamp,uint256 nonce,string message)
/// (PROTOCOL.md 3.1), signed under <see cref="PolymarketDomains.ClobAuth"/>.</summary>
public static class ClobAuthStructHash
{
    /// <summary>The type string.</summary>
    public const string ClobAuthType = "ClobAuth(address address,string timestamp,uint256 nonce,string message)";

    /// <summary>The fixed attestation text.</summary>
    public const string AttestationMessage = "This message attests that I control the given wallet";

    private static readonly byte[] TypeHashBytes = Eip712.TypeHash(ClobAuthType);
    private static readonly byte[] MessageHashBytes = Keccak256.Hash("This message attests that I control the given wallet"u8);

    /// <summary>keccak256(ClobAuthType).</summary>
    public static ReadOnlySpan<byte> TypeHash => TypeHashBytes;

    /// <summary>hashStruct(ClobAuth) for the signer address, the unix-seconds timestamp as its decimal ASCII
    /// string, and the nonce.</summary>
    [SkipLocalsInit]
    public static void Hash(ReadOnlySpan<byte> address20, ReadOnlySpan<byte> timestampAscii, ulong nonce, Span<byte> structHash32)
    {
        Span<byte> e = stackalloc byte[5 * 32];
        TypeHashBytes.CopyTo(e);
        Eip712.WriteAddress(e.Slice(32, 32), address20);
        Eip712.WriteDynamicHash(e.Slice(64, 32), timestampAscii);
        Eip712.WriteUInt64(e.Slice(96, 32), nonce);
        MessageHashBytes.CopyTo(e.Slice(128, 32));
        Keccak256.Hash(e, structHash32);
    }
}
