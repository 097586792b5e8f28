using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// Signature type 3 (POLY_1271, the deposit wallet): the EOA signs an ERC-7739 TypedDataSign wrapping of the order
/// under the exchange domain, and the wire signature carries the parts the wallet contract needs to rebuild it:
/// innerSig(65) || exchangeDomainSeparator(32) || hashStruct(Order)(32) || utf8(OrderV2Type)(186) || uint16be(186).
/// (ORDERS-V2-V3.md 2 / PROTOCOL.md 1.3; the sum of those parts is 317 bytes.)
/// </summary>
public static class Poly1271Signature
{
    /// <summary>The TypedDataSign encoded type: the primary type followed by the referenced Order type.</summary>
    public const string TypedDataSignType =
        "TypedDataSign(Order contents,string name,string version,uint256 chainId,address verifyingContract,bytes32 salt)" + OrderStructHash.OrderV2Type;

    /// <summary>The deposit wallet's own EIP-712 name.</summary>
    public const string WalletName = "DepositWallet";

    /// <summary>The deposit wallet's EIP-712 version.</summary>
    public const string WalletVersion = "1";

    private static readonly byte[] TypeHashBytes = Eip712.TypeHash(TypedDataSignType);
    private static readonly byte[] WalletNameHash = Keccak256.Hash("DepositWallet"u8);
    private static readonly byte[] WalletVersionHash = Keccak256.Hash("1"u8);
    private static readonly byte[] OrderTypeBytes = Encoding.UTF8.GetBytes(OrderStructHash.OrderV2Type);

    /// <summary>Length of the wrapped signature.</summary>
    public static int WrappedLength => Secp256k1.SignatureBytes + 32 + 32 + OrderTypeBytes.Length + 2;

    /// <summary>keccak256(TypedDataSignType).</summary>
    public static ReadOnlySpan<byte> TypeHash => TypeHashBytes;

    /// <summary>The digest the EOA signs: keccak256(0x1901 || exchangeDomainSeparator || hashStruct(TypedDataSign)),
    /// with contents = the order struct hash, name "DepositWallet", version "1", the chain id, the wallet as
    /// verifyingContract and a zero salt.</summary>
    [SkipLocalsInit]
    public static void Digest(ReadOnlySpan<byte> exchangeDomainSeparator32, ReadOnlySpan<byte> orderStructHash32, ulong chainId,
        ReadOnlySpan<byte> depositWallet20, Span<byte> digest32)
    {
        Span<byte> e = stackalloc byte[7 * 32];
        TypeHashBytes.CopyTo(e);
        Eip712.WriteBytes32(e.Slice(32, 32), orderStructHash32);
        WalletNameHash.CopyTo(e.Slice(64, 32));
        WalletVersionHash.CopyTo(e.Slice(96, 32));
        Eip712.WriteUInt64(e.Slice(128, 32), chainId);
        Eip712.WriteAddress(e.Slice(160, 32), depositWallet20);
        e.Slice(192, 32).Clear();
        Span<byte> structHash = stackalloc byte[32];
        Keccak256.Hash(e, structHash);
        Eip712.Digest(exchangeDomainSeparator32, structHash, digest32);
    }

    /// <summary>Writes the wrapped signature from the EOA's 65-byte signature over <see cref="Digest"/>. Returns the
    /// bytes written, or 0 when <paramref name="destination"/> is too small.</summary>
    public static int Wrap(ReadOnlySpan<byte> innerSignature65, ReadOnlySpan<byte> exchangeDomainSeparator32,
        ReadOnlySpan<byte> orderStructHash32, Span<byte> destination)
    {
        if (innerSignature65.Length != 65 || exchangeDomainSeparator32.Length != 32 || orderStructHash32.Length != 32)
            SigningThrowHelper.ThrowArgument("Inner signature must be 65 bytes; separator and struct hash 32 bytes each.", nameof(innerSignature65));
        int length = WrappedLength;
        if (destination.Length < length) return 0;
        innerSignature65.CopyTo(destination);
        exchangeDomainSeparator32.CopyTo(destination.Slice(65));
        orderStructHash32.CopyTo(destination.Slice(97));
        OrderTypeBytes.CopyTo(destination.Slice(129));
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(129 + OrderTypeBytes.Length), (ushort)OrderTypeBytes.Length);
        return length;
    }

    /// <summary>Digest, sign with the EOA and wrap, in one call. Returns the bytes written (0 if too small).</summary>
    public static int Sign(EthSigner eoa, ReadOnlySpan<byte> exchangeDomainSeparator32, ReadOnlySpan<byte> orderStructHash32,
        ulong chainId, ReadOnlySpan<byte> depositWallet20, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(eoa);
        Span<byte> digest = stackalloc byte[32];
        Span<byte> inner = stackalloc byte[65];
        Digest(exchangeDomainSeparator32, orderStructHash32, chainId, depositWallet20, digest);
        eoa.Sign(digest, inner);
        return Wrap(inner, exchangeDomainSeparator32, orderStructHash32, destination);
    }
}
