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

    private static readonly ExchangeDomain[] s_domains =
    [
        new(Polygon, OrderVersion.V2, false), new(Polygon, OrderVersion.V2, true), new(Polygon, OrderVersion.V3, false),
        new(Amoy, OrderVersion.V2, false), new(Amoy, OrderVersion.V2, true), new(Amoy, OrderVersion.V3, false),
    ];

    private readonly Eip712Domain _domain;

    private ExchangeDomain(long chainId, OrderVersion version, bool negRisk)
    {
        ChainId = chainId;
        Version = version;
        NegRisk = negRisk;
        // The signing code owns the domains and their separators; this only selects one.
        _domain = PolymarketDomains.Exchange((int)version, negRisk, (ulong)chainId);
        VerifyingContract = EthAddress.FromBytes(_domain.VerifyingContract);
    }

    public long ChainId { get; }
    /// <summary>V2 or V3.</summary>
    public OrderVersion Version { get; }
    /// <summary>True for the V2 negRisk exchange (always false for V3).</summary>
    public bool NegRisk { get; }
    /// <summary>The exchange contract.</summary>
    public EthAddress VerifyingContract { get; }
    /// <summary>The precomputed EIP-712 domain separator.</summary>
    public ReadOnlySpan<byte> Separator => _domain.Separator;

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
