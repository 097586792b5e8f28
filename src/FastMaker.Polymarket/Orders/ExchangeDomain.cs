using FastMaker.Polymarket.Signing;
using FastMaker.Primitives;

namespace FastMaker.Polymarket.Orders;

/// <summary>
/// The EIP-712 domain of an exchange order: {name "Polymarket CTF Exchange", version, chainId,
/// verifyingContract}, with its separator computed once. Addresses from clob-client-v2 1.1.0 config
/// (ORDERS-V2-V3.md 1.4): V2 standard and negRisk exchanges share addresses on 137 and 80002; V3 has one
/// exchange per chain and ignores negRisk.
/// </summary>
public sealed class ExchangeDomain
{
    /// <summary>Polygon mainnet.</summary>
    public const long Polygon = 137;
    /// <summary>Polygon Amoy testnet.</summary>
    public const long Amoy = 80002;

    private static readonly EthAddress ExchangeV2 = EthAddress.Parse("0xE111180000d2663C0091e4f400237545B87B996B");
    private static readonly EthAddress NegRiskExchangeV2 = EthAddress.Parse("0xe2222d279d744050d28e00520010520000310F59");
    private static readonly EthAddress ExchangeV3Polygon = EthAddress.Parse("0xe3333700cA9d93003F00f0F71f8515005F6c00Aa");
    private static readonly EthAddress ExchangeV3Amoy = EthAddress.Parse("0x9fE6e61422AdB6F610d8597F9684b16912D50C3D");

    private static readonly ExchangeDomain[] s_domains =
    [
        new(Polygon, OrderVersion.V2, false), new(Polygon, OrderVersion.V2, true), new(Polygon, OrderVersion.V3, false),
        new(Amoy, OrderVersion.V2, false), new(Amoy, OrderVersion.V2, true), new(Amoy, OrderVersion.V3, false),
    ];

    private readonly byte[] _separator = new byte[32];

    private ExchangeDomain(long chainId, OrderVersion version, bool negRisk)
    {
        ChainId = chainId;
        Version = version;
        NegRisk = negRisk;
        VerifyingContract = version == OrderVersion.V3
            ? (chainId == Polygon ? ExchangeV3Polygon : ExchangeV3Amoy)
            : (negRisk ? NegRiskExchangeV2 : ExchangeV2);
        Eip712.DomainSeparator("Polymarket CTF Exchange"u8, version == OrderVersion.V3 ? "3"u8 : "2"u8, chainId, VerifyingContract, _separator);
    }

    /// <summary>The chain id (137 or 80002).</summary>
    public long ChainId { get; }
    /// <summary>V2 or V3.</summary>
    public OrderVersion Version { get; }
    /// <summary>True for the V2 negRisk exchange (always false for V3).</summary>
    public bool NegRisk { get; }
    /// <summary>The exchange contract.</summary>
    public EthAddress VerifyingContract { get; }
    /// <summary>The 32-byte EIP-712 domain separator.</summary>
    public ReadOnlySpan<byte> Separator => _separator;

    /// <summary>Finds the domain; false for an unknown chain or for V1 (not supported here).</summary>
    public static bool TryGet(long chainId, OrderVersion version, bool negRisk, out ExchangeDomain domain)
    {
        bool v3 = version == OrderVersion.V3;
        foreach (var d in s_domains)
        {
            if (d.ChainId == chainId && d.Version == version && (v3 || d.NegRisk == negRisk))
            {
                domain = d;
                return true;
            }
        }
        domain = null!;
        return false;
    }
}
