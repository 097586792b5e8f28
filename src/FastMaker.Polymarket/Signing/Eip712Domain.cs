using System.Text;

namespace FastMaker.Polymarket.Signing;

/// <summary>
/// An EIP-712 domain (name, version, chainId and optionally verifyingContract, in that order) with its separator
/// computed once at construction. Immutable; share instances.
/// </summary>
public sealed class Eip712Domain
{
    /// <summary>"EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)".</summary>
    public const string TypeWithContract = "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";

    /// <summary>"EIP712Domain(string name,string version,uint256 chainId)" (ClobAuthDomain).</summary>
    public const string TypeWithoutContract = "EIP712Domain(string name,string version,uint256 chainId)";

    private static readonly byte[] TypeHashWithContract = Eip712.TypeHash(TypeWithContract);
    private static readonly byte[] TypeHashWithoutContract = Eip712.TypeHash(TypeWithoutContract);

    private readonly byte[] _separator = new byte[32];
    private readonly byte[]? _verifyingContract;

    /// <summary>Creates a domain; <paramref name="verifyingContract20"/> empty means the field is absent.</summary>
    public Eip712Domain(string name, string version, ulong chainId, ReadOnlySpan<byte> verifyingContract20)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(version);
        if (!verifyingContract20.IsEmpty && verifyingContract20.Length != 20)
            SigningThrowHelper.ThrowArgument("verifyingContract must be 20 bytes or empty.", nameof(verifyingContract20));
        Name = name;
        Version = version;
        ChainId = chainId;
        _verifyingContract = verifyingContract20.IsEmpty ? null : verifyingContract20.ToArray();

        Span<byte> encoded = stackalloc byte[5 * 32];
        (_verifyingContract is null ? TypeHashWithoutContract : TypeHashWithContract).CopyTo(encoded);
        Eip712.WriteDynamicHash(encoded.Slice(32, 32), Encoding.UTF8.GetBytes(name));
        Eip712.WriteDynamicHash(encoded.Slice(64, 32), Encoding.UTF8.GetBytes(version));
        Eip712.WriteUInt64(encoded.Slice(96, 32), chainId);
        int length = 128;
        if (_verifyingContract is not null)
        {
            Eip712.WriteAddress(encoded.Slice(128, 32), _verifyingContract);
            length = 160;
        }
        Keccak256.Hash(encoded.Slice(0, length), _separator);
    }

    /// <summary>Creates a domain from a 0x-hex verifying contract address (or null for none).</summary>
    public Eip712Domain(string name, string version, ulong chainId, string? verifyingContractHex)
        : this(name, version, chainId, verifyingContractHex is null ? default : ParseAddress(verifyingContractHex))
    {
    }

    /// <summary>The domain name.</summary>
    public string Name { get; }

    /// <summary>The domain version.</summary>
    public string Version { get; }

    /// <summary>The chain id.</summary>
    public ulong ChainId { get; }

    /// <summary>The verifying contract, empty when the domain has none.</summary>
    public ReadOnlySpan<byte> VerifyingContract => _verifyingContract;

    /// <summary>The 32-byte domain separator, hashStruct(EIP712Domain).</summary>
    public ReadOnlySpan<byte> Separator => _separator;

    internal static byte[] ParseAddress(string hex)
    {
        ReadOnlySpan<char> digits = hex.AsSpan().Trim();
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) digits = digits.Slice(2);
        var bytes = new byte[20];
        if (digits.Length != 40 || Convert.FromHexString(digits, bytes, out _, out int written) != System.Buffers.OperationStatus.Done || written != 20)
            SigningThrowHelper.ThrowArgument("Address must be 40 hex digits, optionally 0x-prefixed: '" + hex + "'.", nameof(hex));
        return bytes;
    }
}
